import { Duration } from 'luxon';
import * as z from 'zod';
import { ONE, equals, parseDecimal, parseFraction, sum, type Fraction } from './fraction.js';
import { LOCAL_DATE_TIME, isValidTimeZone, resolveLocalTime } from './local-time.js';
import { StorableNumber, safeText } from './safe-input.js';

export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes, at most 63 characters');
export const CourseId = Id.meta({ description: 'Course id, e.g. genmod-2023' });
export const Email = z
  .email()
  .max(254)
  .transform((e) => e.toLowerCase());

export const LocalDateTime = z
  .string()
  .regex(LOCAL_DATE_TIME, 'expected YYYY-MM-DDTHH:mm, read in the course time zone')
  .meta({
    description: 'Wall-clock time in the course time zone, YYYY-MM-DDTHH:mm',
    example: '2023-04-28T23:59',
  });

export const WeightText = z
  .string()
  .refine((s) => parseFraction(s) !== undefined, 'expected an exact fraction such as "2/3", or "1"')
  .meta({ description: 'An exact fraction, e.g. "2/3"' });

const IsoDuration = z.string().refine((s) => {
  const d = Duration.fromISO(s);
  return d.isValid && d.toMillis() > 0;
}, 'expected a positive ISO 8601 duration such as P7D or PT3H');

export const PresentationMode = z.enum(['in-person', 'remote']);

/** A title: one line of visible text. */
const Title = (max: number) => safeText(z.string().min(1).max(max));
const Url = safeText(z.url());

export const Paper = z.strictObject({
  id: Id,
  title: Title(300),
  url: Url,
  questions: z
    .array(safeText(z.string().min(1).max(1000), { multiline: true }))
    .max(20)
    .optional(),
});

export const Deliverable = z.strictObject({
  id: Id,
  title: Title(200),
  owner: z.enum(['group', 'student']),
  due: LocalDateTime,
  graceMinutes: StorableNumber.int()
    .min(0)
    .max(7 * 24 * 60)
    .default(0),
  accept: z.array(z.string().regex(/^[\w.+-]+\/[\w.+-]+$/, 'expected a content type')).min(1),
  maxBytes: StorableNumber.int()
    .positive()
    .max(5 * 1024 ** 3),
  maxPages: StorableNumber.int().positive().optional(),
  requiresContributions: z.boolean().default(false),
  required: z.boolean().default(true),
});

const Aspect = z.strictObject({ id: Id, title: Title(200), weight: WeightText });

export const GradeComponent = z.strictObject({
  id: Id,
  title: Title(200),
  weight: WeightText,
  aspects: z.array(Aspect).min(1).optional(),
  // What the component grades decides when a grade may be entered (shared/grades/entry-rules.ts):
  // a deliverable's grade only once a submission of it was accepted, the presentation's only once
  // the group's presentation has started; an instructor's reason overrides either (audited).
  deliverableId: Id.optional().meta({ description: 'The deliverable this component grades' }),
  presentation: z.literal(true).optional().meta({ description: 'This component grades the presentation' }),
});

export const Rounding = z.strictObject({
  step: z
    .string()
    .refine((s) => {
      const f = parseDecimal(s);
      return f !== undefined && f.n > 0n;
    }, 'expected a positive decimal step such as "0.01"')
    .default('0.01'),
  mode: z.enum(['half-up', 'half-even', 'down', 'up']).default('half-up'),
});

/**
 * Who marks what (shared/marking). Optional rather than defaulted: absent means every instructor
 * grades every group, as before, and configs stored before it read back unchanged.
 */
export const Markers = z.strictObject({
  lead: Email.meta({
    description: 'The lead marker (an instructor): assigns groups to graders and agrees second-marked finals',
  }),
  secondMarking: z
    .strictObject({
      components: z.array(Id).min(1).max(20),
      threshold: StorableNumber.min(0).meta({
        description:
          'Two marks further apart than this (in points of the scale) are flagged as a disagreement',
      }),
    })
    .optional()
    .meta({ description: 'Components marked independently by two graders; the lead agrees the final' }),
  anonymous: z.array(Id).min(1).max(20).optional().meta({
    description: 'Components whose graders see no member names or emails until grades are published',
  }),
});

