import { CourseParams } from '../../shared/courses/schemas.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { created } from '../../shared/http/responses.js';
import { requestRegrade } from '../../shared/regrades/request-regrade.js';
import { RequestRegradeBody } from '../../shared/regrades/schemas.js';

export const handler = httpHandler(
  { params: CourseParams, body: RequestRegradeBody },
  async ({ deps, params, body, caller }) =>
    created(await requestRegrade(deps, params.courseId, caller, body)),
);
