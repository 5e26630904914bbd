import type { CourseConfig } from '../domain/course-config.js';
import { isoInZone } from '../domain/local-time.js';
import { regradeIdOf, type RegradeRecord } from './regrade-store.js';
import type { RegradeView } from './schemas.js';

/** Every round of a student's requests of one component, as the API shows them (course time). */
export const regradeViews = (config: CourseConfig, r: RegradeRecord): RegradeView[] => {
  const zone = config.timeZone;
  const title = config.grading.components.find((c) => c.id === r.componentId)?.title ?? r.componentId;
  return r.rounds.map((round) => ({
    regradeId: regradeIdOf(r.email, r.componentId, round.round),
    email: r.email,
    name: r.name,
    componentId: r.componentId,
    componentTitle: title,
    round: round.round,
    reason: round.reason,
    requestedAt: isoInZone(new Date(round.at), zone),
    seen: round.seen,
    status: round.answer?.decision ?? 'open',
    answer: round.answer ? { ...round.answer, at: isoInZone(new Date(round.answer.at), zone) } : null,
  }));
};
