import { unwrap } from '../../api/client.js';
import { useApp } from '../../app-context.js';
import { useT } from '../../i18n/i18n.js';
import { Problem } from '../../ui/problem.js';
import { useSubmit } from '../../ui/use-resource.js';
import { groupsMessages } from './groups-messages.js';
import type { GroupView } from './staff-data.js';

/**
 * A group's invitations nobody has answered, each with "Withdraw" (DELETE …/invitations/{email}:
 * from an instructor it is audited, and the invitee and the group are emailed).
 */
export const InvitationList = ({
  courseId,
  group,
  groupLabel,
  onWithdrawn,
}: {
  courseId: string;
  group: GroupView;
  groupLabel: string;
  onWithdrawn: (message: string) => void;
}) => {
  const t = useT(groupsMessages);
  const { api } = useApp();
  const { busy, problem, run } = useSubmit();
  if (!group.invitations.length) return null;
  const withdraw = async (email: string, name: string) => {
    const done = await run(() =>
      unwrap(
        api.DELETE('/courses/{courseId}/groups/{groupId}/invitations/{email}', {
          params: { path: { courseId, groupId: group.groupId, email } },
        }),
      ),
    );
    if (done) onWithdrawn(t('withdrawn', { name, group: groupLabel }));
  };
  return (
    <>
      <p class="subtle invited-title">{t('invited')}</p>
      <ul class="plain">
        {group.invitations.map((i) => {
          const name = i.name ?? i.email;
          return (
            <li key={i.email} class="row">
              <span>
                {name} <span class="subtle">{i.email}</span>{' '}
                <span class={i.status === 'pending' ? 'badge' : 'badge warn'}>{t(i.status)}</span>
              </span>
              <button type="button" class="link" disabled={busy} onClick={() => void withdraw(i.email, name)}>
                {t('withdraw')}
                <span class="visually-hidden"> {t('invitationOf', { name })}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <Problem problem={problem} />
    </>
  );
};
