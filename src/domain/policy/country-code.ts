import { countryCodes } from '../lists/country-codes.ts';
import type { Brand } from '../shared/brand.ts';
import { err, ok, type Result } from '../shared/result.ts';

/** An ISO 3166-1 alpha-2 country code, upper case, that passed {@link parseCountryCode}. */
export type CountryCode = Brand<string, 'CountryCode'>;

// One table of codes for all of Cordon: the ISO 3166-1 alpha-2 codes (249) plus `XK` (Kosovo), a
// user-assigned code that the European Commission, the ECHRI subscriber list and many sanctions
// lists use. The lists module also maps the names lists write to these codes.
const known: ReadonlySet<string> = new Set(countryCodes);

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
