import { join } from 'node:path';
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import type { IamStatement } from '../aws/iam.js';
import { AppTemplates, cdkPath, TemplateError, type CfnResource, type CfnTemplate } from './resolve.js';

/**
 * The deployed app as the local stack runs it, read from the synthesized templates (never from a
 * second hand-written list): each function with its bundle folder, environment, timeout and the
 * IAM statements of its role; the API's routes; the EventBridge rules; the table and the buckets.
 */
export interface LocalFunctionSpec {
  stack: string;
  logicalId: string;
  /** The construct id (e.g. HttpGetCourse, JobUploadReceived): stable across syntheses. */
  constructId: string;
  /** Local physical name, as AWS_LAMBDA_FUNCTION_NAME. */
  name: string;
  /** `index.handler`: the module file and its export. */
  handler: string;
  /** Absolute folder of the function's bundle (the asset), when the app was synthesized with bundling. */
  assetDir?: string;
  environment: Record<string, string>;
  timeoutSeconds: number;
  memoryMb: number;
  runtime: string;
  roleName: string;
  statements: IamStatement[];
  /** Asynchronous invocations: retries after a failure (EventInvokeConfig), default 2 as on AWS. */
  retryAttempts: number;
}

export interface LocalRouteSpec {
  routeKey: string;
  functionId: string;
  authorization: string;
}

export interface LocalRuleSpec {
  logicalId: string;
  description?: string;
  schedule?: string;
  pattern?: unknown;
  targets: { functionId: string; input?: unknown }[];
}

/** A Lambda event source mapping on a DynamoDB stream (AWS::Lambda::EventSourceMapping). */
export interface LocalStreamMappingSpec {
  logicalId: string;
  functionId: string;
  /** The table whose stream feeds the function. */
  tableName: string;
  /** Lambda's filter patterns (any must match), parsed from FilterCriteria. */
  filters: unknown[];
  batchSize: number;
  startingPosition: string;
  /** -1: until the record expires, as Lambda does. */
  maximumRetryAttempts: number;
  reportBatchItemFailures: boolean;
}

export interface LocalTableSpec {
  name: string;
  create: CreateTableCommandInput;
  ttlAttribute?: string;
}

export interface LocalBucketSpec {
  name: string;
  constructPath: string;
  versioned: boolean;
}

export interface LocalApp {
  functions: Map<string, LocalFunctionSpec>;
  routes: LocalRouteSpec[];
  rules: LocalRuleSpec[];
  streamMappings: LocalStreamMappingSpec[];
  tables: LocalTableSpec[];
  buckets: LocalBucketSpec[];
  templates: AppTemplates;
}

export const LOCAL_REGION = 'eu-west-3';
export const LOCAL_ACCOUNT_ID = '000000000000';

/** Local names of the resources people see (in .data/, in the mailbox, in logs); others are derived. */
const FIXED_NAMES: Record<string, string> = {
  'ExamdeskStateful/Table/Resource': 'examdesk',
  'ExamdeskStateful/FilesBucket/Resource': 'examdesk-files',
};

const constructIdOf = (resource: CfnResource, logicalId: string) => {
  const path = cdkPath(resource);
  const parts = path?.split('/') ?? [];
  // ExamdeskStateless/HttpGetCourse/Resource -> HttpGetCourse
  return parts.length >= 3 ? (parts[parts.length - 2] ?? logicalId) : logicalId;
};

const localName = (stack: string, logicalId: string, resource: CfnResource): string => {
  const path = cdkPath(resource);
  if (path && FIXED_NAMES[path]) return FIXED_NAMES[path];
  return `${stack}-${constructIdOf(resource, logicalId)}`.toLowerCase();
};

const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

const str = (value: unknown, what: string): string => {
  if (typeof value !== 'string') throw new TemplateError(`${what} is not a string: ${JSON.stringify(value)}`);
  return value;
};

/** `{ "Fn::GetAtt": [id, "Arn"] }` / `{ Ref: id }` -> id, without resolving. */
const referencedId = (value: unknown): string | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.Ref === 'string') return v.Ref;
  const att = v['Fn::GetAtt'];
  if (Array.isArray(att) && typeof att[0] === 'string') return att[0];
  return undefined;
};

