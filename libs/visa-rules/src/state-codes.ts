/**
 * State codes: visa data keys everything by ICAO Doc 9303 code (the code in the passport's MRZ and in
 * PAXLST), while reference data arrives with ISO 3166-1 codes. ICAO 9303 Part 3 uses ISO 3166-1
 * alpha-3 with a few exceptions that matter here: Germany is `D` (ISO `DEU`) and Kosovo, which has no
 * ISO code, is `RKS` (the passport-index data writes the user-assigned `XKX` / `XK`).
 */

/** ISO 3166-1 alpha-2 → alpha-3, all 249 officially assigned codes (facts of the standard). */
const ISO_ALPHA2_TO_ALPHA3_TEXT = `
  AD AND  AE ARE  AF AFG  AG ATG  AI AIA  AL ALB  AM ARM  AO AGO  AQ ATA  AR ARG
  AS ASM  AT AUT  AU AUS  AW ABW  AX ALA  AZ AZE  BA BIH  BB BRB  BD BGD  BE BEL
  BF BFA  BG BGR  BH BHR  BI BDI  BJ BEN  BL BLM  BM BMU  BN BRN  BO BOL  BQ BES
  BR BRA  BS BHS  BT BTN  BV BVT  BW BWA  BY BLR  BZ BLZ  CA CAN  CC CCK  CD COD
  CF CAF  CG COG  CH CHE  CI CIV  CK COK  CL CHL  CM CMR  CN CHN  CO COL  CR CRI
  CU CUB  CV CPV  CW CUW  CX CXR  CY CYP  CZ CZE  DE DEU  DJ DJI  DK DNK  DM DMA
  DO DOM  DZ DZA  EC ECU  EE EST  EG EGY  EH ESH  ER ERI  ES ESP  ET ETH  FI FIN
  FJ FJI  FK FLK  FM FSM  FO FRO  FR FRA  GA GAB  GB GBR  GD GRD  GE GEO  GF GUF
  GG GGY  GH GHA  GI GIB  GL GRL  GM GMB  GN GIN  GP GLP  GQ GNQ  GR GRC  GS SGS
  GT GTM  GU GUM  GW GNB  GY GUY  HK HKG  HM HMD  HN HND  HR HRV  HT HTI  HU HUN
  ID IDN  IE IRL  IL ISR  IM IMN  IN IND  IO IOT  IQ IRQ  IR IRN  IS ISL  IT ITA
  JE JEY  JM JAM  JO JOR  JP JPN  KE KEN  KG KGZ  KH KHM  KI KIR  KM COM  KN KNA
  KP PRK  KR KOR  KW KWT  KY CYM  KZ KAZ  LA LAO  LB LBN  LC LCA  LI LIE  LK LKA
  LR LBR  LS LSO  LT LTU  LU LUX  LV LVA  LY LBY  MA MAR  MC MCO  MD MDA  ME MNE
  MF MAF  MG MDG  MH MHL  MK MKD  ML MLI  MM MMR  MN MNG  MO MAC  MP MNP  MQ MTQ
  MR MRT  MS MSR  MT MLT  MU MUS  MV MDV  MW MWI  MX MEX  MY MYS  MZ MOZ  NA NAM
  NC NCL  NE NER  NF NFK  NG NGA  NI NIC  NL NLD  NO NOR  NP NPL  NR NRU  NU NIU
  NZ NZL  OM OMN  PA PAN  PE PER  PF PYF  PG PNG  PH PHL  PK PAK  PL POL  PM SPM
  PN PCN  PR PRI  PS PSE  PT PRT  PW PLW  PY PRY  QA QAT  RE REU  RO ROU  RS SRB
  RU RUS  RW RWA  SA SAU  SB SLB  SC SYC  SD SDN  SE SWE  SG SGP  SH SHN  SI SVN
  SJ SJM  SK SVK  SL SLE  SM SMR  SN SEN  SO SOM  SR SUR  SS SSD  ST STP  SV SLV
  SX SXM  SY SYR  SZ SWZ  TC TCA  TD TCD  TF ATF  TG TGO  TH THA  TJ TJK  TK TKL
  TL TLS  TM TKM  TN TUN  TO TON  TR TUR  TT TTO  TV TUV  TW TWN  TZ TZA  UA UKR
  UG UGA  UM UMI  US USA  UY URY  UZ UZB  VA VAT  VC VCT  VE VEN  VG VGB  VI VIR
  VN VNM  VU VUT  WF WLF  WS WSM  YE YEM  YT MYT  ZA ZAF  ZM ZMB  ZW ZWE
`;

