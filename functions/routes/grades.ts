import type { Route } from './route.js';

export const gradeRoutes: Route[] = [];
