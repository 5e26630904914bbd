import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import { ADMIN_GROUP } from '../../shared/auth/caller.js';
import type { LocalReply } from '../gateway.js';
import { authorizePage } from './authorize-page.js';
import {
  checkAuthorize,
  withResponse,
  type AuthorizeRequest,
  type ClientRegistration,
} from './authorize-request.js';
import type { CodeStore } from './codes.js';
import { groupsOf, type DemoPeople } from './demo-people.js';
import { messagePage, PAGE_HEADERS } from './html-page.js';
import type { OidcSettings } from './settings.js';

/** The hook a sign-up goes through (the lead may wire Cognito's pre-sign-up function to it). */
export type SignUpCheck = (email: string) => Promise<{ ok: true } | { ok: false; message: string }>;

export interface AuthorizeDeps {
  client: ClientRegistration;
  people: DemoPeople;
  codes: CodeStore;
  settings: OidcSettings;
  signUpCheck: SignUpCheck;
  /** Real time in milliseconds (auth_time); tests may pass another. */
  now: () => number;
}

const html = (status: number, body: string): LocalReply => ({ status, body, headers: PAGE_HEADERS });
const redirect = (location: string): LocalReply => ({
  status: 302,
  headers: { location, 'cache-control': 'no-store' },
});

/** A refused request that cannot be sent back to the client: said on a page. */
const refusal = (message: string) =>
  html(400, messagePage('Sign-in request refused', `${message} The request was not sent back to the app.`));

const Email = z.email('Enter an email address such as name@students.example.').max(254);

/** GET /authorize: the sign-in page, or the error response (RFC 6749 §4.1.2.1). */
export const authorizeGet = (d: AuthorizeDeps, url: URL): LocalReply => {
  const check = checkAuthorize(url.searchParams, d.client);
  if (!check.ok) return 'page' in check ? refusal(check.page) : redirect(check.redirect);
  return html(200, authorizePage({ request: check.request, people: d.people }));
};

/**
 * POST /authorize, from the sign-in page's forms: the request is checked again (hidden fields are
 * the client's, not trusted), then the email; a good one gets a one-time code, redirected to the
 * app with the client's state. A bad one gets the page again with the message next to the field.
 */
export const authorizePost = async (
  d: AuthorizeDeps,
  contentType: string | undefined,
  body: Buffer,
): Promise<LocalReply> => {
  if (!/^application\/x-www-form-urlencoded\b/i.test(contentType ?? ''))
    return refusal('The sign-in form must be sent as application/x-www-form-urlencoded.');
  const form = new URLSearchParams(body.toString('utf8'));
  const check = checkAuthorize(form, d.client);
  if (!check.ok) return 'page' in check ? refusal(check.page) : redirect(check.redirect);
  const typed = (form.get('email') ?? '').trim();
  const admin = form.get('admin') === 'yes';
  const again = (error: string) =>
    html(400, authorizePage({ request: check.request, people: d.people, email: typed, admin, error }));
  const email = Email.safeParse(typed);
  if (!email.success) return again(email.error.issues[0]?.message ?? 'Enter a valid email address.');
  // An admin's account (the demo admin, or the box ticked) is made by an administrator
  // (admin-create-user), which the trigger allows without a roster.
  const madeByAdmin = admin || groupsOf(d.people, email.data.toLowerCase()).includes(ADMIN_GROUP);
  const allowed = madeByAdmin ? { ok: true as const } : await d.signUpCheck(email.data);
  if (!allowed.ok) return again(allowed.message);
  return redirect(issueCode(d, check.request, email.data.toLowerCase(), admin));
};

/** The code for this person and request, as the redirect back to the app. */
const issueCode = (d: AuthorizeDeps, request: AuthorizeRequest, email: string, admin: boolean): string => {
  const groups = groupsOf(d.people, email);
  if (admin && !groups.includes(ADMIN_GROUP)) groups.push(ADMIN_GROUP);
  const code = d.codes.issue(
    {
      clientId: request.clientId,
      redirectUri: request.redirectUri,
      codeChallenge: request.codeChallenge,
      scope: request.scope,
      ...(request.nonce !== undefined ? { nonce: request.nonce } : {}),
      email,
      groups,
      authTime: Math.floor(d.now() / 1000),
      family: randomBytes(16).toString('base64url'),
    },
    d.settings.for(email).codeSeconds,
  );
  return withResponse(request.redirectUri, { code, state: request.state });
};
