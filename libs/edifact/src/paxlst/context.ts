/**
 * State shared by the PAXLST mappers while one interchange is read: where defects go, the year that
 * two-digit years are placed against, and the running traveller number.
 */
import { type DefectCode, type DefectOptions, type PaxlstError, defect } from '../errors.js';
import { type DateKind, readDate } from '../dates.js';
import { type Segment, rawValueAt, valueAt } from '../segment.js';
import type { PaxlstTraveller } from './types.js';

/** Thrown by the context when a traveller beyond the caller's limit is opened: mapping stops there. */
export class TravellerLimitReached extends Error {}

export class MappingContext {
  readonly errors: PaxlstError[] = [];
  private travellers = 0;

  constructor(
    public referenceYear: number,
    private readonly maxTravellers = Number.POSITIVE_INFINITY,
  ) {}

  nextTravellerIndex(): number {
    if (++this.travellers > this.maxTravellers) throw new TravellerLimitReached();
    return this.travellers;
  }

  /** Records a defect; with a traveller it is also listed on that traveller. */
  report(
    segment: Segment | undefined,
    code: DefectCode,
    message: string,
    options: DefectOptions & { traveller?: PaxlstTraveller } = {},
  ): void {
    const { traveller, ...rest } = options;
    const error = defect(segment, code, message, {
      ...rest,
      ...(traveller ? { travellerIndex: traveller.index } : {}),
    });
    this.errors.push(error);
    traveller?.errors.push(error);
  }

  /**
   * Reads a date, by default the DTM C507 layout: value in element 1 component 2, format code in the
   * component after it. `at` moves it elsewhere or fixes the format (legacy US writes bare YYMMDD).
   * Reports a missing, impossible or space-padded value; returns the ISO string or undefined.
   */
  date(
    segment: Segment,
    kind: DateKind,
    what: string,
    traveller?: PaxlstTraveller,
    at: { element?: number; component?: number; format?: string } = {},
  ): string | undefined {
    const element = at.element ?? 1;
    const component = at.component ?? 2;
    const raw = rawValueAt(segment, element, component);
    const value = raw.trim();
    const format = at.format ?? valueAt(segment, element, component + 1);
    const where = { element, component, ...(traveller ? { traveller } : {}) };
    if (value === '') {
      this.report(segment, 'missing-value', `no ${what} in ${segment.tag} ${element}.${component}`, where);
      return undefined;
    }
    const reading = readDate(value, format, kind, this.referenceYear);
    if (!reading.ok) {
      this.report(segment, 'bad-date', `${what} ${reading.reason}`, where);
      return undefined;
    }
    if (raw !== value) {
      this.report(segment, 'bad-date', `${what} has stray spaces around it; read without them`, {
        ...where,
        severity: 'warning',
      });
    }
    return reading.iso;
  }
}
