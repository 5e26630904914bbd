import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiProblem, unwrap } from '../../api/client.js';
import type { MeView } from '../../api/types.js';
import { useApp } from '../../app-context.js';
import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n.js';
import { Field, Problem } from '../../ui/problem.js';
import { useSubmit } from '../../ui/use-resource.js';
import { DropZone } from './drop-zone.js';
import { movedIssues, withFieldIssues } from './field-problems.js';
import {
  acceptAttribute,
  contentTypeOf,
  fileProblem,
  typeName,
  type DeliverableConfig,
} from './file-rules.js';
import { sendForm } from './send-form.js';
import type { MeDeliverable, Submission } from './student-data.js';
import { SubmissionFacts, VerdictLine } from './submission-facts.js';
import { uploadsMessages } from './uploads-messages.js';
import { waitForVerdict } from './wait-verdict.js';

type Phase =
  | { kind: 'idle' }
  | { kind: 'asking' }
  | { kind: 'sending'; sent: number; total: number }
  | { kind: 'checking' }
  | { kind: 'timeout' };

const percent = (locale: string, share: number) =>
  new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { style: 'percent' }).format(share);

/** The declared file's issues (name, type, size) belong to the file control. */
const FILE_PATHS = ['body.fileName', 'body.contentType', 'body.size'];

/**
 * One upload, start to verdict: ask for a presigned form (with the contribution statements when
 * the deliverable wants them), send the file straight to S3 with progress, then wait for the
 * check's verdict and show it.
 */
