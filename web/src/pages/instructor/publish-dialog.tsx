import { useEffect, useRef, useState } from 'preact/hooks';
import { unwrap } from '../../api/client.js';
import type { CourseView, ResponseOf } from '../../api/types.js';
import { useApp } from '../../app-context.js';
import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n.js';
import { useCourseTime } from './course-time.js';
import { Loaded, Problem } from '../../ui/problem.js';
import { useResource, useSubmit } from '../../ui/use-resource.js';
import { gradingMessages } from './grading-messages.js';
import { staffMessages } from './staff-messages.js';
import { TableWrap } from './table-wrap.js';

type Published = ResponseOf<'/courses/{courseId}/grades/publish', 'post'>;
type Scope = Published['scope'];

/**
 * The publication: first the server's dry run for the chosen scope (everyone, or only complete
 * grades) says exactly who is mailed what and who is incomplete and why; then the same call for real.
 * The dry run and the publication share one plan on the server, so what is shown is what happens.
 * A native modal dialog: focus stays inside, Escape closes it.
 */
export const PublishDialog = ({
  course,
  groupLabel,
  onClose,
  onPublished,
}: {
  course: CourseView;
  groupLabel: (groupId: string) => string;
  onClose: () => void;
  onPublished: (publishedAt: string) => void;
}) => {
  const t = useT(gradingMessages);
  const s = useT(staffMessages);
  const fmt = useFormat();
  const when = useCourseTime(course.config.timeZone);
  const { api } = useApp();
  const { courseId, config } = course;
  const { components } = config.grading;
  const dialog = useRef<HTMLDialogElement>(null);
  const [scope, setScope] = useState<Scope>('all');
  const publishCall = (dryRun: boolean) =>
    unwrap(
      api.POST('/courses/{courseId}/grades/publish', {
        params: { path: { courseId } },
        body: { scope, dryRun },
      }),
    );
  const plan = useResource(() => publishCall(true), [courseId, scope]);
  const { busy, problem, run } = useSubmit();
  const [result, setResult] = useState<Published>();
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const publish = async () => {
    const r = await run(() => publishCall(false));
    if (!r) return;
    setResult(r);
    if (r.publishedAt) onPublished(r.publishedAt);
  };
  return (
    <dialog ref={dialog} aria-labelledby="publish-title" onClose={onClose} class="publish-dialog">
      <h2 id="publish-title">{t('dialogTitle')}</h2>
      <fieldset class="modes" disabled={!!result}>
        <legend>{t('scope')}</legend>
        {(
          [
            ['all', t('scopeAll')],
            ['complete', t('scopeComplete')],
          ] as const
        ).map(([value, label]) => (
          <label key={value} class="check">
            <input
              type="radio"
              name="publish-scope"
              value={value}
              checked={scope === value}
              onChange={() => setScope(value)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <Loaded resource={plan}>
        {(dry) => (
          <>
            <p>
              {t(dry.scope === 'all' ? 'dryRunAll' : 'dryRunComplete', {
                mailed: fmt.number(dry.recipients.length),
                incomplete: fmt.number(dry.incomplete.length),
              })}
              {dry.alreadyPublished && <> {t('nothingNew')}</>}
            </p>
            <h3 id="recipients-title">{t('recipientsTitle', { n: dry.recipients.length })}</h3>
            {dry.recipients.length === 0 ? (
              <p>{s('none')}</p>
            ) : (
              <TableWrap label={t('recipientsTitle', { n: dry.recipients.length })}>
                <table aria-labelledby="recipients-title">
                  <thead>
                    <tr>
                      <th scope="col">{s('student')}</th>
                      <th scope="col" class="num">
                        {t('final')}
                      </th>
                      <th scope="col">{s('groupCol')}</th>
                      {components.map((c) => (
                        <th scope="col" key={c.id} class="num">
                          {c.title}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {dry.recipients.map((r) => (
                      <tr key={r.email}>
                        <th scope="row">
                          {r.name}
                          <br />
                          <span class="subtle">{r.email}</span>
                        </th>
                        <td class="num">
                          <strong>{r.grades.finalText ?? '—'}</strong>
                        </td>
                        <td>{r.groupId ? groupLabel(r.groupId) : '—'}</td>
                        {components.map((c) => {
                          const v = r.grades.components[c.id];
                          return (
                            <td key={c.id} class="num">
                              {v == null ? '—' : fmt.number(v)}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
            <h3 id="incomplete-title">{t('incompleteTitle', { n: dry.incomplete.length })}</h3>
            {dry.incomplete.length === 0 ? (
              <p>{s('none')}</p>
            ) : (
              <TableWrap label={t('incompleteTitle', { n: dry.incomplete.length })}>
                <table aria-labelledby="incomplete-title">
                  <thead>
                    <tr>
                      <th scope="col">{s('student')}</th>
                      <th scope="col">{s('groupCol')}</th>
                      <th scope="col">{t('why')}</th>
                      <th scope="col">{t('sees')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {dry.incomplete.map((r) => (
                      <tr key={r.email}>
                        <th scope="row">
                          {r.name}
                          <br />
                          <span class="subtle">{r.email}</span>
                        </th>
                        <td>{r.groupId ? groupLabel(r.groupId) : '—'}</td>
                        <td>{r.reason}</td>
                        <td>{r.shown ? t('seesPartial') : t('seesNothing')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
            <Problem problem={problem} />
            <p role="status" class="ok">
              {result &&
                result.publishedAt &&
                t(result.alreadyPublished ? 'alreadyPublished' : 'publishedResult', {
                  when: when(result.publishedAt),
                  emailed: fmt.number(result.emailed),
                })}
            </p>
            <div class="actions">
              {!result && (
                <button type="button" class="primary" disabled={busy} onClick={() => void publish()}>
                  {t(scope === 'all' ? 'publishAll' : 'publishComplete', { n: dry.recipients.length })}
                </button>
              )}
              <button type="button" onClick={() => dialog.current?.close()}>
                {result ? t('close') : s('cancel')}
              </button>
            </div>
          </>
        )}
      </Loaded>
    </dialog>
  );
};
