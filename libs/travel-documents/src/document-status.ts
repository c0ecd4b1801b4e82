/**
 * Why a document or blank series is listed, in the order (and with the numbers, counting from 1) of
 * `docscreen.registry.v1.DocumentStatus`, spelt as national lists and the registry API spell them.
 */
export const DOCUMENT_STATUSES = ['lost', 'stolen', 'revoked', 'invalidated', 'stolen_blank'] as const;

export type DocumentStatusName = (typeof DOCUMENT_STATUSES)[number];

const STATUSES: ReadonlySet<string> = new Set(DOCUMENT_STATUSES);

/** Whether `value` is one of `DOCUMENT_STATUSES`, exactly (lower case). */
export function isDocumentStatus(value: string): value is DocumentStatusName {
  return STATUSES.has(value);
}
