import { useState } from 'preact/hooks';
import { unwrap } from '../../api/client.js';
import type { CourseView, ResponseOf } from '../../api/types.js';
import { useApp } from '../../app-context.js';
import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n.js';
import { Problem } from '../../ui/problem.js';
import { TextAreaField } from './reason-field.js';
import { useSubmit } from '../../ui/use-resource.js';
import { markingMessages } from './marking-messages.js';
import { ScoreFields, scoreBody, type ScoreDraft } from './score-fields.js';

export type MarksView = ResponseOf<'/courses/{courseId}/marking/groups/{groupId}/marks/{componentId}', 'get'>;
type Component = CourseView['config']['grading']['components'][number];

/** Refusals by a grade's entry rule, which a reason overrides (as in the grading grid). */
const RULE_CODES = new Set([
  'submission_not_accepted',
  'presentation_not_started',
  'presentation_not_booked',
]);

const draftOf = (
  mark: { aspects?: Record<string, number> | null; score?: number | null } | undefined,
): ScoreDraft =>
  mark
    ? mark.aspects
      ? Object.fromEntries(Object.entries(mark.aspects).map(([k, v]) => [k, String(v)]))
      : typeof mark.score === 'number'
        ? { score: String(mark.score) }
        : {}
    : {};

/** What a mark or a grade sends besides its version: the score part, a comment, a rule override. */
type EntryBody = ReturnType<typeof scoreBody> & { comment?: string; reason?: string };

/**
 * The score fields, a comment for the students and, once the entry rule refused (as in the grading
 * grid), a reason that overrides it: shared by the independent mark and the single-marked grade.
 */
const EntryForm = <T,>({
  course,
  component,
  idPrefix,
  title,
  submitLabel,
  commentHint,
  initial,
  save,
  onSaved,
}: {
  course: CourseView;
  component: Component;
  idPrefix: string;
  title: string;
  submitLabel: string;
  commentHint: string;
  initial: { draft: ScoreDraft; comment: string };
  save: (body: EntryBody) => Promise<T>;
  onSaved: (result: T) => void;
}) => {
  const t = useT(markingMessages);
  const submit = useSubmit();
  const [draft, setDraft] = useState<ScoreDraft>(initial.draft);
  const [comment, setComment] = useState(initial.comment);
  const [reason, setReason] = useState('');
  const send = async (e: Event) => {
    e.preventDefault();
    const result = await submit.run(() =>
      save({
        ...scoreBody(component, draft),
        ...(comment.trim() ? { comment } : {}),
        ...(reason.trim() ? { reason } : {}),
      }),
    );
    if (result !== undefined) onSaved(result);
  };
  // Shown once the rule refused the entry, and kept while it holds a reason.
  const ruleRefused = (!!submit.problem && RULE_CODES.has(submit.problem.code)) || reason !== '';
  const fieldPaths = ['body.aspects', 'body.score', 'body.comment', 'body.reason'];
  return (
    <form onSubmit={send} noValidate class="panel" aria-labelledby={`${idPrefix}-title`}>
      <h4 id={`${idPrefix}-title`}>{title}</h4>
      <Problem problem={submit.problem} fieldPaths={fieldPaths} />
      <ScoreFields
        idPrefix={idPrefix}
        component={component}
        scale={course.config.grading.scale}
        draft={draft}
        onInput={setDraft}
        problem={submit.problem}
        scoreLabel={t('score')}
      />
      <TextAreaField
        id={`${idPrefix}-comment`}
        label={t('comment')}
        hint={commentHint}
        path="body.comment"
        problem={submit.problem}
        value={comment}
        onInput={setComment}
      />
      {ruleRefused && (
        <TextAreaField
          id={`${idPrefix}-reason`}
          label={t('ruleReason')}
          path="body.reason"
          problem={submit.problem}
          value={reason}
          onInput={setReason}
        />
      )}
      <button type="submit" class="primary" disabled={submit.busy}>
        {submitLabel}
      </button>
    </form>
  );
};

/** A grader's independent mark (PUT …/marks/{componentId}), replaceable until the other is in. */
export const MarkForm = ({
  course,
  component,
  groupId,
  mine,
  onSaved,
}: {
  course: CourseView;
  component: Component;
  groupId: string;
  mine: MarksView['marks'][number] | undefined;
  onSaved: (view: MarksView) => void;
}) => {
  const t = useT(markingMessages);
  const { api } = useApp();
  const { courseId } = course;
  return (
    <EntryForm
      course={course}
      component={component}
      idPrefix={`mark-${groupId}-${component.id}`}
      title={t('yourMark')}
      submitLabel={t('saveMark')}
      commentHint={t('commentHint')}
      initial={{ draft: draftOf(mine), comment: mine?.comment ?? '' }}
      save={(body) =>
        unwrap(
          api.PUT('/courses/{courseId}/marking/groups/{groupId}/marks/{componentId}', {
            params: { path: { courseId, groupId, componentId: component.id } },
            body,
          }),
        )
      }
      onSaved={onSaved}
    />
  );
};

type SavedGrade = ResponseOf<'/courses/{courseId}/groups/{groupId}/grades/{componentId}', 'put'>;

/** A single-marked item's grade as the queue shows it (with the version to send to change it). */
type QueueGrade = {
  version: number;
  score?: number;
  aspects?: Record<string, number>;
  comment?: string;
} | null;

