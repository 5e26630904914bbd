import { describe, expect, it } from 'vitest';
import { describeInZone, isoInZone, resolveLocalTime } from '../../shared/domain/local-time.js';

describe('wall-clock course times', () => {
  it('reads March deadlines at UTC+1 and April deadlines at UTC+2 in Paris', () => {
    const march = resolveLocalTime('2023-03-13T23:59', 'Europe/Paris');
    const april = resolveLocalTime('2023-04-28T23:59', 'Europe/Paris');
    expect(march.ok && march.instant.toISOString()).toBe('2023-03-13T22:59:00.000Z');
    expect(april.ok && april.instant.toISOString()).toBe('2023-04-28T21:59:00.000Z');
  });

  it('refuses a time inside the spring-forward gap', () => {
    expect(resolveLocalTime('2023-03-26T02:30', 'Europe/Paris')).toEqual({
      ok: false,
      reason: 'nonexistent',
    });
  });

  it('resolves a time that happens twice (autumn) to its first occurrence', () => {
    const r = resolveLocalTime('2023-10-29T02:30', 'Europe/Paris');
    expect(r.ok && r.instant.toISOString()).toBe('2023-10-29T00:30:00.000Z');
  });

  it('refuses unknown zones and malformed times', () => {
    expect(resolveLocalTime('2023-03-13T23:59', 'Mars/Olympus')).toEqual({ ok: false, reason: 'bad-zone' });
    expect(resolveLocalTime('2023-02-30T10:00', 'Europe/Paris')).toEqual({ ok: false, reason: 'malformed' });
    expect(resolveLocalTime('13/03/2023', 'Europe/Paris')).toEqual({ ok: false, reason: 'malformed' });
  });

  it('writes instants with the zone offset and for people', () => {
    const at = new Date('2023-04-28T21:59:00Z');
    expect(isoInZone(at, 'Europe/Paris')).toBe('2023-04-28T23:59:00+02:00');
    expect(describeInZone(at, 'Europe/Paris')).toBe('Friday 28 April 2023, 23:59 (Europe/Paris)');
  });
});
