import type { Caller } from '../auth/caller.js';
import { NotFound } from '../errors.js';
import { textResult } from '../http/responses.js';
import type { Deps } from '../runtime/deps.js';
import { loadGroupBooking } from './booking-access.js';
import { icsFor, ICS_CONTENT_TYPE } from './booking-ics.js';

/** The same event as the last invite mailed to the group (a CANCEL after a cancel), as text/calendar. */
export const getBookingIcs = async (d: Deps, courseId: string, groupId: string, caller: Caller) => {
  const { access, group, booking } = await loadGroupBooking(d, courseId, groupId, caller);
  if (!booking) throw new NotFound(`Group ${groupId} has never booked a presentation`);
  return textResult(icsFor(d, access.course, group, booking), ICS_CONTENT_TYPE, {
    'content-disposition': 'attachment; filename="presentation.ics"',
  });
};
