import { ReasonField } from './reason-field.js';
import { useState } from 'preact/hooks';
import { unwrap } from '../../api/client.js';
import type { ResponseOf } from '../../api/types.js';
import { useApp } from '../../app-context.js';
import { useT } from '../../i18n/i18n.js';
import { Problem } from '../../ui/problem.js';
import { useSubmit } from '../../ui/use-resource.js';
import { groupsMessages } from './groups-messages.js';
import { staffMessages } from './staff-messages.js';

type Result = ResponseOf<'/courses/{courseId}/groups/place-unassigned', 'post'>;
type Placement = Result['placements'][number];

/**
 * POST …/groups/place-unassigned, first as a dry run (the server says what it would do), then for
 * real: the instructor sees the placements before anyone is emailed.
 */
export const PlaceUnassigned = ({
  courseId,
  groupLabel,
  nameOf,
  paperTitle,
  onPlaced,
}: {
  courseId: string;
  groupLabel: (id: string) => string;
  nameOf: (email: string) => string;
  paperTitle: (id: string) => string;
  onPlaced: () => void;
}) => {
  const t = useT(groupsMessages);
  const s = useT(staffMessages);
  const { api } = useApp();
  const { busy, problem, run } = useSubmit();
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<Result>();
  const send = async (dryRun: boolean) => {
    const r = await run(() =>
      unwrap(
        api.POST('/courses/{courseId}/groups/place-unassigned', {
          params: { path: { courseId } },
          body: { reason, dryRun },
        }),
      ),
    );
    if (!r) return;
    setResult(r);
    if (!dryRun) onPlaced();
  };
  const describe = (p: Placement) => {
    const members = p.members.map(nameOf).join(', ');
    return p.kind === 'join'
      ? t('join', { group: groupLabel(p.groupId ?? ''), members })
      : t('create', { paper: paperTitle(p.paperId ?? ''), members });
  };
  return (
    <form
      class="panel"
      onSubmit={(e) => {
        e.preventDefault();
        void send(true);
      }}
    >
      <p class="hint">{t('placeHint')}</p>
      <Problem problem={problem} fieldPaths={['body.reason']} />
      <ReasonField
        id="place-reason"
        label={s('reason')}
        problem={problem}
        value={reason}
        onInput={setReason}
      />
      <div class="actions">
        <button type="submit" disabled={busy}>
          {t('preview')}
        </button>
        <button
          type="button"
          class="primary"
          disabled={busy || !result?.dryRun}
          onClick={() => void send(false)}
        >
          {t('place')}
        </button>
      </div>
      <div role="status">
        {result && (
          <>
            <h3>{t(result.dryRun ? 'previewTitle' : 'doneTitle')}</h3>
            {result.placements.length === 0 && result.unplaced.length === 0 && <p>{t('nothingToPlace')}</p>}
            <ul>
              {result.placements.map((p) => (
                <li key={p.members.join()}>{describe(p)}</li>
              ))}
            </ul>
            {result.unplaced.length > 0 && (
              <p class="warn">{t('unplaced', { list: result.unplaced.map(nameOf).join(', ') })}</p>
            )}
            {result.failed.map((f) => (
              <p key={f.placement.members.join()} class="bad">
                {t('failed', { what: describe(f.placement), error: f.error })}
              </p>
            ))}
          </>
        )}
      </div>
    </form>
  );
};
