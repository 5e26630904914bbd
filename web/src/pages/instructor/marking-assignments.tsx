import { useState } from 'preact/hooks';
import { unwrap } from '../../api/client.js';
import type { CourseView } from '../../api/types.js';
import { useApp } from '../../app-context.js';
import { useT } from '../../i18n/i18n.js';
import { Field, Problem } from '../../ui/problem.js';
import { useSubmit } from '../../ui/use-resource.js';
import { markingMessages } from './marking-messages.js';
import type { GroupView } from './staff-data.js';

/**
 * The lead's (or an admin's) assignment of graders (PUT …/marking/assignments): one component, the
 * groups ticked, the graders ticked, sent as one assignment per group. The current graders of each
 * group for that component are shown next to it; pairs not ticked are unchanged.
 */
export const AssignmentsForm = ({
  course,
  groups,
  groupLabel,
  gradersOf,
  onSaved,
}: {
  course: CourseView;
  groups: GroupView[];
  groupLabel: (groupId: string) => string;
  gradersOf: (groupId: string, componentId: string) => string[];
  onSaved: () => void;
}) => {
  const t = useT(markingMessages);
  const { api } = useApp();
  const submit = useSubmit();
  const { courseId, config } = course;
  const { components } = config.grading;
  const second = config.grading.markers?.secondMarking?.components ?? [];
  // Emails in the config (typed loosely by the generated schema).
  const instructors = config.instructors.map(String);
  const [componentId, setComponentId] = useState(components[0]?.id ?? '');
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [graders, setGraders] = useState<Set<string>>(new Set());
  const [said, setSaid] = useState('');
  const toggle = (set: Set<string>, value: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(value);
    else next.delete(value);
    return next;
  };
  const send = async (e: Event) => {
    e.preventDefault();
    setSaid('');
    const chosen = instructors.filter((i) => graders.has(i));
    const done = await submit.run(() =>
      unwrap(
        api.PUT('/courses/{courseId}/marking/assignments', {
          params: { path: { courseId } },
          body: {
            assignments: groups
              .filter((g) => picked.has(g.groupId))
              .map((g) => ({ groupId: g.groupId, componentId, graders: chosen })),
          },
        }),
      ),
    );
    if (done) {
      setSaid(t('assignedOk', { n: picked.size }));
      setPicked(new Set());
      onSaved();
    }
  };
  return (
    <form onSubmit={send} noValidate class="panel" aria-labelledby="assign-title">
      <h2 id="assign-title">{t('assignTitle')}</h2>
      <p class="hint">{t('assignHint')}</p>
      <Problem problem={submit.problem} />
      <Field id="assign-component" label={t('assignComponent')}>
        {(a11y) => (
          <select
            {...a11y}
            value={componentId}
            onChange={(e) => setComponentId((e.target as HTMLSelectElement).value)}
          >
            {components.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
                {second.includes(c.id) ? ` ${t('secondMarked')}` : ''}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset>
        <legend>{t('assignGroups')}</legend>
        {groups.map((g) => {
          const now = gradersOf(g.groupId, componentId);
          return (
            <div key={g.groupId}>
              <label class="check">
                <input
                  type="checkbox"
                  checked={picked.has(g.groupId)}
                  onChange={(e) =>
                    setPicked(toggle(picked, g.groupId, (e.target as HTMLInputElement).checked))
                  }
                />{' '}
                {groupLabel(g.groupId)}
              </label>{' '}
              {now.length > 0 && <span class="subtle">{t('currentGraders', { list: now.join(', ') })}</span>}
            </div>
          );
        })}
      </fieldset>
      <fieldset>
        <legend>{t('assignGraders')}</legend>
        {instructors.map((i) => (
          <div key={i}>
            <label class="check">
              <input
                type="checkbox"
                checked={graders.has(i)}
                onChange={(e) => setGraders(toggle(graders, i, (e.target as HTMLInputElement).checked))}
              />{' '}
              {i}
            </label>
          </div>
        ))}
      </fieldset>
      <button type="submit" class="primary" disabled={submit.busy || picked.size === 0}>
        {t('assign')}
      </button>
      <p role="status" class="ok">
        {said}
      </p>
    </form>
  );
};
