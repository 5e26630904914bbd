import type { IncomingMessage } from 'node:http';
import { bearer, type LocalReply, type LocalRouteEntry } from '../gateway.js';
import { parseJson } from '../local-routes.js';
import { LOCAL_AUDIENCE, type TokenIssuer } from '../token-issuer.js';
import { authorizeGet, authorizePost, type SignUpCheck } from './authorize-endpoint.js';
import { CodeStore } from './codes.js';
import { demoPeople, type DemoPeople } from './demo-people.js';
import { discoveryDocument, OIDC_PATH, oidcAuthority, oidcEndpoints } from './discovery.js';
import { logoutEndpoint } from './logout-endpoint.js';
import { CORS_HEADERS, preflight } from './oauth-replies.js';
import { RefreshTokens } from './refresh-tokens.js';
import { OidcSettings, SettingsBody } from './settings.js';
import { revocationEndpoint, tokenEndpoint } from './token-endpoint.js';

export interface LocalOidcOptions {
  /** The stack's origin (http://127.0.0.1:PORT): the app is served there, its redirect URIs must be. */
  origin: string;
  /** Signs the tokens; its issuer is the authority, `${origin}/_local/oidc`. */
  issuer: TokenIssuer;
  /** Asked before a person signs in (Cognito's pre-sign-up function, when the lead wires it). */
  signUpCheck?: SignUpCheck;
  /** Who the sign-in page lists; the seeded courses' people by default. */
  people?: DemoPeople;
  /** Real time in milliseconds by default (codes expire on it, as tokens do: not on the local clock). */
  now?: () => number;
}

export interface LocalOidc {
  authority: string;
  settings: OidcSettings;
  routes: LocalRouteEntry[];
}

const allowEveryone: SignUpCheck = async () => ({ ok: true });

const path = (suffix: string) =>
  new RegExp(`^${`${OIDC_PATH}${suffix}`.replace(/[.*+?^$()|[\]\\]/g, '\\$&')}$`);

/** GET /userinfo with a Cognito-shaped access token (the ID token is refused, as Cognito does). */
const userinfo = async (issuer: TokenIssuer, req: IncomingMessage): Promise<LocalReply> => {
  const refuse = (description: string): LocalReply => ({
    status: 401,
    body: { error: 'invalid_token', error_description: description },
    headers: { ...CORS_HEADERS, 'www-authenticate': `Bearer error="invalid_token"` },
  });
  const token = bearer(req);
  if (!token) return refuse('an access token is required');
  let claims;
  try {
    claims = await issuer.verify(token);
  } catch (error) {
    return refuse((error as Error).message);
  }
  if (claims.token_use !== 'access' || typeof claims.sub !== 'string')
    return refuse('an access token is required');
  const groups = claims['cognito:groups'];
  return {
    status: 200,
    body: {
      sub: claims.sub,
      email: claims.sub,
      email_verified: true,
      username: claims.sub,
      ...(Array.isArray(groups) ? { 'cognito:groups': groups } : {}),
    },
    headers: { ...CORS_HEADERS, 'cache-control': 'no-store' },
  };
};

/**
 * The local OpenID provider, on the gateway under /_local/oidc: authorization code with PKCE (S256
 * only), refresh tokens, RP-initiated logout, for the one client the app is. The sign-in page lists
 * the demo people; the ID tokens are the ones the gateway's authorizer checks, as Cognito's are on
 * AWS. Never deployed.
 */
export const localOidc = (options: LocalOidcOptions): LocalOidc => {
  const authority = oidcAuthority(options.origin);
  if (options.issuer.issuer !== authority)
    throw new Error(`the token issuer must be the authority ${authority}, not ${options.issuer.issuer}`);
  const endpoints = oidcEndpoints(authority);
  const now = options.now ?? Date.now;
  const settings = new OidcSettings();
  const client = { clientId: LOCAL_AUDIENCE, origin: options.origin };
  const codes = new CodeStore(now);
  const tokens = {
    clientId: LOCAL_AUDIENCE,
    issuer: options.issuer,
    codes,
    refresh: new RefreshTokens(options.issuer, endpoints.token),
    settings,
  };
  const authorize = {
    client,
    people: options.people ?? demoPeople(),
    codes,
    settings,
    signUpCheck: options.signUpCheck ?? allowEveryone,
    now,
  };
  const contentType = (req: IncomingMessage) => req.headers['content-type'];
  const json = (body: unknown): LocalReply => ({ status: 200, body, headers: CORS_HEADERS });
  const routes: LocalRouteEntry[] = [
    {
      method: 'GET',
      pattern: path('/.well-known/openid-configuration'),
      run: async () => json(discoveryDocument(authority)),
    },
    { method: 'GET', pattern: path('/jwks'), run: async () => json(options.issuer.jwks) },
    {
      method: 'GET',
      pattern: path('/authorize'),
      run: async (_req, _body, url) => authorizeGet(authorize, url),
    },
    {
      method: 'POST',
      pattern: path('/authorize'),
      run: (req, body) => authorizePost(authorize, contentType(req), body),
    },
    {
      method: 'POST',
      pattern: path('/token'),
      run: (req, body) => tokenEndpoint(tokens, contentType(req), body),
    },
    {
      method: 'POST',
      pattern: path('/revoke'),
      run: (req, body) => revocationEndpoint(tokens, contentType(req), body),
    },
    { method: 'GET', pattern: path('/userinfo'), run: (req) => userinfo(options.issuer, req) },
    ...['/token', '/revoke', '/userinfo'].map((suffix) => ({
      method: 'OPTIONS',
      pattern: path(suffix),
      run: async () => preflight(),
    })),
    { method: 'GET', pattern: path('/logout'), run: async (_req, _body, url) => logoutEndpoint(client, url) },
    {
      method: 'GET',
      pattern: path('/settings'),
      run: async (_req, _body, url) => ({
        status: 200,
        body: settings.for(url.searchParams.get('email') ?? ''),
      }),
    },
    {
      method: 'PUT',
      pattern: path('/settings'),
      run: async (_req, body) => {
        const parsed = parseJson(SettingsBody, body);
        return parsed.ok ? { status: 200, body: settings.set(parsed.data) } : parsed.reply;
      },
    },
    {
      method: 'DELETE',
      pattern: path('/settings'),
      run: async (_req, _body, url) => ({
        status: 200,
        body: settings.reset(url.searchParams.get('email') ?? undefined),
      }),
    },
  ];
  return { authority, settings, routes };
};
