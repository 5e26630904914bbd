import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n.js';
import type { Submission } from './student-data.js';
import { studentMessages } from './student-messages.js';
import { uploadsMessages } from './uploads-messages.js';

/** The check's verdict on one version: accepted on time or late, or refused with the reason. */
export const VerdictLine = ({ submission }: { submission: Submission }) => {
  const t = useT(uploadsMessages);
  const s = useT(studentMessages);
  if (submission.status === 'pending') return <strong>{s('pending')}</strong>;
  if (submission.status === 'rejected')
    return (
      <strong class="bad">{t('refused', { reason: submission.reason ?? submission.code ?? '' })}</strong>
    );
  return (
    <strong class={submission.late ? 'warn' : 'ok'}>
      {submission.late ? t('acceptedLate') : t('acceptedOnTime')}
    </strong>
  );
};

/** What is known about one version: pages, size, hash, when and by whom. */
export const SubmissionFacts = ({ submission, zone }: { submission: Submission; zone: string }) => {
  const t = useT(uploadsMessages);
  const fmt = useFormat();
  const dateTime = useFormat().dateTime;
  return (
    <dl class="st-facts">
      {submission.pages !== undefined && (
        <div>
          <dt>{t('pagesHead')}</dt>
          <dd>{t('pages', { n: fmt.number(submission.pages) })}</dd>
        </div>
      )}
      {submission.bytes !== null && (
        <div>
          <dt>{t('size')}</dt>
          <dd>{fmt.bytes(submission.bytes)}</dd>
        </div>
      )}
      {submission.sha256 && (
        <div>
          <dt>{t('sha')}</dt>
          <dd>
            <code class="st-hash">{submission.sha256}</code>
          </dd>
        </div>
      )}
      {submission.receivedAt && (
        <div>
          <dt>{t('receivedHead')}</dt>
          <dd>
            <time dateTime={submission.receivedAt}>{dateTime(submission.receivedAt, zone)}</time>
          </dd>
        </div>
      )}
      <div>
        <dt>{t('uploadedBy')}</dt>
        <dd>{submission.uploadedBy}</dd>
      </div>
    </dl>
  );
};
