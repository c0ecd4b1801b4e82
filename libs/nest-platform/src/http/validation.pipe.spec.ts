import { BadRequestException, type ArgumentMetadata } from '@nestjs/common';
import { z } from 'zod';
import { calendarDate, localDateTime, multilineText } from './input-fields.js';
import { InputValidationPipe, MAX_PROBLEMS_LISTED } from './validation.pipe.js';

const pipe = new InputValidationPipe();

const NoteSchema = z.object({
  actor: z.string().max(200),
  note: multilineText(z.string().trim().max(2_000)).optional(),
  entries: z.array(z.object({ text: multilineText(z.string()) })).default([]),
  on: calendarDate().optional(),
  departs: localDateTime().optional(),
});

const body = (schema?: z.ZodType): ArgumentMetadata =>
  ({ type: 'body', ...(schema ? { schema } : {}) }) as ArgumentMetadata;

async function refusal(value: unknown, metadata: ArgumentMetadata) {
  try {
    await pipe.transform(value, metadata);
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return (error as BadRequestException).getResponse() as {
      message: string;
      problems: { path: string; message: string }[];
      problemsNotListed?: number;
    };
  }
  throw new Error('accepted');
}

describe('InputValidationPipe', () => {
  it('refuses a control character anywhere in a body, naming the field, with or without a schema', async () => {
    for (const metadata of [body(NoteSchema), body()]) {
      const answer = await refusal({ actor: 'officer\u0000 17' }, metadata);
      expect(answer.problems).toEqual([
        {
          path: 'actor',
          message: 'contains the control character U+0000 at position 8; control characters are not accepted',
        },
      ]);
    }
  });

  it('lets multi-line fields have line breaks and tabs, and nothing else does', async () => {
    await expect(
      pipe.transform(
        { actor: 'A17', note: 'line one\r\n\tline two', entries: [{ text: 'a\nb' }] },
        body(NoteSchema),
      ),
    ).resolves.toMatchObject({ note: 'line one\r\n\tline two' });
    expect((await refusal({ actor: 'A17\n' }, body(NoteSchema))).problems[0]?.path).toBe('actor');
    expect((await refusal({ actor: 'A', note: 'x\u0000' }, body(NoteSchema))).problems[0]?.path).toBe('note');
  });

  it('checks URL parameters and queries under their name', async () => {
    const answer = await refusal('abc\u0000', { type: 'param', data: 'alertId' } as ArgumentMetadata);
    expect(answer.problems[0]?.path).toBe('alertId');
    const query = await refusal({ cursor: '\u001b' }, { type: 'query' } as ArgumentMetadata);
    expect(query.problems[0]?.path).toBe('cursor');
  });

  it('refuses impossible dates and times with the field named, the value not repeated', async () => {
    const answer = await refusal(
      { actor: 'A', on: '1987-02-30', departs: '2026-12-02T25:61' },
      body(NoteSchema),
    );
    expect(answer.problems).toEqual([
      { path: 'on', message: 'is not a calendar date: month 02 has no day 30' },
      { path: 'departs', message: 'is not a date and time of day: there is no hour 25' },
    ]);
  });

  it(`lists at most ${MAX_PROBLEMS_LISTED} problems and counts the rest`, async () => {
    const Many = z.object({ items: z.array(z.number()) });
    const answer = await refusal({ items: Array.from({ length: 500 }, () => 'x') }, body(Many));
    expect(answer.problems).toHaveLength(MAX_PROBLEMS_LISTED);
    expect(answer.problemsNotListed).toBe(500 - MAX_PROBLEMS_LISTED);
  });
});

describe('input fields in OpenAPI', () => {
  it('documents dates as format date and date-times by their pattern', () => {
    const schema = z.toJSONSchema(NoteSchema, { io: 'input' }) as {
      properties: Record<string, { format?: string; pattern?: string; maxLength?: number }>;
    };
    expect(schema.properties['on']?.format).toBe('date');
    expect(schema.properties['departs']?.pattern).toBe('^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}$');
    expect(schema.properties['actor']?.maxLength).toBe(200);
  });
});
