import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ApiClient } from './api/client.js';
import type { Auth } from './auth.js';
import type { RuntimeConfig } from './config.js';

/** What every page may use: the typed API client, sign-in, the stage's settings, who is signed in. */
export interface AppContext {
  api: ApiClient;
  auth: Auth;
  config: RuntimeConfig;
  email: string;
  /** In the admins group (from the ID token). */
  isAdmin: boolean;
}

export const AppCtx = createContext<AppContext | null>(null);

export const useApp = (): AppContext => {
  const app = useContext(AppCtx);
  if (!app) throw new Error('useApp outside the signed-in app');
  return app;
};
