import {
  createReadStream,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
} from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { RUNTIME_CONFIG_PATH, RuntimeConfig } from '../shared/web/runtime-config.js';
import { contentSecurityPolicy } from '../infra/web-csp.js';
import type { WebHandler } from './gateway.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
export const WEB_ROOT = join(REPO, 'web');
export const WEB_DIST = join(WEB_ROOT, 'dist');
/** Where a build is made before it replaces web/dist. */
const BUILDS = join(REPO, 'node_modules', '.cache', 'examdesk-local-web');
/** What a build is made of: anything here newer than the build means building again. */
const WEB_INPUTS = [
  join(WEB_ROOT, 'src'),
  join(WEB_ROOT, 'public'),
  join(WEB_ROOT, 'index.html'),
  join(WEB_ROOT, 'vite.config.ts'),
  // The runtime config contract the app imports.
  join(REPO, 'shared', 'web'),
];

/** A policy with each source once per directive (locally the API, sign-in and app share an origin). */
const uniqueSources = (policy: string): string =>
  policy
    .split('; ')
    .map((directive) => [...new Set(directive.split(' '))].join(' '))
    .join('; ');

/**
 * The response headers CloudFront's response headers policy sends with every file of the app
 * (infra/web-hosting-stack.ts), with the same Content-Security-Policy (infra/web-csp.ts): here the
 * API, the sign-in endpoints and the app share the gateway's origin, and the files are on the local
 * S3. HSTS is left out: it means nothing over http.
 */
export const webSecurityHeaders = (origin: string, s3Origin: string): Record<string, string> => ({
  'content-security-policy': uniqueSources(
    contentSecurityPolicy({ api: origin, cognitoIdp: origin, signIn: origin, files: s3Origin }),
  ),
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
});

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};
export const contentTypeOf = (file: string): string =>
  CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';

