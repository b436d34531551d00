import { caseImpact } from '../../domain/proposals/proposal-impact.ts';
import type { PositionRecord, SyncGapAlert } from '../ports/proposal-store.ts';
import { caseToTest, entryOf } from './dry-run-proposal.ts';
import type { ProposalDeps } from './proposal-deps.ts';

/** Each authority's latest position: on its highest version, then the latest recorded. */
export function latestPositions(
  positions: readonly PositionRecord[],
): ReadonlyMap<string, PositionRecord> {
  const latest = new Map<string, PositionRecord>();
  for (const p of positions) {
    const seen = latest.get(p.partner);
    if (
      seen === undefined ||
      p.version > seen.version ||
      (p.version === seen.version && p.recordedAt.getTime() >= seen.recordedAt.getTime())
    )
      latest.set(p.partner, p);
  }
  return latest;
}

/**
 * The sync-gap check: when partners have adopted a proposed control that this authority has not
 * (its own latest position is not `adopted`), classifies every open case against the entry each
 * partner adopted and raises an alert on each case the control would capture, once per proposal,
 * partner and case. Runs whenever a proposal or a position arrives, so the order in which
 * partners' feeds are read does not matter. Returns the alerts newly raised.
 */
export async function checkSyncGaps(
  deps: ProposalDeps,
  proposalId: string,
): Promise<readonly SyncGapAlert[]> {
  if (!deps.exchange.signer.ok) return [];
  const self = deps.exchange.signer.value.authorityId;
  const proposal = await deps.proposals.proposal(proposalId);
  if (proposal === undefined || proposal.status === 'draft') return [];
  const latest = latestPositions(await deps.proposals.positions(proposalId));
  if (latest.get(self)?.position === 'adopted') return [];
  const adopters = [...latest.values()].filter(
    (p) => p.partner !== self && p.position === 'adopted' && p.adoption !== undefined,
  );
  if (adopters.length === 0) return [];
  const catalogue = await deps.catalogue.controlCatalogue();
  const open = (await deps.cases.list({})).map(caseToTest).filter((c) => c.open);
  const now = deps.clock.now();
  const alerts: SyncGapAlert[] = [];
  for (const adopter of adopters) {
    const version =
      proposal.versions.find((v) => v.version === adopter.version) ??
      proposal.versions.find((v) => v.version === proposal.currentVersion);
    if (version === undefined || adopter.adoption === undefined) continue;
    const entry = entryOf(proposal, version);
    for (const c of open) {
      const impact = caseImpact(catalogue, entry, c);
      if (impact.capture !== 'captured' && impact.capture !== 'possibly-captured') continue;
      alerts.push({
        id: `gap-${deps.exchange.sha256(`${proposal.id}|${adopter.partner}|${c.caseId}`).slice(0, 24)}`,
        proposalId: proposal.id,
        version: version.version,
        partner: adopter.partner,
        nationalEntryId: adopter.adoption.nationalEntryId,
        effectiveOn: adopter.adoption.effectiveOn,
        caseId: c.caseId,
        caseReference: c.reference,
        capture: impact.capture,
        items: impact.items
          .filter((i) => i.capture === 'captured' || i.capture === 'possibly-captured')
          .map((i) => ({ description: i.description, summary: i.summary })),
        raisedAt: now,
      });
    }
  }
  return deps.proposals.addGapAlerts(alerts, (alert) => ({
    actor: 'system',
    action: 'proposals.sync-gap-alert',
    objectType: 'licence-case',
    objectId: alert.caseId,
    details: {
      proposalId: alert.proposalId,
      partner: alert.partner,
      nationalEntryId: alert.nationalEntryId,
      capture: alert.capture,
    },
  }));
}
