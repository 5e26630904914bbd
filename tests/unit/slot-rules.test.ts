import { describe, expect, it } from 'vitest';
import { CourseConfig } from '../../shared/domain/course-config.js';
import {
  bookingTimes,
  cutDays,
  isWellFormedSlotId,
  studentTimingProblems,
  type LayoutRules,
} from '../../shared/domain/slot-rules.js';
import { demoCourse } from '../../shared/demo/demo-course.js';

const rules: LayoutRules = {
  zone: 'Europe/Paris',
  slotMinutes: 30,
  courseModes: ['in-person', 'remote'],
  maxSlots: 1000,
};

describe('cutting day windows into slots', () => {
  it('cuts a morning into 30-minute slots in the course zone (UTC+2 in May)', () => {
    const { slots, problems } = cutDays(
      [{ date: '2023-05-15', start: '09:00', end: '10:30', room: 'C103' }],
      rules,
    );
    expect(problems).toEqual([]);
    expect(slots.map((s) => s.slotId)).toEqual(['2023-05-15T09:00', '2023-05-15T09:30', '2023-05-15T10:00']);
    expect(slots[0]?.start.toISOString()).toBe('2023-05-15T07:00:00.000Z');
    expect(slots[2]?.end.toISOString()).toBe('2023-05-15T08:30:00.000Z');
    expect(slots[0]?.room).toBe('C103');
    expect(slots[0]?.modes).toEqual(['in-person', 'remote']);
  });

  it('keeps the modes a day restricts to, and refuses a mode the course does not offer', () => {
    const one = cutDays([{ date: '2023-05-15', start: '09:00', end: '09:30', modes: ['remote'] }], rules);
    expect(one.slots[0]?.modes).toEqual(['remote']);
    const bad = cutDays([{ date: '2023-05-15', start: '09:00', end: '09:30', modes: ['remote'] }], {
      ...rules,
      courseModes: ['in-person'],
    });
    expect(bad.slots).toEqual([]);
    expect(bad.problems).toEqual([
      { path: 'body.days[0].modes[0]', message: expect.stringContaining('remote') },
    ]);
  });

  it('lists every bad window: end before start, not whole slots, overlapping windows', () => {
    const { slots, problems } = cutDays(
      [
        { date: '2023-05-15', start: '11:00', end: '10:00' },
        { date: '2023-05-16', start: '09:00', end: '10:45' },
        { date: '2023-05-17', start: '09:00', end: '11:00' },
        { date: '2023-05-17', start: '10:30', end: '12:00' },
      ],
      rules,
    );
    expect(slots).toEqual([]);
    expect(problems.map((p) => p.path)).toEqual(['body.days[0].end', 'body.days[1].end', 'body.days[3]']);
    expect(problems[0]?.message).toContain('must be after start');
    expect(problems[1]?.message).toContain('105 minutes');
    expect(problems[2]?.message).toContain('overlaps');
  });

  it('refuses a window starting in a daylight-saving gap, and one crossing the autumn change', () => {
    const gap = cutDays([{ date: '2023-03-26', start: '02:30', end: '04:00' }], rules);
    expect(gap.problems[0]?.path).toBe('body.days[0].start');
    expect(gap.problems[0]?.message).toContain('daylight-saving gap');
    const twice = cutDays([{ date: '2023-10-29', start: '01:30', end: '03:30' }], rules);
    expect(twice.problems[0]?.message).toContain('happens twice');
  });

  it('caps the number of slots', () => {
    const { problems } = cutDays([{ date: '2023-05-15', start: '08:00', end: '12:00' }], {
      ...rules,
      maxSlots: 4,
    });
    expect(problems[0]?.message).toContain('8 slots; at most 4');
  });

  it('recognises well-formed slot ids only', () => {
    expect(isWellFormedSlotId('2023-05-15T09:00')).toBe(true);
    for (const bad of ['2023-05-15 09:00', '2023-13-01T09:00', '2023-05-15T25:00', 'SLOT#x', '../x', ''])
      expect(isWellFormedSlotId(bad), bad).toBe(false);
  });
});

describe("a student's booking times (demo course: opens 3 April 09:00, closes 30 April 23:59, changes until 48 h before)", () => {
  const times = bookingTimes(CourseConfig.parse(demoCourse));
  const slot = new Date('2023-05-15T07:00:00Z');
  const at = (iso: string) => new Date(iso);

  it('books only inside the window', () => {
    expect(
      studentTimingProblems('book', at('2023-04-03T06:59:00Z'), times, { target: slot })[0]?.message,
    ).toBe('Booking opens on Monday 3 April 2023, 09:00 (Europe/Paris)');
    expect(studentTimingProblems('book', at('2023-04-03T07:00:00Z'), times, { target: slot })).toEqual([]);
    expect(studentTimingProblems('book', at('2023-04-30T21:59:00Z'), times, { target: slot })).toEqual([]);
    expect(
      studentTimingProblems('book', at('2023-04-30T22:00:00Z'), times, { target: slot })[0]?.message,
    ).toBe('Booking closed on Sunday 30 April 2023, 23:59 (Europe/Paris)');
  });

  it('moves and cancels until 48 h before the held slot, even after booking closed', () => {
    const held = slot;
    const target = new Date('2023-05-16T07:00:00Z');
    expect(studentTimingProblems('cancel', at('2023-05-13T07:00:00Z'), times, { held })).toEqual([]);
    const late = studentTimingProblems('cancel', at('2023-05-13T07:01:00Z'), times, { held });
    expect(late[0]?.rule).toBe('too-late');
    expect(late[0]?.message).toContain('until Saturday 13 May 2023, 09:00 (Europe/Paris), 48 h before');
    expect(studentTimingProblems('move', at('2023-05-10T07:00:00Z'), times, { held, target })).toEqual([]);
    expect(studentTimingProblems('move', at('2023-05-13T08:00:00Z'), times, { held, target })).toHaveLength(
      1,
    );
  });
});
