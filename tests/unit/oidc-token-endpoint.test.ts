import { decodeJwt } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { CodeStore, type CodeGrant } from '../../local/oidc/codes.js';
import { s256 } from '../../local/oidc/pkce.js';
import { RefreshTokens } from '../../local/oidc/refresh-tokens.js';
import { OidcSettings } from '../../local/oidc/settings.js';
import {
  revocationEndpoint,
  tokenEndpoint,
  type TokenEndpointDeps,
} from '../../local/oidc/token-endpoint.js';
import { LOCAL_AUDIENCE, TokenIssuer } from '../../local/token-issuer.js';

const AUTHORITY = 'http://127.0.0.1:3000/_local/oidc';
const REDIRECT = 'http://127.0.0.1:3000/';
const VERIFIER = 'v'.repeat(20) + 'e'.repeat(23);
const FORM = 'application/x-www-form-urlencoded';

let d: TokenEndpointDeps;
beforeAll(async () => {
  const issuer = await TokenIssuer.create(AUTHORITY);
  const codes = new CodeStore();
  d = {
    clientId: LOCAL_AUDIENCE,
    issuer,
    codes,
    refresh: new RefreshTokens(issuer, `${AUTHORITY}/token`),
    settings: new OidcSettings(),
  };
});

const grant = (overrides: Partial<CodeGrant> = {}): CodeGrant => ({
  clientId: LOCAL_AUDIENCE,
  redirectUri: REDIRECT,
  codeChallenge: s256(VERIFIER),
  scope: 'openid email profile',
  nonce: 'nonce-1',
  email: 'lead.instructor@genmod.example',
  groups: [],
  authTime: 1_700_000_000,
  family: `family-${Math.random()}`,
  ...overrides,
});
const post = (fields: Record<string, string>, contentType = FORM) =>
  tokenEndpoint(d, contentType, Buffer.from(new URLSearchParams(fields).toString()));
const exchange = (code: string, overrides: Record<string, string> = {}) =>
  post({
    grant_type: 'authorization_code',
    client_id: LOCAL_AUDIENCE,
    code,
    redirect_uri: REDIRECT,
    code_verifier: VERIFIER,
    ...overrides,
  });
const body = (reply: { body?: unknown }) => reply.body as Record<string, string | number>;

