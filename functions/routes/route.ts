import type { z } from 'zod';

export type Method = 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';

/** What a function may touch; CDK turns each into the narrowest grant. Routes default to table-read. */
export type Access = 'table-read' | 'table-write' | 'bucket-read' | 'bucket-write' | 'mail';

export interface ResponseDoc {
  description: string;
  schema?: z.ZodType;
  contentType?: string;
}

/** One HTTP route: what the gateway serves, what CDK deploys, what the OpenAPI document says. */
export interface Route {
  method: Method;
  path: string;
  /** Module under functions/ exporting `handler`, without extension. */
  handler: string;
  summary: string;
  tag: string;
  public?: boolean;
  access?: Access[];
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Other accepted request media types, described in words. */
  bodyAlternatives?: Record<string, string>;
  responses: Record<number, ResponseDoc>;
}

export const json = (description: string, schema?: z.ZodType): ResponseDoc => ({
  description,
  ...(schema ? { schema } : {}),
});
