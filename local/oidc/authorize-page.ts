import type { AuthorizeRequest } from './authorize-request.js';
import { requestParams } from './authorize-request.js';
import type { DemoPeople, DemoPerson } from './demo-people.js';
import { OIDC_PATH } from './discovery.js';
import { escapeHtml, page } from './html-page.js';

export interface AuthorizePageInput {
  request: AuthorizeRequest;
  people: DemoPeople;
  /** The email typed before, shown again with the error next to it. */
  email?: string;
  admin?: boolean;
  error?: string;
}

const hidden = (request: AuthorizeRequest) =>
  requestParams(request)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .join('\n');

const personButton = (p: DemoPerson) =>
  `<li><button type="submit" class="person" name="email" value="${escapeHtml(p.email)}">${escapeHtml(p.name)}${
    p.name === p.email ? '' : `<span>${escapeHtml(p.email)}</span>`
  }</button></li>`;

const group = (legend: string, people: DemoPerson[]) =>
  people.length
    ? `<fieldset>
<legend>${escapeHtml(legend)}</legend>
<ul>
${people.map(personButton).join('\n')}
</ul>
</fieldset>`
    : '';

/**
 * The local sign-in page: no password, a person is chosen. Two forms, so that Enter in the email
 * field submits that field and not the first demo person's button. The browser's own email check is
 * off (novalidate): the server's message is the one shown, next to the field it is about.
 */
export const authorizePage = (input: AuthorizePageInput): string => {
  const { request, people, error } = input;
  const action = `${OIDC_PATH}/authorize`;
  const invalid = error ? ' aria-invalid="true" aria-describedby="email-error" autofocus' : '';
  return page(
    error ? 'Error: sign in — examdesk (local)' : 'Sign in — examdesk (local)',
    `<h1>Sign in to examdesk</h1>
<p class="note">Local sign-in: no password. Choose a person of the demo courses (genmod-live, genmod-2023) or type any email.</p>
<form method="post" action="${action}" novalidate>
${hidden(request)}
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="email" spellcheck="false" value="${escapeHtml(input.email ?? '')}"${invalid}>
${error ? `<p id="email-error" class="error">${escapeHtml(error)}</p>` : ''}
<label class="check"><input type="checkbox" name="admin" value="yes"${input.admin ? ' checked' : ''}> Sign in as an admin (group "admins")</label>
<button type="submit" class="primary">Sign in</button>
</form>
<form method="post" action="${action}" aria-labelledby="people-heading">
${hidden(request)}
<h2 id="people-heading">Demo people</h2>
${group('Students', people.students)}
${group('Instructors', people.instructors)}
${group('Admin', people.admins)}
</form>`,
  );
};
