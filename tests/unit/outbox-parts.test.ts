import { describe, expect, it } from 'vitest';
import { backoffMs, isRetryable, streamInstant } from '../../shared/mail/deliver.js';
import type { MailIntent } from '../../shared/mail/outbox.js';
import { intentsFor, keyOfMailId, mailIdOf, outboxPut } from '../../shared/mail/outbox.js';
import { tokenBucket, type PaceTimer } from '../../shared/mail/pacer.js';
import { keys } from '../../shared/store/keys.js';

/** A timer whose sleeps move virtual time at once: pacing is measured, not waited for. */
export const virtualTimer = (): PaceTimer & { elapsed: number } => {
  const t = {
    elapsed: 0,
    nowMs: () => t.elapsed,
    sleep: async (ms: number) => {
      t.elapsed += ms;
    },
  };
  return t;
};

const intent = (over: Partial<MailIntent> = {}): MailIntent => ({
  key: 'booking#g1#0#a@students.example',
  courseId: 'c1',
  template: 'booking',
  to: ['a@students.example'],
  subject: 'Presentation booked',
  text: 'Hello',
  ...over,
});

describe('outboxPut', () => {
  it('is a conditional Put of a pending item keyed MAIL#<key>, waiting in GSI1 MAILRETRY', () => {
    const now = new Date('2031-01-01T10:00:00Z');
    const put = outboxPut({ tableName: 't' }, intent(), now);
    expect(put.Put?.ConditionExpression).toBe('attribute_not_exists(pk)');
    expect(put.Put?.Item).toMatchObject({
      ...keys.outbox('c1', 'booking#g1#0#a@students.example'),
      pk: 'COURSE#c1',
      sk: 'MAIL#booking#g1#0#a@students.example',
      type: 'outbox',
      status: 'pending',
      attempts: 0,
      createdAt: now.toISOString(),
      to: ['a@students.example'],
      gsi1pk: 'MAILRETRY',
      gsi1sk: '2031-01-01T10:05:00.000Z',
    });
  });

  it('refuses an intent without recipient or with a key holding spaces', () => {
    expect(() => outboxPut({ tableName: 't' }, intent({ to: [] }), new Date())).toThrow();
    expect(() => outboxPut({ tableName: 't' }, intent({ key: 'a b' }), new Date())).toThrow();
  });

  it('intentsFor gives one intent per recipient, attachments as UTF-8 text', () => {
    const out = intentsFor('c1', 'booking', 'booking#g1#3', [
      {
        to: ['A@x.example', 'b@x.example'],
        subject: 's',
        text: 't',
        attachments: [
          { fileName: 'p.ics', contentType: 'text/calendar', content: new TextEncoder().encode('ics') },
        ],
      },
    ]);
    expect(out.map((i) => i.key)).toEqual(['booking#g1#3#a@x.example', 'booking#g1#3#b@x.example']);
    expect(out[0]?.to).toEqual(['A@x.example']);
    expect(out[1]?.attachments?.[0]?.content).toBe('ics');
  });

  it('a mail id names the key in a URL and back', () => {
    const key = 'booking#g_1#2#ines.garcia@students.example';
    expect(mailIdOf(key)).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(keyOfMailId(mailIdOf(key))).toBe(key);
  });
});

describe('retry policy', () => {
  it('backs off 10 s · 2^(n-1), capped at 15 min, with jitter in the upper half', () => {
    expect(backoffMs(1, () => 0)).toBe(5_000);
    expect(backoffMs(1, () => 1)).toBe(10_000);
    expect(backoffMs(3, () => 1)).toBe(40_000);
    expect(backoffMs(8, () => 1)).toBe(15 * 60_000);
    expect(backoffMs(20, () => 0)).toBe(7.5 * 60_000);
  });

  it('retries throttling, 5xx and network errors; a refusal is final', () => {
    expect(isRetryable({ name: 'TooManyRequestsException', $metadata: { httpStatusCode: 429 } })).toBe(true);
    expect(isRetryable({ name: 'LimitExceededException', $metadata: { httpStatusCode: 400 } })).toBe(true);
    expect(isRetryable({ name: 'InternalFailure', $metadata: { httpStatusCode: 500 } })).toBe(true);
    expect(isRetryable(new Error('socket hang up'))).toBe(true);
    expect(isRetryable({ name: 'MessageRejected', $metadata: { httpStatusCode: 400 } })).toBe(false);
    expect(isRetryable({ name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } })).toBe(false);
  });

  it('takes "now" from the latest record of the batch', () => {
    expect(
      streamInstant([
        { dynamodb: { ApproximateCreationDateTime: 1_900_000_000 } },
        { dynamodb: { ApproximateCreationDateTime: 1_900_000_010 } },
      ])?.toISOString(),
    ).toBe(new Date(1_900_000_010_000).toISOString());
    expect(streamInstant([{}])).toBeUndefined();
  });
});

describe('token bucket', () => {
  it('at 1/s, 5 sends take 4 s: one per second, the first at once', async () => {
    const timer = virtualTimer();
    const pacer = tokenBucket(1, timer);
    const at: number[] = [];
    for (let i = 0; i < 5; i++) {
      await pacer.take();
      at.push(timer.nowMs());
    }
    expect(at).toEqual([0, 1000, 2000, 3000, 4000]);
  });

  it('concurrent takers queue: 50/s spaces 10 sends 20 ms apart', async () => {
    const timer = virtualTimer();
    const pacer = tokenBucket(50, timer);
    const at: number[] = [];
    await Promise.all(Array.from({ length: 10 }, () => pacer.take().then(() => at.push(timer.nowMs()))));
    expect(at).toEqual(Array.from({ length: 10 }, (_, i) => i * 20));
  });

  it('never lets a window of one second see more than the rate', async () => {
    const timer = virtualTimer();
    const pacer = tokenBucket(3, timer);
    const at: number[] = [];
    for (let i = 0; i < 30; i++) {
      await pacer.take();
      at.push(timer.nowMs());
    }
    for (const start of at)
      expect(at.filter((t) => t >= start && t < start + 1000).length).toBeLessThanOrEqual(3);
  });
});
