import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import { JsonManifestSchema } from './dto/json-manifest.schema.js';
import type { IncomingManifest } from './submission.js';

/** Reads a JSON manifest: 400 with every problem and its path, exactly as for PAXLST defects. */
export function readJsonManifest(raw: Buffer, contentType: string, maxTravellers: number): IncomingManifest {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch (error) {
    throw new BadRequestException({
      message: 'the body is not valid JSON',
      problems: [{ path: '', message: (error as Error).message }],
    });
  }
  const result = JsonManifestSchema.safeParse(body);
  if (!result.success) {
    throw new BadRequestException({
      message: `${result.error.issues.length} validation problem${result.error.issues.length === 1 ? '' : 's'}`,
      problems: result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    });
  }
  if (result.data.travellers.length > maxTravellers) {
    throw new PayloadTooLargeException(
      `${result.data.travellers.length} travellers in one manifest; at most ${maxTravellers}: split it`,
    );
  }
  const travellers = result.data.travellers.map((t, index) => ({
    ...t,
    travellerRef: t.travellerRef ?? String(index + 1),
  }));
  return {
    format: 'json',
    contentType,
    raw,
    manifest: { ...result.data, travellers },
    rejected: [],
    defects: [],
    messageKey: result.data.messageRef ? `json:${result.data.messageRef}` : undefined,
    source: result.data.messageRef ? { messageRef: result.data.messageRef } : {},
  };
}
