import * as z from 'zod';

/** What a Lambda is told through its environment; read and checked once per cold start. */
const RuntimeEnv = z.object({
  TABLE_NAME: z.string().min(1),
  BUCKET_NAME: z.string().min(1).default('examdesk-files'),
  MAIL_FROM: z.email().default('examdesk@example.edu'),
  AWS_REGION: z.string().default('eu-west-3'),
  /** Set only by the local server: endpoints of the embedded services. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  S3_ENDPOINT: z.url().optional(),
  SES_ENDPOINT: z.url().optional(),
});

export type RuntimeEnv = z.infer<typeof RuntimeEnv>;

export const readEnv = (env: NodeJS.ProcessEnv = process.env): RuntimeEnv => {
  const parsed = RuntimeEnv.safeParse(env);
  if (!parsed.success)
    throw new Error(
      `Bad environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
};
