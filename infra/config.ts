/**
 * Deployment settings read from CDK context (`cdk deploy -c mailFrom=...` or cdk.json). Kept free
 * of constructs so the rules are easy to read and to test.
 */
export interface DeployConfig {
  /** Address every notice is sent from (MAIL_FROM in the functions). */
  mailFrom: string;
  /**
   * SES identities (domains or addresses) the 'mail' functions may send as. Turned into
   * `arn:aws:ses:REGION:ACCOUNT:identity/<identity>` ARNs by the stateless stack.
   */
  sesIdentities: string[];
  /** Full SES identity ARNs; when given they replace `sesIdentities` (e.g. an identity in another region). */
  sesIdentityArns: string[];
}

export const DEFAULT_MAIL_FROM = 'examdesk@example.edu';

const EMAIL = /^[^\s@]+@([^\s@]+\.[^\s@]+)$/;

const list = (value: unknown): string[] => {
  if (value === undefined || value === null || value === '') return [];
  const items = Array.isArray(value) ? value.map(String) : String(value).split(',');
  return items.map((s) => s.trim()).filter(Boolean);
};

/** `context` is whatever `node.tryGetContext` returns for each key. */
export const readDeployConfig = (context: (key: string) => unknown): DeployConfig => {
  const mailFrom = String(context('mailFrom') ?? DEFAULT_MAIL_FROM).trim();
  const match = EMAIL.exec(mailFrom);
  if (!match) throw new Error(`Context mailFrom must be an email address, got "${mailFrom}"`);
  const domain = match[1] as string;

  const explicit = list(context('sesIdentity'));
  for (const identity of explicit)
    if (!/^[^\s/*]+$/.test(identity))
      throw new Error(`Context sesIdentity has an invalid entry "${identity}"`);

  const sesIdentityArns = list(context('sesIdentityArn'));
  for (const arn of sesIdentityArns)
    if (!/^arn:aws[a-z-]*:ses:[a-z0-9-]+:\d{12}:identity\/[^\s*]+$/.test(arn))
      throw new Error(`Context sesIdentityArn must be an SES identity ARN without wildcards, got "${arn}"`);

  // By default both the domain and the address: SES checks the identity the From address belongs
  // to, which is the address if it was verified on its own and the domain otherwise.
  const sesIdentities = explicit.length > 0 ? explicit : [domain, mailFrom];
  return { mailFrom, sesIdentities, sesIdentityArns };
};