export const readLocalApp = (
  stacks: Record<string, CfnTemplate>,
  options: { assemblyDir?: string; parameters?: Record<string, string> } = {},
): LocalApp => {
  const templates = new AppTemplates(stacks, {
    region: LOCAL_REGION,
    account: LOCAL_ACCOUNT_ID,
    ...(options.parameters ? { parameters: options.parameters } : {}),
    physicalName: localName,
  });
  const functions = new Map<string, LocalFunctionSpec>();
  const routes: LocalRouteSpec[] = [];
  const rules: LocalRuleSpec[] = [];
  const streamMappings: LocalStreamMappingSpec[] = [];
  const tables: LocalTableSpec[] = [];
  const buckets: LocalBucketSpec[] = [];

  for (const [stack, template] of Object.entries(stacks)) {
    const resources = Object.entries(template.Resources);
    const resolve = (v: unknown) => templates.resolve(stack, v);

    // Role -> statements, from the role's inline policies and the AWS::IAM::Policy resources on it.
    const statementsOf = new Map<string, IamStatement[]>();
    const addStatements = (roleId: string, document: unknown) => {
      const doc = resolve(document) as { Statement?: unknown };
      const found = statementsOf.get(roleId) ?? [];
      for (const s of list(doc.Statement as Record<string, unknown>[])) {
        found.push({
          effect: s.Effect === 'Deny' ? 'Deny' : 'Allow',
          actions: list(s.Action as string | string[]),
          resources: list(s.Resource as string | string[]),
        });
      }
      statementsOf.set(roleId, found);
    };
    for (const [id, r] of resources) {
      if (r.Type === 'AWS::IAM::Role')
        for (const p of list(r.Properties?.Policies as { PolicyDocument: unknown }[]))
          addStatements(id, p.PolicyDocument);
      if (r.Type === 'AWS::IAM::Policy')
        for (const role of list(r.Properties?.Roles as unknown[])) {
          const roleId = referencedId(role);
          if (roleId) addStatements(roleId, r.Properties?.PolicyDocument);
        }
    }
    const retries = new Map<string, number>();
    for (const [, r] of resources)
      if (r.Type === 'AWS::Lambda::EventInvokeConfig') {
        const fn = referencedId(r.Properties?.FunctionName);
        if (fn) retries.set(fn, Number(r.Properties?.MaximumRetryAttempts ?? 2));
      }

    const integrations = new Map<string, string>();
    for (const [id, r] of resources) {
      const p = r.Properties ?? {};
      switch (r.Type) {
        case 'AWS::Lambda::Function': {
          // The local stack runs Node functions. Others are CDK's own deploy-time handlers (the
          // web release's BucketDeployment runs the AWS CLI on Python): nothing to run here.
          if (!String(p.Runtime ?? '').startsWith('nodejs')) break;
          const roleId = referencedId(p.Role);
          if (!roleId) throw new TemplateError(`Function ${id} has no role of this stack`);
          const asset = r.Metadata?.['aws:asset:path'];
          const variables = (p.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables;
          functions.set(id, {
            stack,
            logicalId: id,
            constructId: constructIdOf(r, id),
            name: templates.physicalName(stack, id),
            handler: str(p.Handler, `${id}.Handler`),
            ...(typeof asset === 'string' && options.assemblyDir
              ? { assetDir: join(options.assemblyDir, asset) }
              : {}),
            environment: Object.fromEntries(
              Object.entries(variables ?? {}).map(([k, v]) => [k, String(resolve(v))]),
            ),
            timeoutSeconds: Number(p.Timeout ?? 3),
            memoryMb: Number(p.MemorySize ?? 128),
            runtime: String(p.Runtime ?? ''),
            roleName: templates.physicalName(stack, roleId),
            statements: statementsOf.get(roleId) ?? [],
            retryAttempts: retries.get(id) ?? 2,
          });
          break;
        }
        case 'AWS::ApiGatewayV2::Integration': {
          const fn = referencedId(p.IntegrationUri);
          if (fn) integrations.set(id, fn);
          break;
        }
        case 'AWS::Events::Rule':
          if (p.State === 'DISABLED') break;
          rules.push({
            logicalId: id,
            ...(typeof p.Description === 'string' ? { description: p.Description } : {}),
            ...(typeof p.ScheduleExpression === 'string' ? { schedule: p.ScheduleExpression } : {}),
            ...(p.EventPattern ? { pattern: resolve(p.EventPattern) } : {}),
            targets: list(p.Targets as Record<string, unknown>[]).flatMap((t) => {
              const fn = referencedId(t.Arn);
              if (!fn) return [];
              return [
                { functionId: fn, ...(t.Input ? { input: JSON.parse(String(resolve(t.Input))) } : {}) },
              ];
            }),
          });
          break;
        case 'AWS::Lambda::EventSourceMapping': {
          const fn = referencedId(p.FunctionName);
          const source = String(resolve(p.EventSourceArn) ?? '');
          const table = /:table\/([^/]+)\/stream\//.exec(source)?.[1];
          if (!fn || !table) break;
          const filters =
            (p.FilterCriteria as { Filters?: { Pattern: string }[] } | undefined)?.Filters ?? [];
          streamMappings.push({
            logicalId: id,
            functionId: fn,
            tableName: table,
            filters: filters.map((f) => JSON.parse(f.Pattern) as unknown),
            batchSize: Number(p.BatchSize ?? 100),
            startingPosition: String(p.StartingPosition ?? 'LATEST'),
            maximumRetryAttempts: Number(p.MaximumRetryAttempts ?? -1),
            reportBatchItemFailures: list(p.FunctionResponseTypes as string[]).includes(
              'ReportBatchItemFailures',
            ),
          });
          break;
        }
        case 'AWS::DynamoDB::Table': {
          const name = templates.physicalName(stack, id);
          const ttl = p.TimeToLiveSpecification as { AttributeName?: string; Enabled?: boolean } | undefined;
          const stream = p.StreamSpecification as { StreamViewType?: string } | undefined;
          tables.push({
            name,
            create: {
              TableName: name,
              KeySchema: p.KeySchema as CreateTableCommandInput['KeySchema'],
              AttributeDefinitions: p.AttributeDefinitions as CreateTableCommandInput['AttributeDefinitions'],
              BillingMode: (p.BillingMode as CreateTableCommandInput['BillingMode']) ?? 'PROVISIONED',
              ...(p.BillingMode === 'PAY_PER_REQUEST'
                ? {}
                : { ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 } }),
              ...(p.GlobalSecondaryIndexes
                ? {
                    GlobalSecondaryIndexes: (p.GlobalSecondaryIndexes as Record<string, unknown>[]).map(
                      (g) => ({
                        IndexName: g.IndexName as string,
                        KeySchema: g.KeySchema as NonNullable<CreateTableCommandInput['KeySchema']>,
                        Projection: g.Projection as { ProjectionType: 'ALL' },
                      }),
                    ),
                  }
                : {}),
              ...(stream?.StreamViewType
                ? {
                    StreamSpecification: {
                      StreamEnabled: true,
                      StreamViewType: stream.StreamViewType as 'NEW_AND_OLD_IMAGES',
                    },
                  }
                : {}),
            },
            ...(ttl?.Enabled && ttl.AttributeName ? { ttlAttribute: ttl.AttributeName } : {}),
          });
          break;
        }
        case 'AWS::S3::Bucket':
          buckets.push({
            name: templates.physicalName(stack, id),
            constructPath: cdkPath(r) ?? id,
            versioned: (p.VersioningConfiguration as { Status?: string } | undefined)?.Status === 'Enabled',
          });
          break;
      }
    }
    for (const [, r] of resources) {
      if (r.Type !== 'AWS::ApiGatewayV2::Route') continue;
      const p = r.Properties ?? {};
      const target = (p.Target as { 'Fn::Join'?: [string, unknown[]] } | undefined)?.['Fn::Join']?.[1];
      const integrationId = referencedId(target?.[1]);
      const fn = integrationId ? integrations.get(integrationId) : undefined;
      if (!fn) throw new TemplateError(`Route ${String(p.RouteKey)} has no Lambda integration`);
      routes.push({
        routeKey: str(p.RouteKey, 'RouteKey'),
        functionId: fn,
        authorization: String(p.AuthorizationType ?? 'NONE'),
      });
    }
  }
  return { functions, routes, rules, streamMappings, tables, buckets, templates };
};
