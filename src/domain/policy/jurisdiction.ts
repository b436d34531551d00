import { err, ok, type Result } from '../shared/result.ts';
import { parseCountryCode, type CountryCode } from './country-code.ts';

/**
 * The licensing authority whose law applies: a state (ISO 3166-1 alpha-2) or the European Union as
 * a block (its member states share Regulation (EU) 2021/821 and EU sanctions and add national
 * measures of their own).
 */
export type JurisdictionCode = CountryCode | 'EU';

/** The 27 member states of the European Union (as of the data date of the shipped data). */
export const euMemberStates: ReadonlySet<string> = new Set(
  'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE'.split(' '),
);

/** True for an EU member state: exports from it are governed by EU law plus its national law. */
export const isEuMemberState = (country: string): boolean => euMemberStates.has(country);

/**
 * Accepts `EU` or a country code in any case.
 *
 * @example
 * parseJurisdictionCode('eu') // ok('EU')
 * parseJurisdictionCode('dk') // ok('DK')
 */
export function parseJurisdictionCode(raw: string): Result<JurisdictionCode, string> {
  const code = raw.trim().toUpperCase();
  if (code === 'EU') return ok('EU');
  const country = parseCountryCode(code);
  return country.ok
    ? ok(country.value)
    : err(`"${raw}" is neither EU nor an ISO 3166-1 alpha-2 country code`);
}
