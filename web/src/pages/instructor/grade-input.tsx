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
