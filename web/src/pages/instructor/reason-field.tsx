import type { ComponentChildren } from 'preact';
import type { ApiProblem } from '../../api/client.js';
import { Field } from '../../ui/problem.js';

interface TextAreaFieldProps {
  id: string;
  label: ComponentChildren;
  problem: ApiProblem | undefined;
  value: string;
  onInput: (value: string) => void;
  /** The API field it fills: its issue is shown next to it. */
  path: string;
  hint?: ComponentChildren;
  required?: boolean;
}

/** A labelled text area bound to a string, with the API's issue for `path` next to it. */
export const TextAreaField = ({
  id,
  label,
  problem,
  value,
  onInput,
  path,
  hint,
  required,
}: TextAreaFieldProps) => (
  <Field id={id} label={label} path={path} problem={problem} {...(hint ? { hint } : {})}>
    {(a11y) => (
      <textarea
        {...a11y}
        {...(required ? { required: true } : {})}
        value={value}
        onInput={(e) => onInput((e.target as HTMLTextAreaElement).value)}
      />
    )}
  </Field>
);

/** The required "why" of a staff action (audited), with the API's issue for `body.reason` next to it. */
export const ReasonField = ({
  path = 'body.reason',
  ...props
}: Omit<TextAreaFieldProps, 'path' | 'required'> & { path?: string }) => (
  <TextAreaField {...props} path={path} required />
);
