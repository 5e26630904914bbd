import { useMemo, useState } from 'preact/hooks';
import { unwrap } from '../../api/client.js';
import type { ResponseOf } from '../../api/types.js';
import { useApp } from '../../app-context.js';
import { useT } from '../../i18n/i18n.js';
import { Problem } from '../../ui/problem.js';
import { useSubmit } from '../../ui/use-resource.js';
import { adminMessages } from './admin-messages.js';
import { checkRosterCsv, decodeUtf8, type FileProblem } from './roster-csv.js';
import { rosterMessages } from './roster-messages.js';
import { RosterPreview } from './roster-preview.js';

type Roster = ResponseOf<'/courses/{courseId}/roster', 'get'>;
type Imported = ResponseOf<'/courses/{courseId}/roster', 'put'>;

/**
 * PUT …/roster as text/csv, after a preview. The API has no dry run, so the browser reads the file
 * with the server's rules first (roster-csv.ts) and every bad line is named before anything is
 * written; Import stays off until there is none. The server checks again: its issues, by line, land
 * in the same preview.
 */
export const RosterImport = ({
  courseId,
  current,
  onImported,
}: {
  courseId: string;
  current: Roster;
  onImported: () => void;
}) => {
  const t = useT(adminMessages);
  const r = useT(rosterMessages);
  const { api } = useApp();
  const [text, setText] = useState('');
  const [notUtf8, setNotUtf8] = useState(false);
  const [done, setDone] = useState('');
  const { busy, problem, run, setProblem } = useSubmit();
  const check = useMemo(() => (text.trim() ? checkRosterCsv(text) : undefined), [text]);
  const fileProblems: FileProblem[] = notUtf8 ? [{ code: 'notUtf8' }] : (check?.fileProblems ?? []);
  const badLines = check?.lines.filter((l) => l.problems.length).length ?? 0;

  const wanted = new Set(check?.lines.map((l) => l.email) ?? []);
  const before = new Map(current.map((s) => [s.email, s]));
  const added = check?.lines.filter((l) => !before.has(l.email)).length ?? 0;
  const updated =
    check?.lines.filter((l) => {
      const b = before.get(l.email);
      return b && (b.name !== l.name || (b.studentId ?? '') !== l.studentId);
    }).length ?? 0;
  const removed = current.filter((s) => !wanted.has(s.email));
  const removedInGroup = removed.filter((s) => s.groupId);
  // The server would refuse the whole file (409): say so now, and keep Import off.
  const ready = !!check && !notUtf8 && !fileProblems.length && !badLines && !removedInGroup.length;

  const choose = async (file: File | undefined) => {
    setDone('');
    setProblem(undefined);
    if (!file) return;
    const decoded = decodeUtf8(await file.arrayBuffer());
    setNotUtf8(decoded === undefined);
    setText(decoded ?? '');
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!ready) return;
    setDone('');
    const result: Imported | undefined = await run(() =>
      unwrap(
        api.PUT('/courses/{courseId}/roster', {
          params: { path: { courseId } },
          body: text,
          headers: { 'content-type': 'text/csv; charset=utf-8' },
          // The CSV goes as written (the client would send JSON otherwise).
          bodySerializer: (body) => body,
        }),
      ),
    );
    if (!result) return;
    setDone(t('imported', { ...result }));
    onImported();
  };
  const fileSay = (p: FileProblem) =>
    p.code === 'unclosedQuote'
      ? r('unclosedQuote', { line: p.line })
      : p.code === 'missingColumn' || p.code === 'unknownColumn'
        ? r(p.code, { column: p.column })
        : r(p.code);
  return (
    <form class="panel roster-import" onSubmit={submit}>
      <p class="hint">{t('importHint')}</p>
      <div class="field">
        <label for="roster-file">{t('chooseFile')}</label>
        <input
          id="roster-file"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => void choose((e.target as HTMLInputElement).files?.[0])}
        />
      </div>
      <div class="field">
        <label for="roster-text">{t('orPaste')}</label>
        <textarea
          id="roster-text"
          class="json"
          rows={8}
          spellcheck={false}
          value={text}
          onInput={(e) => {
            setNotUtf8(false);
            setDone('');
            setProblem(undefined);
            setText((e.target as HTMLTextAreaElement).value);
          }}
        />
      </div>
      <Problem problem={problem} fieldPaths={check?.lines.map((l) => `line ${l.line}`) ?? []} />
      <div role="status">
        {(check || notUtf8) && (
          <>
            <h3>{t('previewTitle')}</h3>
            {fileProblems.map((p) => (
              <p key={p.code} class="bad">
                {fileSay(p)}
              </p>
            ))}
            {badLines > 0 ? (
              <p class="bad">{t('previewBad', { n: badLines })}</p>
            ) : (
              ready && (
                <p class="ok">
                  {t('previewOk', { n: check.lines.length, added, updated, removed: removed.length })}
                </p>
              )
            )}
            {removedInGroup.length > 0 && (
              <p class="warn">
                {r('removedInGroup', { list: removedInGroup.map((s) => s.email).join(', ') })}
              </p>
            )}
          </>
        )}
        {done && <p class="ok">{done}</p>}
      </div>
      {check && check.lines.length > 0 && (
        <RosterPreview lines={check.lines} serverIssues={problem?.issues ?? []} />
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={!ready || busy}>
          {t('importNow', { n: check?.lines.length ?? 0 })}
        </button>
      </div>
    </form>
  );
};
