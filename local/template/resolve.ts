/**
 * Just enough of CloudFormation's intrinsic functions to read the synthesized templates locally:
 * Ref, Fn::GetAtt, Fn::ImportValue, Fn::Join, Fn::Sub, Fn::Select, Fn::Split and the pseudo
 * parameters. Each resource gets a local physical name; ARNs are built the way AWS builds them, so
 * the IAM statements of the template can be evaluated against the requests the functions make.
 */
export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
  Metadata?: Record<string, unknown>;
  DependsOn?: unknown;
}

export interface CfnTemplate {
  Resources: Record<string, CfnResource>;
  Outputs?: Record<string, { Value: unknown; Export?: { Name: unknown } }>;
  Parameters?: Record<string, { Type: string; Default?: unknown }>;
}

export interface ResolveContext {
  region: string;
  account: string;
  /** Values of template parameters (their defaults are used otherwise). */
  parameters?: Record<string, string>;
  /** Local physical name of a resource, by its construct path (`aws:cdk:path`) or logical id. */
  physicalName: (stackName: string, logicalId: string, resource: CfnResource) => string;
}

export class TemplateError extends Error {}

export const cdkPath = (resource: CfnResource): string | undefined => {
  const path = resource.Metadata?.['aws:cdk:path'];
  return typeof path === 'string' ? path : undefined;
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The stacks of one app, resolved together: Fn::ImportValue finds the exporting stack's output. */
export class AppTemplates {
  private readonly exports = new Map<string, { stack: string; value: unknown }>();

  constructor(
    readonly stacks: Record<string, CfnTemplate>,
    readonly context: ResolveContext,
  ) {
    for (const [stack, template] of Object.entries(stacks))
      for (const output of Object.values(template.Outputs ?? {}))
        if (output.Export) {
          const name = this.resolve(stack, output.Export.Name);
          this.exports.set(String(name), { stack, value: output.Value });
        }
  }

  resource(stack: string, logicalId: string): CfnResource {
    const found = this.stacks[stack]?.Resources[logicalId];
    if (!found) throw new TemplateError(`No resource ${logicalId} in ${stack}`);
    return found;
  }

  physicalName(stack: string, logicalId: string): string {
    return this.context.physicalName(stack, logicalId, this.resource(stack, logicalId));
  }

  /** What `Ref` gives for a resource, as AWS defines it for that type. */
  ref(stack: string, logicalId: string): string {
    if (logicalId.startsWith('AWS::')) return this.pseudo(stack, logicalId);
    const parameter = this.stacks[stack]?.Parameters?.[logicalId];
    if (parameter) {
      const value = this.context.parameters?.[logicalId] ?? parameter.Default;
      if (value === undefined) throw new TemplateError(`Parameter ${logicalId} of ${stack} has no value`);
      return String(value);
    }
    return this.physicalName(stack, logicalId);
  }

  getAtt(stack: string, logicalId: string, attribute: string): string {
    const { region, account } = this.context;
    const resource = this.resource(stack, logicalId);
    const name = this.physicalName(stack, logicalId);
    switch (`${resource.Type}.${attribute}`) {
      case 'AWS::DynamoDB::Table.Arn':
        return `arn:aws:dynamodb:${region}:${account}:table/${name}`;
      case 'AWS::DynamoDB::Table.StreamArn':
        return `arn:aws:dynamodb:${region}:${account}:table/${name}/stream/*`;
      case 'AWS::S3::Bucket.Arn':
        return `arn:aws:s3:::${name}`;
      case 'AWS::Lambda::Function.Arn':
        return `arn:aws:lambda:${region}:${account}:function:${name}`;
      case 'AWS::IAM::Role.Arn':
        return `arn:aws:iam::${account}:role/${name}`;
      case 'AWS::Logs::LogGroup.Arn':
        return `arn:aws:logs:${region}:${account}:log-group:${name}:*`;
      case 'AWS::SQS::Queue.Arn':
        return `arn:aws:sqs:${region}:${account}:${name}`;
      case 'AWS::SNS::Topic.TopicArn':
        return `arn:aws:sns:${region}:${account}:${name}`;
      default:
        return `${name}.${attribute}`;
    }
  }

  private pseudo(stack: string, name: string): string {
    switch (name) {
      case 'AWS::Region':
        return this.context.region;
      case 'AWS::AccountId':
        return this.context.account;
      case 'AWS::Partition':
        return 'aws';
      case 'AWS::URLSuffix':
        return 'amazonaws.com';
      case 'AWS::StackName':
        return stack;
      case 'AWS::NoValue':
        return '';
      default:
        throw new TemplateError(`Unknown pseudo parameter ${name}`);
    }
  }

  /** Resolves every intrinsic inside `value`; plain values come back as they are. */
  resolve(stack: string, value: unknown): unknown {
    if (Array.isArray(value)) return value.map((v) => this.resolve(stack, v));
    if (!isObject(value)) return value;
    const keys = Object.keys(value);
    if (keys.length === 1) {
      const [fn] = keys as [string];
      const arg = value[fn];
      switch (fn) {
        case 'Ref':
          return this.ref(stack, String(arg));
        case 'Fn::GetAtt': {
          const [id, attribute] = (Array.isArray(arg) ? arg : String(arg).split('.')) as [string, string];
          return this.getAtt(stack, id, attribute);
        }
        case 'Fn::ImportValue': {
          const name = String(this.resolve(stack, arg));
          const exported = this.exports.get(name);
          if (!exported) throw new TemplateError(`No stack exports ${name}`);
          return this.resolve(exported.stack, exported.value);
        }
        case 'Fn::Join': {
          const [separator, parts] = arg as [string, unknown[]];
          return (this.resolve(stack, parts) as unknown[]).join(separator);
        }
        case 'Fn::Select': {
          const [index, list] = arg as [unknown, unknown];
          return (this.resolve(stack, list) as unknown[])[Number(this.resolve(stack, index))];
        }
        case 'Fn::Split': {
          const [separator, text] = arg as [string, unknown];
          return String(this.resolve(stack, text)).split(separator);
        }
        case 'Fn::Sub': {
          const [text, vars] = (Array.isArray(arg) ? arg : [arg, {}]) as [string, Record<string, unknown>];
          return text.replace(/\$\{([^}]+)\}/g, (_m, name: string) => {
            if (name in vars) return String(this.resolve(stack, vars[name]));
            const [id, attribute] = name.split('.') as [string, string | undefined];
            return attribute ? this.getAtt(stack, id, attribute) : this.ref(stack, id);
          });
        }
        default:
          if (fn.startsWith('Fn::')) throw new TemplateError(`Unsupported intrinsic ${fn}`);
      }
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.resolve(stack, v)]));
  }
}
