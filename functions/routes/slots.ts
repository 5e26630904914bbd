import type { Route } from './route.js';

export const slotRoutes: Route[] = [];
