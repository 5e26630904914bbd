import { writeFileSync } from 'node:fs';
import { buildOpenApi } from '../functions/openapi/build-openapi.js';

/** Refreshes the committed openapi.json; a test fails while it differs from the built document. */
writeFileSync(new URL('../openapi.json', import.meta.url), `${JSON.stringify(buildOpenApi(), null, 2)}\n`);
console.log('openapi.json written');
