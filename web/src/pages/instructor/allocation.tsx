import { unwrap } from '../../api/client.js';
import { useApp } from '../../app-context.js';
import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n.js';
import { Loaded } from '../../ui/problem.js';
import { useResource } from '../../ui/use-resource.js';
import { useCourseTime } from './course-time.js';
import { groupsMessages } from './groups-messages.js';
import { TableWrap } from './table-wrap.js';

/**
 * Courses that allocate papers from rankings: GET …/allocation. Before the group-deadline job it
 * is a preview over the current rankings (nothing written); after, the stored result. Either way
 * with the satisfaction report: how many groups got their 1st, 2nd … choice.
 */
export const Allocation = ({
  courseId,
  timeZone,
  groupLabel,
  nameOf,
  paperTitle,
  version,
}: {
  courseId: string;
  timeZone: string;
  groupLabel: (id: string) => string;
  nameOf: (email: string) => string;
  paperTitle: (id: string) => string;
  /** Changes when the groups were reloaded: the preview follows them. */
  version: unknown;
}) => {
  const t = useT(groupsMessages);
  const fmt = useFormat();
  const when = useCourseTime(timeZone);
  const { api } = useApp();
  const data = useResource(
    () => unwrap(api.GET('/courses/{courseId}/allocation', { params: { path: { courseId } } })),
    [courseId, version],
  );
  return (
    <Loaded resource={data}>
      {(a) => (
        <>
          <p>
            {a.state === 'preview'
              ? t('allocationPreview', { deadline: when(a.deadline.at), at: when(a.computedAt) })
              : t('allocationDone', { at: when(a.computedAt) })}
          </p>
          <h3 id="satisfaction-title">{t('satisfaction')}</h3>
          <ul>
            <li>{t('waiting', { n: fmt.number(a.report.waiting), ranked: fmt.number(a.report.ranked) })}</li>
            {a.report.byRank.map((r) => (
              <li key={r.rank}>{t('gotChoice', { rank: r.rank, n: fmt.number(r.groups) })}</li>
            ))}
            {a.report.onUnranked > 0 && <li>{t('onUnranked', { n: fmt.number(a.report.onUnranked) })}</li>}
            {a.report.unplaced > 0 && (
              <li class="warn">{t('unplacedGroups', { n: fmt.number(a.report.unplaced) })}</li>
            )}
            {a.report.kept > 0 && <li>{t('kept', { n: fmt.number(a.report.kept) })}</li>}
          </ul>
          {a.groups.length > 0 && (
            <TableWrap label={t('allocationTable')}>
              <table>
                <caption class="visually-hidden">{t('allocationTable')}</caption>
                <thead>
                  <tr>
                    <th scope="col" class="num">
                      {t('priority')}
                    </th>
                    <th scope="col">{t('groupAndMembers')}</th>
                    <th scope="col">{t('ranking')}</th>
                    <th scope="col">{t('allocated')}</th>
                  </tr>
                </thead>
                <tbody>
                  {a.groups.map((g) => (
                    <tr key={g.groupId}>
                      <td class="num">{g.priority}</td>
                      <th scope="row">
                        {groupLabel(g.groupId)}
                        <br />
                        <span class="subtle">{g.members.map(nameOf).join(', ')}</span>
                      </th>
                      <td>
                        {g.ranking.length ? (
                          <ol class="ranking">
                            {g.ranking.map((p) => (
                              <li key={p}>{paperTitle(p)}</li>
                            ))}
                          </ol>
                        ) : (
                          <span class="subtle">{t('noRanking')}</span>
                        )}
                      </td>
                      <td>
                        {g.paperId ? paperTitle(g.paperId) : '—'}
                        <br />
                        <span class={g.placedBy === 'unplaced' ? 'warn' : 'subtle'}>
                          {g.placedBy === 'ranked' && g.rank != null
                            ? t('gotChoiceShort', { rank: g.rank })
                            : t(g.placedBy === 'seats-left' ? 'placedSeatsLeft' : 'placedNone')}
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
        </>
      )}
    </Loaded>
  );
};
