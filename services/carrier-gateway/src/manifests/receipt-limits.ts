import type { MessageDefect } from './submission.js';

/**
 * How large a receipt may grow, whatever the message: it is answered, stored with the submission
 * and replayed on every resubmission. With at most MAX_TRAVELLERS_PER_MANIFEST travellers (each
 * accepted or rejected with one bounded reason) and the defects listed up to `defectsListed` — the
 * rest counted per code — a receipt stays within a few hundred kilobytes. Defect messages and
 * reasons never quote a name, document number or birth date (the readers refer to a traveller by
 * position and to a document by segment), so a stored receipt keeps no personal data.
 */
export const RECEIPT_LIMITS = Object.freeze({
  /** Defects listed one by one; beyond them, `defectSummary` counts every defect per code. */
  defectsListed: 100,
  /** Characters of one defect message or of one traveller's rejection reason. */
  textLength: 300,
  /** Problems named in one rejection reason; beyond them, how many more. */
  problemsPerReason: 5,
});

/** Every defect of a message per code, when more were found than the receipt lists. */
export interface DefectSummary {
  total: number;
  listed: number;
  byCode: Record<string, number>;
}

export function clip(text: string, length = RECEIPT_LIMITS.textLength): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

/** One traveller's rejection: its first problems, how many more, within `textLength`. */
export function rejectionReason(problems: readonly string[]): string {
  const { problemsPerReason } = RECEIPT_LIMITS;
  const named = problems.slice(0, problemsPerReason).join('; ');
  const more = problems.length - problemsPerReason;
  return clip(more > 0 ? `${named}; and ${more} more` : named);
}

/** The defects a receipt lists, and the summary of all of them once there are more than it lists. */
export function receiptDefects(defects: readonly MessageDefect[]): {
  defects: MessageDefect[];
  defectSummary?: DefectSummary;
} {
  const listed = defects
    .slice(0, RECEIPT_LIMITS.defectsListed)
    .map((d) => ({ ...d, message: clip(d.message) }));
  if (defects.length <= listed.length) return { defects: listed };
  const byCode: Record<string, number> = {};
  for (const d of defects) byCode[d.code] = (byCode[d.code] ?? 0) + 1;
  return { defects: listed, defectSummary: { total: defects.length, listed: listed.length, byCode } };
}
