import { unwrap, type ApiClient } from '../../api/client.js';
import type { MeView, ResponseOf } from '../../api/types.js';
import { useApp } from '../../app-context.js';
import { useResource } from '../../ui/use-resource.js';

/** The shapes the student pages read, all from the generated API types. */
export type MeDeliverable = MeView['submissions'][number];
export type Submission = MeDeliverable['versions'][number];
export type MyGroup = NonNullable<MeView['group']>;
export type MyBooking = NonNullable<MeView['booking']>;
export type MyGrades = NonNullable<MeView['grades']>;
export type Slot = ResponseOf<'/courses/{courseId}/slots', 'get'>[number];
export type Mode = Slot['modes'][number];
export type PaperSeats = ResponseOf<'/courses/{courseId}/papers', 'get'>['papers'][number];
export type UploadTicket = ResponseOf<
  '/courses/{courseId}/deliverables/{deliverableId}/uploads',
  'post',
  201
>;

export const loadMe = (api: ApiClient, courseId: string) =>
  unwrap(api.GET('/courses/{courseId}/me', { params: { path: { courseId } } }));

/** The caller's own view of the course (group, uploads, booking, grades, deadlines). */
export const useMe = (courseId: string) => {
  const { api } = useApp();
  return useResource(() => loadMe(api, courseId), [courseId]);
};

export const usePapers = (courseId: string) => {
  const { api } = useApp();
  return useResource(
    () => unwrap(api.GET('/courses/{courseId}/papers', { params: { path: { courseId } } })),
    [courseId],
  );
};

/** Whether an ISO instant is already past (the server decides; this only picks what to show). */
export const isPast = (iso: string, now: number = Date.now()) => new Date(iso).getTime() <= now;

/** Member email → name, from the group's own route (/me names only the caller); empty while loading. */
export const useMemberNames = (courseId: string, groupId: string | undefined) => {
  const { api } = useApp();
  const group = useResource(
    () =>
      groupId
        ? unwrap(api.GET('/courses/{courseId}/groups/{groupId}', { params: { path: { courseId, groupId } } }))
        : Promise.resolve(undefined),
    [courseId, groupId],
  );
  return new Map((group.data?.members ?? []).map((m) => [m.email, m.name ?? m.email]));
};
