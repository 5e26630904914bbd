const t0 = Date.now();
const { buildApp } = await import('./build-app.js');
console.log('import ms', Date.now() - t0);
const t1 = Date.now();
const { app } = buildApp({ nag: false });
console.log('build ms', Date.now() - t1);
const t2 = Date.now();
app.synth();
console.log('synth ms', Date.now() - t2);
