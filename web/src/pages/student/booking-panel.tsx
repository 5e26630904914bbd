import { useState } from 'preact/hooks';
import { unwrap } from '../../api/client.js';
import type { CourseView } from '../../api/types.js';
import { useApp } from '../../app-context.js';
import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n.js';
import { Problem } from '../../ui/problem.js';
import { useSubmit } from '../../ui/use-resource.js';
import { downloadIcs } from './ics-download.js';
import { changeUntil } from './slot-times.js';
import { slotsMessages } from './slots-messages.js';
import { isPast, type Mode, type MyBooking } from './student-data.js';
import { studentMessages } from './student-messages.js';
import { When } from './when.js';

export const modeKey = (mode: Mode) => (mode === 'in-person' ? 'inPerson' : 'remote');

/** The group's booking: when, where, how; until when it can change; .ics; cancel; switch mode. */
export const BookingPanel = ({
  course,
  groupId,
  booking,
  mode,
  now,
  onBook,
  onChanged,
}: {
  course: CourseView;
  groupId: string;
  booking: MyBooking;
  mode: Mode;
  now: number;
  onBook: (slotId: string, mode: Mode) => void;
  onChanged: (message: string) => void;
}) => {
  const { api } = useApp();
  const t = useT(slotsMessages);
  const s = useT(studentMessages);
  const fmt = useFormat();
  const dateTime = useFormat().dateTime;
  const zone = course.config.timeZone;
  const [asking, setAsking] = useState(false);
  const submit = useSubmit();
  const until = changeUntil(booking.start, course);
  const frozen = isPast(until, now);
  const cancel = async () => {
    const done = await submit.run(() =>
      unwrap(
        api.DELETE('/courses/{courseId}/groups/{groupId}/booking', {
          params: { path: { courseId: course.courseId, groupId } },
        }),
      ),
    );
    if (done) {
      setAsking(false);
      onChanged(t('cancelled'));
    }
  };
  return (
    <div class="card st-booking">
      <p>
        <strong>
          {fmt.weekday(booking.start, zone)}, {fmt.time(booking.start, zone)}–{fmt.time(booking.end, zone)}
        </strong>
      </p>
      <dl class="st-facts">
        <div>
          <dt>{t('mode')}</dt>
          <dd>{s(modeKey(booking.mode))}</dd>
        </div>
        {booking.room && (
          <div>
            <dt>{t('room')}</dt>
            <dd>{booking.room}</dd>
          </div>
        )}
      </dl>
      {booking.mode === 'remote' && booking.meetingUrl && (
        <p>
          <a href={booking.meetingUrl} rel="noopener noreferrer">
            {t('meeting')}
          </a>
        </p>
      )}
      {frozen ? (
        <p>{t('frozen', { when: dateTime(until, zone) })}</p>
      ) : (
        <p>
          {t('changeUntil')} <When iso={until} zone={zone} now={now} countdown />
        </p>
      )}
      <Problem problem={submit.problem} />
      <div class="row">
        <button
          type="button"
          onClick={() => void submit.run(() => downloadIcs(api, course.courseId, groupId))}
        >
          {t('ics')}
        </button>
        {!frozen && mode !== booking.mode && (
          <button type="button" onClick={() => onBook(booking.slotId, mode)}>
            {t('switchMode', { mode: s(modeKey(mode)) })}
          </button>
        )}
        {!frozen && !asking && (
          <button type="button" class="danger" onClick={() => setAsking(true)}>
            {t('cancel')}
          </button>
        )}
      </div>
      {asking && (
        <div class="row" role="group" aria-labelledby="cancel-question">
          <p id="cancel-question">
            <strong>{t('cancelConfirm')}</strong>
          </p>
          <button type="button" class="danger" disabled={submit.busy} onClick={() => void cancel()}>
            {t('cancelYes')}
          </button>
          <button type="button" onClick={() => setAsking(false)}>
            {t('keep')}
          </button>
        </div>
      )}
    </div>
  );
};
