import { ReasonField } from './reason-field.js';
import { useEffect, useState } from 'preact/hooks';
import { unwrap } from '../../api/client.js';
import type { BodyOf, CourseView } from '../../api/types.js';
import { useApp } from '../../app-context.js';
import { useT } from '../../i18n/i18n.js';
import { Field, Problem } from '../../ui/problem.js';
import { useSubmit } from '../../ui/use-resource.js';
import { gradingMessages } from './grading-messages.js';
import type { GroupGrades } from './staff-data.js';
import { staffMessages } from './staff-messages.js';

type Kind = 'adjustment' | 'override' | 'clear';
type PutMember = BodyOf<'/courses/{courseId}/groups/{groupId}/grades/members/{email}', 'put'>;

/** An adjustment another part of the page suggests (a peer-rating factor); `ask` refills it each time. */
export interface AdjustPreset {
  groupId: string;
  email: string;
  componentId: string;
  amount: number;
  reason: string;
  ask: number;
}

/**
 * PUT …/grades/members/{email}: one member's adjustment, override or clear for one component, with
 * the reason the audit log keeps and the version of the change read.
 */
export const MemberAdjustForm = ({
  course,
  sheets,
  groupLabel,
  onSaved,
  preset,
}: {
  course: CourseView;
  sheets: GroupGrades[];
  groupLabel: (groupId: string) => string;
  onSaved: (groupId: string, message: string) => void;
  preset?: AdjustPreset | undefined;
}) => {
  const t = useT(gradingMessages);
  const s = useT(staffMessages);
  const { api } = useApp();
  const { busy, problem, run } = useSubmit();
  const { components, scale } = course.config.grading;
  const members = sheets.flatMap((sheet) => sheet.members.map((m) => ({ ...m, groupId: sheet.groupId })));
  const [who, setWho] = useState('');
  const [componentId, setComponentId] = useState(components[0]?.id ?? '');
  const [kind, setKind] = useState<Kind>('adjustment');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const member = members.find((m) => m.email === who);
  // A suggestion fills the form and brings it into view; only the instructor's submit sends it.
  useEffect(() => {
    if (!preset) return;
    setWho(preset.email);
    setComponentId(preset.componentId);
    setKind('adjustment');
    setAmount(String(preset.amount));
    setReason(preset.reason);
    // After the render that shows the amount field (it is hidden while "clear" is chosen).
    setTimeout(() => {
      const amountField = document.getElementById('adjust-amount');
      amountField?.scrollIntoView({ block: 'center' });
      amountField?.focus();
    }, 0);
  }, [preset?.ask]);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!member) return;
    const body: PutMember = {
      componentId,
      reason,
      version: member.changes[componentId]?.version ?? 0,
      ...(kind === 'clear'
        ? { clear: true as const }
        : kind === 'adjustment'
          ? { adjustment: Number(amount) }
          : { override: Number(amount) }),
    };
    const saved = await run(() =>
      unwrap(
        api.PUT('/courses/{courseId}/groups/{groupId}/grades/members/{email}', {
          params: { path: { courseId: course.courseId, groupId: member.groupId, email: member.email } },
          body,
        }),
      ),
    );
    if (!saved) return;
    setAmount('');
    setReason('');
    onSaved(
      member.groupId,
      t('changeSaved', { name: member.name ?? member.email, final: saved.finalText ?? t('missingFinal') }),
    );
  };
  const paths = ['body.componentId', 'body.adjustment', 'body.override', 'body.clear', 'body.reason'];
  return (
    <form class="panel" onSubmit={submit}>
      <p class="hint">{t('adjustHint', { scale })}</p>
      <Problem problem={problem} fieldPaths={paths} />
      <Field id="adjust-member" label={t('member')} path="path.email" problem={problem}>
        {(a11y) => (
          <select
            {...a11y}
            required
            value={who}
            onChange={(e) => setWho((e.target as HTMLSelectElement).value)}
          >
            <option value="">—</option>
            {members.map((m) => (
              <option key={m.email} value={m.email}>
                {m.name ?? m.email} — {groupLabel(m.groupId)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="adjust-component" label={t('component')} path="body.componentId" problem={problem}>
        {(a11y) => (
          <select
            {...a11y}
            value={componentId}
            onChange={(e) => setComponentId((e.target as HTMLSelectElement).value)}
          >
            {components.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset class="modes">
        <legend>{t('kind')}</legend>
        {(
          [
            ['adjustment', t('kindAdjustment')],
            ['override', t('kindOverride')],
            ['clear', t('kindClear')],
          ] as const
        ).map(([k, label]) => (
          <label key={k} class="check">
            <input
              type="radio"
              name="adjust-kind"
              value={k}
              checked={kind === k}
              onChange={() => setKind(k)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      {kind !== 'clear' && (
        <Field id="adjust-amount" label={t('amount')} path={`body.${kind}`} problem={problem}>
          {(a11y) => (
            <input
              {...a11y}
              type="number"
              inputMode="decimal"
              step="any"
              required
              {...(kind === 'override' ? { min: 0, max: scale } : {})}
              value={amount}
              onInput={(e) => setAmount((e.target as HTMLInputElement).value)}
            />
          )}
        </Field>
      )}
      <ReasonField
        id="adjust-reason"
        label={s('reason')}
        problem={problem}
        value={reason}
        onInput={setReason}
      />
      <button type="submit" class="primary" disabled={busy || !member}>
        {t('applyChange')}
      </button>
    </form>
  );
};
