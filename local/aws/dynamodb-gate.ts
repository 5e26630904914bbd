import { verifySigV4 } from './sigv4.js';
import { accessDeniedMessage, isAllowed, type Principals } from './iam.js';
import { startGate, type Gate, type Refusal } from './gate.js';

type Body = Record<string, unknown>;

/** An execution environment's key: its role's key + X + the instance number (see runners.ts). */
const INSTANCE_KEY = /X\d+$/;

/** DynamoDB's JSON errors: HTTP 400 with a __type, even for access denied. */
const refuse = (type: string, message: string, status = 400): Refusal => ({
  status,
  headers: {
    'content-type': 'application/x-amz-json-1.0',
    'x-amzn-requestid': Math.random().toString(36).slice(2).toUpperCase(),
  },
  body: JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message }),
});

const SIGNATURE_ERRORS: Record<string, string> = {
  MissingAuthenticationToken: 'MissingAuthenticationTokenException',
  InvalidAccessKeyId: 'UnrecognizedClientException',
  SignatureDoesNotMatch: 'InvalidSignatureException',
};

const TRANSACT_ACTIONS: Record<string, string> = {
  ConditionCheck: 'dynamodb:ConditionCheckItem',
  Put: 'dynamodb:PutItem',
  Update: 'dynamodb:UpdateItem',
  Delete: 'dynamodb:DeleteItem',
  Get: 'dynamodb:GetItem',
};

/**
 * The IAM actions and resources one DynamoDB request needs, as AWS authorizes them: batch calls
 * per table, transactions per item with the item's own action, queries on an index per index.
 */
export const dynamoDbAuthorizations = (
  operation: string,
  body: Body,
  tableArn: (table: string) => string,
): { action: string; resource: string }[] => {
  const table = (name: unknown) => tableArn(String(name));
  switch (operation) {
    case 'BatchGetItem':
    case 'BatchWriteItem':
      return Object.keys((body.RequestItems as Body | undefined) ?? {}).map((name) => ({
        action: `dynamodb:${operation}`,
        resource: table(name),
      }));
    case 'TransactWriteItems':
    case 'TransactGetItems':
      return ((body.TransactItems as Body[] | undefined) ?? []).flatMap((item) =>
        Object.entries(item).map(([kind, spec]) => ({
          action: TRANSACT_ACTIONS[kind] ?? `dynamodb:${kind}`,
          resource: table((spec as Body).TableName),
        })),
      );
    case 'ListTables':
      return [{ action: 'dynamodb:ListTables', resource: '*' }];
    default: {
      const base = table(body.TableName);
      const index = body.IndexName;
      return [{ action: `dynamodb:${operation}`, resource: index ? `${base}/index/${String(index)}` : base }];
    }
  }
};

export interface DynamoDbGate extends Gate {
  /** The operations an access key made since the last take (one execution environment's invocation). */
  take(accessKeyId: string): string[];
}

/**
 * In front of DynamoDB Local, which accepts anything: SigV4 checked against the principals, every
 * action checked against the caller's IAM statements (AccessDeniedException as AWS sends it).
 */
export const startDynamoDbGate = async (options: {
  upstream: string;
  principals: Principals;
  region: string;
  account: string;
}): Promise<DynamoDbGate> => {
  const calls = new Map<string, string[]>();
  const gate = await startGate({
    upstream: options.upstream,
    check: async (req) => {
      const signed = await verifySigV4(req, options.principals, new Date());
      if (!signed.ok) return refuse(SIGNATURE_ERRORS[signed.code] ?? signed.code, signed.message);
      const target = String(req.headers['x-amz-target'] ?? '');
      const operation = target.split('.')[1] ?? '';
      let body: Body;
      try {
        body = JSON.parse(req.body.toString('utf8') || '{}') as Body;
      } catch {
        return refuse('SerializationException', 'Start of structure or map found where not expected');
      }
      const key = /Credential=([^/]+)\//.exec(String(req.headers.authorization ?? ''))?.[1] ?? '';
      // Only execution environments (keys with an instance suffix) are counted for the gateway.
      if (INSTANCE_KEY.test(key)) calls.set(key, [...(calls.get(key) ?? []), operation]);
      const tableArn = (name: string) =>
        name.startsWith('arn:')
          ? name
          : `arn:aws:dynamodb:${options.region}:${options.account}:table/${name}`;
      for (const { action, resource } of dynamoDbAuthorizations(operation, body, tableArn))
        if (!isAllowed(signed.principal, action, resource))
          return refuse('AccessDeniedException', accessDeniedMessage(signed.principal, action, resource));
      return undefined;
    },
  });
  return {
    ...gate,
    take: (accessKeyId) => {
      const made = calls.get(accessKeyId) ?? [];
      calls.delete(accessKeyId);
      return made;
    },
  };
};
