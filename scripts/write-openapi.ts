import { readFileSync, writeFileSync } from 'node:fs';
import { buildOpenApi } from '../functions/openapi/build-openapi.js';
import { withRouteTable } from './route-table.js';

/** Refreshes the committed openapi.json and the README's route table; tests fail while either is stale. */
writeFileSync(new URL('../openapi.json', import.meta.url), `${JSON.stringify(buildOpenApi(), null, 2)}\n`);
const readme = new URL('../README.md', import.meta.url);
writeFileSync(readme, withRouteTable(readFileSync(readme, 'utf8')));
console.log('openapi.json and the README route table written');
