import { describe, expect, it } from 'vitest';
import { regradeWindowEnd } from '../../web/src/pages/student/regrade-window.js';

describe('regradeWindowEnd (web)', () => {
  it('counts calendar days in the course zone, keeping the hour across a DST change', () => {
    // Published Tuesday 21 March 2023 10:00 in Paris (UTC+1); Paris moves to UTC+2 on 26 March.
    const end = regradeWindowEnd('2023-03-21T10:00:00+01:00', 'Europe/Paris', 7);
    expect(end.toISOString()).toBe('2023-03-28T08:00:00.000Z');
  });

  it('is plain days without a change of offset, and the start itself for 0 days', () => {
    expect(regradeWindowEnd('2023-05-02T14:30:00+02:00', 'Europe/Paris', 3).toISOString()).toBe(
      '2023-05-05T12:30:00.000Z',
    );
    expect(regradeWindowEnd('2023-05-02T14:30:00+02:00', 'Europe/Paris', 0).toISOString()).toBe(
      '2023-05-02T12:30:00.000Z',
    );
  });
});
