/**
 * Deployment settings read from CDK context (`cdk deploy -c mailFrom=...` or cdk.json). Kept free
 * of constructs so the rules are easy to read and to test.
 */
export interface DeployConfig {
  /**
   * Address every notice is sent from (MAIL_FROM in the functions). Undefined when no `-c mailFrom`
   * was given: the stateless stack then takes the sender as the CloudFormation parameter
   * {@link MAIL_FROM_PARAMETER}, which has no default, so `cdk synth` works offline without it but
   * `cdk deploy` refuses to run until it is given.
   */
  mailFrom: string | undefined;
  /**
   * SES identities (domains or addresses) the 'mail' functions may send as. Turned into
   * `arn:aws:ses:REGION:ACCOUNT:identity/<identity>` ARNs by the stateless stack. Empty when neither
   * `sesIdentity` nor `mailFrom` was given (the stack derives them from the parameter).
   */
  sesIdentities: string[];
  /** Full SES identity ARNs; when given they replace `sesIdentities` (e.g. an identity in another region). */
  sesIdentityArns: string[];
}

/** Logical id (and `--parameters ExamdeskStateless:<name>=...` key) of the deploy-time sender. */
export const MAIL_FROM_PARAMETER = 'MailFrom';

/** The command the error messages suggest. */
export const DEPLOY_EXAMPLE = 'npx cdk deploy --all -c mailFrom=exams@your-verified-domain.example';

const EMAIL = /^[^\s@]+@([^\s@]+\.[^\s@]+)$/;
/** The same rule for the CloudFormation parameter (AllowedPattern must match the whole value). */
export const EMAIL_PATTERN = '[^\\s@]+@[^\\s@]+\\.[^\\s@]+';

const list = (value: unknown): string[] => {
  if (value === undefined || value === null || value === '') return [];
  const items = Array.isArray(value) ? value.map(String) : String(value).split(',');
  return items.map((s) => s.trim()).filter(Boolean);
};

/** `arn:aws:ses:eu-west-3:123456789012:identity/uni.example` -> `uni.example`. */
export const identityOfArn = (arn: string): string =>
  arn.slice(arn.indexOf(':identity/') + ':identity/'.length);

/** SES uses an address identity if that address was verified on its own, else its domain's. */
const covers = (identity: string, mailFrom: string): boolean => {
  const wanted = identity.toLowerCase();
  const address = mailFrom.toLowerCase();
  return wanted === address || wanted === address.slice(address.lastIndexOf('@') + 1);
};

/** `context` is whatever `node.tryGetContext` returns for each key. */
export const readDeployConfig = (context: (key: string) => unknown): DeployConfig => {
  const given = context('mailFrom');
  const mailFrom = given === undefined || given === null ? undefined : String(given).trim();
  let domain: string | undefined;
  if (mailFrom !== undefined) {
    const match = EMAIL.exec(mailFrom);
    if (!match)
      throw new Error(
        `Context mailFrom must be an email address, got "${mailFrom}". Pass the SES-verified sender ` +
          `of the notices, e.g.: ${DEPLOY_EXAMPLE}`,
      );
    domain = match[1] as string;
  }

  const explicit = list(context('sesIdentity'));
  for (const identity of explicit)
    if (!/^[^\s/*]+$/.test(identity))
      throw new Error(`Context sesIdentity has an invalid entry "${identity}"`);

  const sesIdentityArns = list(context('sesIdentityArn'));
  for (const arn of sesIdentityArns)
    if (!/^arn:aws[a-z-]*:ses:[a-z0-9-]+:\d{12}:identity\/[^\s*]+$/.test(arn))
      throw new Error(`Context sesIdentityArn must be an SES identity ARN without wildcards, got "${arn}"`);

  // The identities the grants will name; when the sender is known it must be one of them (as the
  // address or its domain), otherwise SES rejects every mail with AccessDenied.
  if (mailFrom !== undefined && domain !== undefined) {
    if (sesIdentityArns.length > 0 && !sesIdentityArns.some((arn) => covers(identityOfArn(arn), mailFrom)))
      throw new Error(
        `Context sesIdentityArn (${sesIdentityArns.join(', ')}) does not cover the sender ${mailFrom}: ` +
          `none ends in identity/${domain} or identity/${mailFrom}, so SES would reject every mail. ` +
          `Pass the ARN of the verified identity of the sender, e.g. ` +
          `-c sesIdentityArn=arn:aws:ses:REGION:ACCOUNT:identity/${domain}, or a -c mailFrom=... that it covers.`,
      );
    if (
      sesIdentityArns.length === 0 &&
      explicit.length > 0 &&
      !explicit.some((identity) => covers(identity, mailFrom))
    )
      throw new Error(
        `Context sesIdentity (${explicit.join(', ')}) does not cover the sender ${mailFrom}: it holds ` +
          `neither ${domain} nor ${mailFrom}, so SES would reject every mail. Pass ` +
          `-c sesIdentity=${[domain, ...explicit].join(',')} (or leave sesIdentity out to grant ` +
          `${domain} and ${mailFrom}), or a -c mailFrom=... that it covers.`,
      );
  }

  // By default both the domain and the address: SES checks the identity the From address belongs
  // to, which is the address if it was verified on its own and the domain otherwise.
  const sesIdentities =
    explicit.length > 0 ? explicit : mailFrom !== undefined && domain !== undefined ? [domain, mailFrom] : [];
  return { mailFrom, sesIdentities, sesIdentityArns };
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * AllowedPattern of the deploy-time sender parameter: any address, or, when the identities were
 * given explicitly, only the addresses they cover (an address identity itself, any address of a
 * domain identity), so that CloudFormation refuses a sender the functions may not send as.
 */
export const senderPattern = (config: DeployConfig): string => {
  const identities =
    config.sesIdentityArns.length > 0 ? config.sesIdentityArns.map(identityOfArn) : config.sesIdentities;
  if (identities.length === 0) return EMAIL_PATTERN;
  const alternatives = identities.map((identity) =>
    identity.includes('@') ? escapeRegExp(identity) : `[^\\s@]+@${escapeRegExp(identity)}`,
  );
  return alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join('|')})`;
};
