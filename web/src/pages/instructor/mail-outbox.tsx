import { useState } from 'preact/hooks';
import { unwrap } from '../../api/client.js';
import { useApp } from '../../app-context.js';
import { useT } from '../../i18n/i18n.js';
import { useCourseTime } from './course-time.js';
import { Loaded, Problem } from '../../ui/problem.js';
import { useResource, useSubmit } from '../../ui/use-resource.js';
import { activityMessages } from './activity-messages.js';

const STATUSES = ['dead', 'retry', 'pending', 'sending', 'sent'] as const;
type Status = (typeof STATUSES)[number];

/** GET …/mail by status (dead by default: the ones needing a look) and POST …/mail/{id}/resend. */
export const MailOutbox = ({ courseId, timeZone }: { courseId: string; timeZone: string }) => {
  const t = useT(activityMessages);
  const when = useCourseTime(timeZone);
  const { api } = useApp();
  const [status, setStatus] = useState<Status>('dead');
  const [message, setMessage] = useState('');
  const resend = useSubmit();
  const mails = useResource(
    () => unwrap(api.GET('/courses/{courseId}/mail', { params: { path: { courseId }, query: { status } } })),
    [courseId, status],
  );
  return (
    <>
      <p class="hint">{t('mailHint')}</p>
      <div class="field">
        <label for="mail-status">{t('show')}</label>
        <select
          id="mail-status"
          value={status}
          onChange={(e) => setStatus((e.target as HTMLSelectElement).value as Status)}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status_${s}`)}
            </option>
          ))}
        </select>
      </div>
      <p role="status" class="ok">
        {message}
      </p>
      <Problem problem={resend.problem} />
      <Loaded resource={mails}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('noMail')}</p>
          ) : (
            <ul class="mail-list">
              {list.map((m) => (
                <li key={m.mailId} class="card">
                  <strong>{m.subject}</strong>
                  <span>
                    {t('to')}: {m.to.join(', ')}
                  </span>
                  <span class="subtle">
                    {when(m.deadAt ?? m.sentAt ?? m.createdAt)} · {t(`status_${m.status}`)} · {t('attempts')}:{' '}
                    {m.attempts}
                  </span>
                  {m.error && (
                    <span>
                      {t('error')}: <code>{m.error}</code>
                    </span>
                  )}
                  {m.status === 'dead' && (
                    <button
                      type="button"
                      disabled={resend.busy}
                      onClick={async () => {
                        setMessage('');
                        const done = await resend.run(() =>
                          unwrap(
                            api.POST('/courses/{courseId}/mail/{mailId}/resend', {
                              params: { path: { courseId, mailId: m.mailId } },
                              body: {},
                            }),
                          ),
                        );
                        if (!done) return;
                        setMessage(t('resent', { subject: m.subject }));
                        mails.reload();
                      }}
                    >
                      {t('resend')}
                      <span class="visually-hidden"> — {m.subject}</span>
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </>
  );
};
