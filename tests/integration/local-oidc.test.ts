import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createCourse } from '../support/course-fixture.js';

/**
 * The local OpenID provider as the web app's oidc-client-ts uses it, with plain fetch: discovery,
 * the sign-in page, the code with PKCE, the token exchange, ID tokens the API's authorizer accepts,
 * the refresh grant, sign-out; and every refusal a client or an attacker can run into.
 */
const apiUrl = inject('apiUrl');
const authority = `${apiUrl}/_local/oidc`;
const CLIENT_ID = 'examdesk-local-client';
const REDIRECT = `${apiUrl}/`;

const base64url = (bytes: Buffer) => bytes.toString('base64url');
/** A fresh PKCE pair, computed here (not with the provider's code). */
const pkce = () => {
  const verifier = base64url(randomBytes(32));
  return { verifier, challenge: base64url(createHash('sha256').update(verifier).digest()) };
};

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  end_session_endpoint: string;
  userinfo_endpoint: string;
  [name: string]: unknown;
}
const discover = async (): Promise<Discovery> =>
  (await (await fetch(`${authority}/.well-known/openid-configuration`)).json()) as Discovery;

const authorizeParams = (challenge: string, overrides: Record<string, string | undefined> = {}) => {
  const all: Record<string, string | undefined> = {
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT,
    response_type: 'code',
    scope: 'openid email profile',
    state: `state-${randomBytes(6).toString('hex')}`,
    nonce: `nonce-${randomBytes(6).toString('hex')}`,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...overrides,
  };
  return new URLSearchParams(Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined));
};

/** The sign-in page's form post: the request's parameters and the person chosen. */
const chooseAt = (params: URLSearchParams, email: string, extra: Record<string, string> = {}) =>
  fetch(`${authority}/authorize`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams([...params, ['email', email], ...Object.entries(extra)]),
  });

/** Signs in as `email` up to the redirect back to the app: the code, the verifier, the nonce. */
const signIn = async (email: string, extra: Record<string, string> = {}) => {
  const { verifier, challenge } = pkce();
  const params = authorizeParams(challenge);
  const res = await chooseAt(params, email, extra);
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get('location') ?? '');
  expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
  expect(location.searchParams.get('state')).toBe(params.get('state'));
  return { code: location.searchParams.get('code') ?? '', verifier, nonce: params.get('nonce') };
};

