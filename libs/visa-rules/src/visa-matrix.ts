import { type VisaRequirement, MAX_VISA_FREE_DAYS } from './requirement.js';

/** Where a matrix came from; every screening decision records the version. */
export interface VisaMatrixMetadata {
  /** e.g. `passport-index-2025-01-12`. */
  version: string;
  /** e.g. `ilyankou/passport-index-dataset (MIT), tidy ISO-3`. */
  source: string;
  /** ISO 8601 timestamp of the import, supplied by the caller (the library reads no clock). */
  importedAt: string;
}

/** One cell of the matrix; states by ICAO 9303 code. */
export interface VisaMatrixEntry {
  nationality: string;
  destination: string;
  requirement: VisaRequirement;
}

/** A nationality that needs an airport transit visa to change planes in `transitState`. */
export interface AirportTransitEntry {
  transitState: string;
  nationality: string;
}

/** Malformed visa reference data (a serialised matrix or a matrix built from contradictory entries). */
export class VisaDataError extends Error {
  override readonly name = 'VisaDataError';
}

export const VISA_MATRIX_FORMAT = 'docscreen-visa-matrix/1';

/**
 * The compact, canonical JSON form of a matrix, for PostgreSQL (jsonb) and for shipping to services.
 * `states` lists every destination once, sorted; `rows[nationality]` holds one token per entry of
 * `states`, comma-separated: `F` visa free, `F90` visa free for 90 days, `A` visa on arrival, `T`
 * electronic travel authorisation, `E` e-visa, `V` visa required, `N` no admission, `O` own state, and
 * an empty token where the data says nothing. `airportTransit[transitState]` lists, sorted, the
 * nationalities needing an airport transit visa there; absent when no such list was loaded.
 */
export interface SerialisedVisaMatrix {
  format: typeof VISA_MATRIX_FORMAT;
  version: string;
  source: string;
  importedAt: string;
  states: string[];
  rows: Record<string, string>;
  airportTransit?: Record<string, string[]>;
}

const TOKEN_OF: Record<Exclude<VisaRequirement['kind'], 'visa-free' | 'airport-transit-visa'>, string> = {
  'visa-on-arrival': 'A',
  eta: 'T',
  'e-visa': 'E',
  'visa-required': 'V',
  'no-admission': 'N',
  'own-state': 'O',
};

function encode(requirement: VisaRequirement): string {
  switch (requirement.kind) {
    case 'visa-free':
      return requirement.days === undefined ? 'F' : `F${requirement.days}`;
    case 'airport-transit-visa':
      throw new VisaDataError('an airport transit visa belongs in the airport-transit list, not the matrix');
    default:
      return TOKEN_OF[requirement.kind];
  }
}

function decode(token: string): VisaRequirement | undefined {
  switch (token) {
    case 'F':
      return { kind: 'visa-free' };
    case 'A':
      return { kind: 'visa-on-arrival' };
    case 'T':
      return { kind: 'eta' };
    case 'E':
      return { kind: 'e-visa' };
    case 'V':
      return { kind: 'visa-required' };
    case 'N':
      return { kind: 'no-admission' };
    case 'O':
      return { kind: 'own-state' };
  }
  const days = /^F([0-9]{1,4})$/.exec(token)?.[1];
  if (days !== undefined && Number(days) >= 1 && Number(days) <= MAX_VISA_FREE_DAYS)
    return { kind: 'visa-free', days: Number(days) };
  return undefined;
}

const STATE_CODE = /^[A-Z]{1,3}$/;

function checkState(code: string, what: string): void {
  if (!STATE_CODE.test(code))
    throw new VisaDataError(`${what}: ${JSON.stringify(code)} is no ICAO state code`);
}

function sameRequirement(a: VisaRequirement, b: VisaRequirement): boolean {
  return encode(a) === encode(b);
}

/**
 * Visa requirements by nationality × destination (ICAO 9303 codes), versioned, plus an optional list
 * of nationalities needing an airport transit visa per transit state. Immutable.
 */
export class VisaMatrix implements VisaMatrixMetadata {
  readonly version: string;
  readonly source: string;
  readonly importedAt: string;

