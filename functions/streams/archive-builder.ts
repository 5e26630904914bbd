import type { Context } from 'aws-lambda';
import { buildArchive } from '../../shared/exports/build-archive.js';
import { pendingArchives, streamInstant } from '../../shared/exports/archive-stream.js';
import { depsAt } from '../../shared/runtime/deps.js';
import { beginInvocation, endInvocation, log } from '../../shared/runtime/log.js';

/**
 * The archive builder, fed by the table's stream (filtered to pending archive requests): builds each
 * requested ZIP into S3. A build that fails is recorded as failed, not retried; only a request whose
 * outcome could not be written is handed back (ReportBatchItemFailures) to be given again.
 */
export const handler = async (
  event: unknown,
  context?: Context,
): Promise<{ batchItemFailures: { itemIdentifier: string }[] }> => {
  beginInvocation(context, undefined);
  try {
    const d = depsAt(streamInstant(event));
    const batchItemFailures: { itemIdentifier: string }[] = [];
    for (const { archive, sequenceNumber } of pendingArchives(event)) {
      try {
        const outcome = await buildArchive(d, archive);
        log.info('archive built', {
          archiveId: archive.archiveId,
          status: outcome?.status ?? 'claimed elsewhere',
        });
      } catch (error) {
        log.error('archive outcome not recorded', { archiveId: archive.archiveId, error });
        if (sequenceNumber) batchItemFailures.push({ itemIdentifier: sequenceNumber });
      }
    }
    return { batchItemFailures };
  } finally {
    endInvocation();
  }
};
