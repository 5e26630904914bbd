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
export const startSesGate = async (options: {
  upstream: string;
  principals: Principals;
  region: string;
  account: string;
  verifiedIdentities: string[];
}): Promise<Gate> =>
  startGate({
    upstream: options.upstream,
    check: async (req) => {
      const signed = await verifySigV4(req, options.principals, new Date());
      if (!signed.ok)
        return refuse(
          403,
          signed.code === 'InvalidAccessKeyId' ? 'UnrecognizedClientException' : signed.code,
          signed.message,
        );
      if (req.method !== 'POST' || !req.url.startsWith('/v2/email/outbound-emails')) return undefined;
      let from = '';
      try {
        from = String(
          (JSON.parse(req.body.toString('utf8')) as { FromEmailAddress?: unknown }).FromEmailAddress ?? '',
        );
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
      return undefined;
    },
  });
