import { unwrap } from '../../api/client.js';
import { useApp } from '../../app-context.js';
import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n.js';
import { Problem } from '../../ui/problem.js';
import { useSubmit } from '../../ui/use-resource.js';
import { useCourseTime } from './course-time.js';
import type { DeliverableStatus } from './deliverable-status.js';
import { submissionsMessages } from './submissions-messages.js';

export type Submission = DeliverableStatus['submissions'][number];

/**
 * One version of a deliverable as an instructor reads it: whose, the verdict, when, and next to
 * the file each member's contribution statement (the text that counts, confirmed by the member
 * or only proposed by the uploader).
 */
export const SubmissionCard = ({
  courseId,
  submission: v,
  ownerLabel,
  nameOf,
  timeZone,
}: {
  courseId: string;
  submission: Submission;
  ownerLabel: string;
  nameOf: (email: string) => string;
  timeZone: string;
}) => {
  const t = useT(submissionsMessages);
  const fmt = useFormat();
  const when = useCourseTime(timeZone);
  const { api } = useApp();
  const download = useSubmit();
  const follow = async () => {
    const link = await download.run(() =>
      unwrap(
        api.GET('/courses/{courseId}/submissions/{submissionId}/download', {
          params: { path: { courseId, submissionId: v.submissionId } },
        }),
      ),
    );
    // S3 answers as an attachment: the page stays.
    if (link) window.location.assign(link.url);
  };
  const facts = [
    v.receivedAt ? t('received', { when: when(v.receivedAt) }) : '',
    v.pages ? t('pages', { n: fmt.number(v.pages) }) : '',
    v.bytes ? fmt.bytes(v.bytes) : '',
    t('uploadedBy', { name: nameOf(v.uploadedBy) }),
  ].filter(Boolean);
  return (
    <li class="card submission">
      <h3>
        {ownerLabel} — <span class="file-name">{v.fileName}</span>
      </h3>
      <p>
        <span class={v.status === 'accepted' ? 'badge ok' : v.status === 'rejected' ? 'badge bad' : 'badge'}>
          {t(v.status)}
        </span>{' '}
        {v.counts && <span class="badge">{t('counts')}</span>}{' '}
        {v.late && <span class="badge warn">{t('late')}</span>}
      </p>
      {v.reason && <p class="bad">{v.reason}</p>}
      <p class="subtle">{facts.join(' · ')}</p>
      {v.status === 'accepted' && (
        <>
          <button type="button" disabled={download.busy} onClick={() => void follow()}>
            {t('download')}
            <span class="visually-hidden"> {v.fileName}</span>
          </button>
          <Problem problem={download.problem} />
        </>
      )}
      {v.statements && v.statements.length > 0 && (
        <>
          <h4>{t('statements')}</h4>
          <dl class="statements">
            {v.statements.map((st) => (
              <div key={st.email}>
                <dt>
                  {nameOf(st.email)}{' '}
                  <span class={st.confirmed ? 'subtle' : 'warn'}>
                    (
                    {st.confirmed
                      ? st.confirmedAt
                        ? t('confirmed', { when: when(st.confirmedAt) })
                        : t('confirmedNoDate')
                      : st.proposedBy
                        ? t('proposedBy', { name: nameOf(st.proposedBy) })
                        : t('noStatement')}
                    )
                  </span>
                </dt>
                <dd>{st.statement ?? <span class="subtle">{t('noStatement')}</span>}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </li>
  );
};
