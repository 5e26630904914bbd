import { CourseParams } from '../../shared/courses/schemas.js';
import { placeUnassigned } from '../../shared/groups/place-unassigned.js';
import { PlaceUnassignedBody } from '../../shared/groups/schemas-placement.js';
import { httpHandler } from '../../shared/http/http-handler.js';

export const handler = httpHandler(
  { params: CourseParams, body: PlaceUnassignedBody },
  async ({ deps, params, body, caller }) => placeUnassigned(deps, params.courseId, caller, body),
);
