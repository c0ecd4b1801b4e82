import { isUtf8 } from 'node:buffer';
import { BadRequestException } from '@nestjs/common';
import type { z } from 'zod';
import { findTextProblems, textProblem } from '@docscreen/input-values';
import { validationProblems } from '@docscreen/nest-platform';
import { JsonEnvelopeSchema, TravellerSchema, type JsonTraveller } from './dto/json-manifest.schema.js';
import { MANIFEST_LIMITS } from './manifest-limits.js';
import { rejectionReason } from './receipt-limits.js';
import type { IncomingManifest, MessageDefect, RejectedTraveller } from './submission.js';
import { assertTravellerCount } from './traveller-count.js';

interface Problem {
  path: string;
  message: string;
  /** zod's issue code, or `control-character`: what the receipt's defect summary counts. */
  code: string;
}

const problems = (issues: readonly z.core.$ZodIssue[], prefix: (string | number)[] = []): Problem[] =>
  issues.map((issue) => ({
    path: [...prefix, ...issue.path].map(String).join('.'),
    message: issue.message,
    code: issue.code,
  }));

/** Strings with control characters or unpaired surrogates, by path (never stored: refused here). */
const textProblems = (value: unknown, prefix: (string | number)[] = []): Problem[] =>
  findTextProblems(value, { prefix }).map((p) => ({ ...p, code: 'control-character' }));

function badRequest(message: string, list: Problem[]): BadRequestException {
  return validationProblems(
    message,
    list.map(({ path, message: text }) => ({ path, message: text })),
  );
}

/** `Unexpected token … in JSON at position 17` without the body V8 quotes (it may hold names). */
function jsonSyntaxProblem(error: Error): string {
  const position = /position (\d+)/.exec(error.message)?.[1];
  return position === undefined ? 'not valid JSON' : `not valid JSON at character ${Number(position) + 1}`;
}

/**
 * Reads a JSON manifest with the same acceptance rule as PAXLST: the travellers that pass are accepted,
 * each one that does not is rejected with every problem and its path; with none accepted, 400. Text
 * with a control character is a problem like any other (in the envelope: 400; in a traveller: that
 * traveller rejected), so that nothing PostgreSQL or a log cannot take is ever published or stored.
 */
export function readJsonManifest(raw: Buffer, contentType: string, maxTravellers: number): IncomingManifest {
  if (!isUtf8(raw)) {
    throw badRequest('the body is not valid UTF-8; JSON is read as UTF-8 only', [
      { path: '', message: 'is not valid UTF-8', code: 'invalid-utf8' },
    ]);
  }
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch (error) {
    throw badRequest('the body is not valid JSON', [
      { path: '', message: jsonSyntaxProblem(error as Error), code: 'invalid-json' },
    ]);
  }
  const envelope = JsonEnvelopeSchema.safeParse(body);
  if (!envelope.success) {
    const list = problems(envelope.error.issues);
    throw badRequest(`${list.length} validation problem${list.length === 1 ? '' : 's'}`, list);
  }
  const { legs, messageRef, travellers: candidates } = envelope.data;
  assertTravellerCount(candidates.length, maxTravellers);
  const envelopeText = textProblems({ ...(body as object), travellers: [] });
  if (envelopeText.length > 0) {
    throw badRequest(
      `${envelopeText.length} text problem${envelopeText.length === 1 ? '' : 's'}`,
      envelopeText,
    );
  }
  const accepted: (JsonTraveller & { travellerRef: string })[] = [];
  const rejected: RejectedTraveller[] = [];
  const allProblems: Problem[] = [];
  candidates.forEach((candidate, index) => {
    const text = textProblems(candidate, ['travellers', index]);
    const result = text.length > 0 ? undefined : TravellerSchema.safeParse(candidate);
    if (result?.success) {
      accepted.push({ ...result.data, travellerRef: result.data.travellerRef ?? String(index + 1) });
      return;
    }
    const list = result ? problems(result.error.issues, ['travellers', index]) : text;
    allProblems.push(...list);
    const ref = (candidate as { travellerRef?: unknown } | null)?.travellerRef;
    rejected.push({
      // A reference that is itself refused (too long, a control character) is not echoed: the
      // traveller's position stands for it.
      travellerRef:
        typeof ref === 'string' && ref.length <= MANIFEST_LIMITS.travellerRefLength && !textProblem(ref)
          ? ref
          : String(index + 1),
      reason: rejectionReason(list.map((p) => `${p.path}: ${p.message}`)),
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
    defects: allProblems.map((p): MessageDefect => ({
      segment: 0,
      tag: p.path,
      message: p.message,
      severity: 'error',
      code: p.code,
    })),
    messageKey: messageRef ? `json:${messageRef}` : undefined,
    source: messageRef ? { messageRef } : {},
  };
}
