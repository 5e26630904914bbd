import type { Issue } from '../../api/client.js';
import { useT } from '../../i18n/i18n.js';
import { staffMessages } from '../instructor/staff-messages.js';
import { TableWrap } from '../instructor/table-wrap.js';
import { adminMessages } from './admin-messages.js';
import type { LineProblem, RosterLine } from './roster-csv.js';
import { rosterMessages } from './roster-messages.js';

/** Every line of the file with what is wrong with it: the browser's check, then the server's. */
export const RosterPreview = ({ lines, serverIssues }: { lines: RosterLine[]; serverIssues: Issue[] }) => {
  const t = useT(adminMessages);
  const r = useT(rosterMessages);
  const s = useT(staffMessages);
  const say = (p: LineProblem) =>
    p.code === 'duplicate'
      ? r('duplicate', { first: p.first })
      : p.code === 'fieldCount'
        ? r('fieldCount', { got: p.got, expected: p.expected })
        : r(p.code);
  return (
    <TableWrap label={t('previewTitle')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('line')}</th>
            <th scope="col">{t('problem')}</th>
            <th scope="col">{s('email')}</th>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('studentId')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => {
            // The server names CSV lines "line 3" (and "line 3.email" for a field of it).
            const fromServer = serverIssues.filter(
              (i) => i.path === `line ${l.line}` || i.path.startsWith(`line ${l.line}.`),
            );
            const problems = [...l.problems.map(say), ...fromServer.map((i) => i.message)];
            return (
              <tr key={l.line} class={problems.length ? 'preview-bad' : ''}>
                <th scope="row">{l.line}</th>
                <td>{problems.length ? <span class="bad">{problems.join('; ')}</span> : t('ok')}</td>
                <td>{l.email}</td>
                <td>{l.name}</td>
                <td>{l.studentId}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
};
