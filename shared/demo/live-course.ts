import type { DateTime } from 'luxon';
import type { CourseConfigInput } from '../domain/course-config.js';
import type { LayoutSlotsBody } from '../slots/schemas.js';
import { demoCourse } from './demo-course.js';

/**
 * The live demo course: the papers, instructors, roster and rules of `genmod-2023`, with its
 * calendar laid out from the day it is made, so that `npm start` offers a course one can use at
 * once without moving the local clock.
 */
export const LIVE_COURSE_ID = 'genmod-live';

/** Days after "today" (in the course zone) of each step; every time is a whole-minute wall time. */
export const LIVE_SCHEDULE = {
  groupsClose: { days: 7, time: '23:59' },
  assignmentDue: { days: 14, time: '23:59' },
  reportDue: { days: 35, time: '23:59' },
  /** From the first day, so that a newcomer can try every step (form, upload, book) at once. */
  bookingOpens: { days: 0, time: '00:00' },
  bookingCloses: { days: 40, time: '23:59' },
} as const;

/**
 * The presentations: weekday mornings of days 42–49 (6–7 weeks out; about 36 slots for a roster of
 * 16, and few enough that a re-date's removals and additions fit in one transaction), laid out by the
 * seed (genmod-2023 has none: its instructor lays them out, as `npm run demo` shows).
 */
export const LIVE_PRESENTATION_DAYS = { from: 42, to: 49 } as const;

/** The slot layout (PUT /courses/{id}/slots body) of the live course made on `today`. */
export const liveSlotLayout = (today: DateTime): LayoutSlotsBody => {
  const start = today.setZone(demoCourse.timeZone).startOf('day');
  const days: LayoutSlotsBody['days'] = [];
  for (let n = LIVE_PRESENTATION_DAYS.from; n <= LIVE_PRESENTATION_DAYS.to; n++) {
    const day = start.plus({ days: n });
    if (day.weekday > 5) continue;
    const date = day.toFormat('yyyy-MM-dd');
    days.push({ date, start: '09:00', end: '12:00', room: 'Room C103' });
  }
  return { days };
};

/**
 * Wall time `days` after the start of `today` in `zone`. 23:59 and 09:00 exist on every day in
 * Europe/Paris (its changes happen at 02:00 and 03:00), so none falls into a daylight-saving gap.
 */
const wallTime = (today: DateTime, zone: string, step: { days: number; time: string }): string =>
  `${today.setZone(zone).startOf('day').plus({ days: step.days }).toFormat('yyyy-MM-dd')}T${step.time}`;

/** The live course's config for a course started on `today` (any zone; read in the course zone). */
export const liveCourse = (today: DateTime): CourseConfigInput => {
  const zone = demoCourse.timeZone;
  const at = (step: { days: number; time: string }) => wallTime(today, zone, step);
  const assignmentDue = at(LIVE_SCHEDULE.assignmentDue);
  const reportDue = at(LIVE_SCHEDULE.reportDue);
  return {
    ...demoCourse,
    title: `${demoCourse.title} (live demo)`,
    groups: { ...demoCourse.groups, deadline: at(LIVE_SCHEDULE.groupsClose) },
    deliverables: demoCourse.deliverables.map((d) => ({
      ...d,
      due: d.id === 'assignment' ? assignmentDue : reportDue,
    })),
    presentations: {
      ...demoCourse.presentations,
      bookingOpens: at(LIVE_SCHEDULE.bookingOpens),
      bookingCloses: at(LIVE_SCHEDULE.bookingCloses),
      meetingUrl: `https://meet.example.org/${LIVE_COURSE_ID}`,
    },
  };
};
