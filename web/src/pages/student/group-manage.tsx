import { useState } from 'preact/hooks';
import { unwrap } from '../../api/client.js';
import type { CourseView, MeView } from '../../api/types.js';
import { useApp } from '../../app-context.js';
import { useT } from '../../i18n/i18n.js';
import { Field, Problem } from '../../ui/problem.js';
import { useResource, useSubmit } from '../../ui/use-resource.js';
import { withFieldIssues } from './field-problems.js';
import { GroupInvitations } from './group-invitations.js';
import { groupMessages } from './group-messages.js';
import { PaperRanking } from './paper-ranking.js';
import { PaperSelect } from './paper-select.js';
import { PeerRating } from './peer-rating.js';
import type { MyGroup, PaperSeats } from './student-data.js';
import { studentMessages } from './student-messages.js';

type Props = {
  course: CourseView;
  me: MeView;
  group: MyGroup;
  seats: PaperSeats[] | undefined;
  open: boolean;
  onChanged: (message: string) => void;
};

const ChangePaper = ({ course, group, seats, onChanged }: Props) => {
  const { api } = useApp();
  const t = useT(groupMessages);
  const [paperId, setPaperId] = useState('');
  const submit = useSubmit();
  const problem = withFieldIssues(submit.problem, [{ path: 'body.paperId', code: 'paper_full' }]);
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const done = await submit.run(() =>
      unwrap(
        api.PATCH('/courses/{courseId}/groups/{groupId}', {
          params: { path: { courseId: course.courseId, groupId: group.groupId } },
          body: { paperId },
        }),
      ),
    );
    if (done) {
      setPaperId('');
      onChanged(t('changed'));
    }
  };
  return (
    <form onSubmit={onSubmit} noValidate class="st-inline">
      <Problem problem={problem} fieldPaths={['body.paperId']} />
      <PaperSelect
        id="new-paper"
        label={t('newPaper')}
        course={course}
        seats={seats}
        value={paperId}
        onChange={setPaperId}
        problem={problem}
        exclude={group.paperId}
      />
      <button type="submit" disabled={submit.busy}>
        {t('change')}
      </button>
    </form>
  );
};

const AddMember = ({ course, group, onChanged }: Props) => {
  const { api } = useApp();
  const t = useT(groupMessages);
  const [email, setEmail] = useState('');
  const submit = useSubmit();
  const path = 'body.addMembers[0]';
  const problem = withFieldIssues(submit.problem, [
    { path, code: 'already_in_group' },
    { path, code: 'already_member' },
    { path, code: 'group_full' },
  ]);
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const added = email.trim();
    const done = await submit.run(() =>
      unwrap(
        api.PATCH('/courses/{courseId}/groups/{groupId}', {
          params: { path: { courseId: course.courseId, groupId: group.groupId } },
          body: { addMembers: [added] },
        }),
      ),
    );
    if (done) {
      setEmail('');
      onChanged(t('added', { email: added }));
    }
  };
  return (
    <form onSubmit={onSubmit} noValidate class="st-inline">
      <Problem problem={problem} fieldPaths={['body.addMembers']} />
      <Field id="add-member" label={t('addEmail')} path={path} problem={problem}>
        {(a11y) => (
          <input
            {...a11y}
            type="email"
            autocomplete="off"
            spellcheck={false}
            value={email}
            onInput={(e) => setEmail((e.target as HTMLInputElement).value)}
          />
        )}
      </Field>
      <button type="submit" disabled={submit.busy}>
        {t('add')}
      </button>
    </form>
  );
};

