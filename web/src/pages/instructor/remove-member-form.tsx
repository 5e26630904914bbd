import { useEffect, useRef, useState } from 'preact/hooks';
import { unwrap } from '../../api/client.js';
import { useApp } from '../../app-context.js';
import { useT } from '../../i18n/i18n.js';
import { Problem } from '../../ui/problem.js';
import { TextAreaField } from './reason-field.js';
import { useSubmit } from '../../ui/use-resource.js';
import { groupsMessages } from './groups-messages.js';
import { staffMessages } from './staff-messages.js';

export interface Removal {
  groupId: string;
  groupLabel: string;
  email: string;
  name: string;
}

/** DELETE …/groups/{groupId}/members/{email}?reason=…: the reason is what the audit log keeps. */
export const RemoveMemberForm = ({
  courseId,
  removal,
  onCancel,
  onRemoved,
}: {
  courseId: string;
  removal: Removal;
  onCancel: () => void;
  onRemoved: (message: string) => void;
}) => {
  const t = useT(groupsMessages);
  const s = useT(staffMessages);
  const { api } = useApp();
  const { busy, problem, run } = useSubmit();
  const [reason, setReason] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [removal.email, removal.groupId]);
  const submit = async (e: Event) => {
    e.preventDefault();
    const done = await run(() =>
      unwrap(
        api.DELETE('/courses/{courseId}/groups/{groupId}/members/{email}', {
          params: {
            path: { courseId, groupId: removal.groupId, email: removal.email },
            query: reason.trim() ? { reason } : {},
          },
        }),
      ),
    );
    if (done)
      onRemoved(
        t(done.deleted ? 'removedDeleted' : 'removed', { name: removal.name, group: removal.groupLabel }),
      );
  };
  return (
    <form class="panel" onSubmit={submit} aria-labelledby="remove-heading">
      <h2 id="remove-heading" ref={heading} tabIndex={-1}>
        {t('removeWho', { name: removal.name, group: removal.groupLabel })}
      </h2>
      <p class="hint">{t('removeHint')}</p>
      <Problem problem={problem} fieldPaths={['query.reason']} />
      <TextAreaField
        id="remove-reason"
        label={s('reason')}
        path="query.reason"
        problem={problem}
        value={reason}
        onInput={setReason}
      />
      <div class="actions">
        <button type="submit" class="danger" disabled={busy}>
          {t('confirmRemove')}
        </button>
        <button type="button" onClick={onCancel}>
          {s('cancel')}
        </button>
      </div>
    </form>
  );
};
