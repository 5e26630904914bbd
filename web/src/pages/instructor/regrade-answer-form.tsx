import { useState } from 'preact/hooks';
import { unwrap } from '../../api/client.js';
import { useApp } from '../../app-context.js';
import { useT } from '../../i18n/i18n.js';
import { issuesAt, Problem } from '../../ui/problem.js';
import { useSubmit } from '../../ui/use-resource.js';
import { withFieldIssues } from '../student/field-problems.js';
import { ReasonField } from './reason-field.js';
import { regradesMessages } from './regrades-messages.js';

type Decision = 'upheld' | 'changed';

/**
 * POST …/regrades/{regradeId}/answer: upheld or changed, with the response the student reads. A
 * 'changed' while the student still sees what they saw (409 regrade_unchanged) is shown at the
 * decision, since that is what to reconsider (or change the grade first).
 */
export const RegradeAnswerForm = ({
  courseId,
  regradeId,
  onAnswered,
}: {
  courseId: string;
  regradeId: string;
  onAnswered: () => void;
}) => {
  const t = useT(regradesMessages);
  const { api } = useApp();
  const submit = useSubmit();
  const [decision, setDecision] = useState<Decision>('upheld');
  const [response, setResponse] = useState('');
  const problem = withFieldIssues(submit.problem, [{ path: 'body.decision', code: 'regrade_unchanged' }]);
  const decisionIssues = issuesAt(problem, 'body.decision');
  const id = `answer-${regradeId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const send = async (e: Event) => {
    e.preventDefault();
    const done = await submit.run(() =>
      unwrap(
        api.POST('/courses/{courseId}/regrades/{regradeId}/answer', {
          params: { path: { courseId, regradeId } },
          body: { decision, response },
        }),
      ),
    );
    if (done) onAnswered();
  };
  return (
    <form onSubmit={send} noValidate class="regrade-answer">
      <Problem problem={problem} fieldPaths={['body.decision', 'body.response']} />
      <fieldset {...(decisionIssues.length ? { 'aria-describedby': `${id}-decision-error` } : {})}>
        <legend>{t('decision')}</legend>
        {(['upheld', 'changed'] as const).map((d) => (
          <label key={d} class="check">
            <input
              type="radio"
              name={`${id}-decision`}
              value={d}
              checked={decision === d}
              onChange={() => setDecision(d)}
            />{' '}
            {t(d)}
          </label>
        ))}
        {decisionIssues.length > 0 && (
          <p class="field-error" id={`${id}-decision-error`}>
            {decisionIssues.map((i) => i.message).join('; ')}
          </p>
        )}
      </fieldset>
      <ReasonField
        id={`${id}-response`}
        label={t('response')}
        hint={t('responseHint')}
        path="body.response"
        problem={problem}
        value={response}
        onInput={setResponse}
      />
      <button type="submit" class="primary" disabled={submit.busy}>
        {t('send')}
      </button>
    </form>
  );
};
