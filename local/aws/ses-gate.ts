import { verifySigV4 } from './sigv4.js';
import { accessDeniedMessage, isAllowed, type Principals } from './iam.js';
import { startGate, type Gate, type Refusal } from './gate.js';

/** SES v2 REST errors: the type in x-amzn-ErrorType, a JSON message. */
const refuse = (status: number, type: string, message: string): Refusal => ({
  status,
  headers: {
    'content-type': 'application/json',
    'x-amzn-errortype': type,
    'x-amzn-requestid': Math.random().toString(36).slice(2),
  },
  body: JSON.stringify({ message }),
});

/** "Course <exams@uni.example>" -> exams@uni.example */
export const senderAddress = (from: string): string => (/<([^>]+)>\s*$/.exec(from)?.[1] ?? from).trim();

/**
 * In front of the SES emulator, which sends as anyone: SigV4, `ses:SendEmail` on the sender's
 * identity (the address or its domain, as SES authorizes it), and a sender that is a verified
 * identity (MessageRejected otherwise, as SES answers for unverified senders).
 */
export interface SesFaults {
  /** The next n sends answer 429 TooManyRequestsException (SES's "Maximum sending rate exceeded"). */
  throttle: number;
  /** Then the next n sends answer 500 InternalFailure. */
  fail: number;
  /**
   * Only sends with a recipient containing this text count (e.g. a test's course id), so tests
   * running side by side do not fail each other's mail; '' (default) is every send.
   */
  to?: string;
}

export interface SesGate extends Gate {
  /** Tests make the local SES throttle or fail the next sends (PUT /_local/ses-faults). */
  setFaults(faults: Partial<SesFaults>): SesFaults;
  faults(to?: string): SesFaults;
}

/** The local account's send quota, as GET /v2/email/account (GetAccount) answers it. */
export const LOCAL_MAX_SEND_RATE = 50;

export const startSesGate = async (options: {
  upstream: string;
  principals: Principals;
  region: string;
  account: string;
  verifiedIdentities: string[];
  /** SendQuota.MaxSendRate answered by GetAccount (default 50/s; SES's sandbox is 1/s). */
  maxSendRate?: number;
}): Promise<SesGate> => {
  const scopes = new Map<string, SesFaults>();
  const scope = (to = '') => {
    let found = scopes.get(to);
    if (!found) scopes.set(to, (found = { throttle: 0, fail: 0, to }));
    return found;
  };
  /** The faults a send meets: the first scope naming one of its recipients, else the global one. */
  const faultsFor = (recipients: string[]) =>
    [...scopes.values()].find(
      (f) => f.to && (f.throttle > 0 || f.fail > 0) && recipients.some((r) => r.includes(f.to ?? '')),
    ) ?? scope('');
  const gate = await startGate({
    upstream: options.upstream,
    check: async (req) => {
      const signed = await verifySigV4(req, options.principals, new Date());
      if (!signed.ok)
        return refuse(
          403,
          signed.code === 'InvalidAccessKeyId' ? 'UnrecognizedClientException' : signed.code,
          signed.message,
        );
      // The emulator has no GetAccount: answered here, with the grant SES checks (no resource).
      if (req.method === 'GET' && req.url.split('?')[0] === '/v2/email/account') {
        if (!isAllowed(signed.principal, 'ses:GetAccount', '*'))
          return refuse(
            403,
            'AccessDeniedException',
            accessDeniedMessage(signed.principal, 'ses:GetAccount', '*'),
          );
        const rate = options.maxSendRate ?? LOCAL_MAX_SEND_RATE;
        return {
          status: 200,
          headers: {
            'content-type': 'application/json',
            'x-amzn-requestid': Math.random().toString(36).slice(2),
          },
          body: JSON.stringify({
            DedicatedIpAutoWarmupEnabled: false,
            EnforcementStatus: 'HEALTHY',
            ProductionAccessEnabled: true,
            SendQuota: { Max24HourSend: 50_000, MaxSendRate: rate, SentLast24Hours: 0 },
            SendingEnabled: true,
          }),
        };
      }
      if (req.method !== 'POST' || !req.url.startsWith('/v2/email/outbound-emails')) return undefined;
      let from = '';
      let recipients: string[] = [];
      try {
        const body = JSON.parse(req.body.toString('utf8')) as {
          FromEmailAddress?: unknown;
          Destination?: { ToAddresses?: unknown[] };
        };
        from = String(body.FromEmailAddress ?? '');
        recipients = (body.Destination?.ToAddresses ?? []).map(String);
      } catch {
        return refuse(400, 'BadRequestException', 'The request body is not valid JSON');
      }
      const address = senderAddress(from);
      const domain = address.split('@')[1] ?? '';
      const identity = (name: string) => `arn:aws:ses:${options.region}:${options.account}:identity/${name}`;
      const allowed = [address, domain].some((name) =>
        isAllowed(signed.principal, 'ses:SendEmail', identity(name)),
      );
      if (!allowed)
        return refuse(
          403,
          'AccessDeniedException',
          accessDeniedMessage(signed.principal, 'ses:SendEmail', identity(address)),
        );
      const verified = options.verifiedIdentities.map((v) => v.toLowerCase());
      if (!verified.includes(address.toLowerCase()) && !verified.includes(domain.toLowerCase()))
        return refuse(
          400,
          'MessageRejected',
          `Email address is not verified. The following identities failed the check in region ${options.region.toUpperCase()}: ${address}`,
        );
      const faults = faultsFor(recipients);
      if (faults.throttle > 0) {
        faults.throttle -= 1;
        return refuse(429, 'TooManyRequestsException', 'Maximum sending rate exceeded.');
      }
      if (faults.fail > 0) {
        faults.fail -= 1;
        return refuse(
          500,
          'InternalFailure',
          'The request processing has failed because of an unknown error.',
        );
      }
      return undefined;
    },
  });
  return {
    ...gate,
    setFaults: (next) => {
      const faults = scope(next.to);
      if (next.throttle !== undefined) faults.throttle = Math.max(0, Math.floor(next.throttle));
      if (next.fail !== undefined) faults.fail = Math.max(0, Math.floor(next.fail));
      return { ...faults };
    },
    faults: (to) => ({ ...scope(to) }),
  };
};
