import type { LocalReply } from '../gateway.js';

/**
 * The provider's JSON endpoints are called by the app with fetch: readable from any origin, as
 * Cognito's are (no cookies are involved, and the tokens are in the body).
 */
export const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
};

/** The answer to a CORS preflight of the token, userinfo and revocation endpoints. */
export const preflight = (): LocalReply => ({
  status: 204,
  headers: {
    ...CORS_HEADERS,
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': 'authorization, content-type',
    'access-control-max-age': '600',
  },
});

/** Token responses are never cached (RFC 6749 §5.1). */
const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

export const tokenReply = (body: Record<string, unknown>): LocalReply => ({
  status: 200,
  body,
  headers: { ...CORS_HEADERS, ...NO_STORE },
});

/** An error in RFC 6749 §5.2 form: `{ error, error_description }`. */
export const oauthError = (status: number, error: string, description: string): LocalReply => ({
  status,
  body: { error, error_description: description },
  headers: { ...CORS_HEADERS, ...NO_STORE },
});

export type FormParse = { ok: true; form: Record<string, string> } | { ok: false; reply: LocalReply };

/**
 * An application/x-www-form-urlencoded body as single values; a parameter given twice is an
 * invalid_request (RFC 6749 §3.2).
 */
export const readForm = (contentType: string | undefined, body: Buffer): FormParse => {
  if (!/^application\/x-www-form-urlencoded\b/i.test(contentType ?? ''))
    return {
      ok: false,
      reply: oauthError(400, 'invalid_request', 'the body must be application/x-www-form-urlencoded'),
    };
  const params = new URLSearchParams(body.toString('utf8'));
  const form: Record<string, string> = {};
  for (const [name, value] of params) {
    if (name in form)
      return { ok: false, reply: oauthError(400, 'invalid_request', `${name} is given more than once`) };
    form[name] = value;
  }
  return { ok: true, form };
};
