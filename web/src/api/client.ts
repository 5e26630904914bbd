import createClient, { type Middleware } from 'openapi-fetch';
import type { Auth } from '../auth.js';
import type { components, paths } from './schema.js';

export type { components, paths };
export type Schemas = components['schemas'];

/** An issue the API names: `path` is where (body.members.1, path.groupId, query.reason). */
export interface Issue {
  path: string;
  message: string;
}

/** An API refusal, as every error body says it: { error: { code, message, issues? } }. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; issues?: Issue[] };
  message?: string;
}

export const problemOf = (status: number, body: unknown): ApiProblem => {
  const e = (body ?? {}) as ErrorBody;
  return new ApiProblem(
    status,
    e.error?.code ?? 'error',
    e.error?.message ?? e.message ?? `The server answered ${status}`,
    e.error?.issues ?? [],
  );
};

export type ApiClient = ReturnType<typeof createClient<paths>>;

/**
 * The typed client (openapi-fetch; types generated from openapi.json). Every call carries the ID
 * token (renewed ahead of expiry); a 401 renews it once and repeats a read, else asks for a new sign-in.
 */
export const createApi = (baseUrl: string, auth: Auth, onSignedOut: () => void): ApiClient => {
  const client = createClient<paths>({ baseUrl });
  const retried = new WeakSet<Request>();
  const withToken: Middleware = {
    async onRequest({ request }) {
      const token = await auth.idToken();
      if (token) request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
    async onResponse({ request, response }) {
      if (response.status !== 401 || retried.has(request)) return response;
      if (!(await auth.renew())) {
        onSignedOut();
        return response;
      }
      // A sent body cannot be sent again: only reads are repeated; a write shows its 401.
      if (request.method !== 'GET') return response;
      const token = await auth.idToken();
      const again = new Request(request, { headers: new Headers(request.headers) });
      again.headers.set('authorization', `Bearer ${token ?? ''}`);
      retried.add(again);
      return fetch(again);
    },
  };
  client.use(withToken);
  return client;
};

/** The data of an openapi-fetch result, or its error as an ApiProblem. */
export const unwrap = async <T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> => {
  const { data, error, response } = await call;
  if (error !== undefined || !response.ok) throw problemOf(response.status, error);
  return data as T;
};