const token = async (fields: Record<string, string>) => {
  const res = await fetch(`${authority}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });
  return {
    status: res.status,
    headers: res.headers,
    body: (await res.json()) as Record<string, string | number>,
  };
};
const exchange = (code: string, verifier: string, overrides: Record<string, string> = {}) =>
  token({
    grant_type: 'authorization_code',
    client_id: CLIENT_ID,
    code,
    redirect_uri: REDIRECT,
    code_verifier: verifier,
    ...overrides,
  });
const refresh = (refreshToken: string) =>
  token({ grant_type: 'refresh_token', client_id: CLIENT_ID, refresh_token: refreshToken });

const courses = (idToken: string) =>
  fetch(`${apiUrl}/courses`, { headers: { authorization: `Bearer ${idToken}` } });

/**
 * Sign-up is limited to addresses on a course roster, as on AWS: each test signs in as a student of
 * this file's own course, one address per use.
 */
let roster: string[] = [];
beforeAll(async () => {
  roster = [...(await createCourse({ prefix: 'oidc', students: 12 })).students];
});
const unique = (name: string) => {
  const email = roster.shift();
  if (!email) throw new Error(`no roster address left for ${name}`);
  return email;
};

describe('local OIDC: the whole code flow with PKCE', () => {
  it('discovery names the endpoints and what they support; the issuer is the authority', async () => {
    const doc = await discover();
    expect(doc).toMatchObject({
      issuer: authority,
      authorization_endpoint: `${authority}/authorize`,
      token_endpoint: `${authority}/token`,
      jwks_uri: `${authority}/jwks`,
      end_session_endpoint: `${authority}/logout`,
      userinfo_endpoint: `${authority}/userinfo`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      code_challenge_methods_supported: ['S256'],
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['none'],
    });
    expect(doc.scopes_supported).toEqual(expect.arrayContaining(['openid', 'email', 'profile']));
    const jwks = (await (await fetch(doc.jwks_uri)).json()) as { keys: { kid: string }[] };
    const legacy = (await (await fetch(`${apiUrl}/_local/.well-known/jwks.json`)).json()) as typeof jwks;
    expect(jwks.keys.map((k) => k.kid)).toEqual(legacy.keys.map((k) => k.kid));
  });

  it('signs in as a demo student: page, code, tokens, API, refresh, userinfo', async () => {
    const doc = await discover();
    const { verifier, challenge } = pkce();
    const params = authorizeParams(challenge);

    const page = await fetch(`${doc.authorization_endpoint}?${params}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    const html = await page.text();
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toMatch(/<label for="email">Email<\/label>/);
    for (const legend of ['Students', 'Instructors', 'Admin'])
      expect(html).toContain(`<legend>${legend}</legend>`);
    for (const email of [
      'ines.garcia@students.example',
      'lead.instructor@genmod.example',
      'admin@examdesk.example',
    ])
      expect(html).toContain(`value="${email}"`);
    expect(html).not.toMatch(/<(script|link|img)\b/);

    const res = await chooseAt(params, 'ines.garcia@students.example');
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.searchParams.get('state')).toBe(params.get('state'));
    const code = location.searchParams.get('code') ?? '';
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const tokens = await exchange(code, verifier);
    expect(tokens.status).toBe(200);
    expect(tokens.headers.get('cache-control')).toBe('no-store');
    expect(tokens.body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 3600,
      scope: 'openid email profile',
    });
    const idToken = String(tokens.body.id_token);
    // Checked as a relying party would, against the discovery's JWKS.
    const { payload } = await jwtVerify(idToken, createRemoteJWKSet(new URL(doc.jwks_uri)), {
      issuer: doc.issuer,
      audience: CLIENT_ID,
    });
    expect(payload).toMatchObject({
      email: 'ines.garcia@students.example',
      sub: 'ines.garcia@students.example',
      nonce: params.get('nonce'),
      token_use: 'id',
    });
    expect(payload).not.toHaveProperty('cognito:groups');

    const listed = await courses(idToken);
    expect(listed.status).toBe(200);
    const body = (await listed.json()) as { courses: { courseId: string }[] };
    expect(JSON.stringify(body)).toContain('genmod-live');

    const refreshed = await refresh(String(tokens.body.refresh_token));
    expect(refreshed.status).toBe(200);
    // The refresh token is kept (no rotation): the response carries none.
    expect(refreshed.body).not.toHaveProperty('refresh_token');
    expect(refreshed.body.id_token).not.toBe(idToken);
    expect(decodeJwt(String(refreshed.body.id_token))).toMatchObject({
      sub: 'ines.garcia@students.example',
      auth_time: payload.auth_time,
    });
    expect((await courses(String(refreshed.body.id_token))).status).toBe(200);
    // ...and the same refresh token still works.
    expect((await refresh(String(tokens.body.refresh_token))).status).toBe(200);

    const info = await fetch(doc.userinfo_endpoint, {
      headers: { authorization: `Bearer ${String(tokens.body.access_token)}` },
    });
    expect(await info.json()).toMatchObject({
      sub: 'ines.garcia@students.example',
      email: 'ines.garcia@students.example',
    });
    const withIdToken = await fetch(doc.userinfo_endpoint, {
      headers: { authorization: `Bearer ${idToken}` },
    });
    expect(withIdToken.status).toBe(401);
  });

  it('an admin (demo admin, or any email with the box ticked) gets cognito:groups ["admins"]', async () => {
    for (const [email, extra] of [
      ['admin@examdesk.example', {}],
      [unique('typed-admin'), { admin: 'yes' }],
    ] as const) {
      const { code, verifier } = await signIn(email, extra);
      const tokens = await exchange(code, verifier);
      expect(decodeJwt(String(tokens.body.id_token))).toMatchObject({ email, 'cognito:groups': ['admins'] });
      expect((await courses(String(tokens.body.id_token))).status).toBe(200);
    }
  });

  it('answers CORS preflights and reads of the token endpoint from any origin, as Cognito does', async () => {
    const preflight = await fetch(`${authority}/token`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/content-type/);
    const { headers } = await token({
      grant_type: 'refresh_token',
      client_id: CLIENT_ID,
      refresh_token: 'x',
    });
    expect(headers.get('access-control-allow-origin')).toBe('*');
  });

  it('keeps /_local/token working, with the same issuer', async () => {
    const res = await fetch(`${apiUrl}/_local/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ines.garcia@students.example' }),
    });
    const { token: minted } = (await res.json()) as { token: string };
    expect(decodeJwt(minted)).toMatchObject({ iss: authority, aud: CLIENT_ID });
    expect((await courses(minted)).status).toBe(200);
  });
});

describe('local OIDC: refusals', () => {
  it('refuses a wrong code_verifier, and the code is used up by that attempt', async () => {
    const { code, verifier } = await signIn(unique('verifier'));
    const wrong = await exchange(code, pkce().verifier);
    expect(wrong).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant', error_description: expect.stringMatching(/code_verifier/) },
    });
    expect((await exchange(code, verifier)).body).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a reused code and revokes the refresh token its first use gave', async () => {
    const { code, verifier } = await signIn(unique('reuse'));
    const first = await exchange(code, verifier);
    expect(first.status).toBe(200);
    expect(await exchange(code, verifier)).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant', error_description: expect.stringMatching(/already used/) },
    });
    expect(await refresh(String(first.body.refresh_token))).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });
  });

  it('refuses an expired code', async () => {
    const email = unique('expired');
    await fetch(`${authority}/settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, codeSeconds: 1 }),
    });
    const { code, verifier } = await signIn(email);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await exchange(code, verifier)).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant', error_description: expect.stringMatching(/expired/) },
    });
  });

  it('refuses a redirect_uri at the token endpoint other than the authorize request’s', async () => {
    const { code, verifier } = await signIn(unique('redirect'));
    expect(await exchange(code, verifier, { redirect_uri: `${apiUrl}/elsewhere` })).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant', error_description: expect.stringMatching(/redirect_uri/) },
    });
  });

  it('never redirects to a foreign redirect_uri: a page says why (GET and POST)', async () => {
    const { challenge } = pkce();
    for (const uri of ['https://evil.example/callback', 'http://127.0.0.1:1/', `${apiUrl}/#frag`]) {
      const params = authorizeParams(challenge, { redirect_uri: uri });
      const page = await fetch(`${authority}/authorize?${params}`, { redirect: 'manual' });
      expect(page.status).toBe(400);
      expect(page.headers.get('location')).toBeNull();
      expect(await page.text()).toMatch(/redirect_uri/);
      const post = await chooseAt(params, 'ines.garcia@students.example');
      expect(post.status).toBe(400);
      expect(post.headers.get('location')).toBeNull();
    }
    const unknownClient = await fetch(
      `${authority}/authorize?${authorizeParams(challenge, { client_id: 'evil' })}`,
      {
        redirect: 'manual',
      },
    );
    expect(unknownClient.status).toBe(400);
    expect(unknownClient.headers.get('location')).toBeNull();
  });

  it('answers a request without code_challenge (or with plain) with invalid_request at the app', async () => {
    for (const overrides of [{ code_challenge: undefined }, { code_challenge_method: 'plain' }]) {
      const params = authorizeParams(pkce().challenge, overrides);
      const res = await fetch(`${authority}/authorize?${params}`, { redirect: 'manual' });
      expect(res.status).toBe(302);
      const location = new URL(res.headers.get('location') ?? '');
      expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
      expect(Object.fromEntries(location.searchParams)).toMatchObject({
        error: 'invalid_request',
        state: params.get('state'),
      });
      expect(location.searchParams.has('code')).toBe(false);
    }
  });

  it('shows a bad email again with the message next to the field, and issues no code', async () => {
    const params = authorizeParams(pkce().challenge);
    const res = await chooseAt(params, 'not-an-email');
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    const html = await res.text();
    expect(html).toMatch(
      /<input id="email"[^>]*value="not-an-email"[^>]*aria-invalid="true" aria-describedby="email-error"/,
    );
    expect(html).toMatch(/<p id="email-error" class="error">[^<]+<\/p>/);
    expect(html).toMatch(/<title>Error: /);
  });

  it('refuses an address on no course roster, as the pre-sign-up trigger does, unless made by an admin', async () => {
    const stranger = `stranger-${randomBytes(4).toString('hex')}@elsewhere.example`;
    const res = await chooseAt(authorizeParams(pkce().challenge), stranger);
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).toContain(
      `${stranger} is not on any examdesk course roster; ask your instructor to add you`,
    );
    const asAdmin = await chooseAt(authorizeParams(pkce().challenge), stranger, { admin: 'yes' });
    expect(asAdmin.status).toBe(302);
  });
});

