import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PutObjectCommand, S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LOCAL_ADMIN, principalsOf } from '../../local/aws/iam.js';
import { startS3Local, type S3Local } from '../../local/services/s3-local.js';
import { bucketCorsRules, matchCorsRule, type CorsRule } from '../../local/template/bucket-cors.js';
import { readLocalApp } from '../../local/template/local-app.js';
import type { CfnTemplate } from '../../local/template/resolve.js';

/**
 * The browser app uploads with fetch + FormData to a presigned POST URL and downloads with presigned
 * GET URLs, from the app's origin to S3's: the local S3 answers CORS as S3 does, from the bucket's
 * CorsConfiguration in the synthesized template.
 */
const region = 'eu-west-3';
const APP = 'http://127.0.0.1:3000';

const rules: CorsRule[] = [
  {
    allowedOrigins: [APP, 'https://*.exams.example.edu'],
    allowedMethods: ['POST', 'GET'],
    allowedHeaders: ['content-type', 'x-amz-*'],
    exposedHeaders: ['ETag', 'x-amz-version-id'],
    maxAge: 600,
  },
  { allowedOrigins: ['*'], allowedMethods: ['HEAD'], allowedHeaders: [], exposedHeaders: [] },
];

describe('CORS rules: matching as S3 does', () => {
  it('matches origin (one * wildcard), method, and every requested header (case-insensitive)', () => {
    expect(matchCorsRule(rules, { origin: APP, method: 'POST' })).toBe(rules[0]);
    expect(matchCorsRule(rules, { origin: 'https://lab.exams.example.edu', method: 'GET' })).toBe(rules[0]);
    expect(matchCorsRule(rules, { origin: 'https://exams.example.edu', method: 'GET' })).toBeUndefined();
    expect(matchCorsRule(rules, { origin: APP, method: 'PUT' })).toBeUndefined();
    expect(
      matchCorsRule(rules, { origin: APP, method: 'POST', headers: ['Content-Type', 'X-Amz-Date'] }),
    ).toBe(rules[0]);
    expect(matchCorsRule(rules, { origin: APP, method: 'POST', headers: ['authorization'] })).toBeUndefined();
    expect(matchCorsRule(rules, { origin: 'https://evil.example', method: 'HEAD' })).toBe(rules[1]);
    expect(
      matchCorsRule(rules, { origin: 'http://127.0.0.1:3000.evil.example', method: 'GET' }),
    ).toBeUndefined();
  });

  it('reads the files bucket’s rules from the template; the CloudFront origin is the app’s here', () => {
    // Every stack of the run's assembly: the bucket's allowed origin is imported from the web stack.
    const synthDir = inject('synthDir');
    const stacks = Object.fromEntries(
      readdirSync(synthDir)
        .filter((f) => f.endsWith('.template.json'))
        .map((f) => [
          f.replace('.template.json', ''),
          JSON.parse(readFileSync(join(synthDir, f), 'utf8')) as CfnTemplate,
        ]),
    );
    const app = readLocalApp(stacks, { assemblyDir: synthDir });
    const files = bucketCorsRules(app, { appOrigin: APP }).get('examdesk-files');
    expect(files?.length).toBeGreaterThan(0);
    // What the browser app does: POST the form, GET the file, from its origin.
    for (const method of ['POST', 'GET'])
      expect(matchCorsRule(files ?? [], { origin: APP, method })).toBeDefined();
    expect(matchCorsRule(files ?? [], { origin: APP, method: 'DELETE' })).toBeUndefined();
    expect(files?.flatMap((r) => r.exposedHeaders)).toContain('ETag');
  });
});

