import { useState } from 'preact/hooks';
import { useFormat } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n.js';
import { href } from '../../router.js';
import { Loaded } from '../../ui/problem.js';
import type { CoursePageProps } from '../course-area.js';
import { GroupForm } from './group-form.js';
import { GroupManage } from './group-manage.js';
import { groupMessages } from './group-messages.js';
import { LookingPanel } from './looking.js';
import { MyInvitations } from './my-invitations.js';
import { PageHeading } from './page-heading.js';
import { isPast, useMe, usePapers } from './student-data.js';
import { studentMessages } from './student-messages.js';
import { useNow } from './use-now.js';
import { When } from './when.js';
import './student.css';

/**
 * Forming a group (or answering an invitation to one), or the group one is in: members, invitations,
 * paper, changes while groups are open; and the classmates looking for a group, to invite.
 */
export const GroupPage = ({ course }: CoursePageProps) => {
  const t = useT(groupMessages);
  const s = useT(studentMessages);
  const dateTime = useFormat().dateTime;
  const now = useNow();
  const me = useMe(course.courseId);
  const papers = usePapers(course.courseId);
  const [message, setMessage] = useState('');
  const { groups, timeZone } = course.config;
  const deadline = course.deadlines.find((d) => d.key === 'groups')?.at;
  const open = deadline !== undefined && !isPast(deadline, now);
  const changed = (text: string) => {
    setMessage(text);
    me.reload();
    papers.reload();
  };
  return (
    <section>
      <PageHeading>{t('title')}</PageHeading>
      <p>
        {t('sizeRule', { min: groups.minSize, max: groups.maxSize })}
        {groups.maxGroupsPerPaper !== undefined && <> {t('capRule', { cap: groups.maxGroupsPerPaper })}</>}
      </p>
      {deadline &&
        (open ? (
          <p>
            {t('deadline')} <When iso={deadline} zone={timeZone} now={now} countdown />
          </p>
        ) : (
          <p class="notice">{t('closed', { when: dateTime(deadline, timeZone) })}</p>
        ))}
      <p role="status" class="ok">
        {message}
      </p>
      <Loaded resource={me}>
        {(view) => (
          <>
            {view.group ? (
              <GroupManage
                course={course}
                me={view}
                group={view.group}
                seats={papers.data?.papers}
                open={open}
                onChanged={changed}
              />
            ) : (
              <>
                <MyInvitations courseId={course.courseId} me={view} onAnswered={changed} />
                {open ? (
                  <GroupForm
                    course={course}
                    me={view}
                    seats={papers.data?.papers}
                    onFormed={() => changed(t('formed'))}
                  />
                ) : (
                  <p>{s('noGroupYet')}</p>
                )}
              </>
            )}
            {open && (!view.group || view.group.size.members < view.group.size.max) && (
              <LookingPanel course={course} me={view} onChanged={changed} />
            )}
          </>
        )}
      </Loaded>
      <p>
        <a href={href(`/c/${course.courseId}/papers`)}>{t('seePapers')}</a>
      </p>
    </section>
  );
};
