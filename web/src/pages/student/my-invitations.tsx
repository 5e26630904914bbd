import { unwrap } from '../../api/client.js';
import type { MeView } from '../../api/types.js';
import { useApp } from '../../app-context.js';
import { useT } from '../../i18n/i18n.js';
import { Problem } from '../../ui/problem.js';
import { useSubmit } from '../../ui/use-resource.js';
import { invitationMessages } from './invitation-messages.js';

export type MyInvitation = MeView['invitations'][number];

/**
 * One invitation to the caller: the group's members and paper, Accept and Decline. Accepting joins
 * the group (the server withdraws the other invitations); a lapsed one can only be declined.
 */
export const InvitationCard = ({
  courseId,
  me,
  invitation,
  onAnswered,
}: {
  courseId: string;
  me: MeView;
  invitation: MyInvitation;
  onAnswered: (message: string) => void;
}) => {
  const { api } = useApp();
  const t = useT(invitationMessages);
  const submit = useSubmit();
  const members = invitation.members.join(', ');
  const path = { courseId, groupId: invitation.groupId };
  const accept = async () => {
    const done = await submit.run(() =>
      unwrap(api.POST('/courses/{courseId}/groups/{groupId}/accept', { params: { path } })),
    );
    if (done) onAnswered(t('joined'));
  };
  const decline = async () => {
    const done = await submit.run(() =>
      unwrap(
        api.DELETE('/courses/{courseId}/groups/{groupId}/invitations/{email}', {
          params: { path: { ...path, email: me.student.email } },
        }),
      ),
    );
    if (done) onAnswered(t('declined'));
  };
  const lapsed = invitation.status === 'lapsed';
  return (
    <>
      <strong class="st-file">{t('invitedBy', { members })}</strong>
      <span>
        {invitation.paper ? t('paperOf', { title: invitation.paper.title }) : t('noPaperYet')}
        {' — '}
        {t('sizeOf', { members: invitation.size.members, max: invitation.size.max })}
      </span>
      {lapsed && (
        <span>
          <span class="badge">{t('lapsed')}</span> {t('lapsedNote')}
        </span>
      )}
      <Problem problem={submit.problem} />
      <span class="row">
        {!lapsed && (
          <button
            type="button"
            class="primary"
            disabled={submit.busy}
            aria-label={t('acceptOf', { members })}
            onClick={() => void accept()}
          >
            {t('accept')}
          </button>
        )}
        <button
          type="button"
          disabled={submit.busy}
          aria-label={t('declineOf', { members })}
          onClick={() => void decline()}
        >
          {t('decline')}
        </button>
      </span>
    </>
  );
};

/** Every open invitation to the caller, as cards (the group page shows them above the form). */
export const MyInvitations = ({
  courseId,
  me,
  onAnswered,
}: {
  courseId: string;
  me: MeView;
  onAnswered: (message: string) => void;
}) => {
  const t = useT(invitationMessages);
  if (me.invitations.length === 0) return null;
  return (
    <>
      <h2>{t('myTitle')}</h2>
      <ul class="cards st-steps">
        {me.invitations.map((i) => (
          <li key={i.groupId} class="card">
            <InvitationCard courseId={courseId} me={me} invitation={i} onAnswered={onAnswered} />
          </li>
        ))}
      </ul>
    </>
  );
};