  private constructor(
    metadata: VisaMatrixMetadata,
    private readonly rows: ReadonlyMap<string, ReadonlyMap<string, VisaRequirement>>,
    private readonly transit: ReadonlyMap<string, ReadonlySet<string>> | undefined,
  ) {
    this.version = metadata.version;
    this.source = metadata.source;
    this.importedAt = metadata.importedAt;
  }

  /**
   * @throws VisaDataError for a malformed state code, an airport-transit requirement in the matrix or
   *   two different requirements for the same pair.
   */
  static fromEntries(
    metadata: VisaMatrixMetadata,
    entries: Iterable<VisaMatrixEntry>,
    airportTransit?: Iterable<AirportTransitEntry>,
  ): VisaMatrix {
    const rows = new Map<string, Map<string, VisaRequirement>>();
    for (const { nationality, destination, requirement } of entries) {
      checkState(nationality, 'nationality');
      checkState(destination, 'destination');
      encode(requirement);
      let row = rows.get(nationality);
      if (row === undefined) rows.set(nationality, (row = new Map()));
      const previous = row.get(destination);
      if (previous !== undefined && !sameRequirement(previous, requirement))
        throw new VisaDataError(`${nationality} → ${destination}: two different requirements`);
      row.set(destination, requirement);
    }
    return new VisaMatrix({ ...metadata }, rows, airportTransit && VisaMatrix.transitMap(airportTransit));
  }

  private static transitMap(entries: Iterable<AirportTransitEntry>): Map<string, Set<string>> {
    const transit = new Map<string, Set<string>>();
    for (const { transitState, nationality } of entries) {
      checkState(transitState, 'transit state');
      checkState(nationality, 'nationality');
      let set = transit.get(transitState);
      if (set === undefined) transit.set(transitState, (set = new Set()));
      set.add(nationality);
    }
    return transit;
  }

  /** The same matrix with an airport-transit list (replacing any it had). */
  withAirportTransit(entries: Iterable<AirportTransitEntry>): VisaMatrix {
    return new VisaMatrix(this, this.rows, VisaMatrix.transitMap(entries));
  }

  /**
   * What a national of `nationality` needs to enter `destination`. A state's own nationals need
   * nothing (`own-state`) even where the data has no cell; `undefined` where the data says nothing.
   */
  requirement(nationality: string, destination: string): VisaRequirement | undefined {
    const found = this.rows.get(nationality)?.get(destination);
    if (found !== undefined) return found;
    return nationality !== '' && nationality === destination ? { kind: 'own-state' } : undefined;
  }

  hasNationality(nationality: string): boolean {
    return this.rows.has(nationality);
  }

  hasDestination(destination: string): boolean {
    for (const row of this.rows.values()) if (row.has(destination)) return true;
    return false;
  }

  /** Nationalities with at least one entry, sorted. */
  get nationalities(): string[] {
    return [...this.rows.keys()].sort();
  }

  /** Destinations with at least one entry, sorted. */
  get destinations(): string[] {
    const states = new Set<string>();
    for (const row of this.rows.values()) for (const destination of row.keys()) states.add(destination);
    return [...states].sort();
  }

  /** Number of nationality × destination entries. */
  get size(): number {
    let size = 0;
    for (const row of this.rows.values()) size += row.size;
    return size;
  }

  *entries(): IterableIterator<VisaMatrixEntry> {
    for (const [nationality, row] of [...this.rows].sort(byKey))
      for (const [destination, requirement] of [...row].sort(byKey))
        yield { nationality, destination, requirement };
  }

  /** Whether an airport-transit list was loaded at all (without one, nobody is known to need one). */
  get hasAirportTransitList(): boolean {
    return this.transit !== undefined;
  }

  /**
   * Whether a national of `nationality` needs an airport transit visa to change planes in
   * `transitState` without entering it; `undefined` when no airport-transit list is loaded.
   */
  requiresAirportTransitVisa(nationality: string, transitState: string): boolean | undefined {
    if (this.transit === undefined) return undefined;
    return this.transit.get(transitState)?.has(nationality) ?? false;
  }

  /** The airport-transit list as entries, sorted by transit state then nationality. */
  airportTransitEntries(): AirportTransitEntry[] {
    if (this.transit === undefined) return [];
    return [...this.transit]
      .sort(byKey)
      .flatMap(([transitState, nationalities]) =>
        [...nationalities].sort().map((nationality) => ({ transitState, nationality })),
      );
  }

