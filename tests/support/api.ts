import { inject } from 'vitest';

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

export interface AsOptions {
  groups?: string[];
  /** Served at this instant (x-examdesk-now), without moving the clock for other tests. */
  now?: string;
}

type Json = Record<string, unknown> | unknown[];

/** Response bodies are read loosely in tests; the assertions are what check their shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

/** An HTTP client for the local server, signed in as a person with a real token from /_local/token. */
export class Api {
  constructor(readonly baseUrl: string = inject('apiUrl')) {}

  async token(email: string, groups?: string[]): Promise<string> {
    const res = await fetch(`${this.baseUrl}/_local/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, ...(groups ? { groups } : {}) }),
    });
    if (!res.ok) throw new Error(`token for ${email}: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { token: string }).token;
  }

  as(email: string | undefined, options: AsOptions = {}) {
    let token: Promise<string> | undefined;
    const call = async <T = Loose>(
      method: string,
      path: string,
      body?: Json | string,
      headers: Record<string, string> = {},
    ) => {
      token ??= email ? this.token(email, options.groups) : undefined;
      const auth: Record<string, string> = token ? { authorization: `Bearer ${await token}` } : {};
      return this.request<T>(method, path, body, {
        ...auth,
        ...(options.now ? { 'x-examdesk-now': options.now } : {}),
        ...headers,
      });
    };
    return {
      get: <T = Loose>(path: string) => call<T>('GET', path),
      put: <T = Loose>(path: string, body?: Json | string, headers?: Record<string, string>) =>
        call<T>('PUT', path, body, headers),
      post: <T = Loose>(path: string, body?: Json | string, headers?: Record<string, string>) =>
        call<T>('POST', path, body, headers),
      patch: <T = Loose>(path: string, body?: Json | string) => call<T>('PATCH', path, body),
      delete: <T = Loose>(path: string) => call<T>('DELETE', path),
      at: (now: string) => this.as(email, { ...options, now }),
    };
  }

  async request<T = Loose>(
    method: string,
    path: string,
    body?: Json | string,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { ...(typeof body === 'object' ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body: parsed as T, text, headers: res.headers };
  }
}
