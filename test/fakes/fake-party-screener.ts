import type { PartyMatch, PartyScreener } from '../../src/application/ports/party-screener.ts';
import { ok } from '../../src/domain/shared/result.ts';

/** A match in the port's shape, with defaults for what a test does not care about. */
export const buildPartyMatch = (
  overrides: Partial<PartyMatch> & Pick<PartyMatch, 'name'>,
): PartyMatch => ({
  entityId: `us-bis-entity-list:${overrides.name}`,
  source: 'us-bis-entity-list',
  matchedName: overrides.name,
  score: 0.97,
  band: 'strong',
  explanation: 'test match',
  programmes: [],
  snapshot: { id: 'us-bis-entity-list@2026-07-23.test0001', dataDate: '2026-07-23' },
  ...overrides,
});

/** The sources a fake screening pretends to have screened, each dated 2026-07-23. */
export const fakeScreenedSources = [
  'us-bis-entity-list',
  'us-bis-dpl',
  'us-ofac-sdn',
  'uk-hmt-ofsi',
  'eu-fsf',
] as const;

/**
 * A screener that returns the matches given for a party name (exact), nothing for the rest, and
 * records the snapshots it pretends to have used: by default one per binding list source of the
 * shipped policies, all of 2026-07-23 (give `snapshots` to leave some out or date them).
 */
export function fakePartyScreener(
  matchesByName: Readonly<Record<string, readonly PartyMatch[]>> = {},
  fake: {
    readonly snapshots?: readonly { id: string; source: string; dataDate: string }[];
  } = {},
): PartyScreener & { calls: { asOf?: string }[] } {
  const calls: { asOf?: string }[] = [];
  return {
    calls,
    screenParties(parties, options = {}) {
      calls.push(options);
      return Promise.resolve(
        ok({
          snapshots:
            fake.snapshots ??
            fakeScreenedSources.map((source) => ({
              id: `${source}@2026-07-23.test0001`,
              source,
              dataDate: '2026-07-23',
            })),
          parties: parties.map((p) => ({
            // Own keys only: a party named `__proto__` or `constructor` has no matches.
            matches: Object.hasOwn(matchesByName, p.name) ? (matchesByName[p.name] ?? []) : [],
          })),
        }),
      );
    },
  };
}
