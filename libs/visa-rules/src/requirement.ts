/**
 * What a traveller of one nationality needs to enter one state, as the reference data states it.
 * `airport-transit-visa` never comes from the nationality × destination matrix: it is what the
 * separate airport-transit list says about changing planes in a state without entering it.
 */
export type VisaRequirement =
  | { kind: 'visa-free'; days?: number }
  | { kind: 'visa-on-arrival' }
  | { kind: 'eta' }
  | { kind: 'e-visa' }
  | { kind: 'visa-required' }
  | { kind: 'airport-transit-visa' }
  | { kind: 'no-admission' }
  | { kind: 'own-state' };

export type VisaRequirementKind = VisaRequirement['kind'];

export const VISA_REQUIREMENT_KINDS: readonly VisaRequirementKind[] = [
  'visa-free',
  'visa-on-arrival',
  'eta',
  'e-visa',
  'visa-required',
  'airport-transit-visa',
  'no-admission',
  'own-state',
];

/** Longest visa-free period the data may state, in days (the passport-index data goes to 360). */
export const MAX_VISA_FREE_DAYS = 3660;

/**
 * The requirement a passport-index value stands for: `visa free`, `visa on arrival`, `eta`, `e-visa`,
 * `visa required`, `no admission`, a number of visa-free days, or `-1` (own state). Case and
 * surrounding blanks are ignored; `undefined` for anything else (including the legacy values
 * `covid ban` and `Hayya Entry Permit`, which no longer describe a rule).
 */
export function parseRequirementValue(value: string): VisaRequirement | undefined {
  const text = value.trim().toLowerCase().replace(/\s+/g, ' ');
  switch (text) {
    case 'visa free':
      return { kind: 'visa-free' };
    case 'visa on arrival':
      return { kind: 'visa-on-arrival' };
    case 'eta':
      return { kind: 'eta' };
    case 'e-visa':
      return { kind: 'e-visa' };
    case 'visa required':
      return { kind: 'visa-required' };
    case 'no admission':
      return { kind: 'no-admission' };
    case '-1':
      return { kind: 'own-state' };
  }
  if (/^[0-9]{1,4}$/.test(text)) {
    const days = Number(text);
    if (days >= 1 && days <= MAX_VISA_FREE_DAYS) return { kind: 'visa-free', days };
  }
  return undefined;
}

/** Wording for people and messages, e.g. `visa free for up to 90 days`. */
export function describeRequirement(requirement: VisaRequirement): string {
  switch (requirement.kind) {
    case 'visa-free':
      return requirement.days === undefined ? 'visa free' : `visa free for up to ${requirement.days} days`;
    case 'visa-on-arrival':
      return 'visa on arrival';
    case 'eta':
      return 'electronic travel authorisation';
    case 'e-visa':
      return 'e-visa';
    case 'visa-required':
      return 'visa required';
    case 'airport-transit-visa':
      return 'airport transit visa required';
    case 'no-admission':
      return 'no admission';
    case 'own-state':
      return 'own state';
  }
}

/** A requirement that calls for a visa obtained before travel (paper or electronic). */
export function needsVisaBeforeTravel(requirement: VisaRequirement): boolean {
  return requirement.kind === 'visa-required' || requirement.kind === 'e-visa';
}
