import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { User } from 'oidc-client-ts';
import { createApi } from './api/client.js';
import { AppCtx, type AppContext } from './app-context.js';
import type { Auth } from './auth.js';
import type { RuntimeConfig } from './config.js';
import { LocaleContext, initialLocale, saveLocale, useT, type Locale } from './i18n/i18n.js';
import { shellMessages } from './i18n/shell-messages.js';
import { adminPages } from './pages/admin/index.js';
import { CoursePage } from './pages/course-page.js';
import { Home } from './pages/home.js';
import { href, matchPath, useHashPath } from './router.js';
import { Layout } from './ui/layout.js';

const groupsOf = (user: User): string[] => {
  const claim = user.profile['cognito:groups'];
  return Array.isArray(claim) ? claim.map(String) : [];
};

const SignedOut = ({ auth, ended }: { auth: Auth; ended: boolean }) => {
  const t = useT(shellMessages);
  return (
    <section class="signed-out">
      <h1>{t('appName')}</h1>
      <p>{t('welcome')}</p>
      {ended && <p role="status">{t('sessionEnded')}</p>}
      <p>{t('signInPrompt')}</p>
      <button type="button" class="primary" onClick={() => void auth.signIn()}>
        {t('signIn')}
      </button>
    </section>
  );
};

const Routes = ({
  path,
  frame,
}: {
  path: string;
  frame: (nav: Parameters<typeof Layout>[0]['nav'], body: ComponentChildren) => ComponentChildren;
}) => {
  const t = useT(shellMessages);
  const course = matchPath('/c/:courseId/*', path) ?? matchPath('/c/:courseId', path);
  if (course?.courseId)
    return <CoursePage courseId={course.courseId} rest={course['*'] ?? ''} frame={frame} />;
  for (const page of adminPages) {
    const params = matchPath(page.path, path);
    if (params) return <>{frame(undefined, <page.Component params={params} />)}</>;
  }
  if (path === '/' || path === '') return <>{frame(undefined, <Home />)}</>;
  return (
    <>
      {frame(
        undefined,
        <section>
          <h1>{t('notFound')}</h1>
          <a href={href('/')}>{t('backHome')}</a>
        </section>,
      )}
    </>
  );
};

export const App = ({
  config,
  auth,
  initialUser,
}: {
  config: RuntimeConfig;
  auth: Auth;
  initialUser: User | null;
}) => {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const [user, setUser] = useState<User | null>(initialUser);
  const [ended, setEnded] = useState(false);
  const path = useHashPath();
  useMemo(() => auth.onChange((u) => setUser(u)), [auth]);
  const setLocale = (l: Locale) => {
    saveLocale(l);
    setLocaleState(l);
  };
  const app = useMemo<AppContext | null>(() => {
    if (!user) return null;
    const email = String(user.profile.email ?? '');
    return {
      api: createApi(config.apiUrl, auth, () => {
        setEnded(true);
        setUser(null);
      }),
      auth,
      config,
      email,
      isAdmin: groupsOf(user).includes('admins'),
    };
    // A new client per signed-in user; token renewals reuse it (it asks auth for the token).
  }, [user?.profile.sub, config, auth]);
  return (
    <LocaleContext.Provider value={{ locale, setLocale }}>
      {app ? (
        <AppCtx.Provider value={app}>
          <Routes
            path={path}
            frame={(nav, body) => (
              <Layout
                path={path}
                user={app.email}
                onSignOut={() => void auth.signOut()}
                {...(nav ? { nav } : {})}
              >
                {body}
              </Layout>
            )}
          />
        </AppCtx.Provider>
      ) : (
        <Layout path={path}>
          <SignedOut auth={auth} ended={ended} />
        </Layout>
      )}
    </LocaleContext.Provider>
  );
};
