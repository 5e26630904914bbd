import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n.js';
import { gradingMessages } from './grading-messages.js';
import type { Component } from './grade-row.js';
import type { GroupGrades } from './staff-data.js';

/** Each member's final as the server wrote it (finalText), with their own adjustments and why. */
export const MemberFinals = ({ sheet, components }: { sheet: GroupGrades; components: Component[] }) => {
  const t = useT(gradingMessages);
  const fmt = useFormat();
  const title = (id: string) => components.find((c) => c.id === id)?.title ?? id;
  return (
    <ul class="plain finals">
      {sheet.members.map((m) => (
        <li key={m.email}>
          <span>{m.name ?? m.email}: </span>
          {m.finalText != null ? (
            <strong class="final" data-email={m.email}>
              {m.finalText}
            </strong>
          ) : (
            <span class="subtle">{m.finalReason ?? t('missingFinal')}</span>
          )}
          {Object.entries(m.changes).map(([componentId, change]) => (
            <span key={componentId} class="change">
              {t('changeLine', {
                component: title(componentId),
                kind: t(change.kind),
                value:
                  change.kind === 'adjustment' && change.value > 0
                    ? `+${fmt.number(change.value)}`
                    : fmt.number(change.value),
                reason: change.reason,
              })}
            </span>
          ))}
        </li>
      ))}
    </ul>
  );
};
