import { useState } from 'preact/hooks';
import { unwrap } from '../../api/client.js';
import { useApp } from '../../app-context.js';
import { useT } from '../../i18n/i18n.js';
import { Problem } from '../../ui/problem.js';
import { useSubmit } from '../../ui/use-resource.js';
import { gradingMessages } from './grading-messages.js';
import { ReasonField } from './reason-field.js';
import { staffMessages } from './staff-messages.js';

/**
 * POST …/grades/unpublish: withdraws published grades (students see none again; those mailed are
 * told). The reason is required and audited, so the form asks for it before anything is sent.
 */
export const UnpublishForm = ({
  courseId,
  onCancel,
  onDone,
}: {
  courseId: string;
  onCancel: () => void;
  onDone: (message: string) => void;
}) => {
  const t = useT(gradingMessages);
  const s = useT(staffMessages);
  const { api } = useApp();
  const { busy, problem, run } = useSubmit();
  const [reason, setReason] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    const done = await run(() =>
      unwrap(
        api.POST('/courses/{courseId}/grades/unpublish', {
          params: { path: { courseId } },
          body: { reason },
        }),
      ),
    );
    if (done) onDone(t('unpublished'));
  };
  return (
    <form class="panel" onSubmit={submit} aria-labelledby="unpublish-title">
      <h3 id="unpublish-title">{t('unpublishTitle')}</h3>
      <p class="hint">{t('unpublishHint')}</p>
      <Problem problem={problem} fieldPaths={['body.reason']} />
      <ReasonField
        id="unpublish-reason"
        label={s('reason')}
        problem={problem}
        value={reason}
        onInput={setReason}
      />
      <div class="actions">
        <button type="submit" class="danger" disabled={busy}>
          {t('unpublishConfirm')}
        </button>
        <button type="button" onClick={onCancel}>
          {s('cancel')}
        </button>
      </div>
    </form>
  );
};
