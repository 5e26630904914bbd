import { httpHandler } from '../../shared/http/http-handler.js';
import { putPeerRatings } from '../../shared/peer-ratings/put-peer-ratings.js';
import { PeerRatingParams, PutPeerRatingsBody } from '../../shared/peer-ratings/schemas.js';

export const handler = httpHandler(
  { params: PeerRatingParams, body: PutPeerRatingsBody },
  async ({ deps, params, body, caller }) =>
    putPeerRatings(deps, params.courseId, params.groupId, caller, body),
);
