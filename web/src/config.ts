import type { RuntimeConfig } from '../../shared/web/runtime-config.js';

export type { RuntimeConfig };

/**
 * The stage's settings, fetched at start so one build serves any stage. Checked by hand rather
 * than with zod: the schema's library would weigh more than the rest of the first page.
 */
export const loadConfig = async (): Promise<RuntimeConfig> => {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`/config.json answered ${response.status}`);
  const config = (await response.json()) as Partial<RuntimeConfig>;
  if (typeof config.apiUrl !== 'string' || typeof config.oidc?.authority !== 'string')
    throw new Error('/config.json lacks apiUrl or oidc.authority');
  return config as RuntimeConfig;
};
