import { DOCUMENT_STATUSES, DOCUMENT_TYPES } from '@docscreen/travel-documents';
import type { DocumentStatusName, DocumentTypeName } from '@docscreen/travel-documents';

/**
 * The third word of a record slot: who lists the document and why.
 *
 *   bits  0-14  issuing state: three letters of 5 bits (A = 1 … Z = 26, 0 = none), first letter highest
 *   bits 15-17  document type: 1-6, the position in DOCUMENT_TYPES plus one
 *   bits 18-20  status: 1-5, the position in DOCUMENT_STATUSES plus one
 *   bits 21-31  not ours: the record table's
 *
 * A valid meta is never 0 (every state has a first letter), so 0 marks an empty slot. The record
 * table keeps its own bookkeeping in bits 21-31 (`record-table.ts`).
 */

export const STATE_MASK = 0x7fff;
/** State and type: what, besides the number, identifies a record. */
export const KEY_MASK = 0x3ffff;
const TYPE_SHIFT = 15;
const STATUS_SHIFT = 18;

/** The 15-bit code of a normalised issuing state (one to three letters A-Z). */
export function stateCode(state: string): number {
  let code = 0;
  for (let i = 0; i < 3; i++) {
    code = (code << 5) | (i < state.length ? state.charCodeAt(i) - 64 : 0);
  }
  return code;
}

const stateNames = new Map<number, string>();

/** The issuing state of a 15-bit state code. */
export function stateName(code: number): string {
  let name = stateNames.get(code);
  if (name === undefined) {
    name = '';
    for (let shift = 10; shift >= 0; shift -= 5) {
      const letter = (code >>> shift) & 31;
      if (letter !== 0) name += String.fromCharCode(letter + 64);
    }
    stateNames.set(code, name);
  }
  return name;
}

/** The 3-bit code of a document type (1-6). */
export function typeCode(type: DocumentTypeName): number {
  return DOCUMENT_TYPES.indexOf(type) + 1;
}

/** The meta bits of a document type, to compare with `meta & KEY_MASK`. */
export function typeBits(type: DocumentTypeName): number {
  return typeCode(type) << TYPE_SHIFT;
}

/** The 3-bit code of a status (1-5), or 0 when `status` is not one. */
export function statusCode(status: string): number {
  return (DOCUMENT_STATUSES as readonly string[]).indexOf(status) + 1;
}

export function packMeta(state: number, type: number, status: number): number {
  return (state | (type << TYPE_SHIFT) | (status << STATUS_SHIFT)) >>> 0;
}

/** `meta` with another status. */
export function withStatus(meta: number, status: number): number {
  return ((meta & KEY_MASK) | (status << STATUS_SHIFT)) >>> 0;
}

export function typeOfMeta(meta: number): DocumentTypeName {
  const type = DOCUMENT_TYPES[((meta >>> TYPE_SHIFT) & 7) - 1];
  if (type === undefined) throw new RangeError(`corrupt record: document type code in meta ${meta}`);
  return type;
}

export function statusOfMeta(meta: number): DocumentStatusName {
  const status = DOCUMENT_STATUSES[((meta >>> STATUS_SHIFT) & 7) - 1];
  if (status === undefined) throw new RangeError(`corrupt record: status code in meta ${meta}`);
  return status;
}
