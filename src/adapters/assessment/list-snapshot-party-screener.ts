import type { ListSnapshotStore } from '../../application/ports/list-snapshot-store.ts';
import type {
  PartiesScreening,
  PartyMatch,
  PartyScreener,
} from '../../application/ports/party-screener.ts';
import type { ListedParty } from '../../domain/lists/listed-party.ts';
import type { ListSnapshot } from '../../domain/lists/list-snapshot.ts';
import {
  buildScreeningIndex,
  type ScreeningIndex,
} from '../../domain/screening/screening-index.ts';
import { screenName } from '../../domain/screening/screen-name.ts';
import { cordonError } from '../../domain/shared/errors.ts';
import { err, ok } from '../../domain/shared/result.ts';

interface Built {
  readonly index: ScreeningIndex;
  readonly parties: ReadonlyMap<string, ListedParty>;
  readonly snapshots: readonly ListSnapshot[];
}

const organisationTypes = new Set([
  'police',
  'intelligence',
  'military',
  'government-security',
  'government-other',
  'telecom-operator',
  'commercial',
  'academic',
]);

/**
 * A party screener over the list snapshots of a store: the active snapshots, or those of an
 * earlier moment (`asOf`: snapshot ids, or a date), indexed once per set of snapshots and kept
 * while that set is asked for again.
 */
export function listSnapshotPartyScreener(store: ListSnapshotStore): PartyScreener {
  const cache = new Map<string, Promise<Built>>();

  const build = (snapshots: readonly ListSnapshot[]): Promise<Built> => {
    const key = snapshots.map((s) => s.id).join(',');
    let built = cache.get(key);
    if (!built) {
      built = (async () => {
        const entries = (await Promise.all(snapshots.map((s) => store.entries(s.id)))).flat();
        return {
          index: buildScreeningIndex(entries),
          parties: new Map(entries.map((p) => [p.entityId, p])),
          snapshots,
        };
      })();
      // Keep the latest few sets only: an index holds the whole of the lists.
      if (cache.size >= 2) cache.delete(cache.keys().next().value ?? '');
      cache.set(key, built);
    }
    return built;
  };

  return {
    async screenParties(parties, options = {}) {
      const active = (await store.activeSnapshots()).map((a) => a.snapshot);
      let snapshots: ListSnapshot[] = active;
      if (options.asOf !== undefined) {
        const asOf = options.asOf.trim();
        if (/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
          const all = await store.listSnapshots();
          const bySource = new Map<string, ListSnapshot>();
          for (const s of all) {
            if (s.dataDate > asOf) continue;
            const prev = bySource.get(s.source);
            if (
              !prev ||
              s.dataDate > prev.dataDate ||
              (s.dataDate === prev.dataDate && s.importedAt > prev.importedAt)
            )
              bySource.set(s.source, s);
          }
          snapshots = [...bySource.values()];
        } else {
          const chosen = new Map(active.map((s) => [s.source, s]));
          for (const id of asOf
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean)) {
            const s = await store.getSnapshot(id);
            if (!s) return err(cordonError('CORDON_SNAPSHOT_NOT_FOUND', `No list snapshot ${id}.`));
            chosen.set(s.source, s);
          }
          snapshots = [...chosen.values()];
        }
      }
      snapshots.sort((a, b) => a.source.localeCompare(b.source));
      if (snapshots.length === 0)
        return err(
          cordonError(
            'CORDON_NOT_READY',
            'No restricted-party list is available to screen against.',
          ),
        );
      const built = await build(snapshots);
      const snapshotOf = new Map(built.snapshots.map((s) => [s.source, s]));
      const result: PartiesScreening = {
        snapshots: built.snapshots.map((s) => ({
          id: s.id,
          source: s.source,
          dataDate: s.dataDate,
        })),
        parties: parties.map((p) => {
          const country = p.country?.toUpperCase();
          const kind =
            p.type === 'individual'
              ? 'person'
              : p.type && organisationTypes.has(p.type)
                ? 'organisation'
                : undefined;
          const screened = screenName(built.index, {
            name: p.name,
            ...(country ? { country } : {}),
            ...(kind ? { kind } : {}),
          });
          const matches: PartyMatch[] = screened.matches.map((m) => {
            const listed = built.parties.get(m.entityId);
            const snapshot = snapshotOf.get(m.source);
            return {
              entityId: m.entityId,
              source: m.source,
              name: m.name,
              matchedName: m.matchedName,
              score: m.score,
              band: m.band,
              explanation: m.explanation.summary,
              programmes: m.programmes,
              ...(m.subList !== undefined ? { subList: m.subList } : {}),
              ...(listed?.licenceRequirement !== undefined
                ? { licenceRequirement: listed.licenceRequirement }
                : {}),
              ...(listed?.licenceReviewPolicy !== undefined
                ? { licenceReviewPolicy: listed.licenceReviewPolicy }
                : {}),
              snapshot: { id: snapshot?.id ?? '', dataDate: snapshot?.dataDate ?? '' },
            };
          });
          return { matches };
        }),
      };
      return ok(result);
    },
  };
}
