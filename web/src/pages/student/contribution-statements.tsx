import { useState } from 'preact/hooks';
import { unwrap } from '../../api/client.js';
import type { MeView } from '../../api/types.js';
import { useApp } from '../../app-context.js';
import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n.js';
import { Field, Problem } from '../../ui/problem.js';
import { useSubmit } from '../../ui/use-resource.js';
import { useMemberNames, type MeDeliverable } from './student-data.js';
import { uploadsMessages } from './uploads-messages.js';

type Statement = NonNullable<MeDeliverable['statements']>[number];

/** The caller writes their own statement, or confirms the one proposed for them by sending it as is. */
const MyStatement = ({
  courseId,
  deliverableId,
  mine,
  onSaved,
}: {
  courseId: string;
  deliverableId: string;
  mine: Statement | undefined;
  onSaved: (message: string) => void;
}) => {
  const { api } = useApp();
  const t = useT(uploadsMessages);
  const [text, setText] = useState(mine?.statement ?? '');
  const submit = useSubmit();
  const confirming = !!mine?.statement && !mine.confirmed && text === mine.statement;
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const done = await submit.run(() =>
      unwrap(
        api.PUT('/courses/{courseId}/deliverables/{deliverableId}/contributions/me', {
          params: { path: { courseId, deliverableId } },
          body: { statement: text },
        }),
      ),
    );
    if (done) onSaved(t('statementSaved'));
  };
  return (
    <form onSubmit={onSubmit} noValidate class="st-inline">
      <Problem problem={submit.problem} fieldPaths={['body.statement']} />
      <Field
        id="my-statement"
        label={t('myStatement')}
        hint={t('myStatementHint')}
        path="body.statement"
        problem={submit.problem}
      >
        {(a11y) => (
          <textarea
            {...a11y}
            rows={3}
            value={text}
            onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
          />
        )}
      </Field>
      <button type="submit" disabled={submit.busy}>
        {confirming ? t('confirmStatement') : t('saveStatement')}
      </button>
    </form>
  );
};

/**
 * A deliverable's contribution statements (when it requires them): each current member's text,
 * confirmed by them or proposed by an uploader, and the caller's own form while uploads are open.
 */
export const ContributionStatements = ({
  courseId,
  me,
  deliverable,
  open,
  zone,
  onSaved,
}: {
  courseId: string;
  me: MeView;
  deliverable: MeDeliverable;
  open: boolean;
  zone: string;
  onSaved: () => void;
}) => {
  const t = useT(uploadsMessages);
  const dateTime = useFormat().dateTime;
  // Outside the form, which starts afresh with the stored statement once the save is read back.
  const [said, setSaid] = useState('');
  const statements = deliverable.statements;
  const names = useMemberNames(courseId, statements && me.group ? me.group.groupId : undefined);
  if (!statements) return null;
  const nameOf = (email: string) =>
    email === me.student.email ? me.student.name : (names.get(email) ?? email);
  const mine = statements.find((s) => s.email === me.student.email);
  return (
    <section aria-labelledby="statements-title">
      <h2 id="statements-title">{t('statementsTitle')}</h2>
      <p class="hint">{t('statementsIntro')}</p>
      <ul class="cards st-statements">
        {statements.map((s) => (
          <li key={s.email} class="card">
            <strong>{nameOf(s.email)}</strong>
            {s.statement ? <p class="st-statement">{s.statement}</p> : <em>{t('noStatement')}</em>}
            {s.statement && (
              <span>
                {s.confirmed ? (
                  <span class="badge ok">
                    {s.confirmedAt
                      ? t('confirmedOn', { when: dateTime(s.confirmedAt, zone) })
                      : t('confirmed')}
                  </span>
                ) : (
                  s.proposedBy && (
                    <span class="badge warn">{t('proposedBy', { who: nameOf(s.proposedBy) })}</span>
                  )
                )}
              </span>
            )}
          </li>
        ))}
      </ul>
      {open && (
        <MyStatement
          // A fresh form once the stored statement changes (after a save or an upload).
          key={`${mine?.statement ?? ''}|${mine?.confirmedAt ?? ''}`}
          courseId={courseId}
          deliverableId={deliverable.deliverableId}
          mine={mine}
          onSaved={(message) => {
            setSaid(message);
            onSaved();
          }}
        />
      )}
      <p role="status" class="ok">
        {said}
      </p>
    </section>
  );
};
