import { z } from 'zod';
import { readCalendarDate, readLocalDateTime, type CalendarReading } from '@docscreen/input-values';

// Request fields every API reads the same way, built on the one reading of dates and text in
// @docscreen/input-values. Text needs no field of its own: the validation pipe refuses control
// characters in every string of every body, query and URL parameter (validation.pipe.ts); a field
// of free text that may span lines says so with `multilineText`.

const checked = (read: (value: string) => CalendarReading) => (value: string, context: z.RefinementCtx) => {
  const reading = read(value);
  if (!reading.ok) context.addIssue({ code: 'custom', message: reading.reason });
};

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 and year 0000 do not). */
export function calendarDate(): z.ZodType<string, string> {
  return z.string().superRefine(checked(readCalendarDate)).meta({ format: 'date', example: '2026-12-01' });
}

/** A local date and time `YYYY-MM-DDTHH:mm` that exists (no 25:61, no 30 February). */
export function localDateTime(): z.ZodType<string, string> {
  return z
    .string()
    .superRefine(checked(readLocalDateTime))
    .meta({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}$', example: '2026-12-01T07:40' });
}

/** Strings that are multi-line free text: tab, line feed and carriage return are allowed in them. */
const MULTILINE = z.registry<Record<string, never>>();

/** Marks a string schema as multi-line free text (a note); every other string is one line. */
export function multilineText<T extends z.ZodType<string | undefined>>(schema: T): T {
  MULTILINE.add(schema, {});
  return schema;
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  valueType?: z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The schema of the value at `key` inside a value of `schema`, through wrappers and pipes. */
function schemaInside(schema: z.ZodType | undefined, key: string | number): z.ZodType | undefined {
  const def = schema && defOf(schema);
  if (!def) return undefined;
  switch (def.type) {
    case 'object':
      return typeof key === 'string' ? def.shape?.[key] : undefined;
    case 'array':
      return typeof key === 'number' ? def.element : undefined;
    case 'record':
      return def.valueType;
    case 'pipe':
      return schemaInside(def.in, key);
    default:
      return def.innerType ? schemaInside(def.innerType, key) : undefined;
  }
}

function isMarkedMultiline(schema: z.ZodType | undefined): boolean {
  for (let at = schema; at;) {
    if (MULTILINE.has(at)) return true;
    const def = defOf(at);
    at = def.type === 'pipe' ? def.in : def.innerType;
  }
  return false;
}

/** Whether the string at `path` of a value read with `schema` is multi-line free text. */
export function isMultilineAt(schema: unknown, path: readonly (string | number)[]): boolean {
  if (!(schema instanceof z.ZodType)) return false;
  let at: z.ZodType | undefined = schema;
  for (const key of path) at = schemaInside(at, key);
  return isMarkedMultiline(at);
}
