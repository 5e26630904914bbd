import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import type { RuntimeConfig } from './config.js';

/**
 * Sign-in with the authorization code + PKCE flow (oidc-client-ts), against Cognito on AWS and the
 * local stack's OIDC provider here: the same code path. The API wants the ID token (it carries the
 * email); refresh tokens renew it before it expires.
 */
export interface Auth {
  /** The signed-in user, or null. Finishes a sign-in when the page is the provider's redirect. */
  start(): Promise<User | null>;
  signIn(): Promise<void>;
  signOut(): Promise<void>;
  /** A valid ID token, renewed with the refresh token when expired; null when signed out. */
  idToken(): Promise<string | null>;
  /** After a 401: renew once; false when the user must sign in again. */
  renew(): Promise<boolean>;
  onChange(listener: (user: User | null) => void): () => void;
}

export const createAuth = (config: RuntimeConfig): Auth => {
  const home = `${window.location.origin}/`;
  const manager = new UserManager({
    authority: config.oidc.authority,
    client_id: config.oidc.clientId,
    redirect_uri: home,
    post_logout_redirect_uri: home,
    response_type: 'code',
    scope: config.oidc.scope,
    // Per tab: closing the browser tab ends the session on a shared lab machine.
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: true,
    ...(config.oidc.endSessionEndpoint
      ? { metadataSeed: { end_session_endpoint: config.oidc.endSessionEndpoint } }
      : {}),
  });
  const listeners = new Set<(user: User | null) => void>();
  const tell = (user: User | null) => listeners.forEach((l) => l(user));
  manager.events.addUserLoaded((u) => tell(u));
  manager.events.addUserUnloaded(() => tell(null));
  manager.events.addSilentRenewError(() => tell(null));

  const renew = async (): Promise<boolean> => {
    try {
      return (await manager.signinSilent()) !== null;
    } catch {
      await manager.removeUser();
      return false;
    }
  };

  return {
    async start() {
      const params = new URLSearchParams(window.location.search);
      if (params.has('code') && params.has('state')) {
        const user = await manager.signinCallback();
        // Back where the sign-in started (the hash route), without the code in the address bar.
        const back = user && typeof user.state === 'string' ? user.state : '';
        window.history.replaceState(null, '', `/${back}`);
        return user ?? null;
      }
      if (params.has('error')) {
        window.history.replaceState(null, '', '/');
        throw new Error(params.get('error_description') ?? params.get('error') ?? 'sign-in failed');
      }
      const user = await manager.getUser();
      if (user && user.expired) return (await renew()) ? manager.getUser() : null;
      return user;
    },
    signIn: () => manager.signinRedirect({ state: window.location.hash }),
    signOut: async () => {
      const user = await manager.getUser();
      await manager.signoutRedirect({
        ...(user?.id_token ? { id_token_hint: user.id_token } : {}),
        // Cognito's /logout names the way back logout_uri.
        ...(config.oidc.endSessionEndpoint ? { extraQueryParams: { logout_uri: home } } : {}),
      });
    },
    async idToken() {
      let user = await manager.getUser();
      if (user?.expired && (await renew())) user = await manager.getUser();
      return user && !user.expired ? (user.id_token ?? null) : null;
    },
    renew,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
};
