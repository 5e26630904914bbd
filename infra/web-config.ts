/**
 * How the browser app is reached and signs in, read from CDK context. Free of constructs, like
 * config.ts, so the rules are easy to read and to test; the stacks turn the result into resources.
 */
export interface WebConfig {
  /**
   * Origins allowed besides the app's own (`-c appOrigins=https://exams.example.edu,...`): each is
   * added to the API's and the files bucket's CORS and to the web client's callback and sign-out
   * URLs. No trailing slash, no path.
   */
  extraOrigins: string[];
  /**
   * `-c authDomainPrefix=...`: the hosted sign-in pages live at
   * `https://<prefix>.auth.<region>.amazoncognito.com`. Undefined: build-app.ts derives one from the
   * account (prefixes are unique per region across every AWS account).
   */
  authDomainPrefix: string | undefined;
  /**
   * `-c appDomain=exams.example.edu -c appCertificateArn=arn:aws:acm:us-east-1:...`: the
   * distribution also answers on this name with this certificate. Only then can CloudFront enforce
   * TLS 1.2+: its default *.cloudfront.net certificate is pinned to the TLSv1 security policy.
   */
  customDomain: { domainName: string; certificateArn: string } | undefined;
}

export const APP_ORIGINS_CONTEXT = 'appOrigins';
export const AUTH_DOMAIN_PREFIX_CONTEXT = 'authDomainPrefix';
export const APP_DOMAIN_CONTEXT = 'appDomain';
export const APP_CERTIFICATE_CONTEXT = 'appCertificateArn';

const list = (value: unknown): string[] => {
  if (value === undefined || value === null || value === '') return [];
  const items = Array.isArray(value) ? value.map(String) : String(value).split(',');
  return items.map((s) => s.trim()).filter(Boolean);
};

const text = (value: unknown): string | undefined =>
  value === undefined || value === null || String(value).trim() === '' ? undefined : String(value).trim();

/** Cognito accepts http:// callback URLs for these hosts only (a developer's machine). */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** `https://exams.example.edu` (or `http://localhost:5173`) as is; anything else is refused. */
const origin = (value: string): string => {
  const trimmed = value.replace(/\/$/, '');
  let url: URL | undefined;
  try {
    url = new URL(trimmed);
  } catch {
    url = undefined;
  }
  const secure = url?.protocol === 'https:' || (url?.protocol === 'http:' && LOOPBACK.has(url.hostname));
  if (!url || !secure || url.origin !== trimmed)
    throw new Error(
      `-c ${APP_ORIGINS_CONTEXT}: "${value}" is not an origin. Give scheme and host (and port) only, ` +
        `https (http only for localhost), comma-separated, e.g. -c ${APP_ORIGINS_CONTEXT}=https://exams.example.edu`,
    );
  return url.origin;
};

/**
 * Cognito's rules for a domain prefix: lower-case letters, digits and hyphens, at most 63, not
 * starting or ending with a hyphen, and none of the reserved words.
 */
export const checkAuthDomainPrefix = (prefix: string): string => {
  const reserved = ['aws', 'amazon', 'cognito'].find((word) => prefix.includes(word));
  if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(prefix) || reserved)
    throw new Error(
      `-c ${AUTH_DOMAIN_PREFIX_CONTEXT}: "${prefix}" cannot be a Cognito domain prefix ` +
        `(lower-case letters, digits and inner hyphens, at most 63${reserved ? `, without "${reserved}"` : ''}), ` +
        `e.g. -c ${AUTH_DOMAIN_PREFIX_CONTEXT}=examdesk-genmod`,
    );
  return prefix;
};

/** `context` is whatever `node.tryGetContext` returns for each key. */
export const readWebConfig = (context: (key: string) => unknown): WebConfig => {
  const extraOrigins = [...new Set(list(context(APP_ORIGINS_CONTEXT)).map(origin))];
  const prefix = text(context(AUTH_DOMAIN_PREFIX_CONTEXT));
  const domainName = text(context(APP_DOMAIN_CONTEXT));
  const certificateArn = text(context(APP_CERTIFICATE_CONTEXT));
  if ((domainName === undefined) !== (certificateArn === undefined))
    throw new Error(
      `-c ${APP_DOMAIN_CONTEXT} and -c ${APP_CERTIFICATE_CONTEXT} go together: the name the app is served ` +
        `on and the ACM certificate (in us-east-1, as CloudFront requires) that covers it.`,
    );
  if (
    domainName !== undefined &&
    !/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(domainName)
  )
    throw new Error(`-c ${APP_DOMAIN_CONTEXT}: "${domainName}" is not a lower-case domain name`);
  if (
    certificateArn !== undefined &&
    !/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[\w-]+$/.test(certificateArn)
  )
    throw new Error(
      `-c ${APP_CERTIFICATE_CONTEXT}: "${certificateArn}" is not an ACM certificate ARN in us-east-1 ` +
        '(CloudFront only uses certificates from us-east-1)',
    );
  return {
    extraOrigins,
    authDomainPrefix: prefix === undefined ? undefined : checkAuthDomainPrefix(prefix),
    customDomain:
      domainName !== undefined && certificateArn !== undefined ? { domainName, certificateArn } : undefined,
  };
};