/**
 * The grade of a single-marked component, entered or changed from the queue (PUT …/grades/
 * {componentId}, by label while the group is hidden): a grader kept anonymous cannot open the
 * grading grid. It starts from the grade the queue read and sends that version, so a change made by
 * someone else meanwhile is refused (409) rather than overwritten.
 */
export const GradeForm = ({
  course,
  component,
  groupRef,
  grade,
  onSaved,
}: {
  course: CourseView;
  component: Component;
  groupRef: string;
  grade: QueueGrade;
  onSaved: () => void;
}) => {
  const t = useT(markingMessages);
  const fmt = useFormat();
  const { api } = useApp();
  const { courseId } = course;
  const [saved, setSaved] = useState<SavedGrade>();
  const current = saved ?? grade;
  return (
    <>
      <EntryForm
        key={current?.version ?? 0}
        course={course}
        component={component}
        idPrefix={`grade-${groupRef}-${component.id}`}
        title={t('gradeTitle')}
        submitLabel={t('saveGrade')}
        commentHint={t('gradeCommentHint')}
        initial={{
          draft: draftOf(current ?? undefined),
          comment: current?.comment ?? '',
        }}
        save={(body) =>
          unwrap(
            api.PUT('/courses/{courseId}/groups/{groupId}/grades/{componentId}', {
              params: { path: { courseId, groupId: groupRef, componentId: component.id } },
              // The version this page read or wrote last (0: none yet): someone else's change is refused.
              body: { ...body, version: current?.version ?? 0 },
            }),
          )
        }
        onSaved={(grade) => {
          setSaved(grade);
          onSaved();
        }}
      />
      <p role="status" class="ok">
        {saved &&
          t('gradeSaved', {
            value: saved.value === null ? '—' : fmt.number(saved.value),
            scale: course.config.grading.scale,
          })}
      </p>
    </>
  );
};

/**
 * The lead agrees the final of two marks (POST …/agree): within the threshold the mean or either
 * mark; over it the mean is not offered (the API refuses it: averaging hides a disagreement) and a
 * reason is needed; a value of the lead's own always needs one.
 */
export const AgreeForm = ({
  course,
  component,
  view,
  onAgreed,
}: {
  course: CourseView;
  component: Component;
  view: MarksView;
  onAgreed: () => void;
}) => {
  const t = useT(markingMessages);
  const fmt = useFormat();
  const { api } = useApp();
  const submit = useSubmit();
  const [accept, setAccept] = useState<string>(view.flagged ? (view.marks[0]?.grader ?? 'own') : 'mean');
  const [draft, setDraft] = useState<ScoreDraft>({});
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const { courseId } = course;
  const idPrefix = `agree-${view.groupId}-${view.componentId}`;
  const options = [
    ...(view.flagged ? [] : [{ value: 'mean', label: t('acceptMean') }]),
    ...view.marks.map((m) => ({
      value: m.grader,
      label: t('acceptMark', { grader: m.grader, value: fmt.number(m.value) }),
    })),
    { value: 'own', label: t('acceptOwn') },
  ];
  const send = async (e: Event) => {
    e.preventDefault();
    const done = await submit.run(() =>
      unwrap(
        api.POST('/courses/{courseId}/marking/groups/{groupId}/marks/{componentId}/agree', {
          params: { path: { courseId, groupId: view.groupId ?? view.label, componentId: view.componentId } },
          body: {
            ...(accept === 'own' ? scoreBody(component, draft) : { accept }),
            ...(comment.trim() ? { comment } : {}),
            ...(reason.trim() ? { reason } : {}),
            version: view.agreed?.version ?? 0,
          },
        }),
      ),
    );
    if (done) onAgreed();
  };
  return (
    <form onSubmit={send} noValidate class="panel" aria-labelledby={`${idPrefix}-title`}>
      <h4 id={`${idPrefix}-title`}>{t('agreeTitle')}</h4>
      <Problem
        problem={submit.problem}
        fieldPaths={['body.accept', 'body.aspects', 'body.score', 'body.comment', 'body.reason']}
      />
      <fieldset>
        <legend>{t('accept')}</legend>
        {options.map((o) => (
          <label key={o.value} class="check">
            <input
              type="radio"
              name={`${idPrefix}-accept`}
              value={o.value}
              checked={accept === o.value}
              onChange={() => setAccept(o.value)}
            />{' '}
            {o.label}
          </label>
        ))}
      </fieldset>
      {accept === 'own' && (
        <ScoreFields
          idPrefix={`${idPrefix}-own`}
          component={component}
          scale={course.config.grading.scale}
          draft={draft}
          onInput={setDraft}
          problem={submit.problem}
          scoreLabel={t('ownValue')}
        />
      )}
      <TextAreaField
        id={`${idPrefix}-comment`}
        label={t('agreeComment')}
        path="body.comment"
        problem={submit.problem}
        value={comment}
        onInput={setComment}
      />
      <TextAreaField
        id={`${idPrefix}-reason`}
        label={t('agreeReason')}
        path="body.reason"
        problem={submit.problem}
        required={!!view.flagged || accept === 'own'}
        value={reason}
        onInput={setReason}
      />
      <button type="submit" class="primary" disabled={submit.busy}>
        {t('agree')}
      </button>
    </form>
  );
};
