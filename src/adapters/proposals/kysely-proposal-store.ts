import type { Kysely } from 'kysely';
import type { Clock } from '../../application/ports/clock.ts';
import { proposalSummaryOf as summaryOf } from '../../application/proposals/proposal-deps.ts';
import type {
  PositionRecord,
  ProposalRecord,
  ProposalStore,
  SyncGapAlert,
} from '../../application/ports/proposal-store.ts';
import { appendAuditEntries } from '../db/kysely-audit-log.ts';
import type { Database } from '../db/schema.ts';

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
/** JSON with its instants turned back into dates (dates of the day, YYYY-MM-DD, stay text). */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the record it stored
const revive = <T>(json: string): T =>
  JSON.parse(json, (_key, value: unknown) =>
    typeof value === 'string' && isoInstant.test(value) ? new Date(value) : value,
  ) as T;

/** `ProposalStore` (and `ProposalLookup`) on Kysely, PGlite and PostgreSQL alike; records as JSON text. */
export function kyselyProposalStore(
  db: Kysely<Database>,
  clock: Clock,
  sha256: (text: string) => string,
): ProposalStore {
  const audited = async (
    trx: Parameters<typeof appendAuditEntries>[0],
    audit: readonly Parameters<typeof appendAuditEntries>[1][number]['event'][],
  ) => {
    if (audit.length === 0) return;
    const at = clock.now();
    await appendAuditEntries(
      trx,
      audit.map((event) => ({ event, at })),
      sha256,
    );
  };
  const proposal = async (id: string) => {
    const row = await db
      .selectFrom('control_proposal')
      .select('record')
      .where('id', '=', id)
      .executeTakeFirst();
    return row && revive<ProposalRecord>(row.record);
  };
  return {
    async saveProposal(p, audit) {
      await db.transaction().execute(async (trx) => {
        const values = {
          authority: p.authority,
          title: p.title,
          status: p.status,
          current_version: p.currentVersion,
          record: JSON.stringify(p),
          updated_at: p.updatedAt,
        };
        await trx
          .insertInto('control_proposal')
          .values({ id: p.id, created_at: p.createdAt, ...values })
          .onConflict((oc) => oc.column('id').doUpdateSet(values))
          .execute();
        await audited(trx, audit);
      });
    },
    proposal,
    async proposals(filter = {}) {
      let query = db.selectFrom('control_proposal').select('record');
      if (filter.status !== undefined) query = query.where('status', '=', filter.status);
      const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
      return rows.map((r) => revive<ProposalRecord>(r.record));
    },
    async savePosition(position, audit) {
      await db.transaction().execute(async (trx) => {
        const values = {
          position: position.position,
          record: JSON.stringify(position),
          recorded_at: position.recordedAt,
        };
        await trx
          .insertInto('control_proposal_position')
          .values({
            proposal_id: position.proposalId,
            partner: position.partner,
            version: position.version,
            ...values,
          })
          .onConflict((oc) => oc.columns(['proposal_id', 'partner', 'version']).doUpdateSet(values))
          .execute();
        await audited(trx, audit);
      });
    },
    async positions(proposalId) {
      const rows = await db
        .selectFrom('control_proposal_position')
        .select('record')
        .where('proposal_id', '=', proposalId)
        .orderBy('recorded_at')
        .orderBy('partner')
        .orderBy('version')
        .execute();
      return rows.map((r) => revive<PositionRecord>(r.record));
    },
    async addGapAlerts(alerts, audit) {
      if (alerts.length === 0) return [];
      return db.transaction().execute(async (trx) => {
        const stored: SyncGapAlert[] = [];
        for (const alert of alerts) {
          const inserted = await trx
            .insertInto('proposal_sync_gap_alert')
            .values({
              id: alert.id,
              proposal_id: alert.proposalId,
              partner: alert.partner,
              case_id: alert.caseId,
              record: JSON.stringify(alert),
              raised_at: alert.raisedAt,
            })
            .onConflict((oc) => oc.columns(['proposal_id', 'partner', 'case_id']).doNothing())
            .returning('id')
            .executeTakeFirst();
          if (inserted !== undefined) stored.push(alert);
        }
        await audited(trx, stored.map(audit));
        return stored;
      });
    },
    async gapAlerts(filter = {}) {
      let query = db.selectFrom('proposal_sync_gap_alert').select('record');
      if (filter.caseId !== undefined) query = query.where('case_id', '=', filter.caseId);
      if (filter.proposalId !== undefined)
        query = query.where('proposal_id', '=', filter.proposalId);
      const rows = await query.orderBy('raised_at', 'desc').orderBy('id', 'desc').execute();
      return rows.map((r) => revive<SyncGapAlert>(r.record));
    },
    async findProposalSummary(id) {
      const found = await proposal(id);
      return found && summaryOf(found);
    },
  };
}