const CourseConfigShape = z.strictObject({
  title: Title(200),
  timeZone: safeText(z.string()).meta({ description: 'IANA time zone, e.g. Europe/Paris' }),
  contactEmail: Email.optional(),
  instructors: z.array(Email).min(1).max(50),
  groups: z.strictObject({
    minSize: StorableNumber.int().min(1).max(50),
    maxSize: StorableNumber.int().min(1).max(50),
    deadline: LocalDateTime,
    maxGroupsPerPaper: StorableNumber.int().positive().optional(),
    // Absent means first-come: optional rather than defaulted, so that course items stored before
    // the setting existed still read back and write unchanged (tests/unit/stored-items.test.ts).
    paperChoice: z.enum(['first-come', 'ranked']).optional().meta({
      description:
        'first-come (absent): groups take a paper with seats left; ranked: groups rank the papers and the group-deadline job allocates them. maxGroupsPerPaper caps both',
    }),
    // Members may rate each teammate's contribution (WebPA); instructors see a suggested factor.
    // Optional rather than defaulted: absent means off, and configs stored before it read unchanged.
    peerRating: z.boolean().optional(),
  }),
  papers: z.array(Paper).min(1).max(500),
  deliverables: z.array(Deliverable).max(20),
  presentations: z.strictObject({
    slotMinutes: StorableNumber.int().min(5).max(240).default(30),
    modes: z.array(PresentationMode).min(1),
    bookingOpens: LocalDateTime,
    bookingCloses: LocalDateTime,
    changeUntilHoursBefore: StorableNumber.min(0)
      .max(24 * 30)
      .default(24),
    meetingUrl: Url.optional(),
    requireCompleteGroup: z.boolean().default(true),
  }),
  grading: z.strictObject({
    scale: StorableNumber.positive().max(1000),
    components: z.array(GradeComponent).min(1).max(20),
    rounding: Rounding.default({ step: '0.01', mode: 'half-up' }),
    markers: Markers.optional(),
    // No .default(): a course stored without it must round-trip unchanged (absent = no regrades).
    regradeDays: z.number().int().min(0).max(60).optional().meta({
      description:
        'Days after the publication of the grades during which a student may request a regrade of a component; absent: no regrade requests',
    }),
  }),
  reminders: z.array(IsoDuration).max(10).default(['P7D', 'P1D', 'PT3H']),
});

type Shape = z.infer<typeof CourseConfigShape>;

/**
 * The config as the cross-field rules see it: they also run when some fields are already invalid,
 * so that one answer lists every problem, and must not trust any part of it.
 */
type Partial2<T> = {
  [K in keyof T]?: T[K] extends (infer U)[] ? Partial2<U>[] : T[K] extends object ? Partial2<T[K]> : T[K];
};
type Loose = Partial2<Shape>;

const duplicates = (ids: (string | undefined)[]): string[] => {
  const present = ids.filter((id): id is string => typeof id === 'string');
  return [...new Set(present.filter((id, i) => present.indexOf(id) !== i))];
};

const weightsSumToOne = (weights: (string | undefined)[]): boolean => {
  const parsed = weights.map((w) => (typeof w === 'string' ? parseFraction(w) : undefined));
  if (parsed.some((w) => w === undefined)) return true; // reported by the field itself
  return equals(sum(parsed as Fraction[]), ONE);
};

const list = <T>(value: T[] | undefined): T[] => (Array.isArray(value) ? value : []);

/** Every wall-clock time in the config, with its path, so each can be checked against the zone. */
const localTimes = (c: Loose): { path: (string | number)[]; value: unknown }[] => [
  { path: ['groups', 'deadline'], value: c.groups?.deadline },
  ...list(c.deliverables).map((d, i) => ({ path: ['deliverables', i, 'due'], value: d?.due })),
  { path: ['presentations', 'bookingOpens'], value: c.presentations?.bookingOpens },
  { path: ['presentations', 'bookingCloses'], value: c.presentations?.bookingCloses },
];

/** The lead is an instructor; the components named exist, once each; the threshold is within the scale. */
const markerRules = (c: Loose, issue: (path: (string | number)[], message: string) => void): void => {
  const markers = c.grading?.markers;
  if (!markers) return;
  const path = ['grading', 'markers'];
  const instructors = list(c.instructors).map((e) => e?.toLowerCase());
  if (typeof markers.lead === 'string' && !instructors.includes(markers.lead.toLowerCase()))
    issue([...path, 'lead'], `${markers.lead} is not one of the course's instructors`);
  const componentIds = list(c.grading?.components).map((g) => g?.id);
  for (const [ids, at] of [
    [list(markers.secondMarking?.components), [...path, 'secondMarking', 'components']],
    [list(markers.anonymous), [...path, 'anonymous']],
  ] as const) {
    ids.forEach((id, i) => {
      if (typeof id === 'string' && !componentIds.includes(id))
        issue([...at, i], `no grade component "${id}" in this course`);
    });
    const dup = duplicates(ids);
    if (dup.length) issue([...at], `duplicate component id(s): ${dup.join(', ')}`);
  }
  const threshold = markers.secondMarking?.threshold;
  const scale = c.grading?.scale;
  if (typeof threshold === 'number' && typeof scale === 'number' && threshold > scale)
    issue([...path, 'secondMarking', 'threshold'], `must be within 0..${scale} (the grading scale)`);
};

