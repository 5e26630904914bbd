import type { CourseConfig } from './course-config.js';
import { isoInZone, localToInstant } from './local-time.js';

export type DeadlineKind = 'groups' | 'deliverable' | 'booking-opens' | 'booking-closes';

export interface Deadline {
  /** Stable key: "groups", "deliverable:report", "booking-opens", "booking-closes". */
  key: string;
  kind: DeadlineKind;
  title: string;
  local: string;
  at: Date;
}

/** Every dated event of a course, in time order. */
export const courseDeadlines = (c: CourseConfig): Deadline[] => {
  const at = (local: string) => localToInstant(local, c.timeZone);
  const list: Deadline[] = [
    {
      key: 'groups',
      kind: 'groups',
      title: 'Group and paper choice',
      local: c.groups.deadline,
      at: at(c.groups.deadline),
    },
    ...c.deliverables.map((d) => ({
      key: `deliverable:${d.id}`,
      kind: 'deliverable' as const,
      title: d.title,
      local: d.due,
      at: at(d.due),
    })),
    {
      key: 'booking-opens',
      kind: 'booking-opens',
      title: 'Presentation booking opens',
      local: c.presentations.bookingOpens,
      at: at(c.presentations.bookingOpens),
    },
    {
      key: 'booking-closes',
      kind: 'booking-closes',
      title: 'Presentation booking closes',
      local: c.presentations.bookingCloses,
      at: at(c.presentations.bookingCloses),
    },
  ];
  return list.sort((a, b) => a.at.getTime() - b.at.getTime());
};

/** The wire shape of a deadline: instant with offset, plus the wall time and zone it was written in. */
export const deadlineView = (d: Deadline, zone: string) => ({
  key: d.key,
  title: d.title,
  at: isoInZone(d.at, zone),
  local: d.local,
  timeZone: zone,
});
