import { httpHandler } from '../../shared/http/http-handler.js';
import { layOutSlots } from '../../shared/slots/layout-slots.js';
import { LayoutSlotsBody, SlotsParams } from '../../shared/slots/schemas.js';

export const handler = httpHandler(
  { params: SlotsParams, body: LayoutSlotsBody },
  async ({ deps, params, body, caller }) => layOutSlots(deps, params.courseId, caller, body),
);
