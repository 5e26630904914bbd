import { useT } from '../../i18n/i18n.js';
import { BarChart } from '../../ui/charts/bar-chart.js';
import { dashboardMessages } from './dashboard-messages.js';
import type { GroupsView } from './staff-data.js';
import { TableWrap } from './table-wrap.js';

/** How many groups chose each paper, against its cap: a bar chart with the same numbers as a table. */
export const PaperLoad = ({ papers }: { papers: GroupsView['papers'] }) => {
  const t = useT(dashboardMessages);
  const text = (groups: number, cap: number | null) => (cap == null ? String(groups) : `${groups}/${cap}`);
  return (
    <BarChart
      bars={papers.map((p) => ({ label: p.title, value: p.groups, limit: p.cap, warn: p.full }))}
      summary={t('paperLoadSummary', {
        list: papers.map((p) => `${p.title}: ${text(p.groups, p.cap)}`).join('; '),
      })}
      valueText={(b) => text(b.value, b.limit ?? null)}
      tableLabel={t('showTable')}
      table={
        <TableWrap label={t('paperLoad')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('paperLoad')}</th>
                <th scope="col">{t('groupsCount')}</th>
                <th scope="col">{t('cap')}</th>
                <th scope="col">{t('full')}</th>
              </tr>
            </thead>
            <tbody>
              {papers.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.title}</th>
                  <td>{p.groups}</td>
                  <td>{p.cap ?? t('uncapped')}</td>
                  <td>{p.full ? t('yes') : t('no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      }
    />
  );
};
