import { describe, expect, it } from 'vitest';
import { checkAuthorize } from '../../local/oidc/authorize-request.js';

const client = { clientId: 'examdesk-local-client', origin: 'http://127.0.0.1:3000' };
const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
const good = {
  client_id: client.clientId,
  redirect_uri: 'http://127.0.0.1:3000/',
  response_type: 'code',
  scope: 'openid email profile',
  state: 's-1',
  nonce: 'n-1',
  code_challenge: CHALLENGE,
  code_challenge_method: 'S256',
};
const check = (overrides: Record<string, string | undefined>, extra: [string, string][] = []) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...good, ...overrides })) if (v !== undefined) params.set(k, v);
  for (const [k, v] of extra) params.append(k, v);
  return checkAuthorize(params, client);
};
/** The error response's parameters, from the redirect. */
const redirected = (result: ReturnType<typeof check>) => {
  if (result.ok || !('redirect' in result)) throw new Error(`expected a redirect: ${JSON.stringify(result)}`);
  const url = new URL(result.redirect);
  return { at: `${url.origin}${url.pathname}`, ...Object.fromEntries(url.searchParams) };
};

describe('the authorization request (RFC 6749 §4.1.1, PKCE, OIDC)', () => {
  it('accepts the app’s request and keeps state and nonce', () => {
    expect(check({})).toEqual({
      ok: true,
      request: {
        clientId: client.clientId,
        redirectUri: 'http://127.0.0.1:3000/',
        scope: 'openid email profile',
        codeChallenge: CHALLENGE,
        state: 's-1',
        nonce: 'n-1',
      },
    });
  });

  it('never redirects for an unknown client or a redirect URI off the app’s origin', () => {
    const refused = [
      check({ client_id: 'other' }),
      check({ client_id: undefined }),
      check({ redirect_uri: undefined }),
      check({ redirect_uri: 'https://evil.example/' }),
      check({ redirect_uri: 'http://127.0.0.1:3001/' }),
      check({ redirect_uri: 'http://localhost:3000/' }),
      check({ redirect_uri: 'http://127.0.0.1:3000@evil.example/' }),
      check({ redirect_uri: 'http://127.0.0.1:3000/#fragment' }),
      check({ redirect_uri: '/relative' }),
      check({}, [['redirect_uri', 'https://evil.example/']]),
    ];
    for (const r of refused) expect(r).toMatchObject({ ok: false, page: expect.any(String) });
    expect(check({ redirect_uri: 'https://evil.example/' })).toMatchObject({
      page: expect.stringContaining('http://127.0.0.1:3000'),
    });
  });

  it('answers other errors at the redirect URI with the client’s state', () => {
    expect(redirected(check({ code_challenge: undefined }))).toMatchObject({
      at: 'http://127.0.0.1:3000/',
      error: 'invalid_request',
      error_description: expect.stringMatching(/code_challenge is required/),
      state: 's-1',
    });
    expect(redirected(check({ code_challenge_method: 'plain' }))).toMatchObject({
      error: 'invalid_request',
      error_description: expect.stringMatching(/S256/),
    });
    expect(redirected(check({ code_challenge_method: undefined }))).toMatchObject({
      error: 'invalid_request',
    });
    expect(redirected(check({ code_challenge: 'short' }))).toMatchObject({ error: 'invalid_request' });
    expect(redirected(check({ response_type: 'token' }))).toMatchObject({
      error: 'unsupported_response_type',
    });
    expect(redirected(check({ scope: 'email' }))).toMatchObject({ error: 'invalid_scope' });
    expect(redirected(check({ scope: 'openid admin' }))).toMatchObject({ error: 'invalid_scope' });
    expect(redirected(check({ prompt: 'none' }))).toMatchObject({ error: 'login_required', state: 's-1' });
    expect(redirected(check({}, [['nonce', 'again']]))).toMatchObject({
      error: 'invalid_request',
      error_description: expect.stringMatching(/nonce/),
    });
    expect(redirected(check({ state: 'x'.repeat(3000) }))).not.toHaveProperty('state');
  });

  it('keeps the redirect URI’s own query when answering', () => {
    expect(
      redirected(check({ redirect_uri: 'http://127.0.0.1:3000/cb?from=app', scope: 'email' })),
    ).toMatchObject({
      at: 'http://127.0.0.1:3000/cb',
      from: 'app',
      error: 'invalid_scope',
    });
  });
});
