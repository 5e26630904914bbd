import { render } from 'preact';
import { App } from './app.js';
import { createAuth } from './auth.js';
import { loadConfig } from './config.js';
import { initialLocale, saveLocale } from './i18n/i18n.js';
import './styles.css';

const root = document.getElementById('app') as HTMLElement;
saveLocale(initialLocale());

const start = async () => {
  const config = await loadConfig();
  const auth = createAuth(config);
  const user = await auth.start();
  render(<App config={config} auth={auth} initialUser={user} />, root);
};

start().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  root.innerHTML = '';
  const main = document.createElement('main');
  const h1 = document.createElement('h1');
  h1.textContent = 'examdesk could not start';
  const p = document.createElement('p');
  p.textContent = message;
  const retry = document.createElement('a');
  retry.href = '/';
  retry.textContent = 'Reload';
  main.append(h1, p, retry);
  root.append(main);
});
