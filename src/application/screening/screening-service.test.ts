import { describe, expect, it } from 'vitest';
import { buildListSnapshot } from '../../../test/factories/list-snapshot.ts';
import { buildListedParty } from '../../../test/factories/listed-party.ts';
import { fixedClock } from '../../../test/fakes/fixed-clock.ts';
import { inMemoryExchangeStore } from '../../../test/fakes/in-memory-exchange-store.ts';
import { inMemoryListSnapshotStore } from '../../../test/fakes/in-memory-list-snapshot-store.ts';
import type { ListedParty } from '../../domain/lists/listed-party.ts';
import { defaultThresholds } from '../../domain/screening/score-names.ts';
import { buildScreeningIndex } from '../../domain/screening/screening-index.ts';
import { partnerAlertParties } from '../exchange/partner-alert-parties.ts';
import type { ThreatAlert } from '../ports/exchange-store.ts';
import type { ListSnapshotStore } from '../ports/list-snapshot-store.ts';
import { checkBatchRow, maxBatchSize } from './screen-batch.ts';
import { createScreeningIndexCache } from './screening-index-cache.ts';
import { createScreeningService } from './screening-service.ts';

const hikvision = buildListedParty({
  source: 'us-bis-entity-list',
  entityNumber: 'CN:hikvision',
  names: [
    { value: 'Hangzhou Hikvision Digital Technology Co., Ltd.', type: 'primary' },
    { value: 'Hikvision', type: 'aka' },
  ],
  countries: ['CN'],
});
const positive = buildListedParty({
  source: 'us-ofac-sdn',
  entityNumber: '31455',
  names: [{ value: 'AKTSIONERNOE OBSHCHESTVO POZITIV TEKNOLODZHIZ', type: 'primary' }],
  countries: ['RU'],
});
const others = Array.from({ length: 20 }, (_, i) =>
  buildListedParty({
    source: 'us-ofac-sdn',
    names: [{ value: `BALTIC MARINE SUPPLY COMPANY ${i}`, type: 'primary' }],
  }),
);

async function storeWith(
  lists: Record<string, readonly ListedParty[]>,
): Promise<ListSnapshotStore & { readonly entryReads: () => number }> {
  const store = inMemoryListSnapshotStore();
  for (const [source, entries] of Object.entries(lists))
    await store.saveAndActivate(buildListSnapshot(source, entries), entries);
  let reads = 0;
  return {
    ...store,
    entries(id) {
      reads += 1;
      return store.entries(id);
    },
    entryReads: () => reads,
  };
}

const countingBuilder = () => {
  let builds = 0;
  return {
    build: (parties: readonly ListedParty[]) => {
      builds += 1;
      return buildScreeningIndex(parties);
    },
    builds: () => builds,
  };
};

describe(createScreeningIndexCache.name, () => {
  it('builds the index once while the active snapshots stay the same, even for concurrent callers', async () => {
    const store = await storeWith({ 'us-ofac-sdn': [positive, ...others] });
    const builder = countingBuilder();
    const cache = createScreeningIndexCache(store, { build: builder.build });
    const [a, b] = await Promise.all([cache.current(), cache.current()]);
    await cache.current();
    expect(builder.builds()).toBe(1);
    expect(a).toBe(b);
    expect(a.snapshots).toHaveLength(1);
    expect(a.party(positive.entityId)).toEqual(positive);
  });

  it('rebuilds after an import activates a new snapshot, and names it', async () => {
    const store = await storeWith({ 'us-ofac-sdn': [positive, ...others] });
    const builder = countingBuilder();
    const cache = createScreeningIndexCache(store, { build: builder.build });
    const before = await cache.current();
    const snapshot = buildListSnapshot('us-bis-entity-list', [hikvision]);
    await store.saveAndActivate(snapshot, [hikvision]);
    const after = await cache.current();
    expect(builder.builds()).toBe(2);
    expect(after.snapshots).toEqual([snapshot.id, ...before.snapshots]);
    expect(after.party(hikvision.entityId)).toBeDefined();
  });

  it('asks the store at most once per interval when given a clock', async () => {
    const store = await storeWith({ 'us-ofac-sdn': [positive, ...others] });
    const clock = fixedClock();
    const cache = createScreeningIndexCache(store, { clock, recheckAfterMs: 1_000 });
    const first = await cache.current();
    await store.saveAndActivate(buildListSnapshot('us-bis-entity-list', [hikvision]), [hikvision]);
    expect(await cache.current()).toBe(first);
    clock.advance(1_000);
    expect((await cache.current()).snapshots).toHaveLength(2);
  });

  it('indexes primed records without reading them back from the store', async () => {
    const store = await storeWith({ 'us-ofac-sdn': [positive, ...others] });
    const cache = createScreeningIndexCache(store);
    const [active] = await store.activeSnapshots();
    cache.prime(active?.snapshot.id ?? '', [positive, ...others]);
    const index = await cache.current();
    expect(store.entryReads()).toBe(0);
    expect(index.parties).toHaveLength(21);
  });

  it('does not keep a failed build: the next call tries again', async () => {
    const store = await storeWith({ 'us-ofac-sdn': [positive] });
    let fail = true;
    const cache = createScreeningIndexCache(store, {
      build: (parties) => {
        if (fail) throw new Error('out of memory');
        return buildScreeningIndex(parties);
      },
    });
    await expect(cache.current()).rejects.toThrow('out of memory');
    fail = false;
    expect((await cache.current()).parties).toHaveLength(1);
  });
});

