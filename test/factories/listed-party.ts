import type { ListedParty } from '../../src/domain/lists/listed-party.ts';

let sequence = 0;

/**
 * A listed organisation with sensible defaults; pass only what the test is about.
 *
 * @example
 * buildListedParty({ names: [{ value: 'HIKVISION', type: 'primary' }], countries: ['CN'] })
 */
export function buildListedParty(overrides: Partial<ListedParty> = {}): ListedParty {
  sequence += 1;
  const source = overrides.source ?? 'us-ofac-sdn';
  const entityNumber = overrides.entityNumber ?? String(10_000 + sequence);
  return {
    source,
    entityId: `${source}:${entityNumber}`,
    entityNumber,
    kind: 'organisation',
    names: [{ value: `EXAMPLE TRADING COMPANY ${sequence}`, type: 'primary' }],
    addresses: [],
    countries: [],
    programmes: [],
    identifiers: [],
    dates: [],
    citations: [],
    ...overrides,
  };
}
