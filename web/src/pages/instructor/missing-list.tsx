import { useT } from '../../i18n/i18n.js';
import { useCourseTime } from './course-time.js';
import { dashboardMessages } from './dashboard-messages.js';
import type { MissingOwner } from './deliverable-status.js';

/** One deliverable's owners with nothing accepted, each with what they did send and an "Extend…" button. */
export const MissingList = ({
  missing,
  ownerLabel,
  nameOf,
  timeZone,
  onExtend,
  headingId,
}: {
  missing: MissingOwner[];
  ownerLabel: (m: MissingOwner) => string;
  nameOf: (email: string) => string;
  timeZone: string;
  onExtend: (m: MissingOwner) => void;
  headingId: string;
}) => {
  const t = useT(dashboardMessages);
  const when = useCourseTime(timeZone);
  if (!missing.length) return <p class="ok">{t('nobodyMissing')}</p>;
  const state = (m: MissingOwner) =>
    [
      !m.inGroup && m.ownerKind === 'student' ? t('notInGroup') : '',
      m.hasRejected ? t('rejected') : '',
      m.hasPending ? t('pending') : '',
      m.extensionUntil ? t('extendedUntil', { when: when(m.extensionUntil) }) : '',
    ].filter(Boolean);
  return (
    <div class="table-wrap">
      <table aria-labelledby={headingId}>
        <thead>
          <tr>
            <th scope="col">{t('owner')}</th>
            <th scope="col">{t('state')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('extend')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {missing.map((m) => {
            const s = state(m);
            return (
              <tr key={m.owner}>
                <th scope="row">
                  {ownerLabel(m)}
                  {m.ownerKind === 'group' && (
                    <span class="subtle"> — {m.members.map(nameOf).join(', ')}</span>
                  )}
                </th>
                <td>{s.length ? s.join('; ') : t('nothing')}</td>
                <td>
                  <button type="button" onClick={() => onExtend(m)}>
                    {t('extend')}
                    <span class="visually-hidden"> {ownerLabel(m)}</span>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
};
