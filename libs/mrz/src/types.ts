export type MrzFormat = 'TD1' | 'TD2' | 'TD3' | 'MRVA' | 'MRVB';

/** Names of the fields an {@link MrzError} can point at. */
export type MrzErrorField =
  | 'documentCode'
  | 'issuingState'
  | 'documentNumber'
  | 'nationality'
  | 'birthDate'
  | 'sex'
  | 'expiryDate'
  | 'surname'
  | 'givenNames'
  | 'optionalData'
  | 'composite'
  | 'format';

export interface MrzFields {
  /** Document code without trailing filler: `P`, `ID`, `I`, `V`, `AC`… */
  documentCode: string;
  /** ICAO code without trailing filler (`D` for Germany). */
  issuingState: string;
  /** Full document number, including a TD1/TD2 overflow, fillers removed. */
  documentNumber: string;
  nationality: string;
  /** ISO `YYYY-MM-DD`; null when the MRZ marks it unknown (fillers) or it is not a date. */
  birthDate: string | null;
  /** `X` also stands for the MRZ filler `<` (unspecified). */
  sex: 'M' | 'F' | 'X';
  /** ISO `YYYY-MM-DD`; null when it is not a date. */
  expiryDate: string | null;
  surname: string;
  givenNames: string;
  /**
   * Optional data with fillers read as spaces and trimmed: the TD3 personal number, the TD1 line-1
   * field after any document-number overflow, the TD2/MRV optional field.
   */
  optionalData: string;
  /** TD1 only: the optional field of line 2. */
  optionalData2?: string;
}

export interface MrzError {
  field: MrzErrorField;
  message: string;
}

export interface MrzResult {
  valid: boolean;
  format: MrzFormat;
  /** True when the issuing state or nationality is the ICAO specimen state `UTO`. */
  specimen: boolean;
  fields: MrzFields;
  errors: MrzError[];
}

export interface ParseMrzOptions {
  /** Reference date for the century of 2-digit years; defaults to now. Read in UTC. */
  today?: Date;
}
