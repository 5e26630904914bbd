import { parse } from 'csv-parse/sync';
import { demoCourse, demoRosterCsv } from '../../shared/demo/demo-course.js';
import { DemoClient } from './demo-client.js';

export const ADMIN = { email: 'admin@examdesk.example', groups: ['admins'] };

/**
 * What every demo story starts from: a client whose clock the story moves (`at`), the story told
 * line by line (`tell`), a fresh course id, the demo instructor and the demo roster. Tests replay a
 * story in another year (`y` rewrites 2023 into it), so its jobs never act on other tests' courses.
 */
export const demoSession = (
  apiUrl: string,
  say: (line: string) => void,
  options: { year?: number; prefix: string },
) => {
  const year = options.year ?? 2023;
  const y = <T>(value: T): T => JSON.parse(JSON.stringify(value).replaceAll('2023-', `${year}-`)) as T;
  const api = new DemoClient(apiUrl);
  const story: string[] = [];
  const tell = (line: string) => {
    story.push(line);
    say(line);
  };
  const at = (iso: string) => {
    api.now = y(iso);
  };
  const students = (parse(demoRosterCsv, { columns: true }) as { email: string; name: string }[]).map(
    (s) => s.email,
  );
  return {
    api,
    story,
    tell,
    at,
    y,
    courseId: `${options.prefix}-${Date.now().toString(36)}`,
    teacher: demoCourse.instructors[0] ?? '',
    students,
    s: (i: number) => students[i] ?? '',
  };
};
