import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n.js';
import { scheduleMessages } from './schedule-messages.js';
import { dateNoon, slotEnd, slotStart } from './slot-times.js';
import type { GroupView, SlotView } from './staff-data.js';
import { staffMessages } from './staff-messages.js';
import { TableWrap } from './table-wrap.js';

/** A day's presentations in time order, for the room door or the jury: one printed page per day. */
export const DaySheets = ({
  days,
  groups,
  groupLabel,
  courseTitle,
}: {
  days: [string, SlotView[]][];
  groups: GroupView[];
  groupLabel: (id: string) => string;
  courseTitle: string;
}) => {
  const t = useT(scheduleMessages);
  const s = useT(staffMessages);
  const fmt = useFormat();
  const byId = new Map(groups.map((g) => [g.groupId, g]));
  return (
    <>
      {days.map(([date, slots]) => (
        <section key={date} class="day-sheet" aria-labelledby={`sheet-${date}`}>
          <h3 id={`sheet-${date}`}>
            <span class="print-only">{courseTitle} — </span>
            {fmt.weekday(dateNoon(date), 'UTC')}
          </h3>
          <TableWrap label={fmt.weekday(dateNoon(date), 'UTC')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('time')}</th>
                  <th scope="col">{s('groupCol')}</th>
                  <th scope="col">{s('members')}</th>
                  <th scope="col">{s('paper')}</th>
                  <th scope="col">{t('mode')}</th>
                  <th scope="col">{t('room')}</th>
                </tr>
              </thead>
              <tbody>
                {slots.map((slot) => {
                  const g = slot.groupId ? byId.get(slot.groupId) : undefined;
                  return (
                    <tr key={slot.slotId}>
                      <th scope="row">
                        {slotStart(slot)}–{slotEnd(slot)}
                      </th>
                      <td>{slot.groupId ? groupLabel(slot.groupId) : t('free')}</td>
                      <td>{g?.members.map((m) => m.name ?? m.email).join(', ') ?? ''}</td>
                      <td>{g?.paper?.title ?? ''}</td>
                      <td>{slot.groupId ? (slot.mode === 'remote' ? s('remote') : s('inPerson')) : ''}</td>
                      <td>{slot.room ?? ''}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
        </section>
      ))}
    </>
  );
};
