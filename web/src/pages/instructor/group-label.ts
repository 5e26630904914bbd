import { useMemo } from 'preact/hooks';
import { useT } from '../../i18n/i18n.js';
import { groupNumbers } from './staff-data.js';
import { staffMessages } from './staff-messages.js';

/** "Group 3" for a group id (a deleted group shows the start of its id). */
export const useGroupLabel = (groups: { groupId: string }[] | undefined) => {
  const t = useT(staffMessages);
  const numbers = useMemo(() => groupNumbers(groups ?? []), [groups]);
  return (groupId: string) => {
    const n = numbers.get(groupId);
    return n ? t('group', { n }) : t('groupGone', { id: groupId.slice(0, 6) });
  };
};
