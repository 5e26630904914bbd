import { useT } from '../../i18n/i18n.js';
import { useFormat } from '../../i18n/format.js';
import { ColumnChart, type Column } from '../../ui/charts/column-chart.js';
import { dashboardMessages } from './dashboard-messages.js';
import { TableWrap } from './table-wrap.js';

/** The calendar day of an instant in the course zone, as YYYY-MM-DD (en-CA writes dates that way). */
const dayIn = (zone: string) => {
  const f = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return (iso: string) => f.format(new Date(iso));
};

/** Every day from the first to the last (noon UTC steps: no daylight-saving edge), at most ~3 months. */
const daysBetween = (first: string, last: string): string[] => {
  const out: string[] = [];
  const end = Date.parse(`${last}T12:00:00Z`);
  for (let t = Date.parse(`${first}T12:00:00Z`); t <= end && out.length < 100; t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};

/** Files received per day (course time), on time and late, from the submissions' receivedAt. */
export const SubmissionsTimeline = ({
  received,
  timeZone,
}: {
  received: { receivedAt: string; late: boolean }[];
  timeZone: string;
}) => {
  const t = useT(dashboardMessages);
  const fmt = useFormat();
  if (!received.length) return <p>{t('noSubmissions')}</p>;
  const day = dayIn(timeZone);
  const counts = new Map<string, [number, number]>();
  for (const r of received) {
    const key = day(r.receivedAt);
    const c = counts.get(key) ?? [0, 0];
    c[r.late ? 1 : 0]++;
    counts.set(key, c);
  }
  const keys = [...counts.keys()].sort();
  const span = daysBetween(keys[0] as string, keys[keys.length - 1] as string);
  const days = span.length < 100 ? span : keys;
  // Noon UTC of that day, shown as a date: the label is the day itself in any zone.
  const label = (d: string) => fmt.date(`${d}T12:00:00Z`, 'UTC');
  const columns: Column[] = days.map((d) => ({ label: label(d), values: counts.get(d) ?? [0, 0] }));
  const late = received.filter((r) => r.late).length;
  return (
    <ColumnChart
      columns={columns}
      series={[
        { name: t('onTime'), className: 'chart-s0' },
        { name: t('late'), className: 'chart-s1' },
      ]}
      summary={t('overTimeSummary', {
        total: received.length,
        from: label(days[0] as string),
        to: label(days[days.length - 1] as string),
        late,
      })}
      tableLabel={t('showTable')}
      table={
        <TableWrap label={t('overTime')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('day')}</th>
                <th scope="col">{t('onTime')}</th>
                <th scope="col">{t('late')}</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((d) => (
                <tr key={d}>
                  <th scope="row">{label(d)}</th>
                  <td>{counts.get(d)?.[0] ?? 0}</td>
                  <td>{counts.get(d)?.[1] ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      }
    />
  );
};
