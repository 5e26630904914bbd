import {
  OwnPeerRatingView,
  PeerRatingParams,
  PeerRatingsView,
  PutPeerRatingsBody,
} from '../../shared/peer-ratings/schemas.js';
import { ContributionParams, ContributionView, PutContributionBody } from '../../shared/uploads/schemas.js';
import { json, type Route } from './route.js';

/**
 * Who did what: each member's own contribution statement per deliverable (shown next to the files
 * in the submission views), and, in courses that enable it, confidential WebPA peer ratings.
 */
export const contributionRoutes: Route[] = [
  {
    method: 'PUT',
    path: '/courses/{courseId}/deliverables/{deliverableId}/contributions/me',
    handler: 'http/put-contribution',
    summary:
      'Write, or confirm by sending it again, your own contribution statement for a deliverable that requires them, while it is open for your group; it counts over any text an uploader proposed for you',
    tag: 'deliverables',
    access: ['table-read', 'table-write'],
    params: ContributionParams,
    body: PutContributionBody,
    responses: {
      200: json('Your statement, confirmed, and until when it may change', ContributionView),
      404: json('No such deliverable, or it takes no contribution statements'),
    },
  },
  {
    method: 'PUT',
    path: '/courses/{courseId}/groups/{groupId}/peer-ratings/me',
    handler: 'http/put-peer-ratings',
    summary:
      "Rate every member's contribution to your group, yourself included, 1..5 (courses with groups.peerRating); confidential, replaces your previous rating",
    tag: 'groups',
    access: ['table-read', 'table-write'],
    params: PeerRatingParams,
    body: PutPeerRatingsBody,
    responses: { 200: json('Your rating as recorded', OwnPeerRatingView) },
  },
  {
    method: 'GET',
    path: '/courses/{courseId}/groups/{groupId}/peer-ratings',
    handler: 'http/get-peer-ratings',
    summary:
      "Instructors: a group's peer ratings and each member's suggested WebPA factor (apply it, if you choose, through the member adjustment)",
    tag: 'groups',
    params: PeerRatingParams,
    responses: { 200: json('Factors and raw ratings', PeerRatingsView) },
  },
];
