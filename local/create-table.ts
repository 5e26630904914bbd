import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import type { Deps } from '../shared/runtime/deps.js';
import type { LocalTableSpec } from './template/local-app.js';

/**
 * Creates each table the synthesized templates declare (keys, indexes, streams, TTL), unless it
 * exists (data kept under .data/). The definition comes from infra/stateful-stack.ts only.
 */
export const ensureTables = async (d: Pick<Deps, 'db'>, tables: readonly LocalTableSpec[]): Promise<void> => {
  for (const table of tables) {
    let existing;
    try {
      existing = (await d.db.send(new DescribeTableCommand({ TableName: table.name }))).Table;
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
    }
    if (existing) {
      // A table kept in .data/ from before the template gained its stream gets it now.
      const stream = table.create.StreamSpecification;
      if (stream && !existing.StreamSpecification?.StreamEnabled)
        await d.db.send(new UpdateTableCommand({ TableName: table.name, StreamSpecification: stream }));
      continue;
    }
    await d.db.send(new CreateTableCommand(table.create));
    if (table.ttlAttribute)
      await d.db.send(
        new UpdateTimeToLiveCommand({
          TableName: table.name,
          TimeToLiveSpecification: { AttributeName: table.ttlAttribute, Enabled: true },
        }),
      );
  }
};
