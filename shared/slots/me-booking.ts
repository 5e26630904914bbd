import type { MePart } from '../courses/me-part.js';
import type { PresentationMode } from '../domain/course-config.js';
import { isoInZone } from '../domain/local-time.js';
import { keys } from '../store/keys.js';
import { findBooking } from '../store/slot-repo.js';
import { meetingUrlFor } from './slot-view.js';

export interface MeBooking {
  slotId: string;
  start: string;
  end: string;
  room: string | null;
  mode: PresentationMode;
  meetingUrl?: string;
}

/** The student's group's presentation, from its booking marker (read with /me's one BatchGet). */
export const meBooking: MePart<MeBooking | null> = {
  keys: ({ course, student }) => (student.groupId ? [keys.booking(course.courseId, student.groupId)] : []),
  build: ({ course, student }, items) => {
    if (!student.groupId) return null;
    const b = findBooking(items, course.courseId, student.groupId);
    if (!b?.slotId) return null;
    const zone = course.config.timeZone;
    const meetingUrl = meetingUrlFor(course, b.mode);
    return {
      slotId: b.slotId,
      start: isoInZone(new Date(b.start), zone),
      end: isoInZone(new Date(b.end), zone),
      room: b.room,
      mode: b.mode,
      ...(meetingUrl ? { meetingUrl } : {}),
    };
  },
};
