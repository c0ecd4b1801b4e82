/**
 * Codes an ICAO 9303 MRZ may carry as issuing state or nationality (ICAO Doc 9303 Part 3), written
 * here as facts taken from the conformance reference data (the ISO 3166-1 list and the 9303 special
 * codes of the cheminfo/mrz builder): 249 ISO codes + 28 ICAO codes = 277.
 */

/** ISO 3166-1 alpha-3. */
const ISO_3166_ALPHA_3 = `
  ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN
  BES BFA BGD BGR BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN
  CCK CHE CHL CHN CIV CMR COD COG COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU
  DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH FIN FJI FLK FRA FRO FSM GAB GBR
  GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY HKG HMD HND HRV
  HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM
  KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA
  MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM
  NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL
  PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM SLB SLE
  SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK
  TKL TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB
  VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE
`
  .trim()
  .split(/\s+/);

/** Codes ICAO Doc 9303 Part 3 adds to, or keeps beside, ISO 3166-1. */
const ICAO_9303_SPECIAL_CODES = [
  // Part A: letter codes. Germany writes D, not DEU; XXK is the EU's temporary Kosovo code.
  ...['D', 'GBD', 'GBN', 'GBO', 'GBP', 'GBS', 'RKS', 'XXK'],
  // Part B: other codes reserved by ISO 3166/MA.
  'EUE',
  // Part C: United Nations travel documents.
  ...['UNA', 'UNK', 'UNO'],
  // Part D: other issuing authorities.
  ...['XBA', 'XCC', 'XCE', 'XCO', 'XDC', 'XEC', 'XES', 'XIM', 'XOM', 'XPO'],
  // Part E: persons without a defined nationality (stateless, refugees, unspecified).
  ...['XXA', 'XXB', 'XXC', 'XXX'],
  // Part F: codes deprecated in ISO 3166, kept because documents bearing them still circulate.
  ...['ANT', 'NTZ'],
];

/** The state of the ICAO specimens (Utopia): not a real state, so not in the list. */
export const SPECIMEN_STATE_CODE = 'UTO';

export const ICAO_STATE_CODES: ReadonlySet<string> = new Set([
  ...ISO_3166_ALPHA_3,
  ...ICAO_9303_SPECIAL_CODES,
]);

export function isIcaoStateCode(code: string): boolean {
  return ICAO_STATE_CODES.has(code);
}
