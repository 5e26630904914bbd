import { httpHandler } from '../../shared/http/http-handler.js';
import { downloadSubmission } from '../../shared/uploads/download-submission.js';
import { SubmissionParams } from '../../shared/uploads/schemas.js';

export const handler = httpHandler({ params: SubmissionParams }, async ({ deps, params, caller }) =>
  downloadSubmission(deps, params.courseId, params.submissionId, caller),
);
