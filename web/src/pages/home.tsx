import { unwrap } from '../api/client.js';
import { useApp } from '../app-context.js';
import { useT } from '../i18n/i18n.js';
import { shellMessages } from '../i18n/shell-messages.js';
import { href } from '../router.js';
import { Loaded } from '../ui/problem.js';
import { useResource } from '../ui/use-resource.js';

/** The signed-in home: the caller's courses with their role in each. */
export const Home = () => {
  const { api, isAdmin } = useApp();
  const t = useT(shellMessages);
  const courses = useResource(() => unwrap(api.GET('/courses')), []);
  return (
    <section>
      <h1>{t('myCourses')}</h1>
      <Loaded resource={courses}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('noCourses')}</p>
          ) : (
            <ul class="cards">
              {list.map((c) => (
                <li key={c.courseId} class="card">
                  <a href={href(`/c/${c.courseId}`)}>
                    <strong>{c.title}</strong>
                  </a>
                  <span class={`badge role-${c.role}`}>{t(`role_${c.role}`)}</span>
                  <code>{c.courseId}</code>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      {isAdmin && (
        <p>
          <a href={href('/admin')}>{t('admin')}</a>
        </p>
      )}
    </section>
  );
};
