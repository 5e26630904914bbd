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

/**
 * The confirmation before POST …/grades/publish: the server's grade rows, one per roster student,
 * exactly what each will see and be mailed. A native modal dialog: focus stays inside, Escape
 * closes it.
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
  const rows = useResource(
    () => unwrap(api.GET('/courses/{courseId}/grades', { params: { path: { courseId } } })),
    [courseId],
  );
  const { busy, problem, run } = useSubmit();
  const [result, setResult] = useState<Published>();
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const publish = async () => {
    const r = await run(() =>
      unwrap(api.POST('/courses/{courseId}/grades/publish', { params: { path: { courseId } } })),
    );
    if (!r) return;
    setResult(r);
    onPublished(r.publishedAt);
  };
  return (
    <dialog ref={dialog} aria-labelledby="publish-title" onClose={onClose} class="publish-dialog">
      <h2 id="publish-title">{t('dialogTitle')}</h2>
      <Loaded resource={rows}>
        {(list) => (
          <>
            <p>
              {t('dialogIntro', {
                count: fmt.number(list.length),
                withFinal: fmt.number(list.filter((r) => r.finalText != null).length),
              })}
            </p>
            <TableWrap label={t('dialogTitle')}>
              <table>
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
                  {list.map((r) => (
                    <tr key={r.email}>
                      <th scope="row">
                        {r.name}
                        <br />
                        <span class="subtle">{r.email}</span>
                      </th>
                      <td class="num">
                        {r.finalText != null ? (
                          <strong>{r.finalText}</strong>
                        ) : (
                          <span class="subtle">{r.finalReason ?? t('missingFinal')}</span>
                        )}
                      </td>
                      <td>{r.groupId ? groupLabel(r.groupId) : '—'}</td>
                      {components.map((c) => {
                        const v = r.components[c.id];
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
            <Problem problem={problem} />
            <p role="status" class="ok">
              {result &&
                t(result.alreadyPublished ? 'alreadyPublished' : 'publishedResult', {
                  when: when(result.publishedAt),
                  emailed: fmt.number(result.emailed),
                })}
            </p>
            <div class="actions">
              {!result && (
                <button type="button" class="primary" disabled={busy} onClick={() => void publish()}>
                  {t('publishNow', { n: list.length })}
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
