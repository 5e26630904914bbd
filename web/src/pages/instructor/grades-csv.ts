import { unwrap, type ApiClient } from '../../api/client.js';

/**
 * Hands a fetched file to the browser's download through an object URL. The requests carry the
 * token (a plain link could not), so files are fetched first; the server's content-disposition is
 * not readable across origins, so the name is given here.
 */
const saveAs = (blob: Blob, fileName: string) => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
};

/** GET …/grades.csv: every column the grade book has, saved as a file. */
export const downloadGradesCsv = async (api: ApiClient, courseId: string): Promise<void> => {
  const blob = await unwrap(
    api.GET('/courses/{courseId}/grades.csv', { params: { path: { courseId } }, parseAs: 'blob' }),
  );
  saveAs(blob, `${courseId}-grades.csv`);
};

export const GRADEBOOK_FORMATS = ['moodle', 'canvas'] as const;
export type GradebookFormat = (typeof GRADEBOOK_FORMATS)[number];

/** GET …/gradebook.csv?format=: the grades as Moodle's or Canvas's import reads them. */
export const downloadGradebook = async (
  api: ApiClient,
  courseId: string,
  format: GradebookFormat,
): Promise<void> => {
  const blob = await unwrap(
    api.GET('/courses/{courseId}/gradebook.csv', {
      params: { path: { courseId }, query: { format } },
      parseAs: 'blob',
    }),
  );
  saveAs(blob, `${courseId}-${format}.csv`);
};