const Leave = ({ course, me, group, onChanged }: Props) => {
  const { api } = useApp();
  const t = useT(groupMessages);
  const s = useT(studentMessages);
  const [asking, setAsking] = useState(false);
  const submit = useSubmit();
  const leave = async () => {
    const done = await submit.run(() =>
      unwrap(
        api.DELETE('/courses/{courseId}/groups/{groupId}/members/{email}', {
          params: { path: { courseId: course.courseId, groupId: group.groupId, email: me.student.email } },
        }),
      ),
    );
    if (done) onChanged(t('left'));
  };
  return (
    <>
      <p>{t('leaveIntro')}</p>
      {group.members.length === 1 && <p class="warn">{t('leaveLast')}</p>}
      <Problem problem={submit.problem} />
      {asking ? (
        <div class="row" role="group" aria-labelledby="leave-question">
          <p id="leave-question">
            <strong>
              {group.paper ? t('leaveConfirm', { paper: group.paper.title }) : t('leaveConfirmNoPaper')}
            </strong>
          </p>
          <button type="button" class="danger" disabled={submit.busy} onClick={() => void leave()}>
            {t('leaveYes')}
          </button>
          <button type="button" onClick={() => setAsking(false)}>
            {s('cancel')}
          </button>
        </div>
      ) : (
        <button type="button" class="danger" onClick={() => setAsking(true)}>
          {t('leave')}
        </button>
      )}
    </>
  );
};

/**
 * The caller's group: who is in it (with names), whom it invited, its paper (or its ranking of the
 * papers in `ranked` courses), the peer rating when the course has it, and the changes members may
 * make while groups are open.
 */
export const GroupManage = (props: Props) => {
  const { api } = useApp();
  const t = useT(groupMessages);
  const { course, me, group, open } = props;
  const ranked = course.config.groups.paperChoice === 'ranked';
  // /me has only the caller's own name; the group's own route has everyone's.
  const full = useResource(
    () =>
      unwrap(
        api.GET('/courses/{courseId}/groups/{groupId}', {
          params: { path: { courseId: course.courseId, groupId: group.groupId } },
        }),
      ),
    // Invitations are items of their own: inviting or withdrawing leaves the group's version as it was.
    [course.courseId, group.groupId, group.version, group.invitations.map((i) => i.email).join()],
  );
  const shown = full.data ?? group;
  return (
    <>
      <h2>{t('members')}</h2>
      <p>
        <span class={shown.status === 'complete' ? 'ok' : 'warn'}>
          <strong>{t(`status_${shown.status}`)}</strong>
        </span>{' '}
        — {t('size', { members: shown.size.members, min: shown.size.min, max: shown.size.max })}
      </p>
      <ul class="st-members">
        {shown.members.map((m) => (
          <li key={m.email}>
            <strong>{m.name ?? m.email}</strong> <span class="st-subtle">{m.email}</span>{' '}
            {m.email === me.student.email && <span class="badge">{t('youMark')}</span>}
          </li>
        ))}
      </ul>
      <GroupInvitations courseId={course.courseId} group={shown} onChanged={props.onChanged} />
      <h2>{t('paper')}</h2>
      {shown.paper ? (
        <p>
          <strong>{shown.paper.title}</strong>{' '}
          <a href={shown.paper.url} rel="noopener noreferrer">
            {t('paperLink')}
          </a>
        </p>
      ) : (
        <p>{shown.paperId ?? t('noPaper')}</p>
      )}
      {open && ranked && !shown.paperId && <PaperRanking course={course} groupId={group.groupId} />}
      {open && (
        <>
          {!ranked && (
            <>
              <h3>{shown.paperId ? t('changePaper') : t('choosePaperTitle')}</h3>
              <ChangePaper {...props} />
            </>
          )}
          {shown.size.members < shown.size.max && (
            <>
              <h2>{t('addTitle')}</h2>
              <AddMember {...props} />
            </>
          )}
          <h2>{t('leaveTitle')}</h2>
          <Leave {...props} />
        </>
      )}
      {course.config.groups.peerRating && (
        <PeerRating
          course={course}
          groupId={group.groupId}
          members={shown.members}
          myEmail={me.student.email}
        />
      )}
    </>
  );
};
