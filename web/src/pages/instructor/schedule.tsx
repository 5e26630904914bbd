import { useState } from 'preact/hooks';
import { unwrap } from '../../api/client.js';
import { useApp } from '../../app-context.js';
import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n.js';
import { Loaded } from '../../ui/problem.js';
import { useResource } from '../../ui/use-resource.js';
import type { CoursePageProps } from '../course-area.js';
import { DaySheets } from './day-sheets.js';
import { useGroupLabel } from './group-label.js';
import { ScheduleCalendar } from './schedule-calendar.js';
import { scheduleMessages } from './schedule-messages.js';
import { SlotLayoutForm } from './slot-layout-form.js';
import { byDay, dateNoon } from './slot-times.js';
import { loadGroups } from './staff-data.js';
import { staffMessages } from './staff-messages.js';
import './staff.css';
import './schedule.css';

const ALL = 'all';

/** The presentations as a calendar, printable day sheets, and the slot layout. */
export const SchedulePage = ({ course }: CoursePageProps) => {
  const { api } = useApp();
  const t = useT(scheduleMessages);
  const s = useT(staffMessages);
  const fmt = useFormat();
  const { courseId } = course;
  const data = useResource(async () => {
    const [slots, groups] = await Promise.all([
      unwrap(api.GET('/courses/{courseId}/slots', { params: { path: { courseId } } })),
      loadGroups(api, courseId),
    ]);
    return { slots, groups };
  }, [courseId]);
  const groupLabel = useGroupLabel(data.data?.groups.groups);
  const [day, setDay] = useState(ALL);
  return (
    <section>
      <h1>{t('title')}</h1>
      <Loaded resource={data}>
        {({ slots, groups }) => {
          const days = byDay(slots);
          const taken = slots.filter((x) => x.groupId);
          const booked = new Set(taken.map((x) => x.groupId));
          const sheets = [...days].filter(([d]) => day === ALL || d === day);
          return (
            <>
              <p class="screen-only">{s('courseTime', { zone: course.config.timeZone })}</p>
              {slots.length === 0 ? (
                <p>{t('noSlots')}</p>
              ) : (
                <>
                  <p class="screen-only">
                    {t('summary', {
                      taken: taken.length,
                      total: slots.length,
                      days: days.size,
                      groups: groups.groups.filter((g) => !booked.has(g.groupId)).length,
                    })}
                  </p>
                  <h2 class="screen-only">{t('calendar')}</h2>
                  <div class="screen-only">
                    <ScheduleCalendar days={days} groupLabel={groupLabel} />
                  </div>
                  <h2 class="screen-only">{t('daySheets')}</h2>
                  <div class="inline-form screen-only">
                    <div class="field">
                      <label for="sheet-day">{t('day')}</label>
                      <select
                        id="sheet-day"
                        value={day}
                        onChange={(e) => setDay((e.target as HTMLSelectElement).value)}
                      >
                        <option value={ALL}>{t('allDays')}</option>
                        {[...days.keys()].map((d) => (
                          <option key={d} value={d}>
                            {fmt.weekday(dateNoon(d), 'UTC')}
                          </option>
                        ))}
                      </select>
                    </div>
                    <button type="button" onClick={() => window.print()}>
                      {t('print')}
                    </button>
                  </div>
                  <p class="hint screen-only">{t('daySheetsHint')}</p>
                  <DaySheets
                    days={sheets}
                    groups={groups.groups}
                    groupLabel={groupLabel}
                    courseTitle={course.config.title}
                  />
                </>
              )}
              <h2 class="screen-only">{t('layout')}</h2>
              <div class="screen-only">
                <SlotLayoutForm course={course} slots={slots} onSaved={data.reload} />
              </div>
            </>
          );
        }}
      </Loaded>
    </section>
  );
};
