import { beforeAll, describe, expect, it } from 'vitest';
import { parseListFiles } from '../../src/adapters/lists/parse-list-files.ts';
import {
  readShippedListFiles,
  shippedListManifest,
} from '../../src/adapters/lists/shipped-lists.ts';
import { assessApplication } from '../../src/application/assessment/assess-application.ts';
import { assessmentPartyScreener } from '../../src/application/assessment/assessment-party-screener.ts';
import type { PartyScreener } from '../../src/application/ports/party-screener.ts';
import { createScreeningService } from '../../src/application/screening/screening-service.ts';
import { defaultThresholds } from '../../src/domain/screening/score-names.ts';
import { buildListSnapshot } from '../factories/list-snapshot.ts';
import { inMemoryListSnapshotStore } from '../fakes/in-memory-list-snapshot-store.ts';
import { assessmentDeps } from '../fakes/shipped-human-rights.ts';
import path from 'node:path';

// Issue 16: an assessment whose party is an exact or near-exact listed name can never come out
// as approve or no-licence-required, whatever the item and under every shipped policy. The
// parties are screened by the real screening service over every shipped list.

const root = path.resolve(import.meta.dirname, '../..');
let screener: PartyScreener;

beforeAll(async () => {
  const store = inMemoryListSnapshotStore();
  for (const list of shippedListManifest) {
    const parsed = parseListFiles(list.source, readShippedListFiles(root, list));
    if (!parsed.ok) throw new Error(`cannot parse the shipped ${list.source}`);
    const records = parsed.value.records;
    // Dated within the assessment's freshness limit, so that only the party match decides.
    await store.saveAndActivate(buildListSnapshot(list.source, records, '2026-07-23'), records);
  }
  const screening = createScreeningService({ store, thresholds: defaultThresholds });
  screener = assessmentPartyScreener({ screening, store });
}, 120_000);

const printers = (endUser: string, country: string) => ({
  jurisdiction: 'US',
  exporter: { name: 'Fjord Office AS', country: 'NO' },
  destination: { country },
  parties: [{ role: 'end-user', name: endUser, country, type: 'commercial' }],
  items: [
    {
      description: 'Laser printers for an office',
      controlEntries: ['EAR99'],
      capabilities: ['none'],
      quantity: 10,
    },
  ],
  endUse: 'Printing in an office',
});

describe('an assessment with a listed party named exactly or nearly as listed', () => {
  const parties: [string, string][] = [
    ['Huawei Technologies Co., Ltd.', 'CN'],
    ['HUAWEI TECHNOLOGIES CO LTD', 'CN'],
    ['Intellexa S.A.', 'GR'],
    ['Нikvision', 'CN'],
  ];
  for (const jurisdiction of ['US', 'GB', 'EU', 'NL', 'NO', 'DK', 'FR', 'CA', 'AU', 'DE'])
    it(`is never approvable under ${jurisdiction}`, async () => {
      for (const [name, country] of parties) {
        const result = await assessApplication(
          { application: { ...printers(name, country), jurisdiction }, jurisdiction },
          assessmentDeps(screener),
        );
        if (!result.ok) throw new Error(JSON.stringify(result.error));
        const assessment = result.value;
        expect(
          assessment.parties[0]?.matches.some((m) => m.band === 'strong'),
          name,
        ).toBe(true);
        expect(
          ['approve', 'approve-with-provisos', 'no-licence-required'],
          `${jurisdiction} ${name}`,
        ).not.toContain(assessment.recommendation.outcome);
      }
    }, 60_000);
});
