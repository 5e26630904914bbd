import { render } from 'preact';

render(<main>examdesk</main>, document.getElementById('app') as HTMLElement);
