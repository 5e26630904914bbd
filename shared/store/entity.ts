import type * as z from 'zod';
import type { Key } from './keys.js';
import type { Item } from './table-ops.js';

/**
 * Entities declared once: each kind of stored item has one zod schema of its attributes, one key
 * builder and one type tag. Writes go through `toItem`, reads through `parse`: an item of another
 * type is `undefined`; an item of this type that does not match is an error naming the entity and
 * the field (a bug or a migration to write, never something to paper over with a cast).
 */
export class StoredItemInvalid extends Error {
  override readonly name = 'StoredItemInvalid';
  constructor(
    readonly entity: string,
    readonly where: string,
    readonly issues: { field: string; message: string }[],
  ) {
    super(
      `Stored ${entity} item ${where} does not match the ${entity} schema: ${issues
        .map((i) => `field "${i.field}": ${i.message}`)
        .join('; ')}`,
    );
  }
}

export interface EntityDefinition<S extends z.ZodType<object>> {
  /** The `type` attribute of every item of this entity. */
  type: string;
  /** The record's attributes (keys and the type tag are not part of it). */
  schema: S;
  key: (record: z.output<S>) => Key;
  /** Index attributes written with the item (GSI1). */
  index?: (record: z.output<S>) => { gsi1pk: string; gsi1sk: string };
  /** Stored attributes → the record to validate, for entities stored in another shape. */
  decode?: (item: Item) => Record<string, unknown>;
  /** The record → its stored attributes (default: the record itself). */
  encode?: (record: z.output<S>) => Item;
}

export interface Entity<S extends z.ZodType<object>, R = z.output<S>> {
  readonly type: string;
  readonly schema: S;
  key(record: R): Key;
  /** The whole item: key, index attributes, type tag and attributes. */
  toItem(record: R): Item & Key & { type: string };
  /** The record of an item of this type; undefined for no item or another type; throws if invalid. */
  parse(item: Item | undefined): R | undefined;
  /** The records of the items of this type (other types skipped). */
  parseAll(items: readonly Item[]): R[];
  /** The record of the item with this key among `items` (a BatchGet's answer). */
  find(items: readonly Item[], key: Key): R | undefined;
}

const where = (item: Item) => `${String(item.pk)} ${String(item.sk)}`;

export const defineEntity = <S extends z.ZodType<object>>(def: EntityDefinition<S>): Entity<S> => {
  type R = z.output<S>;
  const parse = (item: Item | undefined): R | undefined => {
    if (!item || item.type !== def.type) return undefined;
    const result = def.schema.safeParse(def.decode ? def.decode(item) : item);
    if (result.success) return result.data;
    throw new StoredItemInvalid(
      def.type,
      where(item),
      result.error.issues.map((i) => ({ field: i.path.join('.') || '(item)', message: i.message })),
    );
  };
  return {
    type: def.type,
    schema: def.schema,
    key: def.key,
    toItem: (record) => ({
      ...(def.encode ? def.encode(record) : record),
      ...def.index?.(record),
      ...def.key(record),
      type: def.type,
    }),
    parse,
    parseAll: (items) => items.flatMap((i) => parse(i) ?? []),
    find: (items, key) => parse(items.find((i) => i.pk === key.pk && i.sk === key.sk)),
  };
};

/** The course id of an item in a course partition (`COURSE#id`), for items that do not store it. */
export const courseIdOfPk = (pk: unknown): string | undefined =>
  typeof pk === 'string' && pk.startsWith('COURSE#') ? pk.slice('COURSE#'.length).split('#')[0] : undefined;
