import { useState } from 'preact/hooks';
import { unwrap } from '../../api/client.js';
import type { MeView } from '../../api/types.js';
import { useApp } from '../../app-context.js';
import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n.js';
import { Field, Problem } from '../../ui/problem.js';
import { useSubmit } from '../../ui/use-resource.js';
import { regradeMessages } from './regrade-messages.js';

export type MyRegrade = MeView['regrades'][number];

const statusClass = { open: 'warn', upheld: 'ok', changed: 'ok' } as const;

/** The window's line under the final: until when requests may be sent (course time). */
export const RegradeWindow = ({ end, zone, now }: { end: Date; zone: string; now: number }) => {
  const t = useT(regradeMessages);
  const { dateTime } = useFormat();
  const when = dateTime(end.toISOString(), zone);
  return <p class="hint">{end.getTime() > now ? t('windowOpen', { when }) : t('windowClosed', { when })}</p>;
};

/**
 * One component's regrade requests (each round: the reason, what the student saw, the answer and
 * what they see since), then the form to ask, while the window is open and none is waiting.
 */
export const ComponentRegrades = ({
  courseId,
  componentId,
  title,
  requests,
  canAsk,
  zone,
  out,
  onSent,
}: {
  courseId: string;
  componentId: string;
  title: string;
  requests: MyRegrade[];
  canAsk: boolean;
  zone: string;
  out: (value: number | null) => string;
  onSent: () => void;
}) => {
  const t = useT(regradeMessages);
  const { dateTime } = useFormat();
  const { api } = useApp();
  const submit = useSubmit();
  const [reason, setReason] = useState('');
  const [sent, setSent] = useState('');
  const waiting = requests.some((r) => r.status === 'open');
  const status = (r: MyRegrade) =>
    r.status === 'open' ? t('statusOpen') : r.status === 'upheld' ? t('statusUpheld') : t('statusChanged');
  const send = async (e: Event) => {
    e.preventDefault();
    setSent('');
    const done = await submit.run(() =>
      unwrap(
        api.POST('/courses/{courseId}/regrades', {
          params: { path: { courseId } },
          body: { componentId, reason },
        }),
      ),
    );
    if (done) {
      setReason('');
      setSent(t('sent'));
      onSent();
    }
  };
  const id = `regrade-${componentId}`;
  return (
    <>
      {requests.length > 0 && (
        <section aria-labelledby={`${id}-list`} class="st-regrades">
          <h4 id={`${id}-list`}>{t('requestsOf', { component: title })}</h4>
          <ul class="cards">
            {requests.map((r) => (
              <li key={r.regradeId} class="card">
                <p>
                  <strong>{t('round', { n: r.round })}</strong>,{' '}
                  {t('requestedOn', { when: dateTime(r.requestedAt, zone) })}{' '}
                  <span class={`badge ${statusClass[r.status]}`}>{status(r)}</span>
                </p>
                <p class="st-subtle">
                  {t('sawThen', { value: out(r.seen.value) })} · {t('yourReason')}:
                </p>
                <blockquote class="st-statement">{r.reason}</blockquote>
                {r.answer && (
                  <figure class="st-comment">
                    <figcaption>{t('answer', { when: dateTime(r.answer.at, zone) })}</figcaption>
                    <blockquote>{r.answer.response}</blockquote>
                    <p>{t('nowSee', { value: out(r.answer.now.value), final: out(r.answer.now.final) })}</p>
                  </figure>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {waiting && <p class="hint">{t('openAlready')}</p>}
      {canAsk && !waiting && (
        <details class="st-regrade-form">
          <summary>{t('request')}</summary>
          <form onSubmit={send} noValidate>
            <Problem problem={submit.problem} fieldPaths={['body.reason']} />
            <Field
              id={`${id}-reason`}
              label={t('reasonLabel', { component: title })}
              hint={t('reasonHint')}
              path="body.reason"
              problem={submit.problem}
            >
              {(a11y) => (
                <textarea
                  {...a11y}
                  rows={4}
                  maxLength={2000}
                  value={reason}
                  onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)}
                />
              )}
            </Field>
            <button type="submit" disabled={submit.busy}>
              {t('send')}
            </button>
          </form>
        </details>
      )}
      <p role="status" class="ok">
        {sent}
      </p>
    </>
  );
};
