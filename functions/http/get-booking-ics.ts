import { httpHandler } from '../../shared/http/http-handler.js';
import { getBookingIcs } from '../../shared/slots/get-booking-ics.js';
import { BookingParams } from '../../shared/slots/schemas.js';

export const handler = httpHandler({ params: BookingParams }, async ({ deps, params, caller }) =>
  getBookingIcs(deps, params.courseId, params.groupId, caller),
);
