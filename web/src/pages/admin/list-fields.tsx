import type { ComponentChildren } from 'preact';
import type { ApiProblem } from '../../api/client.js';
import { useT } from '../../i18n/i18n.js';
import { adminMessages } from './admin-messages.js';
import type { ComponentInput, DeliverableInput, PaperInput } from './course-input.js';
import { IssuesAt, ListInput, NumberInput, TextInput } from './form-fields.js';

const MB = 1024 * 1024;

/** One item of a list in the form: a fieldset with its number and a remove button. */
const Item = ({
  legend,
  onRemove,
  children,
}: {
  legend: string;
  onRemove: () => void;
  children: ComponentChildren;
}) => {
  const t = useT(adminMessages);
  return (
    <fieldset class="item">
      <legend>{legend}</legend>
      <div class="inline-form">{children}</div>
      <button type="button" class="link" onClick={onRemove}>
        {t('removeItem', { what: legend })}
      </button>
    </fieldset>
  );
};

const update = <T,>(list: T[], i: number, change: Partial<T>): T[] =>
  list.map((x, j) => (j === i ? { ...x, ...change } : x));

export const PaperFields = ({
  papers,
  onChange,
  problem,
}: {
  papers: PaperInput[];
  onChange: (papers: PaperInput[]) => void;
  problem: ApiProblem | undefined;
}) => {
  const t = useT(adminMessages);
  return (
    <>
      <IssuesAt problem={problem} paths={['body.papers']} />
      {papers.map((p, i) => {
        const path = `body.papers.${i}`;
        const set = (change: Partial<PaperInput>) => onChange(update(papers, i, change));
        return (
          <Item
            key={i}
            legend={t('paper', { n: i + 1 })}
            onRemove={() => onChange(papers.filter((_, j) => j !== i))}
          >
            <IssuesAt problem={problem} paths={[path]} />
            <TextInput
              id={`paper-${i}-id`}
              label={t('id')}
              path={`${path}.id`}
              problem={problem}
              required
              value={p.id}
              onValue={(id) => set({ id })}
            />
            <TextInput
              id={`paper-${i}-title`}
              label={t('title')}
              path={`${path}.title`}
              problem={problem}
              required
              value={p.title}
              onValue={(title) => set({ title })}
            />
            <TextInput
              id={`paper-${i}-url`}
              type="url"
              label={t('url')}
              path={`${path}.url`}
              problem={problem}
              required
              value={p.url}
              onValue={(url) => set({ url })}
            />
          </Item>
        );
      })}
      <button type="button" onClick={() => onChange([...papers, { id: '', title: '', url: '' }])}>
        {t('addPaper')}
      </button>
    </>
  );
};

export const DeliverableFields = ({
  deliverables,
  onChange,
  problem,
}: {
  deliverables: DeliverableInput[];
  onChange: (deliverables: DeliverableInput[]) => void;
  problem: ApiProblem | undefined;
}) => {
  const t = useT(adminMessages);
  return (
    <>
      <IssuesAt problem={problem} paths={['body.deliverables']} />
      {deliverables.map((d, i) => {
        const path = `body.deliverables.${i}`;
        const id = `deliverable-${i}`;
        const set = (change: Partial<DeliverableInput>) => onChange(update(deliverables, i, change));
        return (
          <Item
            key={i}
            legend={t('deliverable', { n: i + 1 })}
            onRemove={() => onChange(deliverables.filter((_, j) => j !== i))}
          >
            <IssuesAt problem={problem} paths={[path]} />
            <TextInput
              id={`${id}-id`}
              label={t('id')}
              path={`${path}.id`}
              problem={problem}
              required
              value={d.id}
              onValue={(v) => set({ id: v })}
            />
            <TextInput
              id={`${id}-title`}
              label={t('title')}
              path={`${path}.title`}
              problem={problem}
              required
              value={d.title}
              onValue={(title) => set({ title })}
            />
            <div class="field">
              <label for={`${id}-owner`}>{t('owner')}</label>
              <select
                id={`${id}-owner`}
                value={d.owner}
                onChange={(e) =>
                  set({ owner: (e.target as HTMLSelectElement).value as DeliverableInput['owner'] })
                }
              >
                <option value="group">{t('ownerGroup')}</option>
                <option value="student">{t('ownerStudent')}</option>
              </select>
            </div>
            <TextInput
              id={`${id}-due`}
              type="datetime-local"
              label={t('due')}
              path={`${path}.due`}
              problem={problem}
              required
              value={d.due}
              onValue={(due) => set({ due })}
            />
            <NumberInput
              id={`${id}-pages`}
              label={t('maxPages')}
              path={`${path}.maxPages`}
              problem={problem}
              min={1}
              value={d.maxPages}
              onValue={(maxPages) => set({ maxPages })}
            />
            <NumberInput
              id={`${id}-size`}
              label={t('maxMegabytes')}
              path={`${path}.maxBytes`}
              problem={problem}
              required
              min={1}
              step="any"
              value={d.maxBytes / MB}
              onValue={(mb) => set({ maxBytes: mb === undefined ? Number.NaN : Math.round(mb * MB) })}
            />
            <ListInput
              id={`${id}-accept`}
              separator=","
              label={t('accept')}
              hint={t('acceptHint')}
              path={`${path}.accept`}
              problem={problem}
              value={d.accept}
              onValue={(accept) => set({ accept })}
            />
            <label class="check">
              <input
                type="checkbox"
                checked={d.required ?? true}
                onChange={(e) => set({ required: (e.target as HTMLInputElement).checked })}
              />
              {t('required')}
            </label>
          </Item>
        );
      })}
      <button
        type="button"
        onClick={() =>
          onChange([
            ...deliverables,
            { id: '', title: '', owner: 'group', due: '', accept: ['application/pdf'], maxBytes: 20 * MB },
          ])
        }
      >
        {t('addDeliverable')}
      </button>
    </>
  );
};

export const ComponentFields = ({
  components,
  onChange,
  problem,
}: {
  components: ComponentInput[];
  onChange: (components: ComponentInput[]) => void;
  problem: ApiProblem | undefined;
}) => {
  const t = useT(adminMessages);
  return (
    <>
      <IssuesAt problem={problem} paths={['body.grading.components']} />
      {components.map((c, i) => {
        const path = `body.grading.components.${i}`;
        const set = (change: Partial<ComponentInput>) => onChange(update(components, i, change));
        return (
          <Item
            key={i}
            legend={t('component', { n: i + 1 })}
            onRemove={() => onChange(components.filter((_, j) => j !== i))}
          >
            <IssuesAt problem={problem} paths={[path, `${path}.aspects`]} />
            <TextInput
              id={`component-${i}-id`}
              label={t('id')}
              path={`${path}.id`}
              problem={problem}
              required
              value={c.id}
              onValue={(id) => set({ id })}
            />
            <TextInput
              id={`component-${i}-title`}
              label={t('title')}
              path={`${path}.title`}
              problem={problem}
              required
              value={c.title}
              onValue={(title) => set({ title })}
            />
            <TextInput
              id={`component-${i}-weight`}
              label={t('weight')}
              hint={t('weightHint')}
              path={`${path}.weight`}
              problem={problem}
              required
              value={c.weight}
              onValue={(weight) => set({ weight })}
            />
            {c.aspects && (
              <p class="hint">
                {t('aspectsKept', { list: c.aspects.map((a) => `${a.title} (${a.weight})`).join(', ') })}
              </p>
            )}
          </Item>
        );
      })}
      <button type="button" onClick={() => onChange([...components, { id: '', title: '', weight: '' }])}>
        {t('addComponent')}
      </button>
    </>
  );
};
