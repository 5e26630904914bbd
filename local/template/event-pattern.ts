/**
 * EventBridge content filtering, the part the rules of this app use: exact values, `prefix`,
 * `suffix`, `exists`, `anything-but` and nested objects. A pattern matches when every field it
 * names matches. https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html
 */
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const matchesValue = (rule: unknown, value: unknown, present: boolean): boolean => {
  if (!isObject(rule)) return present && rule === value;
  if ('exists' in rule) return rule.exists === present;
  if (!present) return false;
  if ('prefix' in rule) return typeof value === 'string' && value.startsWith(String(rule.prefix));
  if ('suffix' in rule) return typeof value === 'string' && value.endsWith(String(rule.suffix));
  if ('anything-but' in rule) {
    const excluded = rule['anything-but'];
    return !(Array.isArray(excluded) ? excluded : [excluded]).includes(value);
  }
  throw new Error(`Unsupported EventBridge pattern operator ${JSON.stringify(rule)}`);
};

export const matchesPattern = (pattern: unknown, event: unknown): boolean => {
  if (!isObject(pattern)) return false;
  const data = isObject(event) ? event : {};
  return Object.entries(pattern).every(([field, rule]) => {
    const present = field in data;
    const value = data[field];
    if (Array.isArray(rule)) {
      const values = Array.isArray(value) ? value : [value];
      return rule.some((r) => values.some((v) => matchesValue(r, v, present)));
    }
    if (isObject(rule)) return present && matchesPattern(rule, value);
    return false;
  });
};
