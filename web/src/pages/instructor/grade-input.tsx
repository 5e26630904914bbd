import type { Issue } from '../../api/client.js';

/**
 * One score in the grading grid: a number field labelled for screen readers (the grid's headers
 * say it visually), tied to the saving row's form, with the API's issue under it.
 */
export const GradeInput = ({
  id,
  label,
  form,
  value,
  scale,
  issues,
  onInput,
}: {
  id: string;
  label: string;
  form: string;
  value: string;
  scale: number;
  issues: Issue[];
  onInput: (value: string) => void;
}) => (
  <>
    <input
      id={id}
      form={form}
      type="number"
      inputMode="decimal"
      min={0}
      max={scale}
      step="any"
      class="grade-input"
      aria-label={label}
      value={value}
      onInput={(e) => onInput((e.target as HTMLInputElement).value)}
      {...(issues.length ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {})}
    />
    {issues.length > 0 && (
      <span class="field-error" id={`${id}-error`}>
        {issues.map((i) => i.message).join('; ')}
      </span>
    )}
  </>
);

/**
 * The API's refusal of a component's grade by an entry rule, next to its cell, and the reason
 * that enters it anyway (sent with the row's next save; the audit log keeps it).
 */
export const RuleOverride = ({
  id,
  form,
  message,
  label,
  value,
  onInput,
}: {
  id: string;
  form: string;
  message: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
}) => (
  <div class="rule-override">
    <p class="field-error" id={`${id}-error`} role="alert">
      {message}
    </p>
    <label for={id}>{label}</label>
    <textarea
      id={id}
      form={form}
      aria-describedby={`${id}-error`}
      value={value}
      onInput={(e) => onInput((e.target as HTMLTextAreaElement).value)}
    />
  </div>
);
