import { unwrap, type ApiClient } from '../../api/client.js';

/**
 * GET …/grades.csv saved as a file. The request carries the token (a plain link could not), so the
 * file is fetched, then handed to the browser's download through an object URL.
 */
export const downloadGradesCsv = async (api: ApiClient, courseId: string): Promise<void> => {
  const blob = await unwrap(
    api.GET('/courses/{courseId}/grades.csv', { params: { path: { courseId } }, parseAs: 'blob' }),
  );
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  // The server's own name for it (its content-disposition is not readable across origins).
  link.download = `${courseId}-grades.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
};