describe('the token endpoint without services', () => {
  it('exchanges a code for ID, access and refresh tokens the API accepts', async () => {
    const reply = await exchange(d.codes.issue(grant({ groups: ['admins'] }), 60));
    expect(reply.status).toBe(200);
    expect(reply.headers).toMatchObject({ 'cache-control': 'no-store', 'access-control-allow-origin': '*' });
    const tokens = body(reply);
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'openid email profile' });
    const id = await d.issuer.verify(String(tokens.id_token));
    expect(id).toMatchObject({
      iss: AUTHORITY,
      aud: LOCAL_AUDIENCE,
      sub: 'lead.instructor@genmod.example',
      email: 'lead.instructor@genmod.example',
      nonce: 'nonce-1',
      auth_time: 1_700_000_000,
      token_use: 'id',
      'cognito:groups': ['admins'],
    });
    expect(decodeJwt(String(tokens.access_token))).toMatchObject({
      token_use: 'access',
      client_id: LOCAL_AUDIENCE,
    });
    // The refresh token is for the token endpoint only: the API's authorizer refuses it.
    await expect(d.issuer.verify(String(tokens.refresh_token))).rejects.toThrow(/aud/);
  });

  it('refreshes: new ID and access tokens, same person and sign-in time, no nonce, refresh token kept', async () => {
    const first = body(await exchange(d.codes.issue(grant(), 60)));
    const reply = await post({
      grant_type: 'refresh_token',
      client_id: LOCAL_AUDIENCE,
      refresh_token: String(first.refresh_token),
    });
    expect(reply.status).toBe(200);
    const refreshed = body(reply);
    expect(refreshed).not.toHaveProperty('refresh_token');
    expect(refreshed.id_token).not.toBe(first.id_token);
    const claims = await d.issuer.verify(String(refreshed.id_token));
    expect(claims).toMatchObject({ sub: 'lead.instructor@genmod.example', auth_time: 1_700_000_000 });
    expect(claims).not.toHaveProperty('nonce');
    // A narrower scope may be asked for, a wider one not.
    const narrower = await post({
      grant_type: 'refresh_token',
      client_id: LOCAL_AUDIENCE,
      refresh_token: String(first.refresh_token),
      scope: 'openid',
    });
    expect(body(narrower).scope).toBe('openid');
    const wider = await post({
      grant_type: 'refresh_token',
      client_id: LOCAL_AUDIENCE,
      refresh_token: String(first.refresh_token),
      scope: 'openid phone',
    });
    expect(wider).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
  });

  it('gives the lifetimes the settings give that person', async () => {
    d.settings.set({ email: 'short@students.example', idTokenSeconds: 5 });
    const tokens = body(await exchange(d.codes.issue(grant({ email: 'short@students.example' }), 60)));
    expect(tokens.expires_in).toBe(5);
    const claims = decodeJwt(String(tokens.id_token));
    expect(Number(claims.exp) - Number(claims.iat)).toBe(5);
    expect(d.settings.for('other@students.example').idTokenSeconds).toBe(3600);
  });

  it('answers errors in RFC 6749 form', async () => {
    const code = d.codes.issue(grant(), 60);
    expect(await exchange(code, { client_id: 'other' })).toMatchObject({
      status: 401,
      body: { error: 'invalid_client' },
    });
    expect(await post({ grant_type: 'password', client_id: LOCAL_AUDIENCE })).toMatchObject({
      status: 400,
      body: { error: 'unsupported_grant_type' },
    });
    expect(await post({ grant_type: 'authorization_code', client_id: LOCAL_AUDIENCE })).toMatchObject({
      status: 400,
      body: { error: 'invalid_request', error_description: expect.stringMatching(/code_verifier/) },
    });
    expect(await post({ grant_type: 'refresh_token' }, 'application/json')).toMatchObject({
      status: 400,
      body: { error: 'invalid_request' },
    });
    const twice = await tokenEndpoint(
      d,
      FORM,
      Buffer.from('grant_type=refresh_token&grant_type=refresh_token'),
    );
    expect(twice).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    expect(
      await post({ grant_type: 'refresh_token', client_id: LOCAL_AUDIENCE, refresh_token: 'not-a-token' }),
    ).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('refuses a replayed code and revokes the refresh token the code gave', async () => {
    const code = d.codes.issue(grant(), 60);
    const first = body(await exchange(code));
    expect(await exchange(code)).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant', error_description: expect.stringMatching(/already used/) },
    });
    expect(
      await post({
        grant_type: 'refresh_token',
        client_id: LOCAL_AUDIENCE,
        refresh_token: String(first.refresh_token),
      }),
    ).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant', error_description: expect.stringMatching(/revoked/) },
    });
  });

  it('revokes a refresh token at /revoke (RFC 7009), answering 200 whatever the token', async () => {
    const { refresh_token: token } = body(await exchange(d.codes.issue(grant(), 60)));
    const revoke = (fields: Record<string, string>) =>
      revocationEndpoint(d, FORM, Buffer.from(new URLSearchParams(fields).toString()));
    expect(await revoke({ token: 'whatever', client_id: LOCAL_AUDIENCE })).toMatchObject({ status: 200 });
    expect(await revoke({ token: String(token), client_id: 'other' })).toMatchObject({ status: 401 });
    expect(await revoke({ token: String(token), client_id: LOCAL_AUDIENCE })).toMatchObject({ status: 200 });
    expect(
      await post({ grant_type: 'refresh_token', client_id: LOCAL_AUDIENCE, refresh_token: String(token) }),
    ).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });
});
