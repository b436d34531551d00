import type { CaseStage } from '../../domain/licensing/case-state.ts';
import type { CaseAlert, CaseAlertStore, CaseRecordStore } from '../ports/case-store.ts';
import type { Clock } from '../ports/clock.ts';
import type { PartyScreener, PartyToScreen } from '../ports/party-screener.ts';
import type { SecretGenerator } from '../ports/secret-generator.ts';

/** Cases that re-screening leaves alone: not yet submitted, or closed for good. */
const dormant: ReadonlySet<CaseStage> = new Set<CaseStage>(['draft', 'withdrawn', 'revoked']);

export interface RescreenReport {
  readonly casesScreened: number;
  readonly alerts: readonly CaseAlert[];
}

const partiesOf = (application: Readonly<Record<string, unknown>>) =>
  (Array.isArray(application.parties)
    ? (application.parties as Record<string, unknown>[])
    : []
  ).map((p) => ({
    role: typeof p.role === 'string' ? p.role : 'party',
    name: typeof p.name === 'string' ? p.name : '',
    ...(typeof p.country === 'string' ? { country: p.country } : {}),
    ...(typeof p.type === 'string' ? { type: p.type } : {}),
  }));

/**
 * After a list snapshot is activated: screens every party of every open case and issued licence
 * against the active lists, and raises an alert for each match that the frozen assessment did not
 * have and no earlier alert reported. Returns what it raised.
 */
export async function rescreenCases(deps: {
  readonly store: CaseRecordStore & CaseAlertStore;
  readonly screener: PartyScreener;
  readonly clock: Clock;
  readonly secrets: SecretGenerator;
}): Promise<RescreenReport> {
  const records = (await deps.store.list({})).filter((r) => !dormant.has(r.licenceCase.stage));
  const raised: CaseAlert[] = [];
  for (const record of records) {
    const parties = partiesOf(record.application);
    const toScreen: PartyToScreen[] = parties.map((p) => ({
      name: p.name,
      ...(p.country === undefined ? {} : { country: p.country }),
      ...(p.type === undefined ? {} : { type: p.type }),
    }));
    const screened = await deps.screener.screenParties(toScreen);
    if (!screened.ok) continue;
    const known = new Set<string>();
    for (const [i, party] of (record.assessment?.parties ?? []).entries()) {
      for (const m of party.matches) {
        const id = (m as { entityId?: unknown }).entityId;
        if (typeof id === 'string') known.add(`${String(i)}|${id}`);
      }
    }
    for (const alert of await deps.store.alerts(record.licenceCase.id)) {
      const index = parties.findIndex(
        (p) => p.name === alert.party.name && p.role === alert.party.role,
      );
      known.add(`${String(index)}|${alert.match.entityId}`);
    }
    const now = deps.clock.now();
    const alerts: CaseAlert[] = [];
    for (const [i, result] of screened.value.parties.entries()) {
      const party = parties[i];
      if (party === undefined) continue;
      for (const match of result.matches) {
        if (known.has(`${String(i)}|${match.entityId}`)) continue;
        known.add(`${String(i)}|${match.entityId}`);
        alerts.push({
          id: `alert-${deps.secrets.id()}`,
          caseId: record.licenceCase.id,
          caseReference: record.licenceCase.reference,
          raisedAt: now,
          party: { role: party.role, name: party.name },
          match: {
            entityId: match.entityId,
            source: match.source,
            name: match.name,
            matchedName: match.matchedName,
            score: match.score,
            band: match.band,
            explanation: match.explanation,
          },
          snapshotId: match.snapshot.id,
        });
      }
    }
    await deps.store.addAlerts(
      alerts,
      alerts.map((a) => ({
        actor: 'system',
        action: 'cases.rescreening-alert',
        objectType: 'case',
        objectId: a.caseId,
        details: {
          party: a.party.name,
          entityId: a.match.entityId,
          source: a.match.source,
          snapshotId: a.snapshotId,
        },
      })),
    );
    raised.push(...alerts);
  }
  return { casesScreened: records.length, alerts: raised };
}
