import { useEffect, useState } from 'preact/hooks';
import { unwrap } from '../../api/client.js';
import type { ResponseOf } from '../../api/types.js';
import { useApp } from '../../app-context.js';
import { useT } from '../../i18n/i18n.js';
import { useCourseTime } from './course-time.js';
import { Field, Loaded, Problem } from '../../ui/problem.js';
import { useResource, useSubmit } from '../../ui/use-resource.js';
import { activityMessages } from './activity-messages.js';
import { TableWrap } from './table-wrap.js';

type AuditPage = ResponseOf<'/courses/{courseId}/audit', 'get'>;

const PAGE = 50;

const json = (value: unknown) => (value === undefined ? '' : JSON.stringify(value, null, 1));

/** GET …/audit, newest first, a page at a time (the cursor of one page asks for the next). */
export const AuditLog = ({ courseId, timeZone }: { courseId: string; timeZone: string }) => {
  const t = useT(activityMessages);
  const when = useCourseTime(timeZone);
  const { api } = useApp();
  const [action, setAction] = useState('');
  const [applied, setApplied] = useState('');
  const fetchPage = (cursor?: string) =>
    unwrap(
      api.GET('/courses/{courseId}/audit', {
        params: {
          path: { courseId },
          query: { limit: PAGE, ...(cursor ? { cursor } : {}), ...(applied ? { action: applied } : {}) },
        },
      }),
    );
  const first = useResource(() => fetchPage(), [courseId, applied]);
  const [older, setOlder] = useState<AuditPage>();
  const more = useSubmit();
  useEffect(() => setOlder(undefined), [first.data]);
  const next = older ? older.nextCursor : first.data?.nextCursor;
  return (
    <>
      <p class="hint">{t('auditHint')}</p>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(action.trim());
        }}
      >
        <Field
          id="audit-action"
          label={t('actionFilter')}
          hint={t('actionHint')}
          path="query.action"
          problem={first.problem}
        >
          {(a11y) => (
            <input
              {...a11y}
              value={action}
              onInput={(e) => setAction((e.target as HTMLInputElement).value)}
            />
          )}
        </Field>
        <button type="submit">{t('filter')}</button>
      </form>
      <Loaded resource={first}>
        {(page) => {
          const items = [...page.items, ...(older?.items ?? [])];
          if (!items.length) return <p>{t('noAudit')}</p>;
          return (
            <TableWrap label={t('audit')}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('when')}</th>
                    <th scope="col">{t('actor')}</th>
                    <th scope="col">{t('action')}</th>
                    <th scope="col">{t('target')}</th>
                    <th scope="col">{t('change')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((e) => (
                    <tr key={e.auditId}>
                      <td>{when(e.at)}</td>
                      <td>{e.actor}</td>
                      <td>
                        <code>{e.action}</code>
                      </td>
                      <td>
                        <code>{e.target}</code>
                      </td>
                      <td>
                        {e.reason && <p class="reason">{e.reason}</p>}
                        {(e.before !== undefined || e.after !== undefined) && (
                          <details>
                            <summary>{t('change')}</summary>
                            {e.before !== undefined && (
                              <>
                                <strong>{t('before')}</strong>
                                <pre>{json(e.before)}</pre>
                              </>
                            )}
                            {e.after !== undefined && (
                              <>
                                <strong>{t('after')}</strong>
                                <pre>{json(e.after)}</pre>
                              </>
                            )}
                          </details>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          );
        }}
      </Loaded>
      <Problem problem={more.problem} />
      {next && (
        <button
          type="button"
          disabled={more.busy}
          onClick={async () => {
            const page = await more.run(() => fetchPage(next));
            if (page)
              setOlder({ items: [...(older?.items ?? []), ...page.items], nextCursor: page.nextCursor });
          }}
        >
          {t('more')}
        </button>
      )}
    </>
  );
};
