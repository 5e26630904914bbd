import { useState } from 'preact/hooks';
import { unwrap } from '../../api/client.js';
import type { CourseView } from '../../api/types.js';
import { useApp } from '../../app-context.js';
import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n.js';
import { Field, Loaded } from '../../ui/problem.js';
import { useResource } from '../../ui/use-resource.js';
import { gradingMessages } from './grading-messages.js';
import type { AdjustPreset } from './member-adjust-form.js';
import { TableWrap } from './table-wrap.js';
import { inPool, type GroupGrades, type GroupView } from './staff-data.js';

/** The WebPA adjustment a factor suggests: group grade × (factor − 1), to the hundredth the form takes. */
export const peerAdjustment = (groupGrade: number, factor: number): number =>
  Math.round(groupGrade * (factor - 1) * 100) / 100;

/**
 * Courses with groups.peerRating: per group, each member's suggested WebPA factor and who has not
 * rated (GET …/peer-ratings). "Apply…" only fills the member adjustment form with
 * group grade × (factor − 1) and a reason: the instructor reads it and confirms, nothing is applied here.
 */
export const PeerRatings = ({
  course,
  groups,
  sheetOf,
  groupLabel,
  onApply,
}: {
  course: CourseView;
  groups: GroupView[];
  sheetOf: (groupId: string) => GroupGrades | undefined;
  groupLabel: (groupId: string) => string;
  onApply: (preset: AdjustPreset) => void;
}) => {
  const t = useT(gradingMessages);
  const fmt = useFormat();
  const { api } = useApp();
  const { courseId, config } = course;
  const { components } = config.grading;
  // The factor rates the group's work: by default the first component graded on a group deliverable.
  const groupWork = components.find(
    (c) => config.deliverables.find((d) => d.id === c.deliverableId)?.owner === 'group',
  );
  const [componentId, setComponentId] = useState(groupWork?.id ?? components[0]?.id ?? '');
  const component = components.find((c) => c.id === componentId);
  const ratings = useResource(
    () =>
      inPool(
        6,
        groups.map(
          (g) => () =>
            unwrap(
              api.GET('/courses/{courseId}/groups/{groupId}/peer-ratings', {
                params: { path: { courseId, groupId: g.groupId } },
              }),
            ),
        ),
      ),
    [courseId, groups],
  );
  return (
    <>
      <p class="hint">{t('peerHint')}</p>
      <Field id="peer-component" label={t('peerComponent')}>
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
      <Loaded resource={ratings}>
        {(list) =>
          list.map((r) => {
            const sheet = sheetOf(r.groupId);
            const grade = sheet?.components.find((c) => c.componentId === componentId)?.grade?.value ?? null;
            const nameOf = (email: string) => sheet?.members.find((m) => m.email === email)?.name ?? email;
            const headingId = `peer-${r.groupId}`;
            return (
              <section key={r.groupId} aria-labelledby={headingId} class="peer-group">
                <h3 id={headingId}>{groupLabel(r.groupId)}</h3>
                <p class={r.missing.length ? 'warn' : 'ok'}>
                  {r.missing.length
                    ? t('peerMissing', { list: r.missing.map(nameOf).join(', ') })
                    : t('peerAllRated')}
                </p>
                {grade == null && (
                  <p class="hint">{t('peerNoGrade', { component: component?.title ?? '' })}</p>
                )}
                {/* Its buttons are disabled until there is a group grade: the box itself takes focus to scroll. */}
                <TableWrap label={t('peerTableOf', { group: groupLabel(r.groupId) })}>
                  <table aria-labelledby={headingId}>
                    <thead>
                      <tr>
                        <th scope="col">{t('member')}</th>
                        <th scope="col" class="num">
                          {t('peerFactor')}
                        </th>
                        <th scope="col" class="num">
                          {t('peerSuggested')}
                        </th>
                        <th scope="col">
                          <span class="visually-hidden">{t('peerApply')}</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {r.members.map((m) => {
                        const amount =
                          grade != null && m.factorValue != null
                            ? peerAdjustment(grade, m.factorValue)
                            : null;
                        return (
                          <tr key={m.email}>
                            <th scope="row">{nameOf(m.email)}</th>
                            <td class="num">
                              {m.factorValue == null ? '—' : fmt.number(m.factorValue, 4)}
                              {m.factor && m.factor.includes('/') && (
                                <span class="subtle"> ({m.factor})</span>
                              )}
                            </td>
                            <td class="num">{amount == null ? '—' : fmt.number(amount)}</td>
                            <td>
                              <button
                                type="button"
                                disabled={amount == null}
                                onClick={() =>
                                  amount != null &&
                                  onApply({
                                    groupId: r.groupId,
                                    email: m.email,
                                    componentId,
                                    amount,
                                    reason: t('peerReason', {
                                      factor: m.factor ?? '',
                                      grade: fmt.number(grade ?? 0),
                                      component: component?.title ?? componentId,
                                    }),
                                    ask: Date.now(),
                                  })
                                }
                              >
                                {t('peerApply')}
                                <span class="visually-hidden"> {nameOf(m.email)}</span>
                              </button>
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </TableWrap>
              </section>
            );
          })
        }
      </Loaded>
    </>
  );
};
