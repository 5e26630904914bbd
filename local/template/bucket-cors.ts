import * as z from 'zod';
import { log } from '../../shared/runtime/log.js';
import type { LocalApp } from './local-app.js';

/** One rule of a bucket's CORS configuration (AWS::S3::Bucket CorsConfiguration.CorsRules). */
export interface CorsRule {
  id?: string;
  /** Origins, each with at most one `*` wildcard. */
  allowedOrigins: string[];
  allowedMethods: string[];
  /** Headers a preflight may ask for, each with at most one `*` wildcard. */
  allowedHeaders: string[];
  exposedHeaders: string[];
  maxAge?: number;
}

const CfnCorsRule = z.object({
  Id: z.string().optional(),
  AllowedOrigins: z.array(z.string().min(1)).min(1),
  AllowedMethods: z.array(z.enum(['GET', 'PUT', 'POST', 'DELETE', 'HEAD'])).min(1),
  AllowedHeaders: z.array(z.string().min(1)).optional(),
  ExposedHeaders: z.array(z.string().min(1)).optional(),
  MaxAge: z.number().int().min(0).optional(),
});
const CfnCorsConfiguration = z.object({ CorsRules: z.array(CfnCorsRule) });

/** The local names of the app's CloudFront distributions' domains (`<name>.DomainName`). */
const distributionDomains = (app: Pick<LocalApp, 'templates'>): Set<string> => {
  const domains = new Set<string>();
  for (const [stack, template] of Object.entries(app.templates.stacks))
    for (const [id, resource] of Object.entries(template.Resources))
      if (resource.Type === 'AWS::CloudFront::Distribution')
        domains.add(app.templates.getAtt(stack, id, 'DomainName'));
  return domains;
};

/**
 * Each bucket's CORS rules as the synthesized templates declare them, by the bucket's local name.
 * An allowed origin naming a CloudFront distribution of the app (`https://<its domain>`) is the
 * app's origin: locally the gateway serves the app, so `appOrigin` stands in for it. A configuration
 * the local stack cannot read is logged and left out: the bucket then answers preflights as a bucket
 * without CORS does (403), rather than keeping the API from starting.
 */
export const bucketCorsRules = (
  app: Pick<LocalApp, 'templates'>,
  options: { appOrigin?: string } = {},
): Map<string, CorsRule[]> => {
  const rules = new Map<string, CorsRule[]>();
  const distributions = distributionDomains(app);
  const local = (origin: string) => {
    const host = /^https:\/\/([^/]+)$/.exec(origin)?.[1];
    return options.appOrigin && host && distributions.has(host) ? options.appOrigin : origin;
  };
  for (const [stack, template] of Object.entries(app.templates.stacks))
    for (const [id, resource] of Object.entries(template.Resources)) {
      const cors = resource.Properties?.CorsConfiguration;
      if (resource.Type !== 'AWS::S3::Bucket' || cors === undefined) continue;
      const name = app.templates.physicalName(stack, id);
      let parsed;
      try {
        parsed = CfnCorsConfiguration.safeParse(app.templates.resolve(stack, cors));
      } catch (error) {
        log.error('bucket CORS configuration not resolvable locally', { bucket: name, error });
        continue;
      }
      if (!parsed.success) {
        log.error('bucket CORS configuration not understood', { bucket: name, issues: parsed.error.issues });
        continue;
      }
      rules.set(
        name,
        parsed.data.CorsRules.map((r) => ({
          ...(r.Id !== undefined ? { id: r.Id } : {}),
          allowedOrigins: [...new Set(r.AllowedOrigins.map(local))],
          allowedMethods: r.AllowedMethods,
          allowedHeaders: r.AllowedHeaders ?? [],
          exposedHeaders: r.ExposedHeaders ?? [],
          ...(r.MaxAge !== undefined ? { maxAge: r.MaxAge } : {}),
        })),
      );
    }
  return rules;
};

/** `pattern` with at most one `*` standing for any text (S3's origin and header wildcards). */
const matches = (pattern: string, value: string): boolean => {
  const star = pattern.indexOf('*');
  if (star < 0) return pattern === value;
  const prefix = pattern.slice(0, star);
  const suffix = pattern.slice(star + 1);
  return value.length >= prefix.length + suffix.length && value.startsWith(prefix) && value.endsWith(suffix);
};

export interface CorsRequest {
  origin: string;
  /** The actual request's method, or a preflight's Access-Control-Request-Method. */
  method: string;
  /** A preflight's Access-Control-Request-Headers. */
  headers?: string[];
}

/**
 * The first rule that allows the request, as S3 evaluates them: the origin matches one of its
 * origins, the method is one of its methods, and (preflight) every requested header one of its
 * headers (header names are case-insensitive, origins are not).
 */
export const matchCorsRule = (rules: readonly CorsRule[], request: CorsRequest): CorsRule | undefined =>
  rules.find(
    (rule) =>
      rule.allowedOrigins.some((o) => matches(o, request.origin)) &&
      rule.allowedMethods.includes(request.method.toUpperCase()) &&
      (request.headers ?? []).every((h) =>
        rule.allowedHeaders.some((a) => matches(a.toLowerCase(), h.toLowerCase())),
      ),
  );

/** What S3 varies its CORS answers on, sent whenever the bucket has CORS rules. */
export const CORS_VARY = 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method';

/** The Access-Control-* headers S3 answers for a rule that matched. */
export const corsHeaders = (rule: CorsRule, request: CorsRequest): Record<string, string> => {
  const anyOrigin = rule.allowedOrigins.includes('*');
  return {
    'access-control-allow-origin': anyOrigin ? '*' : request.origin,
    'access-control-allow-methods': rule.allowedMethods.join(', '),
    ...(request.headers?.length ? { 'access-control-allow-headers': request.headers.join(', ') } : {}),
    ...(rule.exposedHeaders.length
      ? { 'access-control-expose-headers': rule.exposedHeaders.join(', ') }
      : {}),
    ...(rule.maxAge !== undefined ? { 'access-control-max-age': String(rule.maxAge) } : {}),
    ...(anyOrigin ? {} : { 'access-control-allow-credentials': 'true' }),
    vary: CORS_VARY,
  };
};