function pairs(text: string): Array<[string, string]> {
  const result: Array<[string, string]> = [];
  for (const match of text.matchAll(/([A-Z]{2})\s+([A-Z]{3})/g))
    result.push([match[1] ?? '', match[2] ?? '']);
  return result;
}

/** ISO 3166-1 alpha-2 → alpha-3 (officially assigned codes only). */
export const ISO_ALPHA2_TO_ALPHA3: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(pairs(ISO_ALPHA2_TO_ALPHA3_TEXT)),
);

const ISO_ALPHA3: ReadonlySet<string> = new Set(Object.values(ISO_ALPHA2_TO_ALPHA3));

/**
 * Where the ICAO 9303 code is not the ISO alpha-3 code (or the source uses a code ISO does not assign):
 * ISO or user-assigned code → ICAO code.
 */
export const ICAO_CODE_EXCEPTIONS: Readonly<Record<string, string>> = Object.freeze({
  DEU: 'D',
  // Kosovo: user-assigned codes used by the EU and by passport-index; ICAO 9303 writes RKS.
  XKX: 'RKS',
  XXK: 'RKS',
  RKS: 'RKS',
});

/** User-assigned alpha-2 codes for Kosovo. */
const KOSOVO_ALPHA2 = new Set(['XK']);

/** ICAO 9303 code for an ISO 3166-1 alpha-3 code (`DEU` → `D`, `XKX` → `RKS`); `undefined` if unknown. */
export function icaoFromIsoAlpha3(code: string): string | undefined {
  const upper = code.trim().toUpperCase();
  const exception = ICAO_CODE_EXCEPTIONS[upper];
  if (exception !== undefined) return exception;
  return ISO_ALPHA3.has(upper) ? upper : undefined;
}

/** ICAO 9303 code for an ISO 3166-1 alpha-2 code (`FR` → `FRA`, `DE` → `D`, `XK` → `RKS`). */
export function icaoFromIsoAlpha2(code: string): string | undefined {
  const upper = code.trim().toUpperCase();
  if (KOSOVO_ALPHA2.has(upper)) return 'RKS';
  const alpha3 = ISO_ALPHA2_TO_ALPHA3[upper];
  return alpha3 === undefined ? undefined : icaoFromIsoAlpha3(alpha3);
}

/**
 * Codes ICAO Doc 9303 Part 3 uses beside ISO 3166-1 for nationalities and issuing authorities: `D`,
 * Kosovo, British nationality categories, the EU, the UN, and persons without a defined nationality.
 */
export const ICAO_ONLY_CODES: ReadonlySet<string> = new Set([
  'D',
  'RKS',
  'GBD',
  'GBN',
  'GBO',
  'GBP',
  'GBS',
  'EUE',
  'UNO',
  'UNA',
  'UNK',
  'XXA',
  'XXB',
  'XXC',
  'XXX',
]);

/**
 * A state code as ICAO 9303 writes it, from either an ICAO code or an ISO 3166-1 alpha-3 code
 * (`DEU` → `D`); `undefined` when it is neither.
 */
export function icaoStateCode(code: string): string | undefined {
  const upper = code.trim().toUpperCase();
  if (ICAO_ONLY_CODES.has(upper)) return upper;
  return icaoFromIsoAlpha3(upper);
}
