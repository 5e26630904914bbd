import * as z from 'zod';
import { OIDC_SCOPES } from './discovery.js';
import { S256_CHALLENGE } from './pkce.js';

/** The one client the local provider knows: the web app, served by the same gateway. */
export interface ClientRegistration {
  clientId: string;
  /** Redirect URIs must be on this origin (the stack's own, where the app is served). */
  origin: string;
}

/** A checked authorization request (RFC 6749 §4.1.1 with PKCE and OpenID Connect's nonce). */
export interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  scope: string;
  codeChallenge: string;
  state?: string;
  nonce?: string;
}

export type AuthorizeCheck =
  | { ok: true; request: AuthorizeRequest }
  /** The client or its redirect URI cannot be trusted: say so on a page, never redirect (§4.1.2.1). */
  | { ok: false; page: string }
  /** Anything else wrong: the error response, at the checked redirect URI. */
  | { ok: false; redirect: string };

/** The parameters the provider reads, each at most once and of a sane length. */
const Params = z.strictObject({
  client_id: z.string().max(200).optional(),
  redirect_uri: z.string().max(2048).optional(),
  response_type: z.string().max(100).optional(),
  response_mode: z.string().max(100).optional(),
  scope: z.string().max(500).optional(),
  state: z.string().max(2048).optional(),
  nonce: z.string().max(1024).optional(),
  code_challenge: z.string().max(200).optional(),
  code_challenge_method: z.string().max(20).optional(),
  prompt: z.string().max(100).optional(),
});
type ParamName = keyof z.infer<typeof Params>;
const NAMES = Object.keys(Params.shape) as ParamName[];

/** The redirect URI with an authorization response's parameters added (RFC 6749 §4.1.2). */
export const withResponse = (redirectUri: string, values: Record<string, string | undefined>): string => {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(values))
    if (value !== undefined) url.searchParams.set(name, value);
  return url.toString();
};

/** Why a redirect URI is refused, or undefined when it is on the app's origin. */
export const redirectUriProblem = (
  uri: string | undefined,
  origin: string,
  name = 'redirect_uri',
): string | undefined => {
  if (!uri) return `${name} is missing.`;
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return `${name} is not an absolute URL.`;
  }
  if (url.hash) return `${name} must not have a fragment.`;
  if (url.username || url.password) return `${name} must not carry credentials.`;
  if (url.origin !== origin) return `${name} must be on the app's origin, ${origin}.`;
  return undefined;
};

/**
 * Checks an authorization request in the order RFC 6749 §4.1.2.1 sets: the client and its
 * redirect URI first (a failure is shown, not redirected: an unchecked URI would make this an open
 * redirector), then the rest, answered at the redirect URI with `error` and the client's `state`.
 */
export const checkAuthorize = (params: URLSearchParams, client: ClientRegistration): AuthorizeCheck => {
  // Each parameter on its own: one too long (or repeated) must not hide the others.
  const p: Partial<Record<ParamName, string>> = {};
  const wrongOnes = new Set<ParamName>();
  for (const name of NAMES) {
    const values = params.getAll(name);
    const parsed = Params.shape[name].safeParse(values[0]);
    if (values.length > 1 || !parsed.success) wrongOnes.add(name);
    else if (parsed.data !== undefined) p[name] = parsed.data;
  }
  const bad = (name: ParamName) => wrongOnes.has(name);

  if (bad('client_id') || p.client_id !== client.clientId)
    return { ok: false, page: `Unknown client_id "${params.get('client_id') ?? ''}".` };
  const uriProblem = bad('redirect_uri')
    ? 'redirect_uri is given more than once or is too long.'
    : redirectUriProblem(p.redirect_uri, client.origin);
  if (uriProblem || !p.redirect_uri) return { ok: false, page: uriProblem ?? 'redirect_uri is missing.' };
  const redirectUri = p.redirect_uri;
  const state = bad('state') ? undefined : p.state;
  const fail = (error: string, description: string): AuthorizeCheck => ({
    ok: false,
    redirect: withResponse(redirectUri, { error, error_description: description, state }),
  });

  const wrong = NAMES.find(bad);
  if (wrong) return fail('invalid_request', `${wrong} is given more than once or is too long`);
  if (p.response_type !== 'code')
    return fail('unsupported_response_type', 'response_type must be "code" (authorization code flow)');
  if (p.response_mode !== undefined && p.response_mode !== 'query')
    return fail('invalid_request', 'response_mode must be "query"');
  const scopes = (p.scope ?? '').split(' ').filter(Boolean);
  if (!scopes.includes('openid')) return fail('invalid_scope', 'scope must include "openid"');
  const unknown = scopes.filter((s) => !(OIDC_SCOPES as readonly string[]).includes(s));
  if (unknown.length) return fail('invalid_scope', `unsupported scope: ${unknown.join(' ')}`);
  if (!p.code_challenge) return fail('invalid_request', 'code_challenge is required (PKCE, RFC 7636)');
  if (p.code_challenge_method !== 'S256')
    return fail('invalid_request', 'code_challenge_method must be S256 ("plain" is not accepted)');
  if (!S256_CHALLENGE.test(p.code_challenge))
    return fail('invalid_request', 'code_challenge is not a base64url SHA-256 digest (43 characters)');
  // There is no session to reuse here: a silent (iframe) sign-in gets the answer OIDC prescribes.
  if (p.prompt?.split(' ').includes('none'))
    return fail('login_required', 'the local provider keeps no session; sign in interactively');

  return {
    ok: true,
    request: {
      clientId: client.clientId,
      redirectUri,
      scope: [...new Set(scopes)].join(' '),
      codeChallenge: p.code_challenge,
      ...(state !== undefined ? { state } : {}),
      ...(p.nonce !== undefined ? { nonce: p.nonce } : {}),
    },
  };
};

/** The request's parameters as the sign-in page's forms send them back (checked again on POST). */
export const requestParams = (request: AuthorizeRequest): [string, string][] =>
  [
    ['client_id', request.clientId],
    ['redirect_uri', request.redirectUri],
    ['response_type', 'code'],
    ['scope', request.scope],
    ['code_challenge', request.codeChallenge],
    ['code_challenge_method', 'S256'],
    ['state', request.state],
    ['nonce', request.nonce],
  ].filter((pair): pair is [string, string] => pair[1] !== undefined);
