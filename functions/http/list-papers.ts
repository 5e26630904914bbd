import { CourseParams } from '../../shared/courses/schemas.js';
import { paperAvailability } from '../../shared/groups/paper-availability.js';
import { httpHandler } from '../../shared/http/http-handler.js';

export const handler = httpHandler({ params: CourseParams }, async ({ deps, params, caller }) =>
  paperAvailability(deps, params.courseId, caller),
);
