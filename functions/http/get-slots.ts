import { httpHandler } from '../../shared/http/http-handler.js';
import { listSlotsFor } from '../../shared/slots/list-slots.js';
import { SlotsParams } from '../../shared/slots/schemas.js';

export const handler = httpHandler({ params: SlotsParams }, async ({ deps, params, caller }) =>
  listSlotsFor(deps, params.courseId, caller),
);
