import type { ComponentChildren } from 'preact';
import type { ApiProblem } from '../../api/client.js';
import { Field } from '../../ui/problem.js';

/** The required "why" of a staff action (audited), with the API's issue for `body.reason` next to it. */
export const ReasonField = ({
  id,
  label,
  problem,
  value,
  onInput,
  hint,
  path = 'body.reason',
}: {
  id: string;
  label: ComponentChildren;
  problem: ApiProblem | undefined;
  value: string;
  onInput: (value: string) => void;
  hint?: ComponentChildren;
  path?: string;
}) => (
  <Field id={id} label={label} path={path} problem={problem} {...(hint ? { hint } : {})}>
    {(a11y) => (
      <textarea
        {...a11y}
        required
        value={value}
        onInput={(e) => onInput((e.target as HTMLTextAreaElement).value)}
      />
    )}
  </Field>
);
