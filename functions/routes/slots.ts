import {
  BookingBody,
  BookingParams,
  BookingView,
  CancelBookingQuery,
  LayoutResult,
  LayoutSlotsBody,
  SlotView,
  SlotsParams,
} from '../../shared/slots/schemas.js';
import { json, type Route } from './route.js';

export const slotRoutes: Route[] = [
  {
    method: 'PUT',
    path: '/courses/{courseId}/slots',
    handler: 'http/put-slots',
    summary:
      "Lay out the presentation days; they are cut into slots of the course's slotMinutes in its time zone. Booked slots are kept; dropping one needs force and a reason (the group is emailed)",
    tag: 'slots',
    access: ['table-read', 'table-write'],
    params: SlotsParams,
    body: LayoutSlotsBody,
    responses: {
      200: json('The slots after the change, with what changed', LayoutResult),
      409: json('The layout drops booked slots (send force with a reason), or the slots changed meanwhile'),
    },
  },
  {
    method: 'GET',
    path: '/courses/{courseId}/slots',
    handler: 'http/get-slots',
    summary: 'Presentation slots: free or taken (instructors also see the group)',
    tag: 'slots',
    params: SlotsParams,
    responses: { 200: json('The slots in time order', SlotView.array()) },
  },
  {
    method: 'PUT',
    path: '/courses/{courseId}/groups/{groupId}/booking',
    handler: 'http/put-booking',
    summary:
      "Book a slot for the group, or move its booking (another slot or mode); every member gets an .ics invite. Instructors may act outside the students' rules with a reason",
    tag: 'slots',
    access: ['table-read', 'table-write'],
    params: BookingParams,
    body: BookingBody,
    responses: {
      200: json('Moved (or unchanged)', BookingView),
      201: json('Booked', BookingView),
      409: json('The slot is taken, the group already has one, the group is incomplete, or try again'),
    },
  },
  {
    method: 'DELETE',
    path: '/courses/{courseId}/groups/{groupId}/booking',
    handler: 'http/delete-booking',
    summary: 'Cancel the group’s booking; every member gets the cancellation (.ics METHOD:CANCEL)',
    tag: 'slots',
    access: ['table-read', 'table-write'],
    params: BookingParams,
    query: CancelBookingQuery,
    responses: {
      200: json('The cancelled booking', BookingView),
      409: json('The booking changed meanwhile'),
    },
  },
  {
    method: 'GET',
    path: '/courses/{courseId}/groups/{groupId}/booking.ics',
    handler: 'http/get-booking-ics',
    summary:
      "The group's presentation as an iCalendar event with the course time zone (the last invite sent)",
    tag: 'slots',
    params: BookingParams,
    responses: {
      200: { description: 'The event (METHOD:CANCEL once cancelled)', contentType: 'text/calendar' },
    },
  },
];
