import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../test/fakes/fixed-clock.ts';
import { inMemoryAuditLog } from '../../../test/fakes/in-memory-audit-log.ts';
import { inMemoryCaseStore } from '../../../test/fakes/in-memory-case-store.ts';
import { draftCase } from '../../domain/licensing/case-transitions.ts';
import { ok } from '../../domain/shared/result.ts';
import type { PartyMatch, PartyScreener } from '../ports/party-screener.ts';
import { rescreenCases } from './rescreen-cases.ts';

const match = (entityId: string): PartyMatch => ({
  entityId,
  source: 'us-bis-entity-list',
  name: 'Listed Co',
  matchedName: 'Listed Co',
  score: 0.97,
  band: 'strong',
  explanation: 'exact',
  programmes: [],
  snapshot: { id: 'us-bis-entity-list@2026-12-01.abcd', dataDate: '2026-12-01' },
});

describe('re-screening after a list update', () => {
  it('raises one alert per new match on open cases only, and none again for the same match', async () => {
    const clock = fixedClock();
    const store = inMemoryCaseStore(inMemoryAuditLog(clock));
    const application = {
      parties: [
        { role: 'end-user', name: 'Known Hit Ltd' },
        { role: 'consignee', name: 'Newly Listed Trading' },
      ],
    };
    const open = {
      ...draftCase({
        id: 'c1',
        reference: 'GB-1',
        jurisdiction: 'GB',
        exporterOrganisationId: 'o',
        now: clock.now(),
      }),
      stage: 'finalised' as const,
    };
    const draft = draftCase({
      id: 'c2',
      reference: 'GB-2',
      jurisdiction: 'GB',
      exporterOrganisationId: 'o',
      now: clock.now(),
    });
    const frozen = {
      recommendation: { outcome: 'approve', criteria: [], provisos: [] },
      humanRights: { risk: 'low', factors: [] },
      parties: [
        { role: 'end-user', name: 'Known Hit Ltd', matches: [match('E-OLD')] },
        { role: 'consignee', name: 'Newly Listed Trading', matches: [] },
      ],
      items: [],
      provenance: {},
    };
    await store.create(
      { licenceCase: open, application, assessment: frozen, history: [] },
      { actor: 't', action: 'x', objectType: 'case', objectId: 'c1' },
    );
    await store.create(
      { licenceCase: draft, application, history: [] },
      { actor: 't', action: 'x', objectType: 'case', objectId: 'c2' },
    );
    const screener: PartyScreener = {
      screenParties: () =>
        Promise.resolve(
          ok({
            snapshots: [],
            parties: [{ matches: [match('E-OLD')] }, { matches: [match('E-NEW')] }],
          }),
        ),
    };
    let n = 0;
    const deps = {
      store,
      screener,
      clock,
      secrets: { id: () => String((n += 1)), secret: () => 's', password: () => 'p' },
    };
    const first = await rescreenCases(deps);
    expect(first.casesScreened).toBe(1);
    expect(first.alerts).toMatchObject([
      {
        caseReference: 'GB-1',
        party: { name: 'Newly Listed Trading' },
        match: { entityId: 'E-NEW' },
      },
    ]);
    expect((await rescreenCases(deps)).alerts).toEqual([]);
    expect(await store.alerts('c1')).toHaveLength(1);
  });
});
