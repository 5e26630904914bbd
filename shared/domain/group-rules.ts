/** Group rules that need no storage: sizes, membership lists, status, deadlines, paper load. */
export type GroupStatus = 'complete' | 'incomplete';

export interface GroupSizeRules {
  minSize: number;
  maxSize: number;
}

export const groupStatus = (memberCount: number, minSize: number): GroupStatus =>
  memberCount >= minSize ? 'complete' : 'incomplete';

export interface MemberListProblem {
  path: string;
  message: string;
}

/** Emails listed more than once, each reported at its second (and later) position. */
const duplicateProblems = (list: string[], path: string): MemberListProblem[] => {
  const seen = new Set<string>();
  return list.flatMap((m, i) => {
    const dup = seen.has(m);
    seen.add(m);
    return dup ? [{ path: `${path}[${i}]`, message: `${m} is listed more than once` }] : [];
  });
};

/** Problems with a proposed member list, each naming the member at fault. */
export const memberListProblems = (
  members: string[],
  rules: GroupSizeRules,
  caller?: string,
): MemberListProblem[] => {
  const problems = duplicateProblems(members, 'body.members');
  const distinct = new Set(members);
  if (caller !== undefined && !distinct.has(caller))
    problems.push({ path: 'body.members', message: `you (${caller}) must be among the members` });
  if (distinct.size < rules.minSize || distinct.size > rules.maxSize)
    problems.push({
      path: 'body.members',
      message:
        rules.minSize > 1
          ? `a group has ${rules.minSize} to ${rules.maxSize} members; ${distinct.size} given`
          : `a group has at most ${rules.maxSize} members; ${distinct.size} given`,
    });
  return problems;
};

export interface AddMembersCheck {
  /** 400: the request itself is wrong (duplicates). */
  problems: MemberListProblem[];
  /** 409: already members of this very group. */
  alreadyHere: string[];
  /** The member list after the change, when it is allowed. */
  members: string[];
  /** 409: the group would exceed maxSize. */
  overflow?: { size: number; maxSize: number };
}

/** Adding members to a group: no duplicates, no one twice, never more than maxSize. */
export const checkAddMembers = (current: string[], add: string[], rules: GroupSizeRules): AddMembersCheck => {
  const problems = duplicateProblems(add, 'body.addMembers');
  const here = new Set(current);
  const alreadyHere = [...new Set(add.filter((m) => here.has(m)))];
  const members = [...current, ...new Set(add.filter((m) => !here.has(m)))];
  const size = members.length;
  return {
    problems,
    alreadyHere,
    members,
    ...(size > rules.maxSize ? { overflow: { size, maxSize: rules.maxSize } } : {}),
  };
};

/** A member leaves: the rest stay (possibly incomplete); nobody left means the group disappears. */
export const removeMember = (
  current: string[],
  email: string,
): { found: false } | { found: true; members: string[]; empty: boolean } => {
  if (!current.includes(email)) return { found: false };
  const members = current.filter((m) => m !== email);
  return { found: true, members, empty: members.length === 0 };
};

/** Before the group deadline students manage their group; after it only instructors can. */
export const groupsOpen = (now: Date, deadline: Date): boolean => now.getTime() <= deadline.getTime();

/**
 * Who may change a group now: students only while groups are open; instructors always, but after
 * the deadline they must say why (the reason goes to the audit log).
 */
export const changeAllowed = (
  who: { isStaff: boolean; reason?: string | undefined },
  open: boolean,
): 'ok' | 'closed' | 'reason-required' => {
  if (!who.isStaff) return open ? 'ok' : 'closed';
  return open || (who.reason ?? '').trim() ? 'ok' : 'reason-required';
};

export interface PaperLoad {
  id: string;
  title: string;
  groups: number;
  cap: number | null;
  full: boolean;
}

/** How many groups chose each paper of the course, against the optional cap. */
export const paperLoad = (
  papers: { id: string; title: string }[],
  groups: { paperId?: string | undefined }[],
  cap: number | undefined,
): PaperLoad[] => {
  const counts = new Map<string, number>();
  // A group without a paper yet takes no seat.
  for (const g of groups) if (g.paperId) counts.set(g.paperId, (counts.get(g.paperId) ?? 0) + 1);
  return papers.map((p) => {
    const n = counts.get(p.id) ?? 0;
    return { id: p.id, title: p.title, groups: n, cap: cap ?? null, full: cap !== undefined && n >= cap };
  });
};