export const UploadForm = ({
  courseId,
  me,
  deliverable,
  config,
  zone,
  onDecided,
}: {
  courseId: string;
  zone: string;
  me: MeView;
  deliverable: MeDeliverable;
  config: DeliverableConfig;
  onDecided: () => void;
}) => {
  const { api } = useApp();
  const t = useT(uploadsMessages);
  const fmt = useFormat();
  const submit = useSubmit();
  const [file, setFile] = useState<File>();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [verdict, setVerdict] = useState<Submission>();
  // A new key empties the file input once its file is sent (its value cannot be set otherwise).
  const [inputKey, setInputKey] = useState(0);
  const members =
    deliverable.ownerKind === 'group'
      ? (me.group?.members ?? [])
      : [{ email: me.student.email, name: me.student.name }];
  const [statements, setStatements] = useState<Record<string, string>>(() => {
    const before = deliverable.counting?.contributions ?? deliverable.versions[0]?.contributions ?? {};
    return Object.fromEntries(members.map((m) => [m.email, before[m.email] ?? '']));
  });
  const live = useRef(true);
  useEffect(
    () => () => {
      live.current = false;
    },
    [],
  );
  const problem = withFieldIssues(movedIssues(submit.problem, FILE_PATHS, 'file'), [
    { path: 'file', code: 'payload_too_large' },
  ]);
  const types = config.accept.map(typeName).join(', ');

  const choose = (chosen: File | undefined) => {
    setFile(chosen);
    setVerdict(undefined);
    const bad = chosen && fileProblem(chosen, config);
    const message =
      bad?.kind === 'too-large'
        ? t('tooLarge', {
            name: chosen?.name ?? '',
            size: fmt.bytes(chosen?.size ?? 0),
            max: fmt.bytes(config.maxBytes),
          })
        : bad?.kind === 'wrong-type'
          ? t('wrongType', { name: chosen?.name ?? '', types })
          : undefined;
    submit.setProblem(
      message ? new ApiProblem(400, 'local', message, [{ path: 'file', message }]) : undefined,
    );
  };

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (!file) {
      submit.setProblem(new ApiProblem(400, 'local', t('noFile'), [{ path: 'file', message: t('noFile') }]));
      return;
    }
    if (fileProblem(file, config)) return choose(file);
    setVerdict(undefined);
    const done = await submit.run(async () => {
      setPhase({ kind: 'asking' });
      const ticket = await unwrap(
        api.POST('/courses/{courseId}/deliverables/{deliverableId}/uploads', {
          params: { path: { courseId, deliverableId: deliverable.deliverableId } },
          body: {
            fileName: file.name,
            contentType: contentTypeOf(file, config.accept),
            size: file.size,
            ...(config.requiresContributions ? { contributions: statements } : {}),
          },
        }),
      );
      setPhase({ kind: 'sending', sent: 0, total: file.size });
      await sendForm(ticket, file, (sent, total) => setPhase({ kind: 'sending', sent, total }));
      setPhase({ kind: 'checking' });
      return waitForVerdict(
        api,
        courseId,
        deliverable.deliverableId,
        ticket.submissionId,
        () => live.current,
      );
    });
    if (!live.current) return;
    if (!done) return setPhase({ kind: 'idle' });
    if (done.kind === 'timeout') return setPhase({ kind: 'timeout' });
    setPhase({ kind: 'idle' });
    if (done.kind === 'decided') {
      setVerdict(done.submission);
      setFile(undefined);
      setInputKey((k) => k + 1);
      onDecided();
    }
  };

  const busy = submit.busy;
  const status =
    phase.kind === 'asking'
      ? t('phaseAsking')
      : phase.kind === 'sending'
        ? t('phaseSending', {
            pct: percent(fmt.locale, phase.total ? phase.sent / phase.total : 0),
          })
        : phase.kind === 'checking'
          ? t('phaseChecking')
          : phase.kind === 'timeout'
            ? t('phaseTimeout')
            : '';
  return (
    <form onSubmit={onSubmit} noValidate class="st-upload">
      <Problem problem={problem} fieldPaths={['file', 'body.contributions']} />
      {config.requiresContributions && (
        <fieldset class="st-fieldset">
          <legend>{t('contributions')}</legend>
          <p class="hint">{t('contributionsHint')}</p>
          {members.map((m) => (
            <Field
              key={m.email}
              id={`contribution-${m.email}`}
              label={t('contributionOf', { who: m.name ? `${m.name} (${m.email})` : m.email })}
              path={`body.contributions.${m.email}`}
              problem={problem}
            >
              {(a11y) => (
                <textarea
                  {...a11y}
                  rows={3}
                  value={statements[m.email] ?? ''}
                  onInput={(e) =>
                    setStatements({ ...statements, [m.email]: (e.target as HTMLTextAreaElement).value })
                  }
                />
              )}
            </Field>
          ))}
        </fieldset>
      )}
      <DropZone
        onFile={(dropped) => {
          // The input no longer holds the file that will be sent: empty it.
          setInputKey((k) => k + 1);
          choose(dropped);
        }}
        disabled={busy}
      >
        <Field
          id="upload-file"
          label={t('chooseFile')}
          path="file"
          problem={problem}
          hint={t('fileHint', { types, size: fmt.bytes(config.maxBytes) })}
        >
          {(a11y) => (
            <input
              {...a11y}
              key={inputKey}
              type="file"
              accept={acceptAttribute(config.accept)}
              disabled={busy}
              onChange={(e) => choose((e.target as HTMLInputElement).files?.[0])}
            />
          )}
        </Field>
        {file && <p class="st-file">{t('selected', { name: file.name, size: fmt.bytes(file.size) })}</p>}
      </DropZone>
      <button type="submit" class="primary" disabled={busy}>
        {busy ? t('uploading') : t('upload')}
      </button>
      {(phase.kind === 'sending' || phase.kind === 'checking') && (
        <div class="st-progress">
          <label for="upload-progress">{t('progressLabel')}</label>
          {phase.kind === 'sending' ? (
            <progress id="upload-progress" max={phase.total || 1} value={phase.sent} />
          ) : (
            <progress id="upload-progress" />
          )}
        </div>
      )}
      <p role="status" class={phase.kind === 'timeout' ? 'warn' : ''}>
        {status}
      </p>
      {verdict && (
        <section
          class={`st-verdict ${verdict.status === 'accepted' ? 'st-verdict-ok' : 'st-verdict-bad'}`}
          aria-labelledby="verdict-title"
        >
          <h3 id="verdict-title">{t('verdict')}</h3>
          <p role="alert">
            <VerdictLine submission={verdict} />
          </p>
          <SubmissionFacts submission={verdict} zone={zone} />
        </section>
      )}
    </form>
  );
};
