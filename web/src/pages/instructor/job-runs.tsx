import { unwrap } from '../../api/client.js';
import { useApp } from '../../app-context.js';
import { useT } from '../../i18n/i18n.js';
import { useCourseTime } from './course-time.js';
import { Loaded } from '../../ui/problem.js';
import { useResource } from '../../ui/use-resource.js';
import { activityMessages } from './activity-messages.js';

/** GET …/jobs: what the reminder and enforcement jobs did for this course, newest first. */
export const JobRuns = ({ courseId, timeZone }: { courseId: string; timeZone: string }) => {
  const t = useT(activityMessages);
  const when = useCourseTime(timeZone);
  const { api } = useApp();
  const runs = useResource(
    () => unwrap(api.GET('/courses/{courseId}/jobs', { params: { path: { courseId } } })),
    [courseId],
  );
  return (
    <>
      <p class="hint">{t('jobsHint')}</p>
      <Loaded resource={runs}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('noJobs')}</p>
          ) : (
            <ul class="job-runs">
              {list.slice(0, 30).map((run) => (
                <li key={run.runId}>
                  <strong>{t('ran', { job: t(`job_${run.job}`), when: when(run.startedAt) })}</strong>
                  <ul>
                    {run.entries.map((e) => (
                      <li key={e.key} class={e.error || e.failed ? 'bad' : ''}>
                        {t('entry', { key: e.key, sent: e.sent, already: e.already, failed: e.failed })}
                        {e.actions.length > 0 && (
                          <> — {t('entryActions', { actions: e.actions.join(', ') })}</>
                        )}
                        {e.error && <> — {t('entryError', { error: e.error })}</>}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </>
  );
};
