import { useEffect, useState } from 'preact/hooks';
import { ApiProblem, unwrap } from '../../api/client.js';
import type { ResponseOf } from '../../api/types.js';
import { useApp } from '../../app-context.js';
import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n.js';
import { Problem } from '../../ui/problem.js';
import { useSubmit } from '../../ui/use-resource.js';
import { useCourseTime } from './course-time.js';
import { submissionsMessages } from './submissions-messages.js';

type Archive = ResponseOf<'/courses/{courseId}/deliverables/{deliverableId}/archive/{archiveId}', 'get'>;
type Versions = Archive['versions'];

/** How often a pending ZIP is asked about: the background build takes seconds, not minutes. */
const POLL_MS = 1000;

/**
 * POST …/archive asks for the ZIP (202, built in the background); its GET is polled until it is
 * ready (a short-lived link) or failed (why).
 */
export const ArchivePanel = ({
  courseId,
  deliverableId,
  timeZone,
}: {
  courseId: string;
  deliverableId: string;
  timeZone: string;
}) => {
  const t = useT(submissionsMessages);
  const fmt = useFormat();
  const when = useCourseTime(timeZone);
  const { api } = useApp();
  const { busy, problem, setProblem, run } = useSubmit();
  const [versions, setVersions] = useState<Versions>('latest');
  const [archive, setArchive] = useState<Archive>();
  const waiting = archive?.status === 'pending' || archive?.status === 'building';
  useEffect(() => {
    if (!archive || !waiting) return;
    const timer = setTimeout(() => {
      unwrap(
        api.GET('/courses/{courseId}/deliverables/{deliverableId}/archive/{archiveId}', {
          params: { path: { courseId, deliverableId, archiveId: archive.archiveId } },
        }),
      ).then(setArchive, (error: unknown) => {
        setArchive(undefined);
        setProblem(error instanceof ApiProblem ? error : new ApiProblem(0, 'network', String(error)));
      });
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [archive]);
  const request = async (e: Event) => {
    e.preventDefault();
    const asked = await run(() =>
      unwrap(
        api.POST('/courses/{courseId}/deliverables/{deliverableId}/archive', {
          params: { path: { courseId, deliverableId } },
          body: { versions },
        }),
      ),
    );
    if (asked) setArchive(asked);
  };
  return (
    <form class="panel" onSubmit={request}>
      <p class="hint">{t('archiveHint')}</p>
      <fieldset class="modes">
        <legend>{t('versions')}</legend>
        {(
          [
            ['latest', t('versionsLatest')],
            ['all', t('versionsAll')],
          ] as const
        ).map(([value, label]) => (
          <label key={value} class="check">
            <input
              type="radio"
              name={`archive-versions-${deliverableId}`}
              value={value}
              checked={versions === value}
              onChange={() => setVersions(value)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={busy || waiting}>
        {t('archive')}
      </button>
      <Problem problem={problem} />
      <div role="status">
        {waiting && <p>{t('archivePending')}</p>}
        {archive?.status === 'failed' && (
          <p class="bad">{t('archiveFailed', { error: archive.error ?? '' })}</p>
        )}
        {archive?.status === 'ready' && archive.url && (
          <p class="ok">
            {t('archiveReady', {
              files: fmt.number(archive.files ?? 0),
              size: fmt.bytes(archive.bytes ?? 0),
            })}{' '}
            <a href={archive.url} download={archive.fileName}>
              {t('archiveLink', { name: archive.fileName })}
            </a>
            {archive.urlExpiresAt && <> {t('archiveExpires', { when: when(archive.urlExpiresAt) })}</>}
          </p>
        )}
      </div>
    </form>
  );
};
