import { CourseParams } from '../../shared/courses/schemas.js';
import { putLooking } from '../../shared/groups/looking.js';
import { PutLookingBody } from '../../shared/groups/schemas-looking.js';
import { httpHandler } from '../../shared/http/http-handler.js';

export const handler = httpHandler(
  { params: CourseParams, body: PutLookingBody },
  async ({ deps, params, body, caller }) => putLooking(deps, params.courseId, caller, body),
);
