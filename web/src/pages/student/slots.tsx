import { useState } from 'preact/hooks';
import { unwrap } from '../../api/client.js';
import { useApp } from '../../app-context.js';
import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n.js';
import { href } from '../../router.js';
import { Loaded, Problem, issuesAt } from '../../ui/problem.js';
import { useResource, useSubmit } from '../../ui/use-resource.js';
import type { CoursePageProps } from '../course-area.js';
import { BookingPanel, modeKey } from './booking-panel.js';
import { PageHeading } from './page-heading.js';
import { SlotCalendar } from './slot-calendar.js';
import { changeUntil } from './slot-times.js';
import { slotsMessages } from './slots-messages.js';
import { isPast, useMe, type Mode } from './student-data.js';
import { studentMessages } from './student-messages.js';
import { useNow } from './use-now.js';
import { When } from './when.js';
import './student.css';

/** Booking the group's presentation: the May slots as a calendar, the booking, its changes. */
export const SlotsPage = ({ course }: CoursePageProps) => {
  const { api } = useApp();
  const t = useT(slotsMessages);
  const s = useT(studentMessages);
  const dateTime = useFormat().dateTime;
  const now = useNow();
  const { courseId } = course;
  const { presentations, timeZone: zone } = course.config;
  const me = useMe(courseId);
  const slots = useResource(
    () => unwrap(api.GET('/courses/{courseId}/slots', { params: { path: { courseId } } })),
    [courseId],
  );
  const [chosen, setChosen] = useState<Mode>();
  const [message, setMessage] = useState('');
  const submit = useSubmit();
  const opens = course.deadlines.find((d) => d.key === 'booking-opens')?.at;
  const closes = course.deadlines.find((d) => d.key === 'booking-closes')?.at;
  const changed = (text: string) => {
    setMessage(text);
    me.reload();
    slots.reload();
  };
  const book = async (groupId: string, slotId: string, mode: Mode, moving: boolean) => {
    setMessage('');
    const done = await submit.run(() =>
      unwrap(
        api.PUT('/courses/{courseId}/groups/{groupId}/booking', {
          params: { path: { courseId, groupId } },
          body: { slotId, mode },
        }),
      ),
    );
    if (done)
      changed(
        t(moving ? 'moved' : 'booked', {
          when: dateTime(done.start, zone),
          until: dateTime(done.changeUntil, zone),
        }),
      );
  };
  const modeIssues = issuesAt(submit.problem, 'body.mode');
  return (
    <section>
      <PageHeading>{t('title')}</PageHeading>
      <p>{t('intro', { minutes: presentations.slotMinutes })}</p>
      <p class="hint">{s('courseTime', { zone })}</p>
      {opens && closes && (
        <p>
          {isPast(closes, now) ? (
            t('closed', { when: dateTime(closes, zone) })
          ) : isPast(opens, now) ? (
            <>
              {t('closesIn')} <When iso={closes} zone={zone} now={now} countdown />
            </>
          ) : (
            <>
              {t('opensLater')} <When iso={opens} zone={zone} now={now} countdown />
            </>
          )}
        </p>
      )}
      <p role="status" class="ok">
        {message}
      </p>
      <Loaded resource={me}>
        {(view) => {
          const group = view.group;
          const booking = view.booking;
          const mode = chosen ?? booking?.mode ?? (presentations.modes[0] as Mode);
          const blocked = !group || (presentations.requireCompleteGroup && group.status === 'incomplete');
          // A booking past its change limit stays put; without one, booking needs the window open.
          const canBook =
            !blocked &&
            (booking ? !isPast(changeUntil(booking.start, course), now) : !!closes && !isPast(closes, now));
          return (
            <>
              <h2>{t('yourTitle')}</h2>
              {!group ? (
                <p class="notice">
                  {t('noGroup')} <a href={href(`/c/${courseId}/group`)}>{s('formGroupLink')}</a>
                </p>
              ) : blocked ? (
                <p class="notice">{t('incomplete', { min: group.size.min })}</p>
              ) : null}
              {group && booking ? (
                <BookingPanel
                  course={course}
                  groupId={group.groupId}
                  booking={booking}
                  mode={mode}
                  now={now}
                  onBook={(slotId, m) => void book(group.groupId, slotId, m, true)}
                  onChanged={changed}
                />
              ) : (
                group && <p>{t('noBooking')}</p>
              )}
              <h2>{t('slotsTitle')}</h2>
              <Problem problem={submit.problem} fieldPaths={['body.mode']} />
              {presentations.modes.length > 1 && canBook && (
                <fieldset
                  class="st-fieldset st-modes"
                  aria-describedby={modeIssues.length ? 'mode-error' : undefined}
                >
                  <legend>{t('howTitle')}</legend>
                  {presentations.modes.map((m) => (
                    <label key={m} class="st-radio">
                      <input
                        type="radio"
                        name="mode"
                        value={m}
                        checked={mode === m}
                        onChange={() => setChosen(m)}
                      />{' '}
                      {s(modeKey(m))}
                    </label>
                  ))}
                  {modeIssues.length > 0 && (
                    <p class="field-error" id="mode-error">
                      {modeIssues.map((i) => i.message).join('; ')}
                    </p>
                  )}
                </fieldset>
              )}
              <p class="hint">{t('legendSlots')}</p>
              <Loaded resource={slots}>
                {(list) => (
                  <SlotCalendar
                    course={course}
                    slots={list}
                    mode={mode}
                    hasBooking={booking !== null}
                    canBook={canBook && !!group}
                    busy={submit.busy}
                    now={now}
                    onBook={(slotId) => group && void book(group.groupId, slotId, mode, booking !== null)}
                  />
                )}
              </Loaded>
            </>
          );
        }}
      </Loaded>
    </section>
  );
};
