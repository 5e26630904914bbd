import { ReasonField } from './reason-field.js';
import { useState } from 'preact/hooks';
import { unwrap } from '../../api/client.js';
import type { BodyOf, CourseView } from '../../api/types.js';
import { useApp } from '../../app-context.js';
import { useT } from '../../i18n/i18n.js';
import { Field, Problem } from '../../ui/problem.js';
import { useSubmit } from '../../ui/use-resource.js';
import { dotted } from './issue-paths.js';
import { scheduleMessages } from './schedule-messages.js';
import { slotDate, slotEnd, slotStart } from './slot-times.js';
import type { PresentationMode, SlotView } from './staff-data.js';
import { staffMessages } from './staff-messages.js';

type LayoutDay = BodyOf<'/courses/{courseId}/slots', 'put'>['days'][number];
interface Line extends LayoutDay {
  /** A stable key for the row while lines are added and removed. */
  key: number;
  modes: PresentationMode[];
}

let nextKey = 1;

/**
 * The layout the slots came from: consecutive slots of one day with the same room and modes make
 * one window. Saving it unchanged changes nothing (the server keeps slots that stay).
 */
const linesOf = (slots: SlotView[], courseModes: PresentationMode[]): Line[] => {
  const lines: Line[] = [];
  const sorted = [...slots].sort((a, b) => a.slotId.localeCompare(b.slotId));
  for (const s of sorted) {
    const last = lines[lines.length - 1];
    const modes = s.modes.length ? s.modes : courseModes;
    if (
      last &&
      last.date === slotDate(s) &&
      last.end === slotStart(s) &&
      (last.room ?? null) === s.room &&
      last.modes.join() === modes.join()
    )
      last.end = slotEnd(s);
    else
      lines.push({
        key: nextKey++,
        date: slotDate(s),
        start: slotStart(s),
        end: slotEnd(s),
        modes,
        ...(s.room ? { room: s.room } : {}),
      });
  }
  return lines;
};

/** PUT …/slots with the days as edited; a layout that drops a booked slot asks for force + reason. */
export const SlotLayoutForm = ({
  course,
  slots,
  onSaved,
}: {
  course: CourseView;
  slots: SlotView[];
  onSaved: () => void;
}) => {
  const t = useT(scheduleMessages);
  const s = useT(staffMessages);
  const { api } = useApp();
  const courseModes = course.config.presentations.modes;
  const [lines, setLines] = useState<Line[]>(() => linesOf(slots, courseModes));
  const [force, setForce] = useState(false);
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState('');
  const { busy, problem: raw, run } = useSubmit();
  const problem = dotted(raw);
  const set = (key: number, change: Partial<Line>) =>
    setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...change } : l)));
  const submit = async (e: Event) => {
    e.preventDefault();
    setSaved('');
    const days = lines.map(({ date, start, end, room, modes }) => ({
      date,
      start,
      end,
      modes,
      ...(room?.trim() ? { room: room.trim() } : {}),
    }));
    const result = await run(() =>
      unwrap(
        api.PUT('/courses/{courseId}/slots', {
          params: { path: { courseId: course.courseId } },
          body: { days, ...(force ? { force, reason } : {}) },
        }),
      ),
    );
    if (!result) return;
    setSaved(
      t('layoutSaved', {
        added: result.added,
        updated: result.updated,
        removed: result.removed,
        released: result.released.length,
      }),
    );
    setForce(false);
    onSaved();
  };
  const fieldPaths = lines.map((_, i) => `body.days.${i}`).concat('body.reason');
  return (
    <form class="panel layout-form" onSubmit={submit}>
      <p class="hint">{t('layoutHint', { minutes: course.config.presentations.slotMinutes })}</p>
      <p class="hint">{s('courseTime', { zone: course.config.timeZone })}</p>
      <Problem problem={problem} fieldPaths={fieldPaths} />
      {lines.map((l, i) => {
        const id = `day-${l.key}`;
        const path = `body.days.${i}`;
        return (
          <fieldset key={l.key} class="layout-line">
            <legend>{t('lineLabel', { n: i + 1 })}</legend>
            <div class="inline-form">
              <Field id={`${id}-date`} label={t('date')} path={`${path}.date`} problem={problem}>
                {(a11y) => (
                  <input
                    {...a11y}
                    type="date"
                    required
                    value={l.date}
                    onInput={(e) => set(l.key, { date: (e.target as HTMLInputElement).value })}
                  />
                )}
              </Field>
              <Field id={`${id}-start`} label={t('start')} path={`${path}.start`} problem={problem}>
                {(a11y) => (
                  <input
                    {...a11y}
                    type="time"
                    required
                    value={l.start}
                    onInput={(e) => set(l.key, { start: (e.target as HTMLInputElement).value })}
                  />
                )}
              </Field>
              <Field id={`${id}-end`} label={t('end')} path={`${path}.end`} problem={problem}>
                {(a11y) => (
                  <input
                    {...a11y}
                    type="time"
                    required
                    value={l.end}
                    onInput={(e) => set(l.key, { end: (e.target as HTMLInputElement).value })}
                  />
                )}
              </Field>
              <Field id={`${id}-room`} label={t('room')} path={`${path}.room`} problem={problem}>
                {(a11y) => (
                  <input
                    {...a11y}
                    value={l.room ?? ''}
                    onInput={(e) => set(l.key, { room: (e.target as HTMLInputElement).value })}
                  />
                )}
              </Field>
            </div>
            <fieldset class="modes">
              <legend>{t('modes')}</legend>
              {courseModes.map((m) => (
                <label key={m} class="check">
                  <input
                    type="checkbox"
                    checked={l.modes.includes(m)}
                    onChange={(e) =>
                      set(l.key, {
                        modes: (e.target as HTMLInputElement).checked
                          ? courseModes.filter((x) => x === m || l.modes.includes(x))
                          : l.modes.filter((x) => x !== m),
                      })
                    }
                  />{' '}
                  {m === 'remote' ? s('remote') : s('inPerson')}
                </label>
              ))}
            </fieldset>
            {problem?.issues
              .filter(
                (x) => x.path === path || x.path === `${path}.modes` || x.path.startsWith(`${path}.modes.`),
              )
              .map((x) => (
                <p key={x.path + x.message} class="field-error">
                  {x.message}
                </p>
              ))}
            <button
              type="button"
              class="link"
              onClick={() => setLines((ls) => ls.filter((x) => x.key !== l.key))}
            >
              {t('removeDay')}
              <span class="visually-hidden"> ({t('lineLabel', { n: i + 1 })})</span>
            </button>
          </fieldset>
        );
      })}
      <div class="actions">
        <button
          type="button"
          onClick={() => {
            const last = lines[lines.length - 1];
            setLines([
              ...lines,
              {
                key: nextKey++,
                date: last?.date ?? '',
                start: last?.start ?? '09:00',
                end: last?.end ?? '12:00',
                modes: last?.modes ?? courseModes,
                ...(last?.room ? { room: last.room } : {}),
              },
            ]);
          }}
        >
          {t('addDay')}
        </button>
      </div>
      <label class="check">
        <input
          type="checkbox"
          checked={force}
          onChange={(e) => setForce((e.target as HTMLInputElement).checked)}
        />{' '}
        {t('force')}
      </label>
      {force && (
        <ReasonField
          id="layout-reason"
          label={s('reason')}
          problem={problem}
          value={reason}
          onInput={setReason}
        />
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? s('saving') : t('saveLayout')}
        </button>
      </div>
      <p role="status" class="ok">
        {saved}
      </p>
    </form>
  );
};
