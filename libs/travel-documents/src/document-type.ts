/**
 * Document types as the registry keys them, in the order (and with the numbers, counting from 1) of
 * `docscreen.common.v1.DocumentType`: the key of a record reads `NLD:PASSPORT:SPECI2014`.
 */
export const DOCUMENT_TYPES = [
  'PASSPORT',
  'IDENTITY_CARD',
  'VISA',
  'RESIDENCE_PERMIT',
  'CREW_MEMBER_CERTIFICATE',
  'OTHER',
] as const;

export type DocumentTypeName = (typeof DOCUMENT_TYPES)[number];

/**
 * ICAO Doc 9303 and PAXLST document codes and the type each stands for. Only codes whose meaning is
 * settled are listed: `P` passport; `I`, `A`, `C` identity cards (TD1 document codes); `V` visa;
 * `AC` crew member certificate (ICAO Annex 9).
 */
export const DOCUMENT_TYPE_CODES: Readonly<Record<string, DocumentTypeName>> = Object.freeze({
  P: 'PASSPORT',
  I: 'IDENTITY_CARD',
  A: 'IDENTITY_CARD',
  C: 'IDENTITY_CARD',
  V: 'VISA',
  AC: 'CREW_MEMBER_CERTIFICATE',
});

const NAMES: ReadonlySet<string> = new Set(DOCUMENT_TYPES);

/**
 * The document type a code (`P`, `I`, `V`, `AC`, …) or a type name (`PASSPORT`, `identity_card`)
 * stands for, ignoring case and surrounding blanks; `undefined` when it is neither (for example
 * `F`, `M` or `IP`, whose meaning differs between receiving states).
 */
export function documentTypeName(codeOrName: string): DocumentTypeName | undefined {
  const value = codeOrName.trim().toUpperCase();
  if (NAMES.has(value)) return value as DocumentTypeName;
  return DOCUMENT_TYPE_CODES[value];
}

/**
 * Like `documentTypeName`, for input that must name a type.
 *
 * @throws RangeError when `codeOrName` names no known type.
 */
export function requireDocumentType(codeOrName: string): DocumentTypeName {
  const type = documentTypeName(codeOrName);
  if (type === undefined) {
    throw new RangeError(
      `invalid document type ${JSON.stringify(codeOrName)}: expected one of ${[...Object.keys(DOCUMENT_TYPE_CODES), ...DOCUMENT_TYPES].join(', ')}`,
    );
  }
  return type;
}
