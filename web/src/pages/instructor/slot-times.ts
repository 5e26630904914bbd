import type { SlotView } from './staff-data.js';

/*
 * A slot's id is its start as wall-clock time in the course zone (YYYY-MM-DDTHH:mm) and its end is
 * an ISO instant written with the course offset: both read as course time without any zone math.
 */
export const slotDate = (s: Pick<SlotView, 'slotId'>) => s.slotId.slice(0, 10);
export const slotStart = (s: Pick<SlotView, 'slotId'>) => s.slotId.slice(11, 16);
export const slotEnd = (s: Pick<SlotView, 'end'>) => s.end.slice(11, 16);

/** Noon UTC of a course date: formatted in UTC, it is that calendar day whatever the reader's zone. */
export const dateNoon = (date: string) => `${date}T12:00:00Z`;

export const byDay = (slots: SlotView[]): Map<string, SlotView[]> => {
  const days = new Map<string, SlotView[]>();
  for (const s of [...slots].sort((a, b) => a.slotId.localeCompare(b.slotId))) {
    const list = days.get(slotDate(s)) ?? [];
    list.push(s);
    days.set(slotDate(s), list);
  }
  return days;
};
