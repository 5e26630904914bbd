import { httpHandler } from '../../shared/http/http-handler.js';
import { putBooking } from '../../shared/slots/put-booking.js';
import { BookingBody, BookingParams } from '../../shared/slots/schemas.js';

export const handler = httpHandler(
  { params: BookingParams, body: BookingBody },
  async ({ deps, params, body, caller }) => putBooking(deps, params.courseId, params.groupId, caller, body),
);
