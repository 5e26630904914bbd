/**
 * The web app's Content-Security-Policy, as plain strings (values may be CDK tokens). Where the
 * browser may connect and post to:
 * - the API (fetch with the ID token);
 * - `cognito-idp.<region>.amazonaws.com`: oidc-client-ts reads the OpenID discovery document from
 *   the authority (the user pool's issuer URL) before anything else;
 * - the Cognito domain: the token endpoint (code exchange, refresh), revocation, sign-out;
 * - the files bucket: presigned POST uploads and presigned GET downloads.
 */
export interface CspSources {
  api: string;
  cognitoIdp: string;
  signIn: string;
  files: string;
}

/**
 * CloudFront refuses a response headers policy whose Content-Security-Policy is longer than this
 * (TooLongCSPInResponseHeadersPolicy; "Quotas" in the CloudFront developer guide).
 */
export const CSP_MAX_LENGTH = 1783;

/** The directives a browser may connect and post under: the part that names hosts. */
export const connectDirectives = (s: CspSources): string[] => [
  `connect-src 'self' ${s.api} ${s.cognitoIdp} ${s.signIn} ${s.files}`,
  `form-action 'self' ${s.signIn} ${s.files}`,
];

/**
 * The whole policy. Scripts only from the app's origin (no inline script, no eval); inline styles
 * are allowed because Preact sets `style` attributes; images may be data: URLs (the favicon).
 */
export const contentSecurityPolicy = (s: CspSources): string =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    ...connectDirectives(s),
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');

/**
 * Adds `<meta http-equiv="Content-Security-Policy">` at the top of `<head>` (after the charset
 * declaration, if any), before any script, so it governs them all. A browser enforces every policy
 * it is given: this one narrows the header's. (`frame-ancestors` is ignored in a meta tag, which is
 * why the header stays the main policy.)
 */
export const withCspMeta = (html: string, policy: string): string => {
  const anchor = /<meta\s+charset=[^>]*>/i.exec(html) ?? /<head(\s[^>]*)?>/i.exec(html);
  if (!anchor) throw new Error('The web app index.html has no <head>: cannot put its CSP meta tag first');
  if (/["<>]/.test(policy)) throw new Error(`A CSP for a meta tag cannot hold ", < or >: ${policy}`);
  const at = anchor.index + anchor[0].length;
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  return `${html.slice(0, at)}\n    ${meta}${html.slice(at)}`;
};
