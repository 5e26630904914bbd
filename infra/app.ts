import { buildApp } from './build-app.js';

// Entry point of `cdk synth|deploy` (cdk.json: "app": "npx tsx infra/app.ts").
const { app } = buildApp();
app.synth();