  toJSON(): SerialisedVisaMatrix {
    const states = this.destinations;
    const rows: Record<string, string> = {};
    for (const [nationality, row] of [...this.rows].sort(byKey)) {
      rows[nationality] = states
        .map((state) => {
          const requirement = row.get(state);
          return requirement === undefined ? '' : encode(requirement);
        })
        .join(',');
    }
    const json: SerialisedVisaMatrix = {
      format: VISA_MATRIX_FORMAT,
      version: this.version,
      source: this.source,
      importedAt: this.importedAt,
      states,
      rows,
    };
    if (this.transit !== undefined) {
      json.airportTransit = {};
      for (const [state, nationalities] of [...this.transit].sort(byKey))
        json.airportTransit[state] = [...nationalities].sort();
    }
    return json;
  }

  /** @throws VisaDataError saying where the value departs from SerialisedVisaMatrix. */
  static fromJSON(value: unknown): VisaMatrix {
    if (typeof value === 'string') {
      try {
        value = JSON.parse(value) as unknown;
      } catch (error) {
        throw new VisaDataError(`visa matrix: not JSON (${(error as Error).message})`);
      }
    }
    if (!isRecord(value)) throw new VisaDataError('visa matrix: expected an object');
    if (value['format'] !== VISA_MATRIX_FORMAT)
      throw new VisaDataError(
        `visa matrix: format ${JSON.stringify(value['format'])}, expected ${JSON.stringify(VISA_MATRIX_FORMAT)}`,
      );
    const metadata: VisaMatrixMetadata = {
      version: requireString(value, 'version'),
      source: requireString(value, 'source'),
      importedAt: requireString(value, 'importedAt'),
    };
    const states = value['states'];
    if (!Array.isArray(states) || !states.every((s): s is string => typeof s === 'string'))
      throw new VisaDataError('visa matrix: states must be an array of state codes');
    states.forEach((state, index) => checkState(state, `states[${index}]`));
    if (new Set(states).size !== states.length) throw new VisaDataError('visa matrix: states repeat a code');
    const rowsValue = value['rows'];
    if (!isRecord(rowsValue)) throw new VisaDataError('visa matrix: rows must be an object');

    const entries: VisaMatrixEntry[] = [];
    for (const [nationality, row] of Object.entries(rowsValue)) {
      checkState(nationality, 'rows');
      if (typeof row !== 'string')
        throw new VisaDataError(`visa matrix: rows.${nationality} must be a string`);
      const tokens = row.split(',');
      if (tokens.length !== states.length)
        throw new VisaDataError(
          `visa matrix: rows.${nationality} has ${tokens.length} entries, expected ${states.length}`,
        );
      tokens.forEach((token, index) => {
        const destination = states[index];
        if (token === '' || destination === undefined) return;
        const requirement = decode(token);
        if (requirement === undefined)
          throw new VisaDataError(
            `visa matrix: rows.${nationality}[${index}] (${destination}): unknown token ${JSON.stringify(token)}`,
          );
        entries.push({ nationality, destination, requirement });
      });
    }

    let transit: AirportTransitEntry[] | undefined;
    const transitValue = value['airportTransit'];
    if (transitValue !== undefined) {
      if (!isRecord(transitValue)) throw new VisaDataError('visa matrix: airportTransit must be an object');
      transit = [];
      for (const [transitState, nationalities] of Object.entries(transitValue)) {
        if (!Array.isArray(nationalities) || !nationalities.every((n) => typeof n === 'string'))
          throw new VisaDataError(`visa matrix: airportTransit.${transitState} must be an array of codes`);
        for (const nationality of nationalities as string[]) transit.push({ transitState, nationality });
      }
    }
    return VisaMatrix.fromEntries(metadata, entries, transit);
  }
}

function byKey<T>([a]: readonly [string, T], [b]: readonly [string, T]): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requireString(value: Record<string, unknown>, key: string): string {
  const field = value[key];
  if (typeof field !== 'string') throw new VisaDataError(`visa matrix: ${key} must be a string`);
  return field;
}
