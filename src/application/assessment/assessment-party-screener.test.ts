import { describe, expect, it } from 'vitest';
import { buildListSnapshot } from '../../../test/factories/list-snapshot.ts';
import { buildListedParty } from '../../../test/factories/listed-party.ts';
import { inMemoryListSnapshotStore } from '../../../test/fakes/in-memory-list-snapshot-store.ts';
import { defaultThresholds, type ScoreThresholds } from '../../domain/screening/score-names.ts';
import type { ListSnapshotStore } from '../ports/list-snapshot-store.ts';
import { createScreeningService } from '../screening/screening-service.ts';
import { assessmentPartyScreener } from './assessment-party-screener.ts';

const hikvision = buildListedParty({
  source: 'us-bis-entity-list',
  entityNumber: 'CN:hikvision',
  names: [
    { value: 'Hangzhou Hikvision Digital Technology Co., Ltd.', type: 'primary' },
    { value: 'Hikvision', type: 'aka' },
  ],
  countries: ['CN'],
  licenceRequirement: 'For all items subject to the EAR.',
  licenceReviewPolicy: 'Presumption of denial.',
});
const filler = Array.from({ length: 20 }, (_, i) =>
  buildListedParty({
    source: 'us-bis-entity-list',
    names: [{ value: `BALTIC MARINE SUPPLY COMPANY ${i}`, type: 'primary' }],
  }),
);

/** A store holding an older Entity List without Hikvision and a newer, active one with it. */
async function storeWithTwoEntityLists() {
  const store = inMemoryListSnapshotStore();
  const older = buildListSnapshot('us-bis-entity-list', filler, '2024-01-31');
  const newer = buildListSnapshot('us-bis-entity-list', [hikvision, ...filler], '2026-07-23');
  await store.saveAndActivate(older, filler);
  await store.saveAndActivate(newer, [hikvision, ...filler]);
  let reads = 0;
  const counted: ListSnapshotStore = {
    ...store,
    entries(id) {
      reads += 1;
      return store.entries(id);
    },
  };
  return { store: counted, older, newer, entryReads: () => reads };
}

const screenerOn = (store: ListSnapshotStore, thresholds: ScoreThresholds = defaultThresholds) => {
  const screening = createScreeningService({ store, thresholds });
  return { screening, screener: assessmentPartyScreener({ screening, store }) };
};

/** Scores about 0.9 against the alias Hikvision: above the default review threshold (0.8). */
const misspelt = { name: 'Hikvizion', country: 'CN' };

describe(assessmentPartyScreener.name, () => {
  it('screens through the screening service, so an Entity List hit carries its licence columns and its snapshot', async () => {
    const { store, newer } = await storeWithTwoEntityLists();
    const { screener } = screenerOn(store);
    const result = await screener.screenParties([{ name: 'Hikvision', country: 'CN' }]);
    expect(result.ok && result.value.snapshots).toEqual([
      { id: newer.id, source: 'us-bis-entity-list', dataDate: '2026-07-23' },
    ]);
    const match = result.ok ? result.value.parties[0]?.matches[0] : undefined;
    expect(match).toMatchObject({
      entityId: hikvision.entityId,
      band: 'strong',
      licenceRequirement: 'For all items subject to the EAR.',
      licenceReviewPolicy: 'Presumption of denial.',
      snapshot: { id: newer.id, dataDate: '2026-07-23' },
    });
  });

  it("applies the deployment's thresholds (CORDON_SCREENING_*): a near miss is a review match by default and nothing under stricter ones", async () => {
    const { store } = await storeWithTwoEntityLists();
    const lenient = await screenerOn(store).screener.screenParties([misspelt]);
    expect(lenient.ok && lenient.value.parties[0]?.matches.map((m) => m.band)).toEqual(['review']);
    const strict = await screenerOn(store, { review: 0.95, strong: 0.99 }).screener.screenParties([
      misspelt,
    ]);
    expect(strict.ok && strict.value.parties[0]?.matches).toEqual([]);
  });

  it("shares the screening service's index: screening and assessing read the lists once", async () => {
    const { store, newer, entryReads } = await storeWithTwoEntityLists();
    const { screening, screener } = screenerOn(store);
    await screening.screenParty({ name: 'Hikvision' });
    const reads = entryReads();
    await screener.screenParties([{ name: 'Hikvision' }]);
    await screener.screenParties([{ name: 'Hikvision' }], { asOf: newer.id });
    expect(reads).toBe(1);
    expect(entryReads()).toBe(reads);
  });

  it('screens as of an earlier date against the snapshot then current, and records it', async () => {
    const { store, older } = await storeWithTwoEntityLists();
    const { screener } = screenerOn(store);
    const result = await screener.screenParties([{ name: 'Hikvision', country: 'CN' }], {
      asOf: '2025-01-01',
    });
    expect(result.ok && result.value.snapshots.map((s) => s.id)).toEqual([older.id]);
    expect(result.ok && result.value.parties[0]?.matches).toEqual([]);
  });

  it('refuses a snapshot id that does not exist rather than screening against something else', async () => {
    const { store } = await storeWithTwoEntityLists();
    const result = await screenerOn(store).screener.screenParties([{ name: 'Hikvision' }], {
      asOf: 'us-bis-entity-list@1999-01-01.nothing',
    });
    expect(!result.ok && result.error.code).toBe('CORDON_SNAPSHOT_NOT_FOUND');
  });

  it('fails when no list is active: screening against nothing never looks like "no match"', async () => {
    const store = inMemoryListSnapshotStore();
    const result = await screenerOn(store).screener.screenParties([{ name: 'Hikvision' }]);
    expect(!result.ok && result.error.code).toBe('CORDON_NO_ACTIVE_LISTS');
  });
});
