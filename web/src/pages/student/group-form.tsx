import { useState } from 'preact/hooks';
import { unwrap } from '../../api/client.js';
import type { CourseView, MeView } from '../../api/types.js';
import { useApp } from '../../app-context.js';
import { useT } from '../../i18n/i18n.js';
import { Field, Problem, issuesAt } from '../../ui/problem.js';
import { useSubmit } from '../../ui/use-resource.js';
import { withFieldIssues } from './field-problems.js';
import { groupMessages } from './group-messages.js';
import { PaperSelect } from './paper-select.js';
import type { PaperSeats } from './student-data.js';

/**
 * Forming a group: the caller joins it at once and invites classmates typed as emails (the roster is
 * for staff only), who join when they accept. The paper is optional (chosen later), and absent in
 * `ranked` courses, where the group ranks the papers once formed. Blank classmate fields are not
 * sent; each sent one keeps the index the API names in its issues (body.members[1] is the first
 * non-blank classmate), so every issue lands on its field.
 */
export const GroupForm = ({
  course,
  me,
  seats,
  onFormed,
}: {
  course: CourseView;
  me: MeView;
  seats: PaperSeats[] | undefined;
  onFormed: () => void;
}) => {
  const { api } = useApp();
  const t = useT(groupMessages);
  const { minSize, maxSize, paperChoice } = course.config.groups;
  const ranked = paperChoice === 'ranked';
  const [mates, setMates] = useState<string[]>(() =>
    Array.from({ length: Math.max(0, minSize - 1) }, () => ''),
  );
  const [paperId, setPaperId] = useState('');
  const submit = useSubmit();
  const sent = mates.map((m, i) => ({ email: m.trim(), i })).filter((m) => m.email);
  const pathOf = (i: number) => {
    const at = sent.findIndex((m) => m.i === i);
    return at < 0 ? undefined : `body.members[${at + 1}]`;
  };
  const problem = withFieldIssues(submit.problem, [
    ...sent.map((m) => ({
      path: `body.members[${sent.indexOf(m) + 1}]`,
      code: 'already_in_group',
      value: m.email,
    })),
    { path: 'body.paperId', code: 'paper_full' },
  ]);
  const memberPaths = sent.map((_m, k) => `body.members[${k + 1}]`);
  const groupIssues = issuesAt(problem, 'body.members').filter((i) => i.path === 'body.members');
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const done = await submit.run(() =>
      unwrap(
        api.POST('/courses/{courseId}/groups', {
          params: { path: { courseId: course.courseId } },
          body: {
            members: [me.student.email, ...sent.map((m) => m.email)],
            ...(paperId && !ranked ? { paperId } : {}),
          },
        }),
      ),
    );
    if (done) onFormed();
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <h2>{t('formTitle')}</h2>
      <p>{t('rosterNote')}</p>
      <Problem problem={problem} fieldPaths={['body.members', 'body.paperId', ...memberPaths]} />
      <fieldset class="st-fieldset" aria-describedby={groupIssues.length ? 'members-error' : undefined}>
        <legend>{t('members')}</legend>
        <p>
          {t('you')}: <strong>{me.student.name}</strong> <span class="st-subtle">{me.student.email}</span>
        </p>
        {mates.map((value, i) => {
          const path = pathOf(i);
          return (
            <div class="st-mate" key={i}>
              <Field
                id={`mate-${i}`}
                label={t('classmate', { n: i + 1 })}
                {...(path ? { path } : {})}
                problem={problem}
              >
                {(a11y) => (
                  <input
                    {...a11y}
                    type="email"
                    autocomplete="off"
                    spellcheck={false}
                    value={value}
                    onInput={(e) => {
                      const next = [...mates];
                      next[i] = (e.target as HTMLInputElement).value;
                      setMates(next);
                    }}
                  />
                )}
              </Field>
              {i >= minSize - 1 && (
                <button type="button" class="link" onClick={() => setMates(mates.filter((_m, j) => j !== i))}>
                  {t('removeClassmate', { n: i + 1 })}
                </button>
              )}
            </div>
          );
        })}
        {mates.length < maxSize - 1 && (
          <button type="button" onClick={() => setMates([...mates, ''])}>
            {t('addClassmateField')}
          </button>
        )}
        {groupIssues.length > 0 && (
          <p class="field-error" id="members-error">
            {groupIssues.map((i) => i.message).join('; ')}
          </p>
        )}
      </fieldset>
      {ranked ? (
        <p class="notice">{t('rankedNote')}</p>
      ) : (
        <PaperSelect
          id="paper"
          label={t('paper')}
          course={course}
          seats={seats}
          value={paperId}
          onChange={setPaperId}
          problem={problem}
          optional
          hint={t('paperOptional')}
        />
      )}
      <button type="submit" class="primary" disabled={submit.busy}>
        {submit.busy ? t('forming') : t('form')}
      </button>
    </form>
  );
};
