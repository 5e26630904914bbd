/** Group rules that need no storage: sizes, membership lists, status. */
export type GroupStatus = 'complete' | 'incomplete';

export const groupStatus = (memberCount: number, minSize: number): GroupStatus =>
  memberCount >= minSize ? 'complete' : 'incomplete';

export interface MemberListProblem {
  path: string;
  message: string;
}

/** Problems with a proposed member list, each naming the member at fault. */
export const memberListProblems = (
  members: string[],
  rules: { minSize: number; maxSize: number },
  caller?: string,
): MemberListProblem[] => {
  const problems: MemberListProblem[] = [];
  const seen = new Set<string>();
  members.forEach((m, i) => {
    if (seen.has(m)) problems.push({ path: `body.members[${i}]`, message: `${m} is listed more than once` });
    seen.add(m);
  });
  if (caller !== undefined && !seen.has(caller))
    problems.push({ path: 'body.members', message: `you (${caller}) must be among the members` });
  if (seen.size < rules.minSize || seen.size > rules.maxSize)
    problems.push({
      path: 'body.members',
      message: `a group has ${rules.minSize} to ${rules.maxSize} members; ${seen.size} given`,
    });
  return problems;
};

/** Before the group deadline students manage their group; after it only instructors can. */
export const groupsOpen = (now: Date, deadline: Date): boolean => now.getTime() <= deadline.getTime();
