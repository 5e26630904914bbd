import type { BodyOf, CourseView } from '../../api/types.js';

/** What PUT /courses/{courseId} takes: the course config. */
export type CourseInput = BodyOf<'/courses/{courseId}', 'put'>;
export type PaperInput = CourseInput['papers'][number];
export type DeliverableInput = CourseInput['deliverables'][number];
export type ComponentInput = CourseInput['grading']['components'][number];

/** A wall-clock time `days` from now in the browser's zone, at `time` (a datetime-local value). */
const daysAhead = (days: number, time: string) => {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${time}`;
};

/**
 * A new course as the course this app was built for runs: groups of 3–4, an assignment and a
 * 10-page report, 30-minute presentations, 2/3 report + 1/3 presentation out of 20. Dates count
 * from today; the admin changes what differs.
 */
export const newCourse = (instructor: string): CourseInput => ({
  title: '',
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  instructors: instructor ? [instructor] : [],
  groups: { minSize: 3, maxSize: 4, deadline: daysAhead(14, '23:59') },
  papers: [{ id: '', title: '', url: '' }],
  deliverables: [
    {
      id: 'assignment',
      title: 'Assignment',
      owner: 'group',
      due: daysAhead(28, '23:59'),
      accept: ['application/pdf', 'application/zip'],
      maxBytes: 20 * 1024 * 1024,
    },
    {
      id: 'report',
      title: 'Report (10 pages maximum)',
      owner: 'group',
      due: daysAhead(63, '23:59'),
      accept: ['application/pdf'],
      maxBytes: 20 * 1024 * 1024,
      maxPages: 10,
      requiresContributions: true,
    },
  ],
  presentations: {
    slotMinutes: 30,
    modes: ['in-person', 'remote'],
    bookingOpens: daysAhead(15, '09:00'),
    bookingCloses: daysAhead(70, '23:59'),
  },
  grading: {
    scale: 20,
    components: [
      { id: 'report', title: 'Report', weight: '2/3' },
      { id: 'presentation', title: 'Presentation', weight: '1/3' },
    ],
  },
});

/** The stored config as the form's starting point (the view types two fields loosely). */
export const fromView = (config: CourseView['config']): CourseInput => {
  const { contactEmail, instructors, grading, ...rest } = config;
  const { markers, ...marking } = grading;
  return {
    ...rest,
    grading: { ...marking, ...(markers ? { markers: { ...markers, lead: String(markers.lead) } } : {}) },
    instructors: instructors.map(String),
    ...(typeof contactEmail === 'string' ? { contactEmail } : {}),
  };
};

const clean = (list: string[]) => list.map((s) => s.trim()).filter(Boolean);

/** The form's lists as typed become clean lists; an emptied optional field is left out. */
export const tidy = (c: CourseInput): CourseInput => {
  const { contactEmail, ...rest } = c;
  const { maxGroupsPerPaper, ...groups } = c.groups;
  const { meetingUrl, ...presentations } = c.presentations;
  return {
    ...rest,
    ...(contactEmail?.trim() ? { contactEmail: contactEmail.trim() } : {}),
    instructors: clean(c.instructors),
    groups: { ...groups, ...(maxGroupsPerPaper !== undefined ? { maxGroupsPerPaper } : {}) },
    presentations: { ...presentations, ...(meetingUrl?.trim() ? { meetingUrl: meetingUrl.trim() } : {}) },
    deliverables: c.deliverables.map((d) => ({ ...d, accept: clean(d.accept) })),
  };
};
