import type { ListedPartyJson } from '../../contracts/lists.ts';
import type { ListedParty } from '../../domain/lists/listed-party.ts';

/** A listed party in its API shape (the contract types are mutable JSON; the domain is readonly). */
export const listedPartyJson = (party: ListedParty): ListedPartyJson => ({
  ...party,
  names: party.names.map((n) => ({ ...n })),
  addresses: party.addresses.map((a) => ({ ...a })),
  countries: [...party.countries],
  programmes: [...party.programmes],
  identifiers: party.identifiers.map((i) => ({ ...i })),
  dates: party.dates.map((d) => ({ ...d })),
  citations: [...party.citations],
});
