import { bookingTimes, changeDeadline } from '../domain/slot-rules.js';
import { isoInZone } from '../domain/local-time.js';
import type { CourseRecord } from '../store/course-repo.js';
import type { BookingRecord, SlotRecord } from '../store/slot-repo.js';

/** A slot as the API shows it: students see free/taken (and their own), instructors also the group. */
export const slotView = (
  course: CourseRecord,
  slot: SlotRecord,
  viewer: { isStaff: boolean; groupId?: string | undefined },
) => {
  const zone = course.config.timeZone;
  return {
    slotId: slot.slotId,
    start: isoInZone(new Date(slot.start), zone),
    end: isoInZone(new Date(slot.end), zone),
    room: slot.room,
    modes: slot.modes,
    available: !slot.groupId,
    ...(viewer.isStaff
      ? { groupId: slot.groupId ?? null, mode: slot.mode ?? null }
      : { yours: !!slot.groupId && slot.groupId === viewer.groupId }),
  };
};

/** The meeting link goes with the remote mode only. */
export const meetingUrlFor = (course: CourseRecord, mode: string): string | undefined =>
  mode === 'remote' ? course.config.presentations.meetingUrl : undefined;

export const bookingView = (course: CourseRecord, b: BookingRecord) => {
  const zone = course.config.timeZone;
  const meetingUrl = meetingUrlFor(course, b.mode);
  return {
    groupId: b.groupId,
    status: b.status,
    slotId: b.slotId ?? b.eventSlotId,
    start: isoInZone(new Date(b.start), zone),
    end: isoInZone(new Date(b.end), zone),
    room: b.room,
    mode: b.mode,
    ...(meetingUrl ? { meetingUrl } : {}),
    sequence: b.sequence,
    changeUntil: isoInZone(changeDeadline(new Date(b.start), bookingTimes(course.config)), zone),
    timeZone: zone,
  };
};
