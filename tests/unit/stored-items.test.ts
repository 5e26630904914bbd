import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditEntity } from '../../shared/store/audit-repo.js';
import { courseEntity, instructorEntity, studentEntity } from '../../shared/store/course-repo.js';
import { dueEntity } from '../../shared/store/due-repo.js';
import { StoredItemInvalid } from '../../shared/store/entity.js';
import { gradeEntity, memberGradesEntity, publicationEntity } from '../../shared/store/grade-repo.js';
import { groupEntity, paperSeatsEntity } from '../../shared/store/group-repo.js';
import { jobRunEntity } from '../../shared/store/job-run-repo.js';
import { noticeEntity } from '../../shared/store/notice-repo.js';
import { bookingEntity, slotEntity } from '../../shared/store/slot-repo.js';
import type { Item } from '../../shared/store/table-ops.js';
import { extensionEntity, submissionEntity, uploadEntity } from '../../shared/uploads/upload-store.js';

/**
 * Items exactly as the release before entity schemas wrote them (captured from the local stack
 * playing the demo course). Every future release must still read them: a failure here means a
 * schema change needs a migration, or a default for what old items lack.
 */
const v1 = JSON.parse(readFileSync(new URL('../fixtures/stored-items-v1.json', import.meta.url), 'utf8')) as {
  items: Item[];
};

/** Entities written whole (Put): reading then writing an item gives back the same attributes. */
const whole = [
  courseEntity,
  instructorEntity,
  studentEntity,
  groupEntity,
  slotEntity,
  bookingEntity,
  gradeEntity,
  memberGradesEntity,
  publicationEntity,
  auditEntity,
  jobRunEntity,
  uploadEntity,
  submissionEntity,
  extensionEntity,
];
/** Entities written by UpdateItem only, with bookkeeping attributes the record does not carry. */
const updated = [dueEntity, noticeEntity, paperSeatsEntity];
const all = [...whole, ...updated];

const entityOf = (item: Item) => all.find((e) => e.type === item.type);

describe('items written by release v1 still read', () => {
  it('the fixture holds every entity type', () => {
    expect(new Set(v1.items.map((i) => i.type))).toEqual(new Set(all.map((e) => e.type)));
  });

  it.each(v1.items.map((item) => [`${String(item.type)} ${String(item.sk)}`, item] as const))(
    '%s parses',
    (_name, item) => {
      const entity = entityOf(item);
      expect(entity, `no entity for type ${String(item.type)}`).toBeDefined();
      const record = entity!.parse(item);
      expect(record).toBeDefined();
      // Another entity never claims the item.
      for (const other of all.filter((e) => e !== entity)) expect(other.parse(item)).toBeUndefined();
      // The key the entity computes from the record is the item's key.
      expect(entity!.key(record as never)).toEqual({ pk: item.pk, sk: item.sk });
      if (whole.some((e) => e === entity)) expect(entity!.toItem(record as never)).toEqual(item);
    },
  );

  it('parses to these records', () => {
    const records = v1.items.map((item) => entityOf(item)?.parse(item));
    expect(records).toMatchSnapshot();
  });

  it('decodes the entities stored in another shape', () => {
    const byType = (type: string) => v1.items.filter((i) => i.type === type);
    const cancelled = byType('booking')
      .map((i) => bookingEntity.parse(i)!)
      .find((b) => !b.slotId);
    expect(cancelled).toMatchObject({ status: 'cancelled', eventSlotId: expect.any(String) });
    const booked = byType('booking')
      .map((i) => bookingEntity.parse(i)!)
      .find((b) => b.slotId);
    expect(booked?.status).toBe('booked');
    const member = memberGradesEntity.parse(byType('member-grade')[0]);
    expect(Object.values(member!.changes)[0]).toMatchObject({
      componentId: 'report',
      kind: 'adjustment',
      value: 1,
    });
    const due = dueEntity.parse(byType('due')[0]);
    expect(due?.at).toBeInstanceOf(Date);
    expect(due?.key).toBe(byType('due')[0]!.dueKey);
    const seats = paperSeatsEntity.parse(byType('paper-seats')[0]);
    expect(seats?.courseId).toBe(String(byType('paper-seats')[0]!.pk).slice('COURSE#'.length));
  });
});

describe('parse', () => {
  const upload = v1.items.find((i) => i.type === 'upload')!;

  it('is undefined for no item or an item of another type', () => {
    expect(uploadEntity.parse(undefined)).toBeUndefined();
    expect(submissionEntity.parse(upload)).toBeUndefined();
  });

  it('names the entity, the item and the field of an item that does not match', () => {
    const broken = { ...upload, size: '1303' };
    expect(() => uploadEntity.parse(broken)).toThrow(StoredItemInvalid);
    expect(() => uploadEntity.parse(broken)).toThrow(
      new RegExp(`Stored upload item ${String(upload.pk)} ${String(upload.sk)} .*field "size"`),
    );
  });
});
