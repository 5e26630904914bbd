import { browserZone, useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n.js';
import { studentMessages } from './student-messages.js';

/**
 * An instant in the course's zone (the one the rules are written in), again in the reader's own
 * zone when that reads differently, and optionally a countdown ("in 3 days").
 */
export const When = ({
  iso,
  zone,
  now,
  countdown = false,
}: {
  iso: string;
  zone: string;
  now?: number;
  countdown?: boolean;
}) => {
  const fmt = useFormat();
  const dateTime = useFormat().dateTime;
  const t = useT(studentMessages);
  const inCourse = dateTime(iso, zone);
  const own = dateTime(iso, browserZone());
  return (
    <span class="st-when">
      <time dateTime={iso}>{inCourse}</time>
      {own !== inCourse && <span class="st-own">{t('yourTime', { when: own })}</span>}
      {countdown && <strong class="st-countdown">{fmt.relative(iso, now)}</strong>}
    </span>
  );
};
