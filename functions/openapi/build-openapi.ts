import * as z from 'zod';
import { routes, type Route } from '../routes.js';

type JsonObject = Record<string, unknown>;

const schemaOf = (schema: z.ZodType, io: 'input' | 'output'): JsonObject => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonObject;
  return rest;
};

const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

const standardErrors = (route: Route): Record<string, JsonObject> => {
  const ref = { $ref: '#/components/schemas/Error' };
  const err = (description: string) => ({ description, content: { 'application/json': { schema: ref } } });
  return {
    400: err('Bad input: `issues` lists every bad field'),
    ...(route.public
      ? {}
      : { 401: err('Missing, expired or forged token'), 403: err('Not allowed, or closed by a deadline') }),
    ...(route.params ? { 404: err('Unknown course or resource') } : {}),
  };
};

const operation = (route: Route): JsonObject => {
  const parameters = [
    ...Object.entries(route.params?.shape ?? {}).map(([name, s]) => ({
      name,
      in: 'path',
      required: true,
      schema: schemaOf(s as z.ZodType, 'input'),
    })),
    ...Object.entries(route.query?.shape ?? {}).map(([name, s]) => ({
      name,
      in: 'query',
      required: !(s as z.ZodType).safeParse(undefined).success,
      schema: schemaOf(s as z.ZodType, 'input'),
    })),
  ];
  const responses: Record<string, JsonObject> = { ...standardErrors(route) };
  for (const [status, doc] of Object.entries(route.responses)) {
    const contentType = doc.contentType ?? 'application/json';
    responses[status] = {
      description: doc.description,
      ...(status === '204'
        ? {}
        : { content: { [contentType]: doc.schema ? { schema: schemaOf(doc.schema, 'output') } : {} } }),
    };
  }
  return {
    operationId: route.handler.replace(/^.*\//, '').replace(/-(\w)/g, (_, c: string) => c.toUpperCase()),
    summary: route.summary,
    tags: [route.tag],
    ...(route.public ? { security: [] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: schemaOf(route.body, 'input') },
              ...Object.fromEntries(
                Object.entries(route.bodyAlternatives ?? {}).map(([type, description]) => [
                  type,
                  { schema: { type: 'string', description } },
                ]),
              ),
            },
          },
        }
      : {}),
    responses,
  };
};

/** The OpenAPI 3.1 document, built from the route table and the same zod schemas the handlers parse with. */
export const buildOpenApi = (): JsonObject => {
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const route of routes) (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route);
  return {
    openapi: '3.1.0',
    info: {
      title: 'examdesk API',
      version: '1.0.0',
      description:
        'Final-project exam of a university course: groups, uploads, presentation slots, grades. ' +
        'Wall-clock times in course configs are read in the course time zone; responses carry ISO 8601 instants with offsets.',
    },
    security: [{ cognito: [] }],
    paths,
    components: {
      securitySchemes: {
        cognito: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Cognito ID token' },
      },
      schemas: { Error: schemaOf(ErrorBody, 'output') },
    },
  };
};
