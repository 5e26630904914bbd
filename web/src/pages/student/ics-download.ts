import { unwrap, type ApiClient } from '../../api/client.js';

/**
 * The group's .ics: fetched with the token (a plain link would carry none), then saved from a Blob
 * under a readable name.
 */
export const downloadIcs = async (api: ApiClient, courseId: string, groupId: string): Promise<void> => {
  const blob = await unwrap(
    api.GET('/courses/{courseId}/groups/{groupId}/booking.ics', {
      params: { path: { courseId, groupId } },
      parseAs: 'blob',
    }),
  );
  const url = URL.createObjectURL(new Blob([blob], { type: 'text/calendar' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `presentation-${courseId}.ics`;
  document.body.append(link);
  link.click();
  link.remove();
  // The click starts the download at once; the URL is released once it has been read.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
};
