import { describe, expect, it } from 'vitest';
import { regradeEligibility, regradeWindowEnd } from '../../shared/domain/regrade-rules.js';
import { partsOfRegradeId, regradeIdOf } from '../../shared/regrades/regrade-store.js';

const zone = 'Europe/Paris';
// Published Tuesday 21 March 2023, 10:00 Paris (CET); summer time starts Sunday 26 March.
const publishedAt = new Date('2023-03-21T09:00:00Z');
const base = { regradeDays: 7, zone, publishedAt, seenValue: 12, open: false };

describe('regrade window', () => {
  it('counts calendar days in the course zone across the DST change (10:00 stays 10:00)', () => {
    expect(regradeWindowEnd(publishedAt, zone, 7).toISOString()).toBe('2023-03-28T08:00:00.000Z');
  });

  it('is open until its end, excluded, and names the end in course time once closed', () => {
    expect(regradeEligibility({ ...base, now: new Date('2023-03-28T07:59:59Z') })).toMatchObject({
      ok: true,
    });
    const closed = regradeEligibility({ ...base, now: new Date('2023-03-28T08:00:00Z') });
    expect(closed).toMatchObject({ ok: false, kind: 'window_closed' });
    expect(closed.ok ? '' : closed.message).toContain('Tuesday 28 March 2023, 10:00 (Europe/Paris)');
  });

  it('refuses in order: no setting, not published, window, no grade, an open request', () => {
    const now = new Date('2023-03-22T09:00:00Z');
    const kind = (
      s: Partial<Omit<typeof base, 'seenValue' | 'publishedAt' | 'regradeDays'>> & {
        seenValue?: number | null;
        publishedAt?: Date | undefined;
        regradeDays?: number | undefined;
      },
    ) => {
      const v = regradeEligibility({ ...base, ...s, now });
      return v.ok ? 'ok' : v.kind;
    };
    expect(kind({ regradeDays: undefined, publishedAt: undefined })).toBe('disabled');
    expect(kind({ publishedAt: undefined, open: true })).toBe('not_published');
    expect(kind({ regradeDays: 0, open: true })).toBe('window_closed');
    expect(kind({ seenValue: null, open: true })).toBe('no_grade');
    expect(kind({ open: true })).toBe('already_open');
    expect(kind({})).toBe('ok');
  });
});

describe('regrade ids', () => {
  it('name the item and round, and anything else decodes to nothing', () => {
    const id = regradeIdOf('a.b+c@uni.example', 'report', 2);
    expect(id).toMatch(/^[\w-]+$/);
    expect(partsOfRegradeId(id)).toEqual({ email: 'a.b+c@uni.example', componentId: 'report', round: 2 });
    expect(partsOfRegradeId('not-an-id')).toBeUndefined();
    expect(partsOfRegradeId(Buffer.from('["x","y",0]').toString('base64url'))).toBeUndefined();
  });
});
