import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { LOCALES, useLocale, useT, type Locale } from '../i18n/i18n.js';
import { shellMessages } from '../i18n/shell-messages.js';
import { href } from '../router.js';

const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', fr: 'Français' };

export const LocaleSwitch = () => {
  const { locale, setLocale } = useLocale();
  const t = useT(shellMessages);
  return (
    <label class="locale">
      <span>{t('language')}</span>
      <select value={locale} onChange={(e) => setLocale((e.target as HTMLSelectElement).value as Locale)}>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
};

/**
 * Header, optional course menu, main. On every route change the page's h1 takes the focus, so a
 * screen reader announces the new page and the keyboard starts from it.
 */
export const Layout = ({
  path,
  user,
  onSignOut,
  nav,
  children,
}: {
  path: string;
  user?: string;
  onSignOut?: () => void;
  nav?: { title: string; links: { href: string; label: string; current: boolean }[] };
  children: ComponentChildren;
}) => {
  const t = useT(shellMessages);
  const main = useRef<HTMLElement>(null);
  useEffect(() => {
    const heading = main.current?.querySelector('h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: false });
    }
  }, [path]);
  return (
    <>
      <a class="skip" href="#main" onClick={(e) => (e.preventDefault(), main.current?.focus())}>
        {t('skip')}
      </a>
      <header class="top">
        <a class="brand" href={href('/')}>
          {t('appName')}
        </a>
        <div class="top-tools">
          <LocaleSwitch />
          {user && (
            <>
              <span class="who">{t('signedInAs', { email: user })}</span>
              <button type="button" class="link" onClick={onSignOut}>
                {t('signOut')}
              </button>
            </>
          )}
        </div>
      </header>
      {nav && (
        <nav class="course-nav" aria-label={nav.title}>
          <ul>
            {nav.links.map((l) => (
              <li key={l.href}>
                <a href={l.href} aria-current={l.current ? 'page' : undefined}>
                  {l.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <main id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
    </>
  );
};
