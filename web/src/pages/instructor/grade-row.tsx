import { useState } from 'preact/hooks';
import { unwrap, type ApiProblem } from '../../api/client.js';
import type { BodyOf, CourseView } from '../../api/types.js';
import { useApp } from '../../app-context.js';
import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n.js';
import { issuesAt } from '../../ui/problem.js';
import { attempt } from './attempt.js';
import { GradeInput, RuleOverride } from './grade-input.js';
import { gradingMessages } from './grading-messages.js';
import { MemberFinals } from './member-finals.js';
import type { GroupGrades, GroupView } from './staff-data.js';

/**
 * The API's refusals of a grade by an entry rule (no accepted report, presentation not booked or not
 * started yet): an instructor may enter it anyway with a reason, which the audit log keeps.
 */
export const ENTRY_RULE_CODES = [
  'submission_not_accepted',
  'presentation_not_started',
  'presentation_not_booked',
];
const refusedByRule = (p: ApiProblem | undefined) => !!p && ENTRY_RULE_CODES.includes(p.code);

export type Component = CourseView['config']['grading']['components'][number];
type PutGrade = BodyOf<'/courses/{courseId}/groups/{groupId}/grades/{componentId}', 'put'>;

/** The inputs of a component: one per aspect, or one score (body.aspects.<id> or body.score). */
export const partsOf = (c: Component) =>
  c.aspects ? c.aspects.map((a) => ({ id: a.id, title: a.title })) : [{ id: 'score', title: '' }];

const valuesOf = (components: Component[], sheet: GroupGrades) => {
  const values: Record<string, string> = {};
  for (const c of components) {
    const grade = sheet.components.find((x) => x.componentId === c.id)?.grade;
    for (const p of partsOf(c)) {
      const v = c.aspects ? grade?.aspects?.[p.id] : grade?.score;
      values[`${c.id}.${p.id}`] = v === undefined ? '' : String(v);
    }
  }
  return values;
};

/**
 * One group's row of the grid. Save sends PUT …/grades/{componentId} for each component whose
 * scores changed, with the version read (a concurrent change gets the server's 409), then reads the
 * group's sheet again: the grades and finals shown are the server's, never computed here.
 */
