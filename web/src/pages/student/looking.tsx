import { useState } from 'preact/hooks';
import { unwrap } from '../../api/client.js';
import type { CourseView, MeView, ResponseOf } from '../../api/types.js';
import { useApp } from '../../app-context.js';
import { useT } from '../../i18n/i18n.js';
import { Field, Loaded, Problem } from '../../ui/problem.js';
import { useResource, useSubmit } from '../../ui/use-resource.js';
import { invitationMessages } from './invitation-messages.js';

type Looking = ResponseOf<'/courses/{courseId}/looking', 'get'>['students'][number];

/** Opting in to (or out of) the list, with a note; shown to a student in no group. */
const OptIn = ({
  courseId,
  listed,
  onChanged,
}: {
  courseId: string;
  listed: Looking | undefined;
  onChanged: (message: string) => void;
}) => {
  const { api } = useApp();
  const t = useT(invitationMessages);
  const [note, setNote] = useState(listed?.note ?? '');
  const submit = useSubmit();
  const send = async (looking: boolean) => {
    const trimmed = note.trim();
    const done = await submit.run(() =>
      unwrap(
        api.PUT('/courses/{courseId}/me/looking', {
          params: { path: { courseId } },
          body: looking && trimmed ? { looking, note: trimmed } : { looking },
        }),
      ),
    );
    if (done) onChanged(t(looking ? 'optedIn' : 'optedOut'));
  };
  return (
    <form
      class="st-inline"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void send(true);
      }}
    >
      <Problem problem={submit.problem} fieldPaths={['body.note']} />
      {listed && <p class="ok">{t('listed')}</p>}
      <Field
        id="looking-note"
        label={t('lookingNote')}
        hint={t('lookingNoteHint')}
        path="body.note"
        problem={submit.problem}
      >
        {(a11y) => (
          <input
            {...a11y}
            type="text"
            maxLength={300}
            value={note}
            onInput={(e) => setNote((e.target as HTMLInputElement).value)}
          />
        )}
      </Field>
      <span class="row">
        <button type="submit" disabled={submit.busy}>
          {listed ? t('update') : t('optIn')}
        </button>
        {listed && (
          <button type="button" disabled={submit.busy} onClick={() => void send(false)}>
            {t('optOut')}
          </button>
        )}
      </span>
    </form>
  );
};

/**
 * The classmates who opted in to finding a group, with their notes. A student in no group lists
 * themselves here, and invites one by forming a group with them (the paper comes later); a member of
 * a group with room invites one into it. The server checks every rule; this only offers the buttons.
 */
export const LookingPanel = ({
  course,
  me,
  onChanged,
}: {
  course: CourseView;
  me: MeView;
  onChanged: (message: string) => void;
}) => {
  const { api } = useApp();
  const t = useT(invitationMessages);
  const courseId = course.courseId;
  const group = me.group;
  const list = useResource(
    () => unwrap(api.GET('/courses/{courseId}/looking', { params: { path: { courseId } } })),
    [courseId, group?.version],
  );
  const invite = useSubmit();
  const changed = (message: string) => {
    list.reload();
    onChanged(message);
  };
  const inviteOne = async (who: Looking) => {
    const name = who.name || who.email;
    const done = await invite.run(() =>
      group
        ? unwrap(
            api.PATCH('/courses/{courseId}/groups/{groupId}', {
              params: { path: { courseId, groupId: group.groupId } },
              body: { addMembers: [who.email] },
            }),
          )
        : unwrap(
            api.POST('/courses/{courseId}/groups', {
              params: { path: { courseId } },
              body: { members: [me.student.email, who.email] },
            }),
          ),
    );
    if (done) changed(t(group ? 'invitedMore' : 'invitedNew', { who: name }));
  };
  return (
    <section aria-labelledby="looking-title">
      <h2 id="looking-title">{t('lookingTitle')}</h2>
      <p>{t('lookingIntro')}</p>
      <Loaded resource={list}>
        {({ students }) => {
          const others = students.filter((s) => s.email !== me.student.email);
          const invited = new Set(group?.invitations.map((i) => i.email));
          return (
            <>
              {!group && (
                <OptIn
                  // A fresh form (its note) once the stored opt-in changes.
                  key={JSON.stringify(students.find((s) => s.email === me.student.email) ?? null)}
                  courseId={courseId}
                  listed={students.find((s) => s.email === me.student.email)}
                  onChanged={changed}
                />
              )}
              <Problem problem={invite.problem} />
              {others.length === 0 ? (
                <p>{t('nobody')}</p>
              ) : (
                <ul class="cards st-looking">
                  {others.map((s) => (
                    <li key={s.email} class="card">
                      <strong>{s.name}</strong>
                      <span class="st-subtle">{s.email}</span>
                      {s.note && <q class="st-note">{s.note}</q>}
                      {!invited.has(s.email) && (
                        <button
                          type="button"
                          disabled={invite.busy}
                          aria-label={t('inviteOf', { who: s.name })}
                          onClick={() => void inviteOne(s)}
                        >
                          {t('invite')}
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </>
          );
        }}
      </Loaded>
    </section>
  );
};
