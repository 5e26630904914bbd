import { unwrap } from '../../api/client.js';
import { useApp } from '../../app-context.js';
import { useT } from '../../i18n/i18n.js';
import { Problem } from '../../ui/problem.js';
import { useSubmit } from '../../ui/use-resource.js';
import { invitationMessages } from './invitation-messages.js';
import type { MyGroup } from './student-data.js';

/**
 * The classmates the group invited who have not answered, pending or lapsed, each with a Withdraw
 * button (a member may withdraw an invitation at any time; the invitee is emailed).
 */
export const GroupInvitations = ({
  courseId,
  group,
  onChanged,
}: {
  courseId: string;
  group: Pick<MyGroup, 'groupId' | 'invitations'>;
  onChanged: (message: string) => void;
}) => {
  const { api } = useApp();
  const t = useT(invitationMessages);
  const submit = useSubmit();
  if (group.invitations.length === 0) return null;
  const withdraw = async (email: string, who: string) => {
    const done = await submit.run(() =>
      unwrap(
        api.DELETE('/courses/{courseId}/groups/{groupId}/invitations/{email}', {
          params: { path: { courseId, groupId: group.groupId, email } },
        }),
      ),
    );
    if (done) onChanged(t('withdrawn', { who }));
  };
  return (
    <>
      <h3>{t('groupTitle')}</h3>
      <p class="hint">{t('groupNote')}</p>
      <Problem problem={submit.problem} />
      <ul class="st-members st-invited">
        {group.invitations.map((i) => {
          const who = i.name ?? i.email;
          return (
            <li key={i.email}>
              <strong>{who}</strong> <span class="st-subtle">{i.email}</span>{' '}
              <span class="badge">{t(i.status)}</span>{' '}
              <button
                type="button"
                class="link"
                disabled={submit.busy}
                aria-label={t('withdrawOf', { who })}
                onClick={() => void withdraw(i.email, who)}
              >
                {t('withdraw')}
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
};