export const GradeRow = ({
  course,
  group,
  sheet,
  groupLabel,
  onSaved,
}: {
  course: CourseView;
  group: GroupView;
  sheet: GroupGrades;
  groupLabel: string;
  onSaved: (sheet: GroupGrades, message: string) => void;
}) => {
  const t = useT(gradingMessages);
  const fmt = useFormat();
  const { api } = useApp();
  const { courseId, config } = course;
  const { components, scale } = config.grading;
  const [values, setValues] = useState(() => valuesOf(components, sheet));
  const [problems, setProblems] = useState<Record<string, ApiProblem>>({});
  // componentId → the reason that overrides its entry rule; asked for once the API refused by a rule.
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const formId = `grades-${group.groupId}`;
  const path = { courseId, groupId: group.groupId };
  const before = valuesOf(components, sheet);

  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const failed: Record<string, ApiProblem> = {};
    let sent = 0;
    for (const c of components) {
      const grade = sheet.components.find((x) => x.componentId === c.id)?.grade ?? null;
      const entered = partsOf(c).map((p) => ({ id: p.id, text: (values[`${c.id}.${p.id}`] ?? '').trim() }));
      // Nothing typed, or the scores as read: nothing to send for this component.
      if (entered.every((x) => x.text === '')) continue;
      if (entered.every((x) => x.text === before[`${c.id}.${x.id}`])) continue;
      const numbers = entered.filter((x) => x.text !== '').map((x) => [x.id, Number(x.text)] as const);
      const body: PutGrade = {
        ...(c.aspects ? { aspects: Object.fromEntries(numbers) } : { score: numbers[0]?.[1] ?? 0 }),
        version: grade?.version ?? 0,
        // PUT replaces the grade: keep its comment.
        ...(grade?.comment ? { comment: grade.comment } : {}),
        ...(reasons[c.id]?.trim() ? { reason: reasons[c.id]?.trim() } : {}),
      };
      sent++;
      const r = await attempt(() =>
        unwrap(
          api.PUT('/courses/{courseId}/groups/{groupId}/grades/{componentId}', {
            params: { path: { ...path, componentId: c.id } },
            body,
          }),
        ),
      );
      if ('problem' in r) failed[c.id] = r.problem;
    }
    setProblems(failed);
    if (!sent) {
      setBusy(false);
      onSaved(sheet, t('unchanged', { group: groupLabel }));
      return;
    }
    const fresh = await attempt(() =>
      unwrap(api.GET('/courses/{courseId}/groups/{groupId}/grades', { params: { path } })),
    );
    setBusy(false);
    if ('problem' in fresh) {
      setProblems({ ...failed, '': fresh.problem });
      return;
    }
    // The row keeps its state across saves (keyed by group): the server's scores for what was
    // saved, what was typed for what was refused (to retry with a reason).
    const next = valuesOf(components, fresh.ok);
    for (const componentId of Object.keys(failed))
      for (const key of Object.keys(next))
        if (key.startsWith(`${componentId}.`)) next[key] = values[key] ?? '';
    setValues(next);
    setReasons((rs) => Object.fromEntries(Object.entries(rs).filter(([id]) => failed[id])));
    onSaved(fresh.ok, Object.keys(failed).length ? '' : t('rowSaved', { group: groupLabel }));
  };

  // What no input shows: a stale version (409), a refusal, a missing aspect, a network failure.
  const rowProblems = Object.entries(problems).flatMap(([componentId, p]) => {
    // Shown next to the component's grade, with the reason that overrides it.
    if (refusedByRule(p)) return [];
    const c = components.find((x) => x.id === componentId);
    const shown = c ? partsOf(c).map((x) => (c.aspects ? `body.aspects.${x.id}` : 'body.score')) : [];
    const rest = p.issues.filter((i) => !shown.includes(i.path));
    if (p.issues.length && !rest.length) return [];
    const detail = rest.map((i) => i.message).join('; ');
    return [{ componentId, message: detail ? `${c?.title ?? ''} ${p.message}: ${detail}` : p.message }];
  });
  return (
    <tr>
      <th scope="row">
        {groupLabel}
        <br />
        <span class="subtle">{group.paper?.title ?? group.paperId}</span>
      </th>
      {components.map((c) => {
        const grade = sheet.components.find((x) => x.componentId === c.id)?.grade;
        const componentProblem = problems[c.id];
        return [
          ...partsOf(c).map((p) => {
            const key = `${c.id}.${p.id}`;
            const issuePath = c.aspects ? `body.aspects.${p.id}` : 'body.score';
            return (
              <td key={key}>
                <GradeInput
                  id={`${formId}-${c.id}-${p.id}`}
                  form={formId}
                  label={t('inputLabel', {
                    what: c.aspects ? p.title : t('score'),
                    component: c.title,
                    group: groupLabel,
                  })}
                  value={values[key] ?? ''}
                  scale={scale}
                  issues={issuesAt(componentProblem, issuePath)}
                  onInput={(v) => setValues((vs) => ({ ...vs, [key]: v }))}
                />
              </td>
            );
          }),
          <td key={`${c.id}.value`} class="num">
            {grade?.value == null ? '—' : fmt.number(grade.value)}
            {refusedByRule(componentProblem) && (
              <RuleOverride
                id={`${formId}-${c.id}-reason`}
                form={formId}
                message={componentProblem?.message ?? ''}
                label={t('overrideReason', { component: c.title, group: groupLabel })}
                value={reasons[c.id] ?? ''}
                onInput={(v) => setReasons((rs) => ({ ...rs, [c.id]: v }))}
              />
            )}
          </td>,
        ];
      })}
      <td>
        <MemberFinals sheet={sheet} components={components} />
      </td>
      <td>
        <form id={formId} onSubmit={save}>
          <button type="submit" disabled={busy}>
            {t('saveRow')}
            <span class="visually-hidden"> ({groupLabel})</span>
          </button>
        </form>
        {rowProblems.length > 0 && (
          <div role="alert" class="field-error">
            {rowProblems.map((p) => (
              <p key={p.componentId}>{p.message}</p>
            ))}
          </div>
        )}
      </td>
    </tr>
  );
};
