import { describe, expect, it } from 'vitest';
import {
  groupMailKey,
  groupOutboxPuts,
  TRANSACTION_LIMIT,
  type GroupMail,
} from '../../shared/groups/group-mail.js';
import { keys } from '../../shared/store/keys.js';

const COURSE = 'unit-course';
const GROUP = 'g_unitgroup0000000000';
const now = new Date('2023-03-01T09:00:00Z');
const d = { tableName: 'unit-table' };
const member = (i: number) => `s${i}@students.example`;

const groupMail = (n: number, subject = 'Your group was changed'): GroupMail => ({
  courseId: COURSE,
  groupId: GROUP,
  mails: Array.from({ length: n }, (_, i) => ({ to: [member(i)], subject, text: 'Members: …' })),
});

const recipients = (puts: ReturnType<typeof groupOutboxPuts>) =>
  puts.flatMap((p) => (p.Put?.Item?.to as string[] | undefined) ?? []);

describe('group mails in the change’s own transaction', () => {
  it('one outbox item per member, keyed by the group version and the member', () => {
    const puts = groupOutboxPuts(d, now, 5, { mail: groupMail(3), key: groupMailKey(GROUP, 7) });
    expect(puts).toHaveLength(3);
    expect(puts.map((p) => p.Put?.Item?.sk)).toEqual(
      [0, 1, 2].map((i) => keys.outbox(COURSE, `group#${GROUP}#v7#${member(i)}`).sk),
    );
    expect(puts.every((p) => p.Put?.ConditionExpression === 'attribute_not_exists(pk)')).toBe(true);
    expect(recipients(puts)).toEqual([0, 1, 2].map(member));
  });

  it('a 50-member group formed at once still fits in 100 items: some intents are shared, nobody is left out', () => {
    // group + 50 joins + seat + audit = 53 items before the mails.
    const used = 53;
    const puts = groupOutboxPuts(d, now, used, { mail: groupMail(50), key: groupMailKey(GROUP, 1) });
    expect(used + puts.length).toBeLessThanOrEqual(TRANSACTION_LIMIT);
    const to = recipients(puts);
    expect(to).toHaveLength(50);
    expect(new Set(to).size).toBe(50);
    expect(new Set(puts.map((p) => p.Put?.Item?.sk)).size).toBe(puts.length);
  });

  it('keeps room for every part: the member who left is told in an item of their own', () => {
    const used = 97;
    const puts = groupOutboxPuts(
      d,
      now,
      used,
      { mail: groupMail(10), key: groupMailKey(GROUP, 3) },
      {
        mail: {
          courseId: COURSE,
          groupId: GROUP,
          mails: [{ to: ['left@students.example'], subject: 'You left', text: '…' }],
        },
        key: groupMailKey(GROUP, 3, 'removed'),
      },
      { mail: undefined, key: 'unused' },
    );
    expect(used + puts.length).toBeLessThanOrEqual(TRANSACTION_LIMIT);
    expect(puts.at(-1)?.Put?.Item).toMatchObject({ to: ['left@students.example'], subject: 'You left' });
    expect(recipients(puts)).toHaveLength(11);
  });
});
