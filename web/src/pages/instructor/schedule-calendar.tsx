import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n.js';
import { scheduleMessages } from './schedule-messages.js';
import { dateNoon, slotStart } from './slot-times.js';
import type { SlotView } from './staff-data.js';
import { staffMessages } from './staff-messages.js';
import { TableWrap } from './table-wrap.js';

/** Days across, times down: each cell is a slot, free or with its group and mode. */
export const ScheduleCalendar = ({
  days,
  groupLabel,
}: {
  days: Map<string, SlotView[]>;
  groupLabel: (id: string) => string;
}) => {
  const t = useT(scheduleMessages);
  const s = useT(staffMessages);
  const fmt = useFormat();
  const times = [...new Set([...days.values()].flat().map(slotStart))].sort();
  const dates = [...days.keys()];
  return (
    <TableWrap label={t('calendar')} extraClass="calendar">
      <table>
        <caption class="visually-hidden">{t('calendarCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('time')}</th>
            {dates.map((d) => (
              <th scope="col" key={d}>
                {fmt.weekday(dateNoon(d), 'UTC')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {times.map((time) => (
            <tr key={time}>
              <th scope="row">{time}</th>
              {dates.map((d) => {
                const slot = days.get(d)?.find((x) => slotStart(x) === time);
                if (!slot)
                  return (
                    <td key={d} class="slot-none">
                      {t('noSlot')}
                    </td>
                  );
                if (!slot.groupId)
                  return (
                    <td key={d} class="slot-free">
                      {t('free')}
                      {slot.room && <span class="subtle"> · {slot.room}</span>}
                    </td>
                  );
                return (
                  <td key={d} class="slot-taken">
                    <strong>{groupLabel(slot.groupId)}</strong>
                    <br />
                    {slot.mode === 'remote' ? s('remote') : s('inPerson')}
                    {slot.room && <span class="subtle"> · {slot.room}</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
};
