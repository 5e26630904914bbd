import { useLocale } from '../../i18n/i18n.js';

/**
 * Instants as the course's wall-clock time, compact enough for a table cell on a phone ("15 May
 * 2023, 09:00"). The zone is said once per page (staffMessages.courseTime) rather than in every
 * cell; Intl refuses a zone name next to dateStyle anyway.
 */
export const useCourseTime = (timeZone: string) => {
  const { locale } = useLocale();
  const format = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  });
  return (iso: string) => format.format(new Date(iso));
};
