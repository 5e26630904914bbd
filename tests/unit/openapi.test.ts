import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildOpenApi } from '../../functions/openapi/build-openapi.js';
import { routes } from '../../functions/routes.js';
import { WEB_API_TYPES, webApiTypes } from '../../scripts/web-api-types.js';

describe('OpenAPI document', () => {
  it('is committed exactly as built from the route table (run `npm run openapi` after changing routes)', () => {
    const committed = JSON.parse(
      readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8'),
    ) as unknown;
    expect(committed).toEqual(JSON.parse(JSON.stringify(buildOpenApi())));
  });

  it("the web app's API types are generated from it (run `npm run openapi`)", async () => {
    expect(readFileSync(WEB_API_TYPES, 'utf8')).toBe(await webApiTypes(buildOpenApi()));
  });

  it('documents every route once, with its path parameters', () => {
    const doc = buildOpenApi() as {
      paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
    };
    for (const route of routes) {
      const op = doc.paths[route.path]?.[route.method.toLowerCase()];
      expect(op, `${route.method} ${route.path}`).toBeDefined();
      const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect((op?.parameters ?? []).filter((p) => names.includes(p.name)).map((p) => p.name)).toEqual(names);
    }
    const keys = routes.map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('README', () => {
  it('lists the routes as they are (run `npm run openapi` after changing routes)', async () => {
    const { withRouteTable } = await import('../../scripts/route-table.js');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(withRouteTable(readme)).toBe(readme);
  });
});
