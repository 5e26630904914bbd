import { useState } from 'preact/hooks';
import { unwrap } from '../../api/client.js';
import { useApp } from '../../app-context.js';
import { useT } from '../../i18n/i18n.js';
import { useCourseTime } from './course-time.js';
import { Loaded, Problem } from '../../ui/problem.js';
import { useResource, useSubmit } from '../../ui/use-resource.js';
import type { CoursePageProps } from '../course-area.js';
import { GradeRow, partsOf } from './grade-row.js';
import { downloadGradebook, downloadGradesCsv, GRADEBOOK_FORMATS } from './grades-csv.js';
import { gradingMessages } from './grading-messages.js';
import { useGroupLabel } from './group-label.js';
import { MemberAdjustForm, type AdjustPreset } from './member-adjust-form.js';
import { PeerRatings } from './peer-ratings.js';
import { PublishDialog } from './publish-dialog.js';
import { UnpublishForm } from './unpublish-form.js';
import { inPool, loadGroups, type GroupGrades } from './staff-data.js';
import { staffMessages } from './staff-messages.js';
import './staff.css';
import './grading.css';

/**
 * The grading grid: a row per group, a column per component aspect (or score), the server's grade
 * per component and each member's final as the server computes it; member adjustments; the
 * publication after a review of what every student receives; the CSV export.
 */
