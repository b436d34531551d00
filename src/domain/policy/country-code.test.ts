import { describe, expect, it } from 'vitest';
import { allCountryCodes, parseCountryCode } from './country-code.ts';
import { parseJurisdictionCode } from './jurisdiction.ts';

describe(parseCountryCode.name, () => {
  it('accepts an ISO 3166-1 alpha-2 code in any case and returns it upper case', () => {
    expect(parseCountryCode(' ir ')).toEqual({ ok: true, value: 'IR' });
  });

  it('knows the 249 assigned codes plus XK (Kosovo, used by the ECHRI subscriber list)', () => {
    expect(allCountryCodes()).toHaveLength(250);
    expect(parseCountryCode('XK').ok).toBe(true);
  });

  it('refuses an unknown code and points at the usual slips (UK for GB, EL for GR)', () => {
    expect(parseCountryCode('UK')).toEqual({
      ok: false,
      error: '"UK" is not an ISO 3166-1 alpha-2 country code; did you mean GB?',
    });
    expect(parseCountryCode('ZZ')).toEqual({
      ok: false,
      error: '"ZZ" is not an ISO 3166-1 alpha-2 country code',
    });
  });
});

describe(parseJurisdictionCode.name, () => {
  it('accepts EU as a jurisdiction (the block), and any country', () => {
    expect(parseJurisdictionCode('eu')).toEqual({ ok: true, value: 'EU' });
    expect(parseJurisdictionCode('dk')).toEqual({ ok: true, value: 'DK' });
    expect(parseJurisdictionCode('Europe').ok).toBe(false);
  });
});
