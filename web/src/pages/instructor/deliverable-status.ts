import { unwrap, type ApiClient } from '../../api/client.js';
import type { ResponseOf } from '../../api/types.js';

type Answer = ResponseOf<'/courses/{courseId}/deliverables/{deliverableId}/submissions', 'get'>;
/** The instructors' answer with include=missing: every version, and who has nothing accepted. */
export type DeliverableStatus = Extract<Answer, { missing: unknown }>;
export type MissingOwner = DeliverableStatus['missing'][number];

export const loadDeliverableStatus = async (
  api: ApiClient,
  courseId: string,
  deliverableId: string,
): Promise<DeliverableStatus> => {
  const data = await unwrap(
    api.GET('/courses/{courseId}/deliverables/{deliverableId}/submissions', {
      params: { path: { courseId, deliverableId }, query: { include: 'missing' } },
    }),
  );
  // Without include=missing the answer is the bare list; with it, an object.
  return Array.isArray(data) ? { submissions: data, missing: [] } : data;
};
