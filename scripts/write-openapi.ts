import { readFileSync, writeFileSync } from 'node:fs';
import { buildOpenApi } from '../functions/openapi/build-openapi.js';
import { withRouteTable } from './route-table.js';
import { WEB_API_TYPES, webApiTypes } from './web-api-types.js';

/**
 * Refreshes the committed openapi.json, the README's route table and the web app's API types;
 * tests fail while any is stale.
 */
const doc = buildOpenApi();
writeFileSync(new URL('../openapi.json', import.meta.url), `${JSON.stringify(doc, null, 2)}\n`);
const readme = new URL('../README.md', import.meta.url);
writeFileSync(readme, withRouteTable(readFileSync(readme, 'utf8')));
writeFileSync(WEB_API_TYPES, await webApiTypes(doc));
console.log('openapi.json, the README route table and web/src/api/schema.d.ts written');
