import { httpHandler } from '../../shared/http/http-handler.js';
import { getPeerRatings } from '../../shared/peer-ratings/get-peer-ratings.js';
import { PeerRatingParams } from '../../shared/peer-ratings/schemas.js';

export const handler = httpHandler({ params: PeerRatingParams }, async ({ deps, params, caller }) =>
  getPeerRatings(deps, params.courseId, params.groupId, caller),
);