describe(createScreeningService.name, () => {
  it('screens one party and reports the snapshots it used', async () => {
    const store = await storeWith({
      'us-bis-entity-list': [hikvision],
      'us-ofac-sdn': [positive, ...others],
    });
    const service = createScreeningService({ store, thresholds: defaultThresholds });
    const report = await service.screenParty({ name: 'Позитив Текнолоджиз' });
    expect(report.ok && report.value.snapshot).toHaveLength(2);
    expect(report.ok && report.value.matches.map((m) => [m.entityId, m.band])).toEqual([
      [positive.entityId, 'strong'],
    ]);
  });

  it('applies the thresholds of the deployment', async () => {
    const store = await storeWith({ 'us-ofac-sdn': [positive, ...others] });
    // At review 1.00 only a name identical to a listed one alerts.
    const strict = createScreeningService({ store, thresholds: { review: 1, strong: 1 } });
    const lenient = createScreeningService({ store, thresholds: { review: 0.5, strong: 0.6 } });
    const query = { name: 'Pozitiv Teknolodzhis Holding' };
    const strictReport = await strict.screenParty(query);
    const lenientReport = await lenient.screenParty(query);
    expect(strictReport.ok && strictReport.value.matches).toEqual([]);
    expect(lenientReport.ok && lenientReport.value.matches[0]?.entityId).toBe(positive.entityId);
  });

  it('fails with CORDON_NO_ACTIVE_LISTS when no list is active', async () => {
    const service = createScreeningService({
      store: inMemoryListSnapshotStore(),
      thresholds: defaultThresholds,
    });
    const report = await service.screenParty({ name: 'Hikvision' });
    expect(!report.ok && report.error.code).toBe('CORDON_NO_ACTIVE_LISTS');
    const parties = await service.screenApplicationParties([{ role: 'end-user', name: 'x' }]);
    expect(!parties.ok && parties.error.code).toBe('CORDON_NO_ACTIVE_LISTS');
  });

  it("screens an application's parties in order, each with its matches, using their type as kind", async () => {
    const store = await storeWith({
      'us-bis-entity-list': [hikvision],
      'us-ofac-sdn': [positive, ...others],
    });
    const service = createScreeningService({ store, thresholds: defaultThresholds });
    const result = await service.screenApplicationParties([
      {
        role: 'end-user',
        name: 'Hangzhou Hikvision Digital Technology Co., Ltd.',
        country: 'cn',
        address: 'No.555 Qianmo Road, Hangzhou',
        type: 'commercial',
      },
      { role: 'consignee', name: 'Maple Leaf Logistics', country: 'CA' },
      { role: 'purchaser', name: '', type: 'individual' },
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [endUser, consignee, purchaser] = result.value.parties;
    expect(endUser).toMatchObject({
      role: 'end-user',
      address: 'No.555 Qianmo Road, Hangzhou',
      matches: [expect.objectContaining({ entityId: hikvision.entityId, band: 'strong' })],
    });
    // The country (CN) and the kind (organisation) were both taken into account.
    expect(endUser?.matches[0]?.explanation.adjustments.map((a) => a.kind)).toEqual(
      expect.arrayContaining(['country', 'entity-kind']),
    );
    expect(consignee?.matches).toEqual([]);
    expect(purchaser?.problems).toContainEqual({ kind: 'empty' });
    expect(result.value.snapshot).toHaveLength(2);
  });

  it('compares two names without touching the store', () => {
    const store = inMemoryListSnapshotStore();
    const service = createScreeningService({ store, thresholds: defaultThresholds });
    expect(service.compare('Позитив Текнолоджиз', 'Pozitiv Teknolodzhiz').band).toBe('strong');
    expect(service.compare('Olaf Scholz', 'Octavian Scholz').band).toBeUndefined();
  });

  it('refuses a batch above the maximum before screening anything', async () => {
    const store = await storeWith({ 'us-ofac-sdn': [positive] });
    const service = createScreeningService({ store, thresholds: defaultThresholds });
    const rows = Array.from({ length: maxBatchSize + 1 }, () => ({ name: 'x' }));
    const report = await service.screenBatch(rows);
    expect(!report.ok && report.error.code).toBe('CORDON_VALIDATION_FAILED');
  });
});

describe(checkBatchRow.name, () => {
  it('accepts a name with a country in any case and a kind', () => {
    expect(checkBatchRow({ name: 'Hikvision', country: 'cn', kind: 'Organisation' })).toEqual({
      ok: true,
      value: { name: 'Hikvision', country: 'CN', kind: 'organisation' },
    });
  });

  it('lists every problem of a row at once', () => {
    expect(checkBatchRow({ name: '\u0000 ', country: 'CHN', kind: 'company' })).toEqual({
      ok: false,
      error: [
        'name is empty',
        'country must be two letters (ISO 3166-1 alpha-2), got "CHN"',
        'kind must be person or organisation, got "company"',
      ],
    });
  });
});

describe("partners' threat alerts in screening", () => {
  const receipt = {
    id: 'US-BIS/4',
    sequence: 4,
    hash: 'a'.repeat(64),
    issuedAt: '2026-11-30T09:15:00.000Z',
    keyId: 'us-key-1',
  };
  const alert: ThreatAlert = {
    sender: 'US-BIS',
    alert: {
      alertId: 'US-BIS-alert-1',
      subject: 'end-user',
      title: 'Surveillance end user',
      description: 'Buys interception kit through front companies.',
      parties: [{ role: 'end-user', name: 'Tianshan Netguard Bureau', country: 'CN' }],
      countries: ['CN'],
    },
    receivedAt: new Date('2026-11-30T09:20:00Z'),
    status: 'active',
    message: receipt,
  };

  async function setUp() {
    const lists = await storeWith({ 'us-ofac-sdn': [positive, ...others] });
    const exchange = inMemoryExchangeStore();
    await exchange.saveAlert(alert);
    const extra = partnerAlertParties(exchange);
    const clock = fixedClock();
    const screening = createScreeningService({
      store: lists,
      thresholds: defaultThresholds,
      clock,
      extra,
    });
    return { exchange, extra, screening };
  }

  it('finds a party a partner alerted on, citing the sender, the message, its date and the verified signature', async () => {
    const { screening } = await setUp();
    const report = await screening.screenParty({ name: 'Tianshan Net Guard Bureau' });
    if (!report.ok) throw new Error(report.error.message);
    const [match] = report.value.matches;
    expect(match).toMatchObject({
      source: 'partner-threat-alert:US-BIS',
      entityId: 'partner-threat-alert:US-BIS:US-BIS-alert-1/1',
      name: 'Tianshan Netguard Bureau',
    });
    expect(match?.explanation.summary).toContain(
      'listed by threat alert US-BIS-alert-1 "Surveillance end user" from US-BIS (message US-BIS/4 of 2026-11-30, signature verified with US-BIS\'s pinned key us-key-1)',
    );
    expect(report.value.snapshot).toEqual([expect.stringMatching(/^us-ofac-sdn@/)]);
  });

  it("cites the alert in an application's screening and in a batch as well", async () => {
    const { screening } = await setUp();
    const application = await screening.screenApplicationParties([
      { role: 'end-user', name: 'Tianshan Netguard Bureau', country: 'CN' },
    ]);
    if (!application.ok) throw new Error(application.error.message);
    expect(application.value.parties[0]?.matches[0]?.explanation.summary).toContain(
      'from US-BIS (message US-BIS/4',
    );
    const batch = await screening.screenBatch([{ name: 'Tianshan Netguard Bureau' }]);
    if (!batch.ok) throw new Error(batch.error.message);
    const [row] = batch.value.results;
    expect(row?.kind === 'screened' ? row.matches[0]?.explanation.summary : '').toContain(
      'signature verified',
    );
  });

  it('forgets a withdrawn alert as soon as the withdrawal is applied, without waiting for the recheck interval', async () => {
    const { exchange, extra, screening } = await setUp();
    const found = await screening.screenParty({ name: 'Tianshan Netguard Bureau' });
    expect(found.ok && found.value.matches.length).toBe(1);
    await exchange.saveAlert({ ...alert, status: 'withdrawn' });
    extra.changed();
    const after = await screening.screenParty({ name: 'Tianshan Netguard Bureau' });
    expect(after.ok && after.value.matches).toEqual([]);
  });

  it('picks up an alert applied by another process at the next recheck', async () => {
    const lists = await storeWith({ 'us-ofac-sdn': [positive, ...others] });
    const exchange = inMemoryExchangeStore();
    const clock = fixedClock();
    const screening = createScreeningService({
      store: lists,
      thresholds: defaultThresholds,
      clock,
      extra: partnerAlertParties(exchange),
    });
    const before = await screening.screenParty({ name: 'Tianshan Netguard Bureau' });
    expect(before.ok && before.value.matches).toEqual([]);
    await exchange.saveAlert(alert);
    clock.advance(1_000);
    const after = await screening.screenParty({ name: 'Tianshan Netguard Bureau' });
    expect(after.ok && after.value.matches.map((m) => m.source)).toEqual([
      'partner-threat-alert:US-BIS',
    ]);
  });
});
