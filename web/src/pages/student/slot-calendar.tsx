import type { CourseView } from '../../api/types.js';
import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n.js';
import { modeKey } from './booking-panel.js';
import { changeUntil, slotsByDay } from './slot-times.js';
import { slotsMessages } from './slots-messages.js';
import { isPast, type Mode, type Slot } from './student-data.js';
import { studentMessages } from './student-messages.js';

/**
 * The slots as a calendar: one column per day where there is room, one list per day below each
 * other on a phone (CSS grid). Free slots have a button whose name says which slot it books.
 */
export const SlotCalendar = ({
  course,
  slots,
  mode,
  hasBooking,
  canBook,
  busy,
  now,
  onBook,
}: {
  course: CourseView;
  slots: Slot[];
  mode: Mode;
  hasBooking: boolean;
  canBook: boolean;
  busy: boolean;
  now: number;
  onBook: (slotId: string) => void;
}) => {
  const t = useT(slotsMessages);
  const s = useT(studentMessages);
  const fmt = useFormat();
  const zone = course.config.timeZone;
  if (slots.length === 0) return <p>{t('none')}</p>;
  return (
    <div class="st-calendar">
      {slotsByDay(slots).map(({ day, slots: list }) => {
        const first = list[0] as Slot;
        return (
          <section key={day} class="st-day" aria-labelledby={`day-${day}`}>
            <h3 id={`day-${day}`}>{fmt.weekday(first.start, zone)}</h3>
            <ul>
              {list.map((slot) => {
                const when = `${fmt.time(slot.start, zone)}–${fmt.time(slot.end, zone)}`;
                const state = slot.yours ? 'yours' : slot.available ? 'free' : 'taken';
                const tooLate = isPast(changeUntil(slot.start, course), now);
                return (
                  <li key={slot.slotId} class={`st-slot st-slot-${state}`}>
                    <span class="st-slot-time">{when}</span>
                    <span class="st-slot-meta">
                      {slot.room ?? ''}
                      {slot.room ? ' · ' : ''}
                      {slot.modes.map((m) => s(modeKey(m))).join(', ')}
                    </span>
                    {state === 'free' ? (
                      canBook && !tooLate && slot.modes.includes(mode) ? (
                        <button type="button" disabled={busy} onClick={() => onBook(slot.slotId)}>
                          {hasBooking ? t('move') : t('book')}
                          <span class="visually-hidden">
                            {' '}
                            {fmt.weekday(slot.start, zone)} {when}
                          </span>
                        </button>
                      ) : (
                        <span class="st-slot-state">
                          {t('free')}
                          {canBook &&
                            (tooLate
                              ? ` — ${t('tooLate')}`
                              : ` — ${t('notThisMode', { mode: s(modeKey(mode)) })}`)}
                        </span>
                      )
                    ) : (
                      <strong class="st-slot-state">{t(state)}</strong>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
};
