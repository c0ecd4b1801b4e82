/**
 * Judges the reference-data readers against the real passport-index dataset and the ICAO 9303 code list
 * of the shared conformance corpus (read at test time, never copied into the repository).
 */
import { csvFields, csvLines } from './csv.js';
import { bundledAirportDirectory } from './airports.js';
import { parsePassportIndexCsv } from './passport-index.js';
import { ISO_ALPHA2_TO_ALPHA3, icaoFromIsoAlpha2, icaoFromIsoAlpha3 } from './state-codes.js';
import { describeWithCorpus, readCorpus } from '../test/conformance/corpus.js';

const META = {
  version: 'passport-index-2025-01-12',
  source: 'conformance',
  importedAt: '2026-01-01T00:00:00Z',
};
const file = (name: string): string => readCorpus('refdata', 'passport-index-dataset', name);

describeWithCorpus('passport-index dataset (conformance corpus)', () => {
  const tidyIso3Text = file('passport-index-tidy-iso3.csv');
  const tidyIso3 = parsePassportIndexCsv(tidyIso3Text, META);
  const dataLines = csvLines(tidyIso3Text).length - 1;

  it('reads every row of the tidy ISO-3 file', () => {
    expect(tidyIso3.format).toBe('tidy-iso3');
    expect(tidyIso3.rejects).toEqual([]);
    expect(tidyIso3.lines).toBe(dataLines);
    expect(tidyIso3.matrix.size).toBe(dataLines);
    expect(tidyIso3.matrix.nationalities).toHaveLength(199);
    expect(tidyIso3.matrix.destinations).toHaveLength(199);
  });

  it('keys by ICAO 9303 codes: D for Germany, RKS for Kosovo', () => {
    const { matrix } = tidyIso3;
    expect(matrix.hasNationality('D')).toBe(true);
    expect(matrix.hasNationality('DEU')).toBe(false);
    expect(matrix.hasNationality('RKS')).toBe(true);
    expect(matrix.hasDestination('RKS')).toBe(true);
    expect(matrix.requirement('D', 'D')).toEqual({ kind: 'own-state' });
    expect(matrix.requirement('RKS', 'RKS')).toEqual({ kind: 'own-state' });
  });

  it('says an Afghan passport needs a visa where the file says "visa required"', () => {
    const rows = csvLines(tidyIso3Text)
      .slice(1)
      .map((line) => csvFields(line.text) as string[]);
    const required = rows.filter(([passport, , value]) => passport === 'AFG' && value === 'visa required');
    expect(required.length).toBeGreaterThan(50);
    for (const [, destination] of required) {
      expect(tidyIso3.matrix.requirement('AFG', icaoFromIsoAlpha3(destination!)!)).toEqual({
        kind: 'visa-required',
      });
    }
    // Germany, written DEU in the file and D in the matrix, is among them.
    expect(required.map(([, destination]) => destination)).toContain('DEU');
    expect(tidyIso3.matrix.requirement('AFG', 'D')).toEqual({ kind: 'visa-required' });
  });

  it('reads every value kind the dataset uses', () => {
    const kinds = new Set([...tidyIso3.matrix.entries()].map((entry) => entry.requirement.kind));
    expect([...kinds].sort()).toEqual(
      ['e-visa', 'eta', 'no-admission', 'own-state', 'visa-free', 'visa-on-arrival', 'visa-required'].sort(),
    );
  });

  it('gets the same matrix from the tidy ISO-2 file', () => {
    const tidyIso2 = parsePassportIndexCsv(file('passport-index-tidy-iso2.csv'), META);
    expect(tidyIso2.format).toBe('tidy-iso2');
    expect(tidyIso2.rejects).toEqual([]);
    expect(tidyIso2.matrix.toJSON()).toEqual(tidyIso3.matrix.toJSON());
  });

  it('gets the same matrix from the matrix ISO-3 file', () => {
    const matrixIso3 = parsePassportIndexCsv(file('passport-index-matrix-iso3.csv'), META);
    expect(matrixIso3.format).toBe('matrix-iso3');
    expect(matrixIso3.rejects).toEqual([]);
    expect(matrixIso3.matrix.toJSON()).toEqual(tidyIso3.matrix.toJSON());
  });

  it('refuses the country-names file with a clear message', () => {
    expect(() => parsePassportIndexCsv(file('passport-index-tidy.csv'), META)).toThrow(
      /line 2, column 1: "Afghanistan" is not a country code: the country-names variant/,
    );
  });

  it('round-trips the whole matrix through its JSON form', () => {
    const json = JSON.stringify(tidyIso3.matrix.toJSON());
    expect(json.length).toBeLessThan(200_000);
    const back = parsePassportIndexCsv(tidyIso3Text, META).matrix;
    expect(JSON.stringify(back.toJSON())).toBe(json);
  });

  it('finds airports in the bundled directory for every destination that has one', () => {
    const served = new Set([...bundledAirportDirectory().entries()].map(([, state]) => state));
    const without = tidyIso3.matrix.destinations.filter((state) => !served.has(state));
    // Andorra, Liechtenstein, Monaco, San Marino and the Holy See have no airport of their own;
    // Palestine's only international airport (Gaza) has been closed since 2001.
    expect(without).toEqual(['AND', 'LIE', 'MCO', 'PSE', 'SMR', 'VAT']);
  });
});

describeWithCorpus('ISO 3166-1 alpha-2 table (conformance corpus)', () => {
  // code,name,alpha2,numeric,category — ISO rows and the ICAO 9303 special codes.
  const rows = csvLines(readCorpus('refdata', 'icao_9303_codes_derived.csv'))
    .slice(1)
    .map((line) => csvFields(line.text) as string[])
    .map(([code, name, alpha2, , category]) => ({
      code: code!,
      name: name!,
      alpha2: alpha2!,
      category: category!,
    }));
  const iso = rows.filter((row) => row.category.startsWith('ISO 3166-1'));

  it('agrees with every ISO 3166-1 row of the reference list', () => {
    expect(iso).toHaveLength(249);
    for (const row of iso)
      expect([row.alpha2, ISO_ALPHA2_TO_ALPHA3[row.alpha2]]).toEqual([row.alpha2, row.code]);
    expect(Object.keys(ISO_ALPHA2_TO_ALPHA3).sort()).toEqual(iso.map((row) => row.alpha2).sort());
  });

  it('maps alpha-2 to the ICAO code the reference list gives Germany', () => {
    const germany = rows.find((row) => row.code === 'D');
    expect(germany?.alpha2).toBe('DE');
    expect(icaoFromIsoAlpha2(germany!.alpha2)).toBe('D');
  });

  it('maps every other ISO state to its alpha-3 code', () => {
    for (const row of iso.filter((r) => r.code !== 'DEU'))
      expect(icaoFromIsoAlpha2(row.alpha2)).toBe(row.code);
  });
});
