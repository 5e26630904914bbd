import { useRef, useState } from 'preact/hooks';
import { ApiProblem, unwrap } from '../../api/client.js';
import type { CourseView } from '../../api/types.js';
import { useApp } from '../../app-context.js';
import { useT } from '../../i18n/i18n.js';
import { Problem } from '../../ui/problem.js';
import { useSubmit } from '../../ui/use-resource.js';
import { dotted } from '../instructor/issue-paths.js';
import { adminMessages } from './admin-messages.js';
import { CourseForm } from './course-form.js';
import { tidy, type CourseInput } from './course-input.js';
import { TextInput } from './form-fields.js';
import { JsonEditor } from './json-editor.js';
import '../instructor/staff.css';
import './admin.css';

type Mode = 'form' | 'json';

/** Every path the form shows next to a field: the rest are listed at the top. */
const formPaths = (c: CourseInput): string[] => [
  'path.courseId',
  'body.title',
  'body.timeZone',
  'body.contactEmail',
  'body.instructors',
  'body.groups',
  'body.papers',
  ...c.papers.map((_, i) => `body.papers.${i}`),
  'body.deliverables',
  ...c.deliverables.map((_, i) => `body.deliverables.${i}`),
  'body.presentations.slotMinutes',
  'body.presentations.bookingOpens',
  'body.presentations.bookingCloses',
  'body.presentations.meetingUrl',
  'body.grading.scale',
  'body.grading.components',
];

/**
 * A course config edited with the form or as JSON (both edit the same value; switching carries
 * it over), sent with PUT /courses/{courseId}. The API's issues appear next to their fields, or
 * under the JSON with their paths.
 */
export const CourseEditor = ({
  initial,
  courseId: fixedId,
  onSaved,
}: {
  initial: CourseInput;
  /** The course being edited; absent when creating one (the form then asks for its id). */
  courseId?: string;
  onSaved: (view: CourseView) => void;
}) => {
  const t = useT(adminMessages);
  const { api } = useApp();
  const [mode, setMode] = useState<Mode>('form');
  const [config, setConfig] = useState<CourseInput>(initial);
  const [json, setJson] = useState('');
  const [courseId, setCourseId] = useState(fixedId ?? '');
  const { busy, problem: raw, setProblem, run } = useSubmit();
  const form = useRef<HTMLFormElement>(null);
  const dottedProblem = dotted(raw);
  // "Invalid body" alone does not say that nothing was saved.
  const problem =
    dottedProblem &&
    new ApiProblem(
      dottedProblem.status,
      dottedProblem.code,
      `${t('fixProblems')} ${dottedProblem.message}`,
      dottedProblem.issues,
    );

  const parseJson = (): CourseInput | undefined => {
    try {
      // Whatever was pasted goes to the server as is: its validation is the one that counts.
      return JSON.parse(json) as CourseInput;
    } catch (error) {
      setProblem(
        new ApiProblem(400, 'invalid_json', t('jsonInvalid', { message: (error as Error).message }), [
          { path: 'body', message: (error as Error).message },
        ]),
      );
      return undefined;
    }
  };
  const switchTo = (next: Mode) => {
    if (next === mode) return;
    if (next === 'json') setJson(JSON.stringify(tidy(config), null, 2));
    else {
      const parsed = parseJson();
      if (!parsed) return;
      setConfig(parsed);
    }
    setMode(next);
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    const body = mode === 'json' ? parseJson() : tidy(config);
    if (!body) return;
    const view = await run(() =>
      unwrap(api.PUT('/courses/{courseId}', { params: { path: { courseId: courseId.trim() } }, body })),
    );
    if (view) onSaved(view);
    // Refused: the keyboard goes to the first field the server named (the top message says why).
    else
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };
  const idField = fixedId ? undefined : (
    <TextInput
      id="course-id"
      label={t('courseId')}
      hint={t('courseIdHint')}
      path="path.courseId"
      problem={problem}
      required
      value={courseId}
      onValue={setCourseId}
    />
  );
  return (
    <form onSubmit={submit} class="course-editor" noValidate ref={form}>
      <fieldset class="modes">
        <legend>{t('editWith')}</legend>
        {(['form', 'json'] as const).map((m) => (
          <label key={m} class="check">
            <input
              type="radio"
              name="editor-mode"
              value={m}
              checked={mode === m}
              onChange={() => switchTo(m)}
            />
            {m === 'form' ? t('modeForm') : t('modeJson')}
          </label>
        ))}
      </fieldset>
      <Problem
        problem={problem}
        fieldPaths={mode === 'form' ? formPaths(config) : ['path.courseId', 'body']}
      />
      {mode === 'form' ? (
        <CourseForm config={config} onChange={setConfig} problem={problem} idField={idField} />
      ) : (
        <>
          {idField}
          <JsonEditor value={json} onValue={setJson} problem={raw} />
        </>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('saving') : fixedId ? t('save') : t('create')}
        </button>
      </div>
    </form>
  );
};
