import type { ComponentChildren } from 'preact';
import type { ApiProblem } from '../../api/client.js';
import { Field } from '../../ui/problem.js';

interface Common {
  id: string;
  label: ComponentChildren;
  /** The API's path of this value (dotted: body.papers.0.url), for its issues. */
  path: string;
  problem: ApiProblem | undefined;
  hint?: ComponentChildren;
  required?: boolean;
}

export const TextInput = ({
  value,
  onValue,
  type = 'text',
  autoComplete,
  list,
  ...field
}: Common & {
  value: string | undefined;
  onValue: (value: string) => void;
  type?: 'text' | 'email' | 'url' | 'datetime-local';
  autoComplete?: string;
  /** A datalist of suggestions. */
  list?: string;
}) => (
  <Field {...field}>
    {(a11y) => (
      <input
        {...a11y}
        type={type}
        required={field.required}
        autoComplete={autoComplete ?? 'off'}
        list={list}
        value={value ?? ''}
        onInput={(e) => onValue((e.target as HTMLInputElement).value)}
      />
    )}
  </Field>
);

/** A number, or undefined while empty (the server then names the field if it is required). */
export const NumberInput = ({
  value,
  onValue,
  min,
  step = 1,
  ...field
}: Common & {
  value: number | undefined;
  onValue: (value: number | undefined) => void;
  min?: number;
  step?: number | 'any';
}) => (
  <Field {...field}>
    {(a11y) => (
      <input
        {...a11y}
        type="number"
        inputMode={step === 1 ? 'numeric' : 'decimal'}
        required={field.required}
        min={min}
        step={step}
        value={value === undefined || Number.isNaN(value) ? '' : String(value)}
        onInput={(e) => {
          const text = (e.target as HTMLInputElement).value;
          onValue(text === '' ? undefined : Number(text));
        }}
      />
    )}
  </Field>
);

/**
 * A list typed as text (one per line, or comma-separated). Kept as typed (split and joined back
 * unchanged, so the caret never jumps); blanks and spaces are dropped when the course is sent.
 */
export const ListInput = ({
  value,
  onValue,
  separator,
  ...field
}: Common & { value: string[]; onValue: (value: string[]) => void; separator: '\n' | ',' }) => (
  <Field {...field}>
    {(a11y) =>
      separator === '\n' ? (
        <textarea
          {...a11y}
          rows={3}
          value={value.join('\n')}
          onInput={(e) => onValue((e.target as HTMLTextAreaElement).value.split('\n'))}
        />
      ) : (
        <input
          {...a11y}
          value={value.join(',')}
          onInput={(e) => onValue((e.target as HTMLInputElement).value.split(','))}
        />
      )
    }
  </Field>
);

/** The API's issues at exactly these paths (a list's own problems: duplicates, weights). */
export const IssuesAt = ({ problem, paths }: { problem: ApiProblem | undefined; paths: string[] }) => {
  const issues = problem?.issues.filter((i) => paths.includes(i.path)) ?? [];
  return issues.length ? <p class="field-error">{issues.map((i) => i.message).join('; ')}</p> : null;
};
