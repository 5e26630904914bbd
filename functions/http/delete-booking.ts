import { httpHandler } from '../../shared/http/http-handler.js';
import { cancelBooking } from '../../shared/slots/cancel-booking.js';
import { BookingParams, CancelBookingQuery } from '../../shared/slots/schemas.js';

export const handler = httpHandler(
  { params: BookingParams, query: CancelBookingQuery },
  async ({ deps, params, query, caller }) =>
    cancelBooking(deps, params.courseId, params.groupId, caller, query.reason),
);
