import type { Deps } from '../runtime/deps.js';
import type { CourseRecord, StudentRecord } from '../store/course-repo.js';
import type { Key } from '../store/keys.js';
import type { Item } from '../store/table-ops.js';

export interface MeContext {
  course: CourseRecord;
  student: StudentRecord;
  now: Date;
}

/**
 * One capability's part of GET /me. Every part names the items it needs by key; /me fetches them
 * all in one BatchGet, so the route stays at a fixed number of DynamoDB calls however many parts
 * there are. A part that cannot work by key (a list) may make one Query of its own in `build`.
 */
export interface MePart<T> {
  keys(ctx: MeContext): Key[];
  build(ctx: MeContext, items: Item[], d: Deps): Promise<T> | T;
}
