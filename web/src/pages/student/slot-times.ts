import type { CourseView } from '../../api/types.js';
import type { Slot } from './student-data.js';

/**
 * The last instant a booking of a slot may be made, moved or cancelled by a student: the slot's
 * start less the course's changeUntilHoursBefore (the rule the server applies, shown beforehand).
 */
export const changeUntil = (start: string, course: CourseView): string =>
  new Date(
    new Date(start).getTime() - course.config.presentations.changeUntilHoursBefore * 3_600_000,
  ).toISOString();

/** Slots by day: a slot id is its wall-clock start in the course zone, so its first 10 characters name the day. */
export const slotsByDay = (slots: Slot[]): { day: string; slots: Slot[] }[] => {
  const days = new Map<string, Slot[]>();
  for (const slot of slots) {
    const day = slot.slotId.slice(0, 10);
    days.set(day, [...(days.get(day) ?? []), slot]);
  }
  return [...days].map(([day, list]) => ({ day, slots: list }));
};
