/** A small HTTP client for the demo: real tokens from /_local/token, instants via x-examdesk-now. */
export interface Reply {
  status: number;
  body: unknown;
}

export class DemoClient {
  private tokens = new Map<string, Promise<string>>();
  now = '';

  constructor(readonly apiUrl: string) {}

  private token(email: string, groups: string[] = []): Promise<string> {
    const key = `${email}|${groups.join()}`;
    let t = this.tokens.get(key);
    if (!t) {
      t = fetch(`${this.apiUrl}/_local/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, groups, expiresIn: 86_400 }),
      }).then(async (r) => ((await r.json()) as { token: string }).token);
      this.tokens.set(key, t);
    }
    return t;
  }

  async call(
    who: string | { email: string; groups: string[] },
    method: string,
    path: string,
    body?: unknown,
    contentType = 'application/json',
  ): Promise<Reply> {
    const person = typeof who === 'string' ? { email: who, groups: [] } : who;
    const res = await fetch(`${this.apiUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await this.token(person.email, person.groups)}`,
        ...(this.now ? { 'x-examdesk-now': this.now } : {}),
        ...(body === undefined ? {} : { 'content-type': contentType }),
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* text */
    }
    return { status: res.status, body: parsed };
  }

  /** Like call, but a status other than the expected one stops the demo with the server's answer. */
  async must<T>(
    expected: number,
    who: string | { email: string; groups: string[] },
    method: string,
    path: string,
    body?: unknown,
    contentType?: string,
  ): Promise<T> {
    const r = await this.call(who, method, path, body, contentType);
    if (r.status !== expected)
      throw new Error(
        `${method} ${path} answered ${r.status} (expected ${expected}): ${JSON.stringify(r.body)}`,
      );
    return r.body as T;
  }

  async runJob(
    job: string,
  ): Promise<{ sent: number; entries: { deadlineKey: string; actions: string[] }[] }> {
    const res = await fetch(`${this.apiUrl}/_local/run/${job}`, {
      method: 'POST',
      headers: this.now ? { 'x-examdesk-now': this.now } : {},
    });
    if (!res.ok) throw new Error(`job ${job}: ${res.status} ${await res.text()}`);
    return (
      (await res.json()) as {
        result: { sent: number; entries: { deadlineKey: string; actions: string[] }[] };
      }
    ).result;
  }

  async mailCount(to?: string): Promise<number> {
    const res = await fetch(`${this.apiUrl}/_local/mail${to ? `?to=${encodeURIComponent(to)}` : ''}`);
    return ((await res.json()) as { count: number }).count;
  }

  /** Sends a file as a browser form does: the presigned fields, then the file. */
  async postForm(
    ticket: { url: string; fields: Record<string, string> },
    file: Uint8Array,
    name: string,
  ): Promise<number> {
    const form = new FormData();
    for (const [k, v] of Object.entries(ticket.fields)) form.append(k, v);
    form.append('file', new Blob([file], { type: ticket.fields['Content-Type'] ?? 'application/pdf' }), name);
    const res = await fetch(ticket.url, {
      method: 'POST',
      body: form,
      headers: this.now ? { 'x-examdesk-now': this.now } : {},
    });
    await res.text();
    return res.status;
  }
}
