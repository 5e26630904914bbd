import type { ApiProblem } from '../../api/client.js';
import { useT } from '../../i18n/i18n.js';
import { adminMessages } from './admin-messages.js';

/**
 * The whole config as JSON. The API's issues about the body are listed under it with their paths
 * (groups.minSize, papers[2].url), as the API writes them; the textarea points at that list.
 */
export const JsonEditor = ({
  value,
  onValue,
  problem,
}: {
  value: string;
  onValue: (value: string) => void;
  problem: ApiProblem | undefined;
}) => {
  const t = useT(adminMessages);
  const issues = problem?.issues.filter((i) => i.path === 'body' || i.path.startsWith('body.')) ?? [];
  return (
    <div class="field">
      <label for="course-json">{t('jsonLabel')}</label>
      <p class="hint" id="course-json-hint">
        {t('jsonHint')}
      </p>
      <textarea
        id="course-json"
        class="json"
        spellcheck={false}
        rows={24}
        value={value}
        onInput={(e) => onValue((e.target as HTMLTextAreaElement).value)}
        aria-describedby={issues.length ? 'course-json-hint course-json-issues' : 'course-json-hint'}
        {...(issues.length ? { 'aria-invalid': true } : {})}
      />
      {issues.length > 0 && (
        <div id="course-json-issues" class="field-error">
          <p>{t('jsonIssues')}</p>
          <ul>
            {issues.map((i) => (
              <li key={i.path + i.message}>
                <code>{i.path === 'body' ? '(JSON)' : i.path.slice('body.'.length)}</code>: {i.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
};
