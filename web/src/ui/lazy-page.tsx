import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiProblem } from '../api/client.js';
import { useT } from '../i18n/i18n.js';
import { shellMessages } from '../i18n/shell-messages.js';
import { Loading, Problem } from './problem.js';

const RELOADED_AT = 'examdesk.chunkReloadAt';

/**
 * A page's code that cannot be fetched was most likely replaced: a release (or a rebuild) prunes the
 * hashed files the open tab was built with. A fresh load of the app gets the new ones; it is tried
 * once a minute at most, so a real outage shows its problem instead of reloading in a loop.
 */
const reloadForNewRelease = (): boolean => {
  const last = Number(window.sessionStorage.getItem(RELOADED_AT) ?? 0);
  if (Date.now() - last < 60_000) return false;
  window.sessionStorage.setItem(RELOADED_AT, String(Date.now()));
  window.location.reload();
  return true;
};

const ChunkProblem = ({ problem }: { problem: ApiProblem }) => {
  const t = useT(shellMessages);
  return (
    <div>
      <Problem problem={problem} />
      <button type="button" onClick={() => window.location.reload()}>
        {t('retry')}
      </button>
    </div>
  );
};

/**
 * The shell moves the focus to the page's h1 when the route changes; a page whose code arrives a
 * moment later has no h1 yet at that time, so it takes the focus when it appears.
 */
const focusHeading = () => {
  const heading = document.querySelector<HTMLElement>('main h1');
  if (!heading) return;
  heading.setAttribute('tabindex', '-1');
  heading.focus();
};

/**
 * A page whose code is fetched when it is first shown: students and signed-out visitors never
 * download the staff pages (the first page stays small). Once loaded, the component is reused.
 */
export const lazyPage = <P extends object>(
  load: () => Promise<FunctionComponent<P>>,
): FunctionComponent<P> => {
  let loaded: FunctionComponent<P> | undefined;
  return (props: P) => {
    const [Page, setPage] = useState<FunctionComponent<P> | undefined>(() => loaded);
    const [arrived, setArrived] = useState(false);
    const [problem, setProblem] = useState<ApiProblem>();
    useEffect(() => {
      if (Page) return;
      let live = true;
      load().then(
        (component) => {
          loaded = component;
          if (!live) return;
          // A function given to a state setter would be called: wrap it.
          setPage(() => component);
          setArrived(true);
        },
        (error: unknown) => {
          if (live && !reloadForNewRelease()) setProblem(new ApiProblem(0, 'chunk', String(error)));
        },
      );
      return () => {
        live = false;
      };
    }, [Page]);
    useEffect(() => {
      if (arrived) focusHeading();
    }, [arrived]);
    if (Page) return <Page {...props} />;
    return problem ? <ChunkProblem problem={problem} /> : <Loading />;
  };
};