export const GradingPage = ({ course }: CoursePageProps) => {
  const { api } = useApp();
  const t = useT(gradingMessages);
  const s = useT(staffMessages);
  const when = useCourseTime(course.config.timeZone);
  const { courseId, config } = course;
  const { grading } = config;
  const data = useResource(async () => {
    const groups = await loadGroups(api, courseId);
    // Each group's sheet carries the versions a write must send back and the members' finals.
    const sheets = await inPool(
      6,
      groups.groups.map(
        (g) => () =>
          unwrap(
            api.GET('/courses/{courseId}/groups/{groupId}/grades', {
              params: { path: { courseId, groupId: g.groupId } },
            }),
          ),
      ),
    );
    return { groups, sheets: new Map(sheets.map((x) => [x.groupId, x])) };
  }, [courseId]);
  const groupLabel = useGroupLabel(data.data?.groups.groups);
  const [fresh, setFresh] = useState<Record<string, GroupGrades>>({});
  const [message, setMessage] = useState('');
  const [publishing, setPublishing] = useState(false);
  const [publishedAt, setPublishedAt] = useState<string | null>();
  const [unpublishing, setUnpublishing] = useState(false);
  const [preset, setPreset] = useState<AdjustPreset>();
  const exporting = useSubmit();
  const sheetOf = (groupId: string) => fresh[groupId] ?? data.data?.sheets.get(groupId);
  const refreshSheet = async (groupId: string) => {
    const sheet = await unwrap(
      api.GET('/courses/{courseId}/groups/{groupId}/grades', { params: { path: { courseId, groupId } } }),
    );
    setFresh((f) => ({ ...f, [groupId]: sheet }));
  };
  const formula = grading.components.map((c) => `${c.weight} × ${c.title}`).join(' + ');
  return (
    <section>
      <h1>{t('title')}</h1>
      <p>
        {t('intro', {
          scale: grading.scale,
          formula,
          rounding: `${grading.rounding.step}, ${grading.rounding.mode}`,
        })}
      </p>
      <Loaded resource={data}>
        {({ groups, sheets }) => {
          const allSheets = groups.groups.flatMap((g) => {
            const sheet = sheetOf(g.groupId);
            return sheet ? [sheet] : [];
          });
          const published =
            publishedAt !== undefined ? publishedAt : ([...sheets.values()][0]?.publishedAt ?? null);
          return (
            <>
              <h2 id="grid-title">{t('grid')}</h2>
              <p role="status" class="ok">
                {message}
              </p>
              {groups.groups.length === 0 ? (
                <p>{t('noGroups')}</p>
              ) : (
                <div class="table-wrap grade-grid">
                  <table aria-labelledby="grid-title">
                    <thead>
                      <tr>
                        <th scope="col" rowSpan={2}>
                          {s('groupCol')}
                        </th>
                        {grading.components.map((c) => (
                          <th scope="colgroup" key={c.id} colSpan={partsOf(c).length + 1}>
                            {c.title} <span class="subtle">({c.weight})</span>
                          </th>
                        ))}
                        <th scope="col" rowSpan={2}>
                          {t('finals')}
                        </th>
                        <th scope="col" rowSpan={2}>
                          <span class="visually-hidden">{t('saveRow')}</span>
                        </th>
                      </tr>
                      <tr>
                        {grading.components.flatMap((c) => [
                          ...partsOf(c).map((p) => (
                            <th scope="col" key={`${c.id}.${p.id}`}>
                              {c.aspects ? p.title : t('score')}
                            </th>
                          )),
                          <th scope="col" key={`${c.id}.value`} class="num">
                            {t('value')}
                          </th>,
                        ])}
                      </tr>
                    </thead>
                    <tbody>
                      {groups.groups.map((g) => {
                        const sheet = sheetOf(g.groupId);
                        if (!sheet) return null;
                        // The row keeps what was typed and refused across saves (it resets its own values).
                        return (
                          <GradeRow
                            key={g.groupId}
                            course={course}
                            group={g}
                            sheet={sheet}
                            groupLabel={groupLabel(g.groupId)}
                            onSaved={(next, text) => {
                              setFresh((f) => ({ ...f, [g.groupId]: next }));
                              setMessage(text);
                            }}
                          />
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              )}

              {config.groups.peerRating && groups.groups.length > 0 && (
                <>
                  <h2>{t('peerTitle')}</h2>
                  <PeerRatings
                    course={course}
                    groups={groups.groups}
                    sheetOf={sheetOf}
                    groupLabel={groupLabel}
                    onApply={setPreset}
                  />
                </>
              )}

              <h2>{t('adjustTitle')}</h2>
              <MemberAdjustForm
                course={course}
                sheets={allSheets}
                groupLabel={groupLabel}
                preset={preset}
                onSaved={(groupId, text) => {
                  setMessage(text);
                  void refreshSheet(groupId);
                }}
              />

              <h2>{t('publishTitle')}</h2>
              <p>{published ? t('publishedAt', { when: when(published) }) : t('notPublished')}</p>
              <div class="actions">
                <button type="button" class="primary" onClick={() => setPublishing(true)}>
                  {t('review')}
                </button>
                {published && !unpublishing && (
                  <button type="button" class="danger" onClick={() => setUnpublishing(true)}>
                    {t('unpublish')}
                  </button>
                )}
              </div>
              {published && unpublishing && (
                <UnpublishForm
                  courseId={courseId}
                  onCancel={() => setUnpublishing(false)}
                  onDone={(text) => {
                    setUnpublishing(false);
                    setPublishedAt(null);
                    setMessage(text);
                  }}
                />
              )}

              <h2>{t('exportTitle')}</h2>
              <div class="actions">
                <button
                  type="button"
                  disabled={exporting.busy}
                  onClick={() => void exporting.run(() => downloadGradesCsv(api, courseId))}
                >
                  {t('exportCsv')}
                </button>
                {GRADEBOOK_FORMATS.map((format) => (
                  <button
                    key={format}
                    type="button"
                    disabled={exporting.busy}
                    onClick={() => void exporting.run(() => downloadGradebook(api, courseId, format))}
                  >
                    {t(format === 'moodle' ? 'exportMoodle' : 'exportCanvas')}
                  </button>
                ))}
              </div>
              <p role="status">{exporting.busy ? t('exporting') : ''}</p>
              <Problem problem={exporting.problem} />
              {publishing && (
                <PublishDialog
                  course={course}
                  groupLabel={groupLabel}
                  onClose={() => setPublishing(false)}
                  onPublished={setPublishedAt}
                />
              )}
            </>
          );
        }}
      </Loaded>
    </section>
  );
};
