import { BadRequestException } from '@nestjs/common';
import type { z } from 'zod';
import { JsonEnvelopeSchema, TravellerSchema, type JsonTraveller } from './dto/json-manifest.schema.js';
import type { IncomingManifest, RejectedTraveller } from './submission.js';
import { assertTravellerCount } from './traveller-count.js';

interface Problem {
  path: string;
  message: string;
}

const problems = (issues: readonly z.core.$ZodIssue[], prefix: (string | number)[] = []): Problem[] =>
  issues.map((issue) => ({ path: [...prefix, ...issue.path].map(String).join('.'), message: issue.message }));

function badRequest(message: string, list: Problem[]): BadRequestException {
  return new BadRequestException({ message, problems: list });
}

/**
 * Reads a JSON manifest with the same acceptance rule as PAXLST: the travellers that pass are accepted,
 * each one that does not is rejected with every problem and its path; with none accepted, 400.
 */
export function readJsonManifest(raw: Buffer, contentType: string, maxTravellers: number): IncomingManifest {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch (error) {
    throw badRequest('the body is not valid JSON', [{ path: '', message: (error as Error).message }]);
  }
  const envelope = JsonEnvelopeSchema.safeParse(body);
  if (!envelope.success) {
    const list = problems(envelope.error.issues);
    throw badRequest(`${list.length} validation problem${list.length === 1 ? '' : 's'}`, list);
  }
  const { legs, messageRef, travellers: candidates } = envelope.data;
  assertTravellerCount(candidates.length, maxTravellers);
  const accepted: (JsonTraveller & { travellerRef: string })[] = [];
  const rejected: RejectedTraveller[] = [];
  const allProblems: Problem[] = [];
  candidates.forEach((candidate, index) => {
    const result = TravellerSchema.safeParse(candidate);
    if (result.success) {
      accepted.push({ ...result.data, travellerRef: result.data.travellerRef ?? String(index + 1) });
      return;
    }
    const list = problems(result.error.issues, ['travellers', index]);
    allProblems.push(...list);
    const ref = (candidate as { travellerRef?: unknown } | null)?.travellerRef;
    rejected.push({
      travellerRef: typeof ref === 'string' ? ref : String(index + 1),
      reason: list.map((p) => `${p.path}: ${p.message}`).join('; '),
    });
  });
  if (accepted.length === 0) {
    throw badRequest(`none of the ${candidates.length} travellers could be accepted`, allProblems);
  }
  return {
    format: 'json',
    contentType,
    raw,
    manifest: { messageRef, legs, travellers: accepted },
    rejected,
    defects: allProblems.map((p) => ({
      segment: 0,
      tag: p.path,
      message: p.message,
      severity: 'error' as const,
    })),
    messageKey: messageRef ? `json:${messageRef}` : undefined,
    source: messageRef ? { messageRef } : {},
  };
}
