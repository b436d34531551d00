import type { Brand } from '../shared/brand.ts';
import { err, ok, type Result } from '../shared/result.ts';

/** An ISO 3166-1 alpha-2 country code, upper case, that passed {@link parseCountryCode}. */
export type CountryCode = Brand<string, 'CountryCode'>;

/**
 * The 249 officially assigned ISO 3166-1 alpha-2 codes, plus `XK` (Kosovo), a user-assigned code
 * that the European Commission, the ECHRI subscriber list and many sanctions lists use.
 */
const assigned = `
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT
BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH
ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT
HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS
LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI
NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG
SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG
UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW`
  .trim()
  .split(/\s+/);

const known: ReadonlySet<string> = new Set([...assigned, 'XK']);

/** Codes people often type for a country whose ISO code differs: named in the error message. */
const commonMistakes: Readonly<Record<string, string>> = {
  UK: 'GB',
  EL: 'GR',
  EU: 'a country (EU is a jurisdiction, not a country)',
};

/** True when `code` is an upper-case ISO 3166-1 alpha-2 code Cordon knows. */
export const isCountryCode = (code: string): code is CountryCode => known.has(code);

/**
 * Accepts an ISO 3166-1 alpha-2 code in any case (`ir`, `IR`) and returns it upper case, or says
 * why not, with a hint for the usual slips (`UK` for `GB`, `EL` for `GR`).
 *
 * @example
 * parseCountryCode('ir') // ok('IR')
 * parseCountryCode('UK') // err('"UK" is not an ISO 3166-1 alpha-2 country code; did you mean GB?')
 */
export function parseCountryCode(raw: string): Result<CountryCode, string> {
  const code = raw.trim().toUpperCase();
  if (isCountryCode(code)) return ok(code);
  const hint = commonMistakes[code];
  return err(
    `"${raw}" is not an ISO 3166-1 alpha-2 country code${hint ? `; did you mean ${hint}?` : ''}`,
  );
}

/** Every country code Cordon knows, sorted. */
export const allCountryCodes = (): readonly CountryCode[] => [...known].sort() as CountryCode[];