const crossFieldRules = (c: Loose, ctx: z.RefinementCtx): void => {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });
  const zoneOk = typeof c.timeZone === 'string' && isValidTimeZone(c.timeZone);
  if (typeof c.timeZone === 'string' && !zoneOk)
    issue(['timeZone'], `unknown IANA time zone "${c.timeZone}"`);
  const { minSize, maxSize } = c.groups ?? {};
  if (typeof minSize === 'number' && typeof maxSize === 'number' && minSize > maxSize)
    issue(['groups', 'minSize'], 'minSize must not exceed maxSize');
  const components = list(c.grading?.components);
  for (const [ids, path] of [
    [list(c.papers).map((p) => p?.id), ['papers']],
    [list(c.deliverables).map((d) => d?.id), ['deliverables']],
    [components.map((g) => g?.id), ['grading', 'components']],
  ] as const) {
    const dup = duplicates(ids);
    if (dup.length) issue([...path], `duplicate id(s): ${dup.join(', ')}`);
  }
  if (components.length && !weightsSumToOne(components.map((g) => g?.weight)))
    issue(['grading', 'components'], 'component weights must sum to exactly 1');
  components.forEach((g, i) => {
    // PUT …/grades/members/{email} sits next to PUT …/grades/{componentId}: the id is reserved.
    if (g?.id === 'members')
      issue(['grading', 'components', i, 'id'], '"members" is reserved and cannot be a component id');
    if (g?.deliverableId !== undefined && !list(c.deliverables).some((d) => d?.id === g.deliverableId))
      issue(
        ['grading', 'components', i, 'deliverableId'],
        `no deliverable "${g.deliverableId}" in this course`,
      );
    if (g?.deliverableId !== undefined && g.presentation)
      issue(
        ['grading', 'components', i, 'presentation'],
        'a component grades a deliverable or the presentation, not both',
      );
    const aspects = list(g?.aspects);
    if (!aspects.length) return;
    if (!weightsSumToOne(aspects.map((a) => a?.weight)))
      issue(['grading', 'components', i, 'aspects'], `aspect weights of "${g?.id}" must sum to exactly 1`);
    const dup = duplicates(aspects.map((a) => a?.id));
    if (dup.length)
      issue(['grading', 'components', i, 'aspects'], `duplicate aspect id(s): ${dup.join(', ')}`);
  });
  markerRules(c, issue);
  const sameInstructor = duplicates(list(c.instructors).map((e) => e?.toLowerCase()));
  if (sameInstructor.length) issue(['instructors'], `duplicate instructor(s): ${sameInstructor.join(', ')}`);
  if (!zoneOk) return;
  const zone = c.timeZone as string;
  const instants = new Map<string, number>();
  for (const { path, value } of localTimes(c)) {
    if (typeof value !== 'string' || !LOCAL_DATE_TIME.test(value)) continue; // the field reports it
    const r = resolveLocalTime(value, zone);
    if (r.ok) instants.set(path.join('.'), r.instant.getTime());
    else if (r.reason === 'nonexistent')
      issue(path, `${value} does not exist in ${zone} (daylight-saving gap)`);
    else issue(path, `${value} is not a valid date and time`);
  }
  const opens = instants.get('presentations.bookingOpens');
  const closes = instants.get('presentations.bookingCloses');
  if (opens !== undefined && closes !== undefined && opens >= closes)
    issue(['presentations', 'bookingCloses'], 'bookingCloses must be after bookingOpens');
};

const crossFieldCheck = z.superRefine<Shape>((c, ctx) => crossFieldRules(c, ctx));
// Zod skips refinements once a field failed; these must still run on any object so that one
// answer lists every problem.
crossFieldCheck._zod.def.when = (payload) => typeof payload.value === 'object' && payload.value !== null;

export const CourseConfig = CourseConfigShape.check(crossFieldCheck);

export type CourseConfig = z.infer<typeof CourseConfig>;
export type CourseConfigInput = z.input<typeof CourseConfig>;
export type Deliverable = z.infer<typeof Deliverable>;
export type Paper = z.infer<typeof Paper>;
export type GradeComponent = z.infer<typeof GradeComponent>;
export type Markers = z.infer<typeof Markers>;
export type PresentationMode = z.infer<typeof PresentationMode>;
