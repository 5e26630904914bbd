import type { ComponentChildren } from 'preact';
import type { ApiProblem } from '../../api/client.js';
import { useT } from '../../i18n/i18n.js';
import { adminMessages } from './admin-messages.js';
import type { CourseInput } from './course-input.js';
import { ListInput, NumberInput, TextInput } from './form-fields.js';
import { ComponentFields, DeliverableFields, PaperFields } from './list-fields.js';

type Mode = CourseInput['presentations']['modes'][number];
const MODES: Mode[] = ['in-person', 'remote'];

/** Zones the browser knows, offered as suggestions (any IANA name may be typed). */
const zones = (): string[] => {
  const intl = Intl as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? [];
};

/**
 * The course's main fields as a form. Every field carries the API path of its value, so a refused
 * save shows each issue next to the field it is about.
 */
export const CourseForm = ({
  config,
  onChange,
  problem,
  idField,
}: {
  config: CourseInput;
  onChange: (config: CourseInput) => void;
  problem: ApiProblem | undefined;
  /** The course id field (a new course only). */
  idField?: ComponentChildren;
}) => {
  const t = useT(adminMessages);
  const set = (change: Partial<CourseInput>) => onChange({ ...config, ...change });
  const groups = (change: Partial<CourseInput['groups']>) => set({ groups: { ...config.groups, ...change } });
  const presentations = (change: Partial<CourseInput['presentations']>) =>
    set({ presentations: { ...config.presentations, ...change } });
  const grading = (change: Partial<CourseInput['grading']>) =>
    set({ grading: { ...config.grading, ...change } });
  return (
    <>
      <fieldset class="section">
        <legend>{t('general')}</legend>
        {idField}
        <TextInput
          id="course-title"
          label={t('title')}
          path="body.title"
          problem={problem}
          required
          value={config.title}
          onValue={(title) => set({ title })}
        />
        <TextInput
          id="course-zone"
          label={t('timeZone')}
          hint={t('timeZoneHint')}
          path="body.timeZone"
          problem={problem}
          list="zones"
          required
          value={config.timeZone}
          onValue={(timeZone) => set({ timeZone })}
        />
        <datalist id="zones">
          {zones().map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <TextInput
          id="course-contact"
          type="email"
          label={t('contactEmail')}
          path="body.contactEmail"
          problem={problem}
          value={config.contactEmail}
          onValue={(contactEmail) => set({ contactEmail })}
        />
        <ListInput
          id="course-instructors"
          separator={'\n'}
          label={t('instructors')}
          hint={t('instructorsHint')}
          path="body.instructors"
          problem={problem}
          value={config.instructors}
          onValue={(instructors) => set({ instructors })}
        />
      </fieldset>

      <fieldset class="section">
        <legend>{t('groups')}</legend>
        <p class="hint">{t('courseTimeHint')}</p>
        <div class="inline-form">
          <NumberInput
            id="groups-min"
            label={t('minSize')}
            path="body.groups.minSize"
            problem={problem}
            required
            min={1}
            value={config.groups.minSize}
            onValue={(minSize) => groups({ minSize: minSize ?? Number.NaN })}
          />
          <NumberInput
            id="groups-max"
            label={t('maxSize')}
            path="body.groups.maxSize"
            problem={problem}
            required
            min={1}
            value={config.groups.maxSize}
            onValue={(maxSize) => groups({ maxSize: maxSize ?? Number.NaN })}
          />
          <NumberInput
            id="groups-per-paper"
            label={t('maxGroupsPerPaper')}
            hint={t('maxGroupsHint')}
            path="body.groups.maxGroupsPerPaper"
            problem={problem}
            min={1}
            value={config.groups.maxGroupsPerPaper}
            onValue={(maxGroupsPerPaper) => groups({ maxGroupsPerPaper })}
          />
        </div>
        <TextInput
          id="groups-deadline"
          type="datetime-local"
          label={t('groupDeadline')}
          path="body.groups.deadline"
          problem={problem}
          required
          value={config.groups.deadline}
          onValue={(deadline) => groups({ deadline })}
        />
      </fieldset>

      <fieldset class="section">
        <legend>{t('papers')}</legend>
        <PaperFields papers={config.papers} onChange={(papers) => set({ papers })} problem={problem} />
      </fieldset>

      <fieldset class="section">
        <legend>{t('deliverables')}</legend>
        <DeliverableFields
          deliverables={config.deliverables}
          onChange={(deliverables) => set({ deliverables })}
          problem={problem}
        />
      </fieldset>

      <fieldset class="section">
        <legend>{t('presentations')}</legend>
        <NumberInput
          id="slot-minutes"
          label={t('slotMinutes')}
          path="body.presentations.slotMinutes"
          problem={problem}
          min={5}
          value={config.presentations.slotMinutes}
          onValue={(slotMinutes) => presentations({ slotMinutes })}
        />
        <fieldset class="modes">
          <legend>{t('modes')}</legend>
          {MODES.map((m) => (
            <label key={m} class="check">
              <input
                type="checkbox"
                checked={config.presentations.modes.includes(m)}
                onChange={(e) =>
                  presentations({
                    modes: (e.target as HTMLInputElement).checked
                      ? MODES.filter((x) => x === m || config.presentations.modes.includes(x))
                      : config.presentations.modes.filter((x) => x !== m),
                  })
                }
              />
              {m === 'remote' ? t('remote') : t('inPerson')}
            </label>
          ))}
        </fieldset>
        <TextInput
          id="booking-opens"
          type="datetime-local"
          label={t('bookingOpens')}
          path="body.presentations.bookingOpens"
          problem={problem}
          required
          value={config.presentations.bookingOpens}
          onValue={(bookingOpens) => presentations({ bookingOpens })}
        />
        <TextInput
          id="booking-closes"
          type="datetime-local"
          label={t('bookingCloses')}
          path="body.presentations.bookingCloses"
          problem={problem}
          required
          value={config.presentations.bookingCloses}
          onValue={(bookingCloses) => presentations({ bookingCloses })}
        />
        <TextInput
          id="meeting-url"
          type="url"
          label={t('meetingUrl')}
          path="body.presentations.meetingUrl"
          problem={problem}
          value={config.presentations.meetingUrl}
          onValue={(meetingUrl) => presentations({ meetingUrl })}
        />
      </fieldset>

      <fieldset class="section">
        <legend>{t('grading')}</legend>
        <NumberInput
          id="grading-scale"
          label={t('scale')}
          path="body.grading.scale"
          problem={problem}
          required
          min={1}
          step="any"
          value={config.grading.scale}
          onValue={(scale) => grading({ scale: scale ?? Number.NaN })}
        />
        <p>
          <strong>{t('components')}</strong>
        </p>
        <ComponentFields
          components={config.grading.components}
          onChange={(components) => grading({ components })}
          problem={problem}
        />
      </fieldset>
    </>
  );
};
