import type { LocalReply } from '../gateway.js';
import { redirectUriProblem, withResponse } from './authorize-request.js';
import { messagePage, PAGE_HEADERS } from './html-page.js';

/**
 * GET /logout: OpenID Connect RP-Initiated Logout (`post_logout_redirect_uri`, `state`,
 * `id_token_hint`, `client_id`) and Cognito's own form (`client_id` + `logout_uri`). The provider
 * keeps no session, so there is nothing to end here: it sends the browser back, to its own origin
 * only, or says the person is signed out.
 */
export const logoutEndpoint = (client: { clientId: string; origin: string }, url: URL): LocalReply => {
  const q = url.searchParams;
  const page = (status: number, title: string, message: string) => ({
    status,
    body: messagePage(title, message, { href: `${client.origin}/`, text: 'Back to examdesk' }),
    headers: PAGE_HEADERS,
  });
  const clientId = q.get('client_id');
  if (clientId !== null && clientId !== client.clientId)
    return page(400, 'Sign-out request refused', `Unknown client_id "${clientId}".`);
  const name = q.has('post_logout_redirect_uri') ? 'post_logout_redirect_uri' : 'logout_uri';
  const target = q.get(name);
  if (target === null) return page(200, 'Signed out', 'You are signed out of examdesk (local).');
  const problem = redirectUriProblem(target, client.origin, name);
  if (problem) return page(400, 'Sign-out request refused', `${problem} The browser was not sent there.`);
  const state = q.get('state') ?? undefined;
  return {
    status: 302,
    headers: {
      location: state === undefined ? target : withResponse(target, { state }),
      'cache-control': 'no-store',
    },
  };
};