describe('local OIDC: token lifetime and sign-out', () => {
  it('a shortened ID token expires (the API refuses it) and the refresh grant gives a working one', async () => {
    const email = unique('short');
    const set = await fetch(`${authority}/settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, idTokenSeconds: 2 }),
    });
    expect(await set.json()).toMatchObject({ idTokenSeconds: 2, codeSeconds: 60 });
    const { code, verifier } = await signIn(email);
    const tokens = await exchange(code, verifier);
    expect(tokens.body.expires_in).toBe(2);
    expect((await courses(String(tokens.body.id_token))).status).toBe(200);
    await new Promise((r) => setTimeout(r, 2100));
    expect((await courses(String(tokens.body.id_token))).status).toBe(401);
    const refreshed = await refresh(String(tokens.body.refresh_token));
    expect((await courses(String(refreshed.body.id_token))).status).toBe(200);
    // Others keep the default lifetime.
    const other = await fetch(`${authority}/settings?email=${encodeURIComponent(unique('other'))}`);
    expect(await other.json()).toMatchObject({ idTokenSeconds: 3600 });
  });

  it('signs out back to the app (OIDC and Cognito forms), never to another origin', async () => {
    const oidc = await fetch(
      `${authority}/logout?${new URLSearchParams({ post_logout_redirect_uri: REDIRECT, state: 's-9', client_id: CLIENT_ID })}`,
      { redirect: 'manual' },
    );
    expect(oidc.status).toBe(302);
    expect(oidc.headers.get('location')).toBe(`${REDIRECT}?state=s-9`);
    const cognito = await fetch(
      `${authority}/logout?${new URLSearchParams({ client_id: CLIENT_ID, logout_uri: REDIRECT })}`,
      {
        redirect: 'manual',
      },
    );
    expect(cognito.status).toBe(302);
    expect(cognito.headers.get('location')).toBe(REDIRECT);
    const foreign = await fetch(
      `${authority}/logout?${new URLSearchParams({ post_logout_redirect_uri: 'https://evil.example/' })}`,
      { redirect: 'manual' },
    );
    expect(foreign.status).toBe(400);
    expect(foreign.headers.get('location')).toBeNull();
    const plain = await fetch(`${authority}/logout`);
    expect(plain.status).toBe(200);
    expect(await plain.text()).toMatch(/signed out/i);
  });
});
