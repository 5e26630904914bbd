import type { paths } from './schema.js';

type Method = 'get' | 'put' | 'post' | 'patch' | 'delete';

/** The JSON body of a path's success response, from the generated types (never hand-copied). */
export type ResponseOf<
  P extends keyof paths,
  M extends Method & keyof paths[P],
  S extends number = 200,
> = paths[P][M] extends { responses: Record<S, { content: { 'application/json': infer B } }> } ? B : never;

/** The JSON request body of a path's operation. */
export type BodyOf<P extends keyof paths, M extends Method & keyof paths[P]> = paths[P][M] extends {
  requestBody: { content: { 'application/json': infer B } };
}
  ? B
  : never;

export type CourseView = ResponseOf<'/courses/{courseId}', 'get'>;
export type CourseListItem = ResponseOf<'/courses', 'get'> extends (infer I)[] ? I : never;
export type MeView = ResponseOf<'/courses/{courseId}/me', 'get'>;
export type Role = CourseView['role'];
