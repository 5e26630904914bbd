import openapiTS, { astToString } from 'openapi-typescript';

/**
 * The web app's API types (web/src/api/schema.d.ts), generated from openapi.json by
 * openapi-typescript: the app never hand-copies a type of the API.
 */
export const WEB_API_TYPES = new URL('../web/src/api/schema.d.ts', import.meta.url);

export const webApiTypes = async (openapi: object): Promise<string> =>
  `// Generated from openapi.json by \`npm run openapi\` (openapi-typescript). Do not edit.\n${astToString(
    await openapiTS(openapi as Parameters<typeof openapiTS>[0]),
  )}`;
