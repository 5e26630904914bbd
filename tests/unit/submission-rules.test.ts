import { describe, expect, it } from 'vitest';
import {
  isOnTime,
  parseExtensionUntil,
  submissionWindow,
  uploadsOpen,
} from '../../shared/domain/submission-rules.js';

const PARIS = 'Europe/Paris';
// Demo course: the assignment is due before the switch to summer time (26 March 2023), the report after.
const assignment = { due: '2023-03-20T23:59', graceMinutes: 0 };
const report = { due: '2023-04-28T23:59', graceMinutes: 0 };
const at = (iso: string) => new Date(iso);

describe('deadline, grace and extension across the March/April DST change', () => {
  it('reads each due time in the offset of its own date (CET in March, CEST in April)', () => {
    expect(submissionWindow(assignment, PARIS).closesAt.toISOString()).toBe('2023-03-20T22:59:00.000Z');
    expect(submissionWindow(report, PARIS).closesAt.toISOString()).toBe('2023-04-28T21:59:00.000Z');
  });

  it('is on time up to and including the due instant, late one millisecond after', () => {
    const w = submissionWindow(report, PARIS);
    expect(isOnTime(at('2023-04-28T23:59:00.000+02:00'), w)).toBe(true);
    expect(isOnTime(at('2023-04-28T23:59:00.001+02:00'), w)).toBe(false);
    // A form asked for at 23:58 whose file arrives at 00:01 is late.
    expect(uploadsOpen(at('2023-04-28T23:58:00+02:00'), w)).toBe(true);
    expect(isOnTime(at('2023-04-29T00:01:00+02:00'), w)).toBe(false);
    // 23:30 UTC on the 28th is already the 29th in Paris: late; 21:59Z is exactly on time.
    expect(isOnTime(at('2023-04-28T21:59:00Z'), w)).toBe(true);
    expect(isOnTime(at('2023-04-28T22:00:00Z'), w)).toBe(false);
  });

  it('adds grace minutes as elapsed time after the due instant', () => {
    const w = submissionWindow({ ...assignment, graceMinutes: 5 }, PARIS);
    expect(w.closesAt.toISOString()).toBe('2023-03-20T23:04:00.000Z');
    expect(isOnTime(at('2023-03-21T00:01:00+01:00'), w)).toBe(true);
    expect(isOnTime(at('2023-03-21T00:04:00+01:00'), w)).toBe(true);
    expect(isOnTime(at('2023-03-21T00:04:00.001+01:00'), w)).toBe(false);
  });

  it('an extension across the DST change keeps the wall time the instructor wrote', () => {
    // Assignment due Monday 20 March (CET); extended to Monday 27 March 12:00, after the change (CEST).
    const until = parseExtensionUntil('2023-03-27T12:00', PARIS);
    expect(until).toEqual({ ok: true, instant: at('2023-03-27T10:00:00Z') });
    if (!until.ok) return;
    const w = submissionWindow({ ...assignment, graceMinutes: 10 }, PARIS, until.instant);
    expect(w.extendedUntil?.toISOString()).toBe('2023-03-27T10:00:00.000Z');
    expect(w.closesAt.toISOString()).toBe('2023-03-27T10:10:00.000Z');
    expect(isOnTime(at('2023-03-27T12:10:00+02:00'), w)).toBe(true);
    expect(isOnTime(at('2023-03-27T12:10:01+02:00'), w)).toBe(false);
  });

  it('an extension never shortens the deadline', () => {
    const w = submissionWindow(report, PARIS, at('2023-04-01T10:00:00Z'));
    expect(w.closesAt.toISOString()).toBe('2023-04-28T21:59:00.000Z');
  });

  it('reads extension ends as course wall time or as an instant with offset, and refuses the DST gap', () => {
    expect(parseExtensionUntil('2023-05-02T23:59', PARIS)).toEqual({
      ok: true,
      instant: at('2023-05-02T21:59:00Z'),
    });
    expect(parseExtensionUntil('2023-05-02T23:59:30+02:00', PARIS)).toEqual({
      ok: true,
      instant: at('2023-05-02T21:59:30Z'),
    });
    expect(parseExtensionUntil('2023-05-02T21:59:30.500Z', PARIS)).toEqual({
      ok: true,
      instant: at('2023-05-02T21:59:30.500Z'),
    });
    const gap = parseExtensionUntil('2023-03-26T02:30', PARIS);
    expect(gap.ok).toBe(false);
    expect(!gap.ok && gap.message).toContain('daylight-saving gap');
    expect(parseExtensionUntil('next friday', PARIS).ok).toBe(false);
    expect(parseExtensionUntil('2023-05-02T23:59:00', PARIS).ok).toBe(false); // no offset: ambiguous
  });

  it('the autumn repeated hour resolves to its first occurrence (never later than the wall clock says)', () => {
    const w = submissionWindow({ due: '2023-10-29T02:30', graceMinutes: 0 }, PARIS);
    expect(w.closesAt.toISOString()).toBe('2023-10-29T00:30:00.000Z');
  });
});
