import type { ComponentChildren } from 'preact';
import type { ApiProblem, Issue } from '../api/client.js';
import { shellMessages } from '../i18n/shell-messages.js';
import { useT } from '../i18n/i18n.js';

/** `body.members` covers `body.members[1]` and `body.members.note`; the API writes indexes in brackets. */
const within = (issuePath: string, path: string) =>
  issuePath === path || issuePath.startsWith(`${path}.`) || issuePath.startsWith(`${path}[`);

/** Issues of a problem at a path (`body.paperId`) or under it. */
export const issuesAt = (problem: ApiProblem | undefined, path: string): Issue[] =>
  problem?.issues.filter((i) => within(i.path, path)) ?? [];

/**
 * The API's message at the top of a form (role=alert, read out at once), with the issues no field
 * shows; the others appear next to their field (see Field).
 */
export const Problem = ({ problem, fieldPaths = [] }: { problem?: ApiProblem; fieldPaths?: string[] }) => {
  const t = useT(shellMessages);
  if (!problem) return null;
  const rest = problem.issues.filter((i) => !fieldPaths.some((p) => within(i.path, p)));
  return (
    <div class="problem" role="alert">
      <strong>{problem.status ? problem.message : `${t('problem')}: ${problem.message}`}</strong>
      {rest.length > 0 && (
        <ul>
          {rest.map((i) => (
            <li key={i.path + i.message}>
              <code>{i.path}</code>: {i.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};

/**
 * A labelled control with the API's issues for its path next to it: the control gets
 * aria-invalid and aria-describedby pointing at the message.
 */
export const Field = ({
  id,
  label,
  path,
  problem,
  hint,
  children,
}: {
  id: string;
  label: ComponentChildren;
  path?: string;
  problem?: ApiProblem;
  hint?: ComponentChildren;
  children: (a11y: {
    id: string;
    'aria-invalid'?: boolean;
    'aria-describedby'?: string;
  }) => ComponentChildren;
}) => {
  const issues = path ? issuesAt(problem, path) : [];
  const describedBy = [hint ? `${id}-hint` : '', issues.length ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children({
        id,
        ...(issues.length ? { 'aria-invalid': true } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
      {issues.length > 0 && (
        <p class="field-error" id={`${id}-error`}>
          {issues.map((i) => i.message).join('; ')}
        </p>
      )}
    </div>
  );
};

export const Loading = () => {
  const t = useT(shellMessages);
  return (
    <p class="loading" role="status">
      {t('loading')}
    </p>
  );
};

/** A resource's state: loading, its problem with a retry, or the page. */
export const Loaded = <T,>({
  resource,
  children,
}: {
  resource: { data: T | undefined; problem?: ApiProblem; loading: boolean; reload: () => void };
  children: (data: T) => ComponentChildren;
}) => {
  const t = useT(shellMessages);
  if (resource.data !== undefined) return <>{children(resource.data)}</>;
  if (resource.problem)
    return (
      <div>
        <Problem problem={resource.problem} />
        <button type="button" onClick={resource.reload}>
          {t('retry')}
        </button>
      </div>
    );
  return <Loading />;
};
