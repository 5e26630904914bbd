import { ReasonField } from './reason-field.js';
import { useEffect, useRef, useState } from 'preact/hooks';
import { unwrap } from '../../api/client.js';
import type { CourseView } from '../../api/types.js';
import { useApp } from '../../app-context.js';
import { useT } from '../../i18n/i18n.js';
import { useCourseTime } from './course-time.js';
import { Field, Problem } from '../../ui/problem.js';
import { useSubmit } from '../../ui/use-resource.js';
import { dashboardMessages } from './dashboard-messages.js';
import { staffMessages } from './staff-messages.js';

export interface ExtensionTarget {
  deliverableId: string;
  owner: string;
  /** Changes on every "Extend…" click, so the form takes the focus again. */
  ask: number;
}

/** PUT …/extensions/{ownerId}: one owner's new deadline for one deliverable, with a reason. */
export const ExtensionForm = ({
  course,
  target,
  setTarget,
  owners,
  onDone,
}: {
  course: CourseView;
  target: ExtensionTarget;
  setTarget: (t: ExtensionTarget) => void;
  /** The owners a deliverable can have: groups for group work, students for individual work. */
  owners: (kind: 'group' | 'student') => { id: string; label: string }[];
  onDone: () => void;
}) => {
  const t = useT(dashboardMessages);
  const s = useT(staffMessages);
  const when = useCourseTime(course.config.timeZone);
  const { api } = useApp();
  const { busy, problem, run } = useSubmit();
  const deliverables = course.config.deliverables;
  const deliverable = deliverables.find((d) => d.id === target.deliverableId);
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string>();
  const untilRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!target.ask) return;
    setUntil(deliverable?.due ?? '');
    untilRef.current?.scrollIntoView({ block: 'center' });
    untilRef.current?.focus();
  }, [target.ask]);
  const zone = course.config.timeZone;
  const submit = async (e: Event) => {
    e.preventDefault();
    setDone(undefined);
    const saved = await run(() =>
      unwrap(
        api.PUT('/courses/{courseId}/extensions/{ownerId}', {
          params: { path: { courseId: course.courseId, ownerId: target.owner } },
          body: { deliverableId: target.deliverableId, until, reason },
        }),
      ),
    );
    if (!saved) return;
    const ownerLabel = owners(saved.ownerKind).find((o) => o.id === saved.owner)?.label ?? saved.owner;
    setDone(
      t('granted', {
        owner: ownerLabel,
        deliverable: deliverable?.title ?? saved.deliverableId,
        when: when(saved.deadline),
      }),
    );
    setReason('');
    onDone();
  };
  const paths = ['path.ownerId', 'body.deliverableId', 'body.until', 'body.reason'];
  return (
    <form onSubmit={submit} class="panel">
      <p class="hint">{t('extensionsHint')}</p>
      <Problem problem={problem} fieldPaths={paths} />
      <Field id="ext-deliverable" label={t('deliverable')} path="body.deliverableId" problem={problem}>
        {(a11y) => (
          <select
            {...a11y}
            value={target.deliverableId}
            onChange={(e) =>
              setTarget({ deliverableId: (e.target as HTMLSelectElement).value, owner: '', ask: 0 })
            }
          >
            {deliverables.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="ext-owner" label={t('ownerField')} path="path.ownerId" problem={problem}>
        {(a11y) => (
          <select
            {...a11y}
            required
            value={target.owner}
            onChange={(e) => setTarget({ ...target, owner: (e.target as HTMLSelectElement).value, ask: 0 })}
          >
            <option value="">{t('choose')}</option>
            {owners(deliverable?.owner ?? 'group').map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="ext-until"
        label={t('until')}
        path="body.until"
        problem={problem}
        hint={s('courseTime', { zone })}
      >
        {(a11y) => (
          <input
            {...a11y}
            ref={untilRef}
            type="datetime-local"
            required
            value={until}
            onInput={(e) => setUntil((e.target as HTMLInputElement).value)}
          />
        )}
      </Field>
      <ReasonField
        id="ext-reason"
        label={s('reason')}
        problem={problem}
        hint={t('reasonHint')}
        value={reason}
        onInput={setReason}
      />
      <button type="submit" class="primary" disabled={busy}>
        {busy ? s('saving') : t('grant')}
      </button>
      <p role="status" class="ok">
        {done ?? ''}
      </p>
    </form>
  );
};
