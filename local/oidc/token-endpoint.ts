import * as z from 'zod';
import type { LocalReply } from '../gateway.js';
import type { TokenIssuer } from '../token-issuer.js';
import type { CodeStore } from './codes.js';
import { oauthError, readForm, tokenReply } from './oauth-replies.js';
import { verifiesChallenge } from './pkce.js';
import type { RefreshGrant, RefreshTokens } from './refresh-tokens.js';
import type { OidcSettings } from './settings.js';

export interface TokenEndpointDeps {
  clientId: string;
  issuer: TokenIssuer;
  codes: CodeStore;
  refresh: RefreshTokens;
  settings: OidcSettings;
}

const text = (max: number) => z.string().min(1).max(max);
const TokenForm = z.discriminatedUnion('grant_type', [
  z.object({
    grant_type: z.literal('authorization_code'),
    client_id: text(200),
    code: text(200),
    redirect_uri: text(2048),
    code_verifier: text(200),
  }),
  z.object({
    grant_type: z.literal('refresh_token'),
    client_id: text(200),
    refresh_token: text(8192),
    scope: text(500).optional(),
  }),
]);

const GRANT_TYPES = ['authorization_code', 'refresh_token'];

/** ID and access tokens for a person, with the lifetimes the settings give them. */
const mintTokens = async (d: TokenEndpointDeps, grant: Omit<RefreshGrant, 'family'> & { nonce?: string }) => {
  const { idTokenSeconds } = d.settings.for(grant.email);
  const groups = grant.groups.length ? { groups: grant.groups } : {};
  return {
    id_token: await d.issuer.mint({
      email: grant.email,
      ...groups,
      expiresIn: idTokenSeconds,
      authTime: grant.authTime,
      ...(grant.nonce !== undefined ? { nonce: grant.nonce } : {}),
    }),
    access_token: await d.issuer.mintAccess({
      email: grant.email,
      ...groups,
      scope: grant.scope,
      expiresIn: idTokenSeconds,
      authTime: grant.authTime,
    }),
    token_type: 'Bearer',
    expires_in: idTokenSeconds,
    scope: grant.scope,
  };
};

/**
 * POST /token (RFC 6749 §4.1.3 with RFC 7636 §4.5, and §6): a public client, identified by its
 * client_id alone. The code grant answers ID, access and refresh tokens; the refresh grant answers
 * new ID and access tokens and no refresh token, so the client keeps the one it has (Cognito's
 * default, without refresh token rotation).
 */
export const tokenEndpoint = async (
  d: TokenEndpointDeps,
  contentType: string | undefined,
  body: Buffer,
): Promise<LocalReply> => {
  const read = readForm(contentType, body);
  if (!read.ok) return read.reply;
  const grantType = read.form.grant_type;
  if (grantType !== undefined && !GRANT_TYPES.includes(grantType))
    return oauthError(400, 'unsupported_grant_type', `grant_type "${grantType}" is not supported`);
  const parsed = TokenForm.safeParse(read.form);
  if (!parsed.success)
    return oauthError(
      400,
      'invalid_request',
      `missing or invalid: ${[...new Set(parsed.error.issues.map((i) => i.path.join('.') || 'grant_type'))].join(', ')}`,
    );
  const form = parsed.data;
  if (form.client_id !== d.clientId) return oauthError(401, 'invalid_client', 'unknown client_id');

  if (form.grant_type === 'authorization_code') {
    const taken = d.codes.take(form.code);
    if (!taken.ok) {
      if (taken.reason === 'used') {
        // A replayed code may be a stolen one: what it gave is revoked too (RFC 6749 §4.1.2).
        d.refresh.revoke(taken.family);
        return oauthError(400, 'invalid_grant', 'the code was already used; its refresh token is revoked');
      }
      return oauthError(
        400,
        'invalid_grant',
        taken.reason === 'expired' ? 'the code has expired' : 'unknown code',
      );
    }
    const { grant } = taken;
    if (grant.clientId !== form.client_id)
      return oauthError(400, 'invalid_grant', 'the code was issued to another client');
    if (grant.redirectUri !== form.redirect_uri)
      return oauthError(400, 'invalid_grant', 'redirect_uri does not match the authorization request');
    if (!verifiesChallenge(form.code_verifier, grant.codeChallenge))
      return oauthError(400, 'invalid_grant', 'code_verifier does not match the code_challenge');
    const refreshGrant: RefreshGrant = {
      email: grant.email,
      groups: grant.groups,
      scope: grant.scope,
      authTime: grant.authTime,
      family: grant.family,
    };
    return tokenReply({
      ...(await mintTokens(d, {
        ...refreshGrant,
        ...(grant.nonce !== undefined ? { nonce: grant.nonce } : {}),
      })),
      refresh_token: await d.refresh.issue(refreshGrant, d.settings.for(grant.email).refreshTokenSeconds),
    });
  }

  const refreshed = await d.refresh.read(form.refresh_token);
  if (!refreshed.ok) return oauthError(400, 'invalid_grant', refreshed.reason);
  const { grant } = refreshed;
  // A refresh may narrow the scope, never widen it (RFC 6749 §6).
  const granted = grant.scope.split(' ');
  const asked = form.scope?.split(' ').filter(Boolean) ?? granted;
  const wider = asked.filter((s) => !granted.includes(s));
  if (wider.length) return oauthError(400, 'invalid_scope', `not granted before: ${wider.join(' ')}`);
  return tokenReply(await mintTokens(d, { ...grant, scope: [...new Set(asked)].join(' ') }));
};

/** POST /revoke (RFC 7009): a refresh token's family is refused from then on; 200 whatever it was. */
export const revocationEndpoint = async (
  d: TokenEndpointDeps,
  contentType: string | undefined,
  body: Buffer,
): Promise<LocalReply> => {
  const read = readForm(contentType, body);
  if (!read.ok) return read.reply;
  const { token, client_id: clientId } = read.form;
  if (clientId !== d.clientId) return oauthError(401, 'invalid_client', 'unknown client_id');
  if (!token) return oauthError(400, 'invalid_request', 'token is missing');
  const found = await d.refresh.read(token);
  if (found.ok) d.refresh.revoke(found.grant.family);
  // Access and ID tokens are JWTs the API checks by signature alone: they live until they expire.
  return tokenReply({});
};
