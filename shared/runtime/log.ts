/** Structured JSON logs, one line each, as CloudWatch Logs Insights reads them. */
type Level = 'debug' | 'info' | 'warn' | 'error';

const serialize = (value: unknown): unknown =>
  value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;

const write = (level: Level, message: string, fields: Record<string, unknown> = {}) => {
  if (process.env.LOG_LEVEL === 'silent') return;
  const entry = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, serialize(v)]));
  const line = JSON.stringify({ level, message, time: new Date().toISOString(), ...entry });
  if (level === 'error' || level === 'warn') console.error(line);
  else console.log(line);
};

export const log = {
  debug: (m: string, f?: Record<string, unknown>) => write('debug', m, f),
  info: (m: string, f?: Record<string, unknown>) => write('info', m, f),
  warn: (m: string, f?: Record<string, unknown>) => write('warn', m, f),
  error: (m: string, f?: Record<string, unknown>) => write('error', m, f),
};
