import { httpHandler } from '../../shared/http/http-handler.js';
import { answerRegrade } from '../../shared/regrades/answer-regrade.js';
import { AnswerRegradeBody, RegradeParams } from '../../shared/regrades/schemas.js';

export const handler = httpHandler(
  { params: RegradeParams, body: AnswerRegradeBody },
  async ({ deps, params, body, caller }) =>
    answerRegrade(deps, params.courseId, params.regradeId, caller, body),
);
