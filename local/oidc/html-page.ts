/** Text for HTML content and attribute values. */
export const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/**
 * The provider's own pages load nothing from anywhere (inline CSS only) and can be neither framed
 * nor made to post elsewhere; form posts and their redirect stay on this origin.
 */
export const PAGE_HEADERS: Record<string, string> = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

const STYLE = `
:root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f6f8; color: #1a1a1a; line-height: 1.45; }
main { max-width: 46rem; margin: 0 auto; padding: 1.25rem 1rem 3rem; }
h1 { font-size: 1.5rem; margin: 0.5rem 0; }
h2 { font-size: 1.15rem; margin: 0 0 0.75rem; }
p.note { color: #3d4852; margin-top: 0; }
form { background: #fff; border: 1px solid #c8d0d8; border-radius: 0.5rem; padding: 1rem; margin: 1rem 0; }
label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
input[type=email] { width: 100%; font: inherit; padding: 0.55rem 0.6rem; border: 1px solid #5a6773; border-radius: 0.3rem; }
input[aria-invalid=true] { border: 2px solid #b00020; }
.error { color: #b00020; font-weight: 600; margin: 0.35rem 0 0; }
label.check { display: flex; gap: 0.5rem; align-items: center; font-weight: 400; margin: 0.75rem 0; }
fieldset { border: 0; padding: 0; margin: 0 0 1rem; min-width: 0; }
legend { font-weight: 700; font-size: 1.05rem; padding: 0; margin-bottom: 0.5rem; }
ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.5rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr)); }
button { font: inherit; cursor: pointer; border-radius: 0.3rem; }
button.primary { background: #1f4e79; color: #fff; border: 1px solid #1f4e79; padding: 0.55rem 1.2rem; }
button.person { width: 100%; text-align: left; background: #fff; color: #1a1a1a; border: 1px solid #5a6773; padding: 0.5rem 0.65rem; }
button.person:hover { background: #e8f0f8; }
button.person span { display: block; color: #3d4852; font-size: 0.85rem; overflow-wrap: anywhere; }
button:focus-visible, input:focus-visible { outline: 3px solid #f0a800; outline-offset: 2px; }
a { color: #1f4e79; }
`;

/** A whole page: one language, one title, one main landmark, the styles above. */
export const page = (title: string, body: string): string => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;

/** A page that only says something: an error the provider will not redirect, or "signed out". */
export const messagePage = (title: string, message: string, link?: { href: string; text: string }): string =>
  page(
    title,
    `<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>${link ? `\n<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a></p>` : ''}`,
  );
