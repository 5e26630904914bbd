import { createServer, type Server } from 'node:http';
import { GetAccountCommand, SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { principalsOf, type Principal } from '../../local/aws/iam.js';
import { LOCAL_MAX_SEND_RATE, startSesGate, type SesGate } from '../../local/aws/ses-gate.js';
import { localRoutes } from '../../local/local-routes.js';

const identity = 'arn:aws:ses:eu-west-3:000000000000:identity/uni.example';
const sender: Principal = {
  name: 'sender-role',
  accessKeyId: 'ASIASENDER',
  secretAccessKey: 'secret-sender',
  statements: [
    { effect: 'Allow', actions: ['ses:SendEmail'], resources: [identity] },
    { effect: 'Allow', actions: ['ses:GetAccount'], resources: ['*'] },
  ],
};
const mailer: Principal = {
  name: 'mailer-role',
  accessKeyId: 'ASIAMAILER',
  secretAccessKey: 'secret-mailer',
  statements: [{ effect: 'Allow', actions: ['ses:SendEmail'], resources: [identity] }],
};
const principals = principalsOf([sender, mailer]);
const clientAs = (p: Principal, endpoint: string) =>
  new SESv2Client({
    endpoint,
    region: 'eu-west-3',
    credentials: { accessKeyId: p.accessKeyId, secretAccessKey: p.secretAccessKey },
    maxAttempts: 1,
  });
const mail = new SendEmailCommand({
  FromEmailAddress: 'exams@uni.example',
  Destination: { ToAddresses: ['s@students.example'] },
  Content: { Simple: { Subject: { Data: 'x' }, Body: { Text: { Data: 'y' } } } },
});

let upstream: Server;
let gate: SesGate;
beforeAll(async () => {
  upstream = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ MessageId: 'm-1' }));
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', () => r()));
  const address = upstream.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  gate = await startSesGate({
    upstream: `http://127.0.0.1:${port}`,
    principals,
    region: 'eu-west-3',
    account: '000000000000',
    verifiedIdentities: ['uni.example'],
  });
});
afterAll(async () => {
  await gate.stop();
  await new Promise((r) => upstream.close(r));
});

describe('local SES gate for the outbox sender', () => {
  it('answers GetAccount with the local send quota, to a role granted ses:GetAccount only', async () => {
    const account = await clientAs(sender, gate.endpoint).send(new GetAccountCommand({}));
    expect(account.SendQuota?.MaxSendRate).toBe(LOCAL_MAX_SEND_RATE);
    await expect(clientAs(mailer, gate.endpoint).send(new GetAccountCommand({}))).rejects.toMatchObject({
      name: 'AccessDeniedException',
    });
  });

  it('the fault switch throttles, then fails, the next sends, then lets them through', async () => {
    const routes = localRoutes({
      issuer: {} as never,
      clock: {} as never,
      scheduler: { run: async () => undefined },
      mailEndpoint: '',
      sesFaults: gate,
    });
    const put = routes.find((r) => r.method === 'PUT' && r.pattern.test('/_local/ses-faults'))!;
    const reply = await put.run(
      {} as never,
      Buffer.from(JSON.stringify({ throttle: 2, fail: 1 })),
      new URL('http://x/_local/ses-faults'),
      [] as unknown as RegExpExecArray,
    );
    expect(reply).toMatchObject({ status: 200, body: { throttle: 2, fail: 1 } });
    const client = clientAs(sender, gate.endpoint);
    await expect(client.send(mail)).rejects.toMatchObject({
      name: 'TooManyRequestsException',
      $metadata: { httpStatusCode: 429 },
    });
    await expect(client.send(mail)).rejects.toMatchObject({ name: 'TooManyRequestsException' });
    await expect(client.send(mail)).rejects.toMatchObject({ $metadata: { httpStatusCode: 500 } });
    await expect(client.send(mail)).resolves.toMatchObject({ MessageId: 'm-1' });
    expect(gate.faults()).toEqual({ throttle: 0, fail: 0, to: '' });
  });
});
