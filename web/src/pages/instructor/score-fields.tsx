import type { ApiProblem } from '../../api/client.js';
import type { CourseView } from '../../api/types.js';
import { Field } from '../../ui/problem.js';

type Component = CourseView['config']['grading']['components'][number];

/** What the fields hold: one string per aspect id, or under "score" for a component without aspects. */
export type ScoreDraft = Record<string, string>;

/** The body's score part from the draft: aspects or score, numbers as typed (the API checks them). */
export const scoreBody = (component: Component, draft: ScoreDraft) =>
  component.aspects
    ? {
        aspects: Object.fromEntries(
          component.aspects.filter((a) => draft[a.id]?.trim()).map((a) => [a.id, Number(draft[a.id])]),
        ),
      }
    : draft.score?.trim()
      ? { score: Number(draft.score) }
      : {};

/**
 * A score per aspect (or one score) of a component, each a native number field with the API's
 * issue at body.aspects.<id> (or body.score) next to it.
 */
export const ScoreFields = ({
  idPrefix,
  component,
  scale,
  draft,
  onInput,
  problem,
  scoreLabel,
}: {
  idPrefix: string;
  component: Component;
  scale: number;
  draft: ScoreDraft;
  onInput: (draft: ScoreDraft) => void;
  problem: ApiProblem | undefined;
  scoreLabel: string;
}) => {
  const fields = component.aspects
    ? component.aspects.map((a) => ({ key: a.id, label: a.title, path: `body.aspects.${a.id}` }))
    : [{ key: 'score', label: scoreLabel, path: 'body.score' }];
  return (
    <>
      {fields.map((f) => (
        <Field
          key={f.key}
          id={`${idPrefix}-${f.key}`}
          label={`${f.label} (/ ${scale})`}
          path={f.path}
          problem={problem}
        >
          {(a11y) => (
            <input
              {...a11y}
              type="number"
              inputMode="decimal"
              min={0}
              max={scale}
              step="any"
              value={draft[f.key] ?? ''}
              onInput={(e) => onInput({ ...draft, [f.key]: (e.target as HTMLInputElement).value })}
            />
          )}
        </Field>
      ))}
    </>
  );
};
