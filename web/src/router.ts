import { useEffect, useState } from 'preact/hooks';

/**
 * Hash routes (#/c/genmod-live/group): every page is index.html, so the static host needs no
 * rewrite rules, and no app path can collide with an API path on the same origin.
 */
export const currentPath = () => decodeURI(window.location.hash.replace(/^#/, '')) || '/';

export const useHashPath = (): string => {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    const onChange = () => setPath(currentPath());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return path;
};

export const href = (path: string) => `#${encodeURI(path)}`;
export const navigate = (path: string) => {
  window.location.hash = encodeURI(path);
};

/** `matchPath('/c/:courseId/*', '/c/x/group')` → { courseId: 'x', '*': 'group' }. */
export const matchPath = (pattern: string, path: string): Record<string, string> | null => {
  const p = pattern.split('/').filter(Boolean);
  const s = path.split('/').filter(Boolean);
  const out: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const part = p[i] as string;
    if (part === '*') {
      out['*'] = s.slice(i).join('/');
      return out;
    }
    const seg = s[i];
    if (seg === undefined) return null;
    if (part.startsWith(':')) out[part.slice(1)] = seg;
    else if (part !== seg) return null;
  }
  return s.length === p.length ? out : null;
};
