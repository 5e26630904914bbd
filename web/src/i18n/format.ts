import { useLocale, type Locale } from './i18n.js';

/** Dates, times, numbers and countdowns formatted by Intl for the locale and a time zone. */
export const formatters = (locale: Locale) => {
  const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
  return {
    locale,
    // Spelled out field by field: Intl refuses dateStyle/timeStyle together with timeZoneName.
    dateTime: (iso: string, timeZone?: string) =>
      new Intl.DateTimeFormat(tag, {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        ...(timeZone ? { timeZone, timeZoneName: 'short' } : {}),
      }).format(new Date(iso)),
    date: (iso: string, timeZone?: string) =>
      new Intl.DateTimeFormat(tag, { dateStyle: 'medium', ...(timeZone ? { timeZone } : {}) }).format(
        new Date(iso),
      ),
    time: (iso: string, timeZone?: string) =>
      new Intl.DateTimeFormat(tag, { timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(
        new Date(iso),
      ),
    weekday: (iso: string, timeZone?: string) =>
      new Intl.DateTimeFormat(tag, {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        ...(timeZone ? { timeZone } : {}),
      }).format(new Date(iso)),
    number: (n: number, digits = 2) =>
      new Intl.NumberFormat(tag, { maximumFractionDigits: digits }).format(n),
    bytes: (n: number) =>
      new Intl.NumberFormat(tag, {
        style: 'unit',
        unit: n >= 1_048_576 ? 'megabyte' : 'kilobyte',
        maximumFractionDigits: 1,
      }).format(n >= 1_048_576 ? n / 1_048_576 : n / 1024),
    /** "in 3 days", "2 hours ago": the largest unit that is at least 1. */
    relative: (iso: string, now: number = Date.now()) => {
      const seconds = (new Date(iso).getTime() - now) / 1000;
      const units: [Intl.RelativeTimeFormatUnit, number][] = [
        ['day', 86_400],
        ['hour', 3600],
        ['minute', 60],
      ];
      const rtf = new Intl.RelativeTimeFormat(tag, { numeric: 'auto' });
      for (const [unit, size] of units)
        if (Math.abs(seconds) >= size) return rtf.format(Math.trunc(seconds / size), unit);
      return rtf.format(Math.round(seconds), 'second');
    },
  };
};

export const useFormat = () => formatters(useLocale().locale);

/** The browser's own zone, for showing a deadline also in the reader's time when it differs. */
export const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
