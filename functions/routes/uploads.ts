import type { Route } from './route.js';

export const uploadRoutes: Route[] = [];