describe('local S3: CORS', () => {
  let s3: S3Local;
  const client = () =>
    new S3Client({ region, endpoint: s3.endpoint, forcePathStyle: true, credentials: LOCAL_ADMIN });
  const preflight = (path: string, headers: Record<string, string>) =>
    fetch(`${s3.endpoint}${path}`, { method: 'OPTIONS', headers });

  beforeAll(async () => {
    s3 = await startS3Local({
      buckets: [
        { name: 'cors-files', versioned: true, cors: rules },
        { name: 'no-cors', versioned: false },
      ],
      principals: principalsOf([LOCAL_ADMIN]),
      region,
    });
    await client().send(new PutObjectCommand({ Bucket: 'cors-files', Key: 'uploads/a.pdf', Body: '%PDF-1' }));
  });
  afterAll(async () => {
    await s3?.stop();
  });

  it('answers an allowed preflight with 200 and the rule’s Access-Control-* headers, unsigned', async () => {
    const res = await preflight('/cors-files', {
      origin: APP,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    });
    expect(res.status).toBe(200);
    expect(Object.fromEntries(res.headers)).toMatchObject({
      'access-control-allow-origin': APP,
      'access-control-allow-methods': 'POST, GET',
      'access-control-allow-headers': 'content-type',
      'access-control-expose-headers': 'ETag, x-amz-version-id',
      'access-control-max-age': '600',
      'access-control-allow-credentials': 'true',
      vary: 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method',
    });
    const anyOrigin = await preflight('/cors-files/uploads/a.pdf', {
      origin: 'https://elsewhere.example',
      'access-control-request-method': 'HEAD',
    });
    expect(anyOrigin.status).toBe(200);
    expect(anyOrigin.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('refuses a preflight no rule allows with 403 CORSResponse', async () => {
    const refusals: Record<string, string>[] = [
      { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      { origin: APP, 'access-control-request-method': 'PUT' },
      {
        origin: APP,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization',
      },
    ];
    for (const headers of refusals) {
      const res = await preflight('/cors-files/uploads/a.pdf', headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      const body = await res.text();
      expect(body).toContain('<Code>AccessForbidden</Code>');
      expect(body).toContain('CORSResponse: This CORS request is not allowed');
    }
    const noCors = await preflight('/no-cors', { origin: APP, 'access-control-request-method': 'GET' });
    expect(noCors.status).toBe(403);
    expect(await noCors.text()).toContain('CORSResponse: CORS is not enabled for this bucket.');
    const noOrigin = await preflight('/cors-files', { 'access-control-request-method': 'GET' });
    expect(noOrigin.status).toBe(400);
  });

  it('puts the rule’s headers on a presigned GET from the app, and none for another origin', async () => {
    const url = await getSignedUrl(
      client(),
      new GetObjectCommand({ Bucket: 'cors-files', Key: 'uploads/a.pdf' }),
      {
        expiresIn: 60,
      },
    );
    const fromApp = await fetch(url, { headers: { origin: APP } });
    expect(fromApp.status).toBe(200);
    expect(await fromApp.text()).toBe('%PDF-1');
    expect(fromApp.headers.get('access-control-allow-origin')).toBe(APP);
    expect(fromApp.headers.get('access-control-expose-headers')).toBe('ETag, x-amz-version-id');
    expect(fromApp.headers.get('vary')).toMatch(/^Origin/);
    const fromElsewhere = await fetch(url, { headers: { origin: 'https://evil.example' } });
    expect(fromElsewhere.status).toBe(200);
    expect(fromElsewhere.headers.get('access-control-allow-origin')).toBeNull();
    // Errors carry them too, so the page can read S3's answer.
    const forged = await fetch(
      url.replace(/X-Amz-Signature=[0-9a-f]+/, `X-Amz-Signature=${'0'.repeat(64)}`),
      {
        headers: { origin: APP },
      },
    );
    expect(forged.status).toBe(403);
    expect(forged.headers.get('access-control-allow-origin')).toBe(APP);
  });

  it('puts them on a presigned POST upload from the app', async () => {
    const { url, fields } = await createPresignedPost(client(), {
      Bucket: 'cors-files',
      Key: 'uploads/b.pdf',
      Fields: { 'Content-Type': 'application/pdf' },
      Expires: 600,
    });
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob(['%PDF-2']), 'b.pdf');
    const res = await fetch(url, { method: 'POST', body: form, headers: { origin: APP } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(res.headers.get('access-control-expose-headers')).toContain('ETag');
  });
});

describe('the test run’s stack: the files bucket allows the app’s origin', () => {
  const endpoint = inject('stackEnv').AWS_ENDPOINT_URL_S3 ?? '';
  const bucket = inject('stackEnv').BUCKET_NAME ?? '';
  const appOrigin = new URL(inject('appUrl')).origin;

  it('lets the app preflight its upload and download, and no one else', async () => {
    for (const method of ['POST', 'GET']) {
      const res = await fetch(`${endpoint}/${bucket}`, {
        method: 'OPTIONS',
        headers: { origin: appOrigin, 'access-control-request-method': method },
      });
      expect(res.status, method).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toMatch(new RegExp(`^(\\*|${appOrigin})$`));
    }
    const evil = await fetch(`${endpoint}/${bucket}`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(evil.status).toBe(403);
  });
});
