import { useState } from 'preact/hooks';
import { unwrap } from '../../api/client.js';
import type { CourseView, ResponseOf } from '../../api/types.js';
import { useApp } from '../../app-context.js';
import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n.js';
import { Loaded, Problem } from '../../ui/problem.js';
import { useResource, useSubmit } from '../../ui/use-resource.js';
import { useCourseTime } from './course-time.js';
import { AgreeForm, MarkForm, type MarksView } from './mark-forms.js';
import { markingMessages } from './marking-messages.js';

/**
 * One second-marked (group, component): the marks the caller may see (the other grader's only once
 * theirs is in: 403 mark_first), their exact difference against the threshold and its flag, the
 * caller's own mark form while it may still change, and the lead's agreement once both are in.
 */
export const MarkPanel = ({
  course,
  groupId,
  componentId,
  lead,
  onChanged,
}: {
  course: CourseView;
  groupId: string;
  componentId: string;
  lead: boolean;
  onChanged: () => void;
}) => {
  const t = useT(markingMessages);
  const fmt = useFormat();
  const when = useCourseTime(course.config.timeZone);
  const { api, email } = useApp();
  const { courseId, config } = course;
  const component = config.grading.components.find((c) => c.id === componentId);
  // A saved mark answers with the marks as the caller may now see them: no second read.
  const [saved, setSaved] = useState<MarksView>();
  const [said, setSaid] = useState('');
  const read = useResource(
    () =>
      unwrap(
        api.GET('/courses/{courseId}/marking/groups/{groupId}/marks/{componentId}', {
          params: { path: { courseId, groupId, componentId } },
        }),
      ),
    [courseId, groupId, componentId],
  );
  if (!component) return null;
  const onSaved = (view: MarksView) => {
    setSaved(view);
    setSaid(t('markSaved'));
    onChanged();
  };
  const status = (
    <p role="status" class="ok">
      {said}
    </p>
  );
  if (!saved && read.problem?.code === 'mark_first')
    return (
      <>
        <p class="hint">{t('markFirst')}</p>
        <MarkForm
          course={course}
          component={component}
          groupId={groupId}
          mine={undefined}
          onSaved={onSaved}
        />
        {status}
      </>
    );
  const resource = saved ? { ...read, data: saved, problem: undefined } : read;
  return (
    <>
      <Loaded resource={resource}>
        {(view) => {
          const mine = view.marks.find((m) => m.grader === email);
          const mayMark = view.graders.includes(email) && view.marks.length < 2 && !view.agreed;
          return (
            <>
              {view.marks.length === 0 ? (
                <p>{t('noMarks')}</p>
              ) : (
                <ul class="cards">
                  {view.marks.map((m) => (
                    <li key={m.grader} class="card">
                      <strong>{t('markBy', { grader: m.grader })}</strong>: {fmt.number(m.value)} /{' '}
                      {config.grading.scale}{' '}
                      <span class="subtle">
                        ({t('exact', { exact: m.exact })}, {t('markedOn', { when: when(m.at) })})
                      </span>
                      {m.aspects && (
                        <ul>
                          {Object.entries(m.aspects).map(([id, v]) => (
                            <li key={id}>
                              {component.aspects?.find((a) => a.id === id)?.title ?? id}: {fmt.number(v)}
                            </li>
                          ))}
                        </ul>
                      )}
                      {m.comment && <blockquote>{m.comment}</blockquote>}
                    </li>
                  ))}
                </ul>
              )}
              {view.difference !== null && (
                <p class={view.flagged ? 'warn' : 'ok'}>
                  {t('difference', { d: view.difference, threshold: fmt.number(view.threshold) })}{' '}
                  {view.flagged ? <strong>{t('flagged')}</strong> : t('within')}
                </p>
              )}
              {view.agreed && view.agreed.value !== null && (
                <p>
                  <strong>
                    {t('agreedFinal', {
                      value: fmt.number(view.agreed.value),
                      exact: view.agreed.exact ?? '',
                    })}
                  </strong>
                </p>
              )}
              {mayMark && (
                <MarkForm
                  key={mine?.at ?? 'none'}
                  course={course}
                  component={component}
                  groupId={groupId}
                  mine={mine}
                  onSaved={onSaved}
                />
              )}
              {lead && view.marks.length === 2 && !view.agreed && (
                <AgreeForm
                  course={course}
                  component={component}
                  view={view}
                  onAgreed={() => {
                    setSaved(undefined);
                    setSaid(t('agreed'));
                    read.reload();
                    onChanged();
                  }}
                />
              )}
            </>
          );
        }}
      </Loaded>
      {status}
    </>
  );
};

type ReportView = ResponseOf<'/courses/{courseId}/marking/groups/{groupId}/submission/{componentId}', 'get'>;

/**
 * "Read the report": asks for a fresh 5-minute link to the group's latest accepted report (named by
 * the label while the group is hidden) and opens it in a new tab; the link stays shown with its
 * pages and reception time, for a blocked pop-up or a second look.
 */
export const ReportLink = ({
  course,
  groupRef,
  componentId,
  label,
}: {
  course: CourseView;
  groupRef: string;
  componentId: string;
  label: string;
}) => {
  const t = useT(markingMessages);
  const when = useCourseTime(course.config.timeZone);
  const { api } = useApp();
  const submit = useSubmit();
  const [report, setReport] = useState<ReportView>();
  const read = async () => {
    const got = await submit.run(() =>
      unwrap(
        api.GET('/courses/{courseId}/marking/groups/{groupId}/submission/{componentId}', {
          params: { path: { courseId: course.courseId, groupId: groupRef, componentId } },
        }),
      ),
    );
    if (!got) return;
    setReport(got);
    window.open(got.url, '_blank', 'noopener');
  };
  return (
    <div class="report-link">
      <button type="button" onClick={read} disabled={submit.busy}>
        {t('readReport', { label })}
      </button>
      <Problem problem={submit.problem} />
      {report && (
        <p>
          <a href={report.url} target="_blank" rel="noopener noreferrer">
            {report.fileName}
          </a>{' '}
          <span class="subtle">
            {report.pages === null
              ? t('reportReceived', { when: when(report.receivedAt) })
              : t('reportPages', { pages: report.pages, when: when(report.receivedAt) })}{' '}
            {t('reportExpires', { when: when(report.expiresAt) })}
          </span>
        </p>
      )}
    </div>
  );
};