/** Vite names what it emits under assets/ by content hash: a name never changes its bytes. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/** The newest modification time under a file or folder (0 when it does not exist). */
const newestMtime = (path: string): number => {
  let info;
  try {
    info = statSync(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
};

/** Why web/dist needs building, or undefined when it is newer than everything it is made of. */
export const webBuildReason = (dist: string = WEB_DIST): string | undefined => {
  const built = newestMtime(join(dist, 'index.html'));
  if (!built) return 'web/dist is missing';
  const changed = WEB_INPUTS.find((input) => newestMtime(input) > built);
  return changed ? `${relative(REPO, changed)} changed since the last build` : undefined;
};

export type WebBuild =
  | { ok: true; distDir: string; built: boolean; reason?: string }
  /** `previous`: an older build is there, and served. */
  | { ok: false; distDir: string; error: string; previous: boolean };

let building: Promise<WebBuild> | undefined;

/**
 * web/dist, built with Vite (the config of `npm run build:web`) when it is missing or older than its
 * sources. The build goes to a folder of its own and then replaces dist, so another stack serving
 * dist meanwhile (tests start several) never sees half a build. A failed build is returned, not
 * thrown or logged (Vite prints its errors; `npm start` says what happened): the API does not need
 * the app.
 */
export const ensureWebBuilt = (): Promise<WebBuild> =>
  (building ??= build().finally(() => (building = undefined)));

const build = async (): Promise<WebBuild> => {
  const reason = webBuildReason();
  if (!reason) return { ok: true, distDir: WEB_DIST, built: false };
  const startedAt = new Date();
  // Not infra/web-build.ts's cache folder (examdesk-web), which prunes what it finds there.
  const outDir = join(BUILDS, `${process.pid}-${startedAt.getTime()}`);
  try {
    mkdirSync(outDir, { recursive: true });
    // Vite (and its bundler) load only when a build is due.
    const vite = await import('vite');
    await vite.build({
      configFile: join(WEB_ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
    // Dated when the build read its sources: a file saved during the build makes it stale.
    utimesSync(join(outDir, 'index.html'), startedAt, startedAt);
    try {
      rmSync(WEB_DIST, { recursive: true, force: true });
      renameSync(outDir, WEB_DIST);
    } catch (error) {
      // Another process put its build there between the two calls: it is as fresh as this one.
      if (webBuildReason()) throw error;
    }
    return { ok: true, distDir: WEB_DIST, built: true, reason };
  } catch (error) {
    return {
      ok: false,
      distDir: WEB_DIST,
      error: stripVTControlCharacters(error instanceof Error ? error.message : String(error)),
      previous: existsSync(join(WEB_DIST, 'index.html')),
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
};

export interface WebAppOptions {
  distDir: string;
  /**
   * The stack's origin. The app's pages are served there only (another host name for this server,
   * e.g. localhost, is sent there): the sign-in redirect URIs and the API then share its origin.
   */
  origin: string;
  config: RuntimeConfig;
  /** The local S3 (presigned uploads and downloads): allowed by the pages' CSP. */
  s3Origin: string;
  /** Why there is no build, said instead of the app. */
  buildError?: string;
}

/** The config the app reads when it starts, for the local stack. */
export const localRuntimeConfig = (apiUrl: string, authority: string, clientId: string): RuntimeConfig =>
  RuntimeConfig.parse({
    apiUrl,
    oidc: { authority, clientId, scope: 'openid email profile' },
    stage: 'local',
  });

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** The file of dist a path names, or undefined when it would leave dist. */
const fileIn = (distDir: string, pathname: string): string | undefined => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const file = resolve(distDir, `.${decoded}`);
  const inside = relative(distDir, file);
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? file : undefined;
};

/**
 * The web app as CloudFront serves it: the files of web/dist (hashed assets cached for good,
 * everything else revalidated), `/config.json` for this stack, and index.html for any other path
 * (the app's own routes), each with the security headers. Missing assets are 404s, not the page.
 */
export const webApp = (options: WebAppOptions): WebHandler => {
  const security = webSecurityHeaders(options.origin, options.s3Origin);
  const canonicalHost = new URL(options.origin).host;
  const config = JSON.stringify(RuntimeConfig.parse(options.config));

  const send = (
    res: ServerResponse,
    head: boolean,
    status: number,
    body: string | Buffer,
    headers: Record<string, string>,
  ) => {
    res.writeHead(status, { ...security, 'content-length': String(Buffer.byteLength(body)), ...headers });
    res.end(head ? undefined : body);
  };

  return async (req, res, url) => {
    const head = req.method === 'HEAD';
    if (url.pathname === RUNTIME_CONFIG_PATH) {
      send(res, head, 200, config, {
        'content-type': CONTENT_TYPES['.json'] ?? '',
        'cache-control': 'no-store',
      });
      return true;
    }
    const file = url.pathname === '/' ? undefined : fileIn(options.distDir, url.pathname);
    const found = file ? await stat(file).catch(() => undefined) : undefined;
    if (file && found?.isFile()) {
      const cache = url.pathname.startsWith('/assets/') ? IMMUTABLE : REVALIDATE;
      res.writeHead(200, {
        ...security,
        'content-type': contentTypeOf(file),
        'content-length': String(found.size),
        'cache-control': cache,
      });
      if (head) res.end();
      else createReadStream(file).pipe(res);
      return true;
    }
    if (url.pathname.startsWith('/assets/')) {
      send(res, head, 404, `No such asset: ${url.pathname}`, {
        'content-type': CONTENT_TYPES['.txt'] ?? '',
        'cache-control': REVALIDATE,
      });
      return true;
    }
    if (req.headers.host !== canonicalHost) {
      res.writeHead(302, {
        location: `${options.origin}${url.pathname}${url.search}`,
        'cache-control': 'no-store',
      });
      res.end();
      return true;
    }
    const index = await readFile(join(options.distDir, 'index.html')).catch(() => undefined);
    if (!index) {
      const why = options.buildError ?? 'web/dist/index.html is missing';
      send(
        res,
        head,
        503,
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>examdesk: the web app is not built</title></head><body><main><h1>The web app is not built</h1><p>${escapeHtml(why)}</p><p>Run <code>npm run build:web</code> and reload; the API works without it.</p></main></body></html>`,
        { 'content-type': CONTENT_TYPES['.html'] ?? '', 'cache-control': 'no-store' },
      );
      return true;
    }
    send(res, head, 200, index, {
      'content-type': CONTENT_TYPES['.html'] ?? '',
      'cache-control': REVALIDATE,
    });
    return true;
  };
};
