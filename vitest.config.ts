import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    // One file at a time (vitest's default on 2 cores): files share the local stack's clock and
    // fault settings, and two at a time gave failures and no faster run on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { LOG_LEVEL: 'silent', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      {
        extends: true,
        test: {
          name: 'app',
          include: ['tests/integration/**/*.test.ts', 'tests/e2e/**/*.test.ts', 'tests/browser/**/*.test.ts'],
          exclude: ['tests/e2e/local-stop.test.ts'],
          // The files run one after the other in one worker: without a fresh module graph per file,
          // the SDK, Playwright and the shared code are imported once, not once per file.
          isolate: false,
          // One embedded stack (DynamoDB Local, s3rver, SES emulator, gateway) for the whole run.
          globalSetup: ['tests/support/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          // `npm start` stacks of their own (free ports, own data folders): no shared stack, so
          // they run in the lane beside the app tests.
          name: 'stop',
          include: ['tests/e2e/local-stop.test.ts'],
        },
      },
      {
        extends: true,
        // Pure tests: no services, so `vitest run --project unit` runs in seconds.
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // What a Lambda's template gives it; the SDK clients are mocked in these tests.
          env: {
            TABLE_NAME: 'examdesk-unit',
            BUCKET_NAME: 'examdesk-unit',
            MAIL_FROM: 'noreply@examdesk.example',
            AWS_REGION: 'eu-west-3',
            LOG_LEVEL: 'silent',
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'infra',
          include: ['tests/infra/**/*.test.ts'],
          // Synthesizing and bundling every function is CPU-bound: give it room on a loaded machine.
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
