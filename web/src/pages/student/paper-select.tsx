import type { ApiProblem } from '../../api/client.js';
import type { CourseView } from '../../api/types.js';
import { useT } from '../../i18n/i18n.js';
import { Field } from '../../ui/problem.js';
import { groupMessages } from './group-messages.js';
import type { PaperSeats } from './student-data.js';

/**
 * The course's papers with their seats left (full ones cannot be chosen), as a labelled select;
 * `optional` offers "Choose later" (the paper may come after the group is formed).
 */
export const PaperSelect = ({
  id,
  label,
  course,
  seats,
  value,
  onChange,
  problem,
  exclude,
  optional = false,
  hint,
}: {
  id: string;
  label: string;
  course: CourseView;
  seats: PaperSeats[] | undefined;
  value: string;
  onChange: (paperId: string) => void;
  problem: ApiProblem | undefined;
  exclude?: string | null;
  optional?: boolean;
  hint?: string;
}) => {
  const t = useT(groupMessages);
  const seatsOf = (paperId: string) => seats?.find((p) => p.id === paperId);
  return (
    <Field id={id} label={label} path="body.paperId" problem={problem} {...(hint ? { hint } : {})}>
      {(a11y) => (
        <select
          {...a11y}
          value={value}
          required={!optional}
          onChange={(e) => onChange((e.target as HTMLSelectElement).value)}
        >
          <option value="">{optional ? t('paperLater') : t('choosePaper')}</option>
          {course.config.papers
            .filter((p) => p.id !== exclude)
            .map((p) => {
              const s = seatsOf(p.id);
              const note =
                !s || s.seatsLeft === null ? '' : s.full ? t('full') : t('seatsLeft', { n: s.seatsLeft });
              return (
                <option key={p.id} value={p.id} disabled={s?.full ?? false}>
                  {note ? `${p.title} — ${note}` : p.title}
                </option>
              );
            })}
        </select>
      )}
    </Field>
  );
};
