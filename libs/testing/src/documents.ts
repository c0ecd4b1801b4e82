import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkDigit } from '@docscreen/mrz';

/** A passport holder the tests invent, with a TD3 MRZ whose check digits are right. */
export interface InventedPassport {
  /** Issuing state and nationality, ICAO 9303 code (not UTO: the specimen state is flagged). */
  state: string;
  number: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: 'F' | 'M' | 'X';
  /** YYYY-MM-DD */
  expiryDate: string;
  surname: string;
  givenNames: string;
}

/** The two MRZ lines of an ICAO Doc 9303 TD3 passport with correct check digits and composite. */
export function td3Mrz(p: InventedPassport): [string, string] {
  const pad = (s: string, n: number) => s.padEnd(n, '<').slice(0, n);
  const yymmdd = (iso: string) => iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);
  const number = pad(p.number, 9);
  const birth = yymmdd(p.birthDate);
  const expiry = yymmdd(p.expiryDate);
  const optional = pad('', 14);
  const line2 =
    number +
    checkDigit(number) +
    pad(p.state, 3) +
    birth +
    checkDigit(birth) +
    p.sex +
    expiry +
    checkDigit(expiry) +
    optional +
    checkDigit(optional);
  const composite = line2.slice(0, 10) + line2.slice(13, 20) + line2.slice(21, 43);
  const names = `${p.surname.replace(/ /g, '<')}<<${p.givenNames.replace(/ /g, '<')}`;
  return [pad(`P<${pad(p.state, 3)}${names}`, 44), line2 + checkDigit(composite)];
}

/** The shared conformance corpus (`CONFORMANCE_DIR`, else `../shared/conformance` beside the repo). */
export function conformanceDir(): string {
  return (
    process.env['CONFORMANCE_DIR'] ?? path.resolve(import.meta.dirname, '../../../../shared/conformance')
  );
}

/**
 * Imports the passport-index visa matrix of the conformance corpus into a running screening service
 * through its operators' API, as `docscreen visa-rules import` does. The file is read from the corpus,
 * never copied into the repository.
 */
export async function loadVisaMatrix(screeningUrl: string, adminToken: string): Promise<string> {
  const file = path.join(conformanceDir(), 'refdata/passport-index-dataset/passport-index-tidy-iso3.csv');
  const version = `passport-index-test-${Date.now()}`;
  const response = await fetch(`${screeningUrl}/v1/admin/visa-matrices?version=${version}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'text/csv' },
    body: await readFile(file),
  });
  if (response.status !== 201)
    throw new Error(`visa matrix import answered ${response.status}: ${await response.text()}`);
  return version;
}
