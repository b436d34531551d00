import type { ListSnapshot } from '../../domain/lists/list-snapshot.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { ListSnapshotStore } from '../ports/list-snapshot-store.ts';
import type {
  PartiesScreening,
  PartyMatch,
  PartyScreener,
  PartyToScreen,
} from '../ports/party-screener.ts';
import type { ApplicationPartiesScreening } from '../screening/screen-application-parties.ts';
import { createScreeningService, type ScreeningService } from '../screening/screening-service.ts';

/** What `assessmentPartyScreener` needs. */
export interface AssessmentScreeningDeps {
  /** The deployment's screening: its one index of the active lists and its thresholds. */
  readonly screening: ScreeningService;
  /** Where snapshot dates come from, and the snapshots of an earlier moment (`asOf`). */
  readonly store: ListSnapshotStore;
}

type SnapshotRecord = PartiesScreening['snapshots'][number];

/** The snapshots an `asOf` names: ids (comma-separated) replacing their sources', or a date. */
async function snapshotsAsOf(
  store: ListSnapshotStore,
  asOf: string,
): Promise<Result<readonly ListSnapshot[], CordonError>> {
  if (/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
    const bySource = new Map<string, ListSnapshot>();
    for (const s of await store.listSnapshots()) {
      if (s.dataDate > asOf) continue;
      const prev = bySource.get(s.source);
      if (
        !prev ||
        s.dataDate > prev.dataDate ||
        (s.dataDate === prev.dataDate && s.importedAt > prev.importedAt)
      )
        bySource.set(s.source, s);
    }
    return ok([...bySource.values()]);
  }
  const chosen = new Map((await store.activeSnapshots()).map((a) => [a.source, a.snapshot]));
  for (const id of asOf
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)) {
    const s = await store.getSnapshot(id);
    if (!s) return err(cordonError('CORDON_SNAPSHOT_NOT_FOUND', `No list snapshot ${id}.`));
    chosen.set(s.source, s);
  }
  return ok([...chosen.values()]);
}

/** The store seen as if exactly these snapshots were the active ones (an earlier moment). */
const storeWithActive = (
  store: ListSnapshotStore,
  snapshots: readonly ListSnapshot[],
): ListSnapshotStore => ({
  ...store,
  activeSnapshots: () =>
    Promise.resolve(
      snapshots.map((snapshot) => ({
        source: snapshot.source,
        snapshot,
        activatedAt: snapshot.importedAt,
      })),
    ),
});

const asApplicationParty = (p: PartyToScreen) => ({
  role: 'party',
  name: p.name,
  ...(p.country !== undefined ? { country: p.country } : {}),
  ...(p.type !== undefined ? { type: p.type } : {}),
});

/**
 * The assessment's party screener on the deployment's screening service: the active lists are
 * screened through the service's one index with the deployment's thresholds
 * (`CORDON_SCREENING_*`), so an assessment and `cordon screen` never disagree. Only an `asOf`
 * naming snapshots other than the active ones builds an index of its own (the latest such set is
 * kept, with the same thresholds). Each match carries its list record's Entity List columns and
 * the snapshot it came from; the result names every snapshot with its source and data date.
 *
 * @example
 * const screener = assessmentPartyScreener({ screening, store });
 * await screener.screenParties([{ name: 'Hikvision', country: 'CN' }], { asOf: '2024-06-30' });
 */
export function assessmentPartyScreener(deps: AssessmentScreeningDeps): PartyScreener {
  // Snapshots never change once stored: their dates are read once per process.
  const known = new Map<string, Promise<ListSnapshot | undefined>>();
  const snapshotOf = (id: string) => {
    let found = known.get(id);
    if (found === undefined) {
      found = deps.store.getSnapshot(id);
      known.set(id, found);
      void found.then((s) => {
        if (s === undefined) known.delete(id);
      });
    }
    return found;
  };
  let earlier: { readonly key: string; readonly screening: ScreeningService } | undefined;

  const screeningFor = async (
    asOf: string | undefined,
  ): Promise<Result<ScreeningService, CordonError>> => {
    if (asOf === undefined) return ok(deps.screening);
    const chosen = await snapshotsAsOf(deps.store, asOf.trim());
    if (!chosen.ok) return chosen;
    if (chosen.value.length === 0)
      return err(
        cordonError('CORDON_NOT_READY', `No restricted-party list is available as of ${asOf}.`),
      );
    const key = chosen.value
      .map((s) => s.id)
      .sort()
      .join(',');
    const active = (await deps.store.activeSnapshots())
      .map((a) => a.snapshot.id)
      .sort()
      .join(',');
    if (key === active) return ok(deps.screening);
    if (earlier?.key !== key)
      earlier = {
        key,
        screening: createScreeningService({
          store: storeWithActive(deps.store, chosen.value),
          thresholds: deps.screening.thresholds,
        }),
      };
    return ok(earlier.screening);
  };

  const toPartiesScreening = async (
    screened: ApplicationPartiesScreening,
  ): Promise<PartiesScreening> => {
    if (screened.snapshot.some((id) => !known.has(id)))
      // One query for the usual case: the snapshots screened are the active ones.
      for (const { snapshot } of await deps.store.activeSnapshots())
        if (!known.has(snapshot.id)) known.set(snapshot.id, Promise.resolve(snapshot));
    const snapshots: SnapshotRecord[] = [];
    for (const id of screened.snapshot) {
      const s = await snapshotOf(id);
      if (s) snapshots.push({ id: s.id, source: s.source, dataDate: s.dataDate });
    }
    const bySource = new Map(snapshots.map((s) => [s.source, s]));
    return {
      snapshots,
      parties: screened.parties.map((p) => ({
        matches: p.matches.map((m): PartyMatch => {
          const listed = screened.party(m.entityId);
          const snapshot = bySource.get(m.source);
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
        }),
      })),
    };
  };

  return {
    async screenParties(parties, options = {}) {
      const screening = await screeningFor(options.asOf);
      if (!screening.ok) return screening;
      const screened = await screening.value.screenApplicationParties(
        parties.map(asApplicationParty),
      );
      if (!screened.ok) return screened;
      return ok(await toPartiesScreening(screened.value));
    },
  };
}
