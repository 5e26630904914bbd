import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { webApp, webSecurityHeaders } from '../../local/web-assets.js';
import { RuntimeConfig } from '../../shared/web/runtime-config.js';

const apiUrl = inject('apiUrl');
const appUrl = inject('appUrl');
const s3Endpoint = inject('stackEnv').AWS_ENDPOINT_URL_S3 ?? '';

/** A GET with a Host header of our choosing (fetch does not let one set it). */
const getWithHost = (url: string, host: string) =>
  new Promise<{ status: number; location?: string }>((resolve, reject) => {
    const req = request(url, { headers: { host } }, (res) => {
      res.resume();
      resolve({
        status: res.statusCode ?? 0,
        ...(res.headers.location ? { location: res.headers.location } : {}),
      });
    });
    req.on('error', reject);
    req.end();
  });

describe('the web app served by the local stack', () => {
  it('serves index.html at / with the security headers CloudFront sends', async () => {
    expect(appUrl).toBe(`${apiUrl}/`);
    const res = await fetch(appUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(new RegExp(`connect-src 'self'[^;]* ${s3Endpoint}`));
    expect(csp).toMatch(new RegExp(`form-action 'self'[^;]* ${s3Endpoint}`));
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/base-uri 'self'/);
    expect(await res.text()).toMatch(/<script type="module"[^>]* src="\/assets\/[^"]+\.js"/);
  });

  it('serves the hashed assets with their content type, cached for good', async () => {
    const html = await (await fetch(appUrl)).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const res = await fetch(`${apiUrl}${script}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-security-policy')).toBeTruthy();
    const missing = await fetch(`${apiUrl}/assets/missing-0000.js`);
    expect(missing.status).toBe(404);
  });

  it('serves /config.json for this stack, valid against the app’s schema', async () => {
    const res = await fetch(`${apiUrl}/config.json`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const config = RuntimeConfig.parse(await res.json());
    expect(config).toEqual({
      apiUrl,
      oidc: {
        authority: `${apiUrl}/_local/oidc`,
        clientId: 'examdesk-local-client',
        scope: 'openid email profile',
      },
      stage: 'local',
    });
    const discovery = await fetch(`${config.oidc.authority}/.well-known/openid-configuration`);
    expect(await discovery.json()).toMatchObject({ issuer: config.oidc.authority });
  });

  it('leaves API and /_local routes their precedence; other paths get the app', async () => {
    const api = await fetch(`${apiUrl}/courses`);
    expect(api.status).toBe(401);
    expect(api.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await fetch(`${apiUrl}/health`)).headers.get('content-type')).toMatch(/^application\/json/);
    const local = await fetch(`${apiUrl}/_local/no-such-route`);
    expect(local.status).toBe(404);
    expect(local.headers.get('content-type')).toMatch(/^application\/json/);
    const deep = await fetch(`${apiUrl}/student/home`);
    expect(deep.status).toBe(200);
    expect(deep.headers.get('content-type')).toMatch(/^text\/html/);
    const head = await fetch(appUrl, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await fetch(appUrl, { method: 'POST' })).status).toBe(404);
  });

  it('sends another host name for this server (localhost) to the stack’s origin', async () => {
    const { port } = new URL(apiUrl);
    expect(await getWithHost(`${apiUrl}/student?x=1`, `localhost:${port}`)).toEqual({
      status: 302,
      location: `${apiUrl}/student?x=1`,
    });
  });
});

describe('the web handler on a build of its own', () => {
  const dist = mkdtempSync(join(tmpdir(), 'examdesk-web-dist-'));
  let server: Server;
  let origin = '';
  const start = (options: { distDir: string; buildError?: string }) =>
    new Promise<void>((resolve) => {
      const handle = webApp({
        ...options,
        origin: 'http://127.0.0.1:0',
        s3Origin: 'http://127.0.0.1:9',
        config: {
          apiUrl: 'http://127.0.0.1:1',
          oidc: { authority: 'http://127.0.0.1:1/_local/oidc', clientId: 'c', scope: 'openid' },
          stage: 'local',
        },
      });
      server = createServer((req, res) => {
        const url = new URL(`http://${req.headers.host}${req.url}`);
        // The stack's origin is this server's in the test: same host, so no redirect.
        req.headers.host = '127.0.0.1:0';
        void handle(req, res, url).then((done) => {
          if (!done) res.writeHead(404).end();
        });
      });
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
        resolve();
      });
    });
  beforeAll(async () => {
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(dist, 'assets', 'app-1a2b.js'), 'export {};');
    writeFileSync(join(dist, 'assets', 'app-1a2b.css'), 'body{}');
    writeFileSync(join(dist, 'assets', 'logo-3c4d.svg'), '<svg/>');
    writeFileSync(join(dist, 'robots.txt'), 'User-agent: *');
    writeFileSync(join(tmpdir(), 'examdesk-web-secret.txt'), 'TOP-SECRET-BYTES');
    await start({ distDir: dist });
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    rmSync(dist, { recursive: true, force: true });
    rmSync(join(tmpdir(), 'examdesk-web-secret.txt'), { force: true });
  });

  it('names each file’s content type; only assets/ is cached for good', async () => {
    const cases: [string, string, string][] = [
      ['/assets/app-1a2b.js', 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable'],
      ['/assets/app-1a2b.css', 'text/css; charset=utf-8', 'public, max-age=31536000, immutable'],
      ['/assets/logo-3c4d.svg', 'image/svg+xml', 'public, max-age=31536000, immutable'],
      ['/robots.txt', 'text/plain; charset=utf-8', 'no-cache'],
      ['/', 'text/html; charset=utf-8', 'no-cache'],
    ];
    for (const [path, type, cache] of cases) {
      const res = await fetch(`${origin}${path}`);
      expect([path, res.status, res.headers.get('content-type'), res.headers.get('cache-control')]).toEqual([
        path,
        200,
        type,
        cache,
      ]);
    }
  });

  it('never serves a file outside the build', async () => {
    for (const path of [
      '/..%2fexamdesk-web-secret.txt',
      '/%2e%2e/examdesk-web-secret.txt',
      '/assets/..%2f..%2fexamdesk-web-secret.txt',
    ]) {
      const res = await fetch(`${origin}${path}`);
      expect(await res.text(), path).not.toContain('TOP-SECRET-BYTES');
    }
  });

  it('says the app is not built (503) when there is no index.html, and why', async () => {
    await new Promise((r) => server.close(r));
    await start({ distDir: join(dist, 'nowhere'), buildError: 'Could not resolve "./grading.js"' });
    const res = await fetch(`${origin}/`);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('Could not resolve &quot;./grading.js&quot;');
    const config = await fetch(`${origin}/config.json`);
    expect(config.status).toBe(200);
  });

  it('has the headers CloudFront’s response headers policy sends', () => {
    const headers = webSecurityHeaders('http://127.0.0.1:3000', 'http://127.0.0.1:4000');
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'strict-origin-when-cross-origin',
    });
    const directives = (headers['content-security-policy'] ?? '').split('; ');
    expect(directives).toEqual(
      expect.arrayContaining([
        "default-src 'self'",
        "connect-src 'self' http://127.0.0.1:3000 http://127.0.0.1:4000",
        "img-src 'self' data:",
        "style-src 'self' 'unsafe-inline'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "form-action 'self' http://127.0.0.1:3000 http://127.0.0.1:4000",
      ]),
    );
  });
});
