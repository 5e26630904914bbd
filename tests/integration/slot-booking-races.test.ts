import '../../shared/runtime/db-client.js';
import { stackDeps } from '../support/stack-deps.js';
import {
  DeleteCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../shared/auth/caller.js';
import type { AppError } from '../../shared/errors.js';
import { buildDeps, type Deps } from '../../shared/runtime/deps.js';
import { putBooking } from '../../shared/slots/put-booking.js';
import { keys } from '../../shared/store/keys.js';
import { listSlots } from '../../shared/store/slot-repo.js';
import { courseWithGroups, layOut, type SlotCourse } from '../support/slot-fixture.js';

const env = stackDeps().env;
const plain = buildDeps(env);
const NOW = new Date('2023-04-10T08:00:00Z');

/**
 * Deps whose DynamoDB client runs `meanwhile` just before the booking's TransactWriteItems: what a
 * concurrent request would have done between the read and the write.
 */
const racing = (meanwhile: () => Promise<unknown>): Deps => {
  const db = plain.db;
  let done = false;
  const wrapped = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'send') return Reflect.get(target, prop, receiver) as unknown;
      return async (command: unknown) => {
        if (!done && command instanceof TransactWriteCommand) {
          done = true;
          await meanwhile();
        }
        return (target.send as (c: unknown) => Promise<unknown>)(command);
      };
    },
  }) as DynamoDBDocumentClient;
  return Object.assign(buildDeps(env, { db: wrapped }), { clock: { now: () => NOW } });
};

const callerOf = (email: string | undefined): Caller => ({ email: email ?? '', groups: [], isAdmin: false });

const lost = async (run: Promise<unknown>): Promise<AppError> => {
  try {
    await run;
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected the booking to fail');
};

const setUp = async (): Promise<SlotCourse> => {
  const c = await courseWithGroups({ groups: 2 });
  await layOut(c, [{ date: '2023-05-15', start: '09:00', end: '10:00' }]);
  return c;
};

describe('a booking races a concurrent change between its read and its write', () => {
  it('a member leaves: the ConditionCheck on the group refuses (409 group_incomplete), nothing written', async () => {
    const c = await setUp();
    const g = c.groups[0] ?? { groupId: '', members: [] };
    const d = racing(() =>
      plain.db.send(
        new UpdateCommand({
          TableName: plain.tableName,
          Key: keys.group(c.courseId, g.groupId),
          UpdateExpression: 'REMOVE members[2]',
        }),
      ),
    );
    const error = await lost(
      putBooking(d, c.courseId, g.groupId, callerOf(g.members[0]), {
        slotId: '2023-05-15T09:00',
        mode: 'remote',
      }),
    );
    expect(error.status).toBe(409);
    expect(error.code).toBe('group_incomplete');
    expect(error.message).toContain('now has 2');
    expect((await listSlots(plain, c.courseId)).filter((s) => s.groupId)).toEqual([]);
  });

  it('another group takes the slot: 409 slot_taken; the slot is removed: 409 slot_removed', async () => {
    const c = await setUp();
    const [a, b] = c.groups as [SlotCourse['groups'][number], SlotCourse['groups'][number]];
    const d = racing(() =>
      putBooking(
        racing(async () => undefined),
        c.courseId,
        b.groupId,
        callerOf(b.members[0]),
        {
          slotId: '2023-05-15T09:00',
          mode: 'in-person',
        },
      ),
    );
    const taken = await lost(
      putBooking(d, c.courseId, a.groupId, callerOf(a.members[0]), {
        slotId: '2023-05-15T09:00',
        mode: 'remote',
      }),
    );
    expect([taken.status, taken.code]).toEqual([409, 'slot_taken']);
    const removed = await lost(
      putBooking(
        racing(() =>
          plain.db.send(
            new DeleteCommand({ TableName: plain.tableName, Key: keys.slot(c.courseId, '2023-05-15T09:30') }),
          ),
        ),
        c.courseId,
        a.groupId,
        callerOf(a.members[1]),
        { slotId: '2023-05-15T09:30', mode: 'remote' },
      ),
    );
    expect([removed.status, removed.code]).toEqual([409, 'slot_removed']);
    const held = (await listSlots(plain, c.courseId)).filter((s) => s.groupId);
    expect(held.map((s) => [s.slotId, s.groupId])).toEqual([['2023-05-15T09:00', b.groupId]]);
  });

  it('another member of the group books first: 409 already_booked naming the slot', async () => {
    const c = await setUp();
    const g = c.groups[0] ?? { groupId: '', members: [] };
    const d = racing(() =>
      putBooking(
        racing(async () => undefined),
        c.courseId,
        g.groupId,
        callerOf(g.members[1]),
        {
          slotId: '2023-05-15T09:30',
          mode: 'in-person',
        },
      ),
    );
    const error = await lost(
      putBooking(d, c.courseId, g.groupId, callerOf(g.members[0]), {
        slotId: '2023-05-15T09:00',
        mode: 'remote',
      }),
    );
    expect([error.status, error.code]).toEqual([409, 'already_booked']);
    expect(error.message).toContain('2023-05-15T09:30');
    const held = (await listSlots(plain, c.courseId)).filter((s) => s.groupId);
    expect(held.map((s) => s.slotId)).toEqual(['2023-05-15T09:30']);
  });
});
