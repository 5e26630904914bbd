import { unwrap } from '../../api/client.js';
import { useApp } from '../../app-context.js';
import { useT } from '../../i18n/i18n.js';
import { Problem } from '../../ui/problem.js';
import { useSubmit } from '../../ui/use-resource.js';
import type { Submission } from './student-data.js';
import { SubmissionFacts, VerdictLine } from './submission-facts.js';
import { uploadsMessages } from './uploads-messages.js';

/** Asks for a 5-minute link to the stored version and follows it (S3 answers as an attachment). */
const Download = ({ courseId, submission }: { courseId: string; submission: Submission }) => {
  const { api } = useApp();
  const t = useT(uploadsMessages);
  const submit = useSubmit();
  const download = async () => {
    const link = await submit.run(() =>
      unwrap(
        api.GET('/courses/{courseId}/submissions/{submissionId}/download', {
          params: { path: { courseId, submissionId: submission.submissionId } },
        }),
      ),
    );
    if (link) window.location.assign(link.url);
  };
  return (
    <div>
      <button type="button" disabled={submit.busy} onClick={() => void download()}>
        {t('download')}
        <span class="visually-hidden"> {submission.fileName}</span>
      </button>
      <Problem problem={submit.problem} />
    </div>
  );
};

/** Every version received, newest first, the one that counts marked; each can be downloaded. */
export const Versions = ({
  courseId,
  versions,
  zone,
}: {
  courseId: string;
  versions: Submission[];
  zone: string;
}) => {
  const t = useT(uploadsMessages);
  if (versions.length === 0) return <p>{t('none')}</p>;
  return (
    <ol class="st-versions" reversed>
      {versions.map((v, i) => (
        <li key={v.submissionId} class={`card${v.counts ? ' st-mine' : ''}`}>
          <h3 class="st-card-title">
            {t('version', { n: versions.length - i })} — <span class="st-file">{v.fileName}</span>
          </h3>
          <span class="badge">{v.counts ? t('counts') : t('notCounting')}</span>
          <VerdictLine submission={v} />
          <SubmissionFacts submission={v} zone={zone} />
          {v.status === 'accepted' && <Download courseId={courseId} submission={v} />}
        </li>
      ))}
    </ol>
  );
};
