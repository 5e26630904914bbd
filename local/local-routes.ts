import * as z from 'zod';
import { errorBody } from '../shared/http/responses.js';
import { toIssues } from '../shared/http/zod-issues.js';
import type { LocalClock } from './local-clock.js';
import type { LocalReply, LocalRouteEntry } from './gateway.js';
import type { SesGate } from './aws/ses-gate.js';
import type { Rules } from './scheduler.js';
import { TokenRequest, type TokenIssuer } from './token-issuer.js';

const ClockBody = z.strictObject({ now: z.iso.datetime({ offset: true }) });
const SesFaultsBody = z.strictObject({
  throttle: z.number().int().min(0).max(10_000).optional(),
  fail: z.number().int().min(0).max(10_000).optional(),
  to: z.string().max(200).optional(),
});

/** A JSON body checked by a zod schema, or the 400 that lists every bad field. */
export const parseJson = <S extends z.ZodType>(
  schema: S,
  body: Buffer,
): { ok: true; data: z.infer<S> } | { ok: false; reply: LocalReply } => {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8') || '{}');
  } catch {
    return {
      ok: false,
      reply: { status: 400, body: errorBody('invalid_json', 'The body is not valid JSON') },
    };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    return {
      ok: false,
      reply: {
        status: 400,
        body: errorBody('invalid_input', 'Invalid body', toIssues(parsed.error, 'body')),
      },
    };
  return { ok: true, data: parsed.data };
};

export interface LocalRouteDeps {
  issuer: TokenIssuer;
  clock: LocalClock;
  scheduler: Pick<Rules, 'run'>;
  mailEndpoint: string;
  /** The SES gate's fault switch (local/aws/ses-gate.ts); without it /_local/ses-faults answers 404. */
  sesFaults?: Pick<SesGate, 'setFaults' | 'faults'>;
}

/** The /_local/* routes: tokens, the clock, jobs on demand, the mailbox. Never deployed. */
export const localRoutes = (d: LocalRouteDeps): LocalRouteEntry[] => [
  {
    method: 'POST',
    pattern: /^\/_local\/token$/,
    run: async (_req, body) => {
      const parsed = parseJson(TokenRequest, body);
      if (!parsed.ok) return parsed.reply;
      const token = await d.issuer.mint(parsed.data);
      return { status: 200, body: { token, expiresIn: parsed.data.expiresIn ?? 3600 } };
    },
  },
  {
    method: 'GET',
    pattern: /^\/_local\/\.well-known\/jwks\.json$/,
    run: async () => ({ status: 200, body: d.issuer.jwks }),
  },
  {
    method: 'GET',
    pattern: /^\/_local\/clock$/,
    run: async () => ({
      status: 200,
      body: { now: d.clock.now().toISOString(), pinned: d.clock.isPinned() },
    }),
  },
  {
    method: 'PUT',
    pattern: /^\/_local\/clock$/,
    run: async (_req, body) => {
      const parsed = parseJson(ClockBody, body);
      if (!parsed.ok) return parsed.reply;
      d.clock.set(new Date(parsed.data.now));
      return { status: 200, body: { now: d.clock.now().toISOString(), pinned: true } };
    },
  },
  {
    method: 'DELETE',
    pattern: /^\/_local\/clock$/,
    run: async () => {
      d.clock.reset();
      return { status: 200, body: { now: d.clock.now().toISOString(), pinned: false } };
    },
  },
  {
    method: 'POST',
    pattern: /^\/_local\/run\/([\w-]+)$/,
    run: async (_req, _body, _url, match) => {
      const job = match[1] ?? '';
      try {
        const result = await d.scheduler.run(job);
        return { status: 200, body: { job, result: result ?? null } };
      } catch (error) {
        if (error instanceof RangeError) return { status: 404, body: errorBody('not_found', error.message) };
        throw error;
      }
    },
  },
  {
    method: 'GET',
    pattern: /^\/_local\/mail$/,
    run: async (_req, _body, url) => {
      const store = (await (await fetch(`${d.mailEndpoint}/store`)).json()) as { emails: MailRecord[] };
      const to = url.searchParams.get('to')?.toLowerCase();
      const emails = to
        ? store.emails.filter((e) => e.destination.to.some((address) => address.toLowerCase().includes(to)))
        : store.emails;
      return { status: 200, body: { viewer: d.mailEndpoint, count: emails.length, emails } };
    },
  },
  {
    method: 'GET',
    pattern: /^\/_local\/ses-faults$/,
    run: async (_req, _body, url) =>
      d.sesFaults
        ? { status: 200, body: d.sesFaults.faults(url.searchParams.get('to') ?? undefined) }
        : { status: 404, body: errorBody('not_found', 'No SES fault switch in this stack') },
  },
  {
    method: 'PUT',
    pattern: /^\/_local\/ses-faults$/,
    run: async (_req, body) => {
      if (!d.sesFaults)
        return { status: 404, body: errorBody('not_found', 'No SES fault switch in this stack') };
      const parsed = parseJson(SesFaultsBody, body);
      if (!parsed.ok) return parsed.reply;
      return { status: 200, body: d.sesFaults.setFaults(parsed.data) };
    },
  },
];

/** One mail as aws-ses-v2-local stores it. */
export interface MailRecord {
  messageId: string;
  from: string;
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { text?: string; html?: string };
  attachments: { content: string; contentType: string; filename: string; size: number }[];
  at: number;
}
