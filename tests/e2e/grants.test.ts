import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type LocalStack } from '../../local/stack.js';
import { readLocalApp } from '../../local/template/local-app.js';
import { synthesizedTemplates } from '../support/synthesized.js';
import { Api } from '../support/api.js';
import { demoCourse } from '../../shared/demo/demo-course.js';

/**
 * The template's IAM statements are what the local services enforce: the app the test run serves,
 * with one grant taken away from one route's role, fails that route the way AWS would (the
 * handler's 500 with a request id, AccessDenied in the log) and nothing else.
 */
describe('a grant taken away from a route fails it as on AWS', () => {
  let stack: LocalStack;
  let api: Api;

  beforeAll(async () => {
    const { synthDir, stacks } = synthesizedTemplates();
    // PUT /courses/{courseId} loses its table-write statement (the policy that grants dynamodb:PutItem).
    const resources = stacks.ExamdeskStateless.Resources;
    const policy = Object.entries(resources).find(
      ([id, r]) => r.Type === 'AWS::IAM::Policy' && id.startsWith('HttpPutCourseRole'),
    )?.[1];
    const document = policy?.Properties?.PolicyDocument as { Statement: { Action: unknown }[] };
    const before = document.Statement.length;
    document.Statement = document.Statement.filter(
      (s) => !JSON.stringify(s.Action).includes('dynamodb:PutItem'),
    );
    expect(document.Statement.length).toBe(before - 1);
    stack = await startStack({
      port: 0,
      bundles: true,
      scheduler: false,
      synthesized: { app: readLocalApp(stacks, { assemblyDir: synthDir }), outdir: synthDir },
    });
    api = new Api(stack.apiUrl);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('PUT /courses/{id} answers 500 with a request id; reads still work', async () => {
    const admin = api.as('admin@uni.example', { groups: ['admins'] });
    const put = await admin.put('/courses/grant-test', { ...demoCourse, instructors: ['t@uni.example'] });
    expect(put.status).toBe(500);
    expect(put.body).toMatchObject({
      error: { code: 'internal', message: expect.stringMatching(/request [0-9a-f-]{36}/) },
    });
    // Refused before anything was written; the routes that kept their grants still answer.
    expect((await admin.get('/courses/grant-test')).status).toBe(404);
    expect((await admin.get('/courses')).status).toBe(200);
  });
});
