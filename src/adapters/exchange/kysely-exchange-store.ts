import { sql, type Kysely, type Selectable } from 'kysely';
import type { Clock } from '../../application/ports/clock.ts';
import type {
  Consultation,
  DenialRecord,
  ExchangeStore,
  Partner,
  StoredMessage,
  ThreatAlert,
} from '../../application/ports/exchange-store.ts';
import type { PinnedKey } from '../../application/ports/message-signer.ts';
import type {
  DenialNotificationBody,
  MessageHeader,
  MessageReceipt,
  Recipients,
  ThreatAlertBody,
} from '../../domain/exchange/exchange-message.ts';
import type { RejectionReason } from '../../domain/exchange/message-chain.ts';
import { canonicalJson } from '../../domain/shared/canonical-json.ts';
import { appendAuditEntry } from '../db/kysely-audit-log.ts';
import type { Database, ExchangeOutboxTable } from '../db/schema.ts';

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
const reviveDates = (_key: string, value: unknown): unknown =>
  typeof value === 'string' && isoInstant.test(value) ? new Date(value) : value;

const outgoingOf = (row: Selectable<ExchangeOutboxTable>): StoredMessage => ({
  header: JSON.parse(row.header) as MessageHeader,
  hash: row.hash,
  jws: row.jws,
  body: JSON.parse(row.body) as unknown,
});

/** `ExchangeStore` on Kysely (PGlite and PostgreSQL alike); JSON is kept as text. */
export function kyselyExchangeStore(
  db: Kysely<Database>,
  clock: Clock,
  sha256: (text: string) => string,
): ExchangeStore {
  const partnersWhere = async (id?: string): Promise<Partner[]> => {
    let query = db.selectFrom('exchange_partner').selectAll().orderBy('id');
    if (id !== undefined) query = query.where('id', '=', id);
    const rows = await query.execute();
    if (rows.length === 0) return [];
    const keys = await db
      .selectFrom('exchange_partner_key')
      .selectAll()
      .where(
        'partner_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('added_at')
      .execute();
    // When each partner's last accepted message was issued: the next may not be issued before it.
    const lastHeaders = await db
      .selectFrom('exchange_inbox')
      .select(['sender', 'sequence', 'header'])
      .where(
        'sender',
        'in',
        rows.map((r) => r.id),
      )
      .where((eb) =>
        eb.or(
          rows.map((r) => eb.and([eb('sender', '=', r.id), eb('sequence', '=', r.last_sequence)])),
        ),
      )
      .execute();
    const lastIssuedAt = new Map<string, string>();
    for (const h of lastHeaders) {
      const issuedAt = (JSON.parse(h.header) as { issuedAt?: unknown }).issuedAt;
      if (typeof issuedAt === 'string') lastIssuedAt.set(h.sender, issuedAt);
    }
    return rows.map((r) => ({
      id: r.id,
      url: r.url,
      keys: keys
        .filter((k) => k.partner_id === r.id)
        .map((k): PinnedKey => ({
          kid: k.kid,
          publicJwk: JSON.parse(k.public_jwk) as Record<string, unknown>,
          ...(k.valid_until === null ? {} : { validUntil: k.valid_until }),
        })),
      position: {
        lastSequence: r.last_sequence,
        lastHash: r.last_hash,
        ...((issued) => (issued === undefined ? {} : { lastIssuedAt: issued }))(
          lastIssuedAt.get(r.id),
        ),
      },
      addedAt: r.added_at,
      ...(r.last_sync_at === null ? {} : { lastSyncAt: r.last_sync_at }),
      ...(r.last_sync_error === null ? {} : { lastSyncError: r.last_sync_error }),
    }));
  };

  return {
    async savePartner(partner, key, audit) {
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('exchange_partner')
          .values({ id: partner.id, url: partner.url, added_at: now })
          .onConflict((oc) => oc.column('id').doUpdateSet({ url: partner.url }))
          .execute();
        if (key !== undefined) {
          await trx
            .insertInto('exchange_partner_key')
            .values({
              partner_id: partner.id,
              kid: key.kid,
              public_jwk: JSON.stringify(key.publicJwk),
              valid_until: key.validUntil ?? null,
              added_at: now,
            })
            .onConflict((oc) =>
              oc
                .columns(['partner_id', 'kid'])
                .doUpdateSet({ valid_until: key.validUntil ?? null }),
            )
            .execute();
        }
        await appendAuditEntry(trx, audit, now, sha256);
      });
    },
    partners: () => partnersWhere(),
    partner: async (id) => (await partnersWhere(id))[0],
    async recordSync(partnerId, at, error) {
      await db
        .updateTable('exchange_partner')
        .set({ last_sync_at: at, last_sync_error: error ?? null })
        .where('id', '=', partnerId)
        .execute();
    },

    async appendOutgoing(build, audit) {
      return db.transaction().execute(async (trx) => {
        await sql`lock table exchange_outbox in share row exclusive mode`.execute(trx);
        const last = await trx
          .selectFrom('exchange_outbox')
          .select(['sequence', 'hash'])
          .orderBy('sequence', 'desc')
          .limit(1)
          .executeTakeFirst();
        const message = await build(
          last === undefined
            ? { lastSequence: 0, lastHash: null }
            : { lastSequence: last.sequence, lastHash: last.hash },
        );
        await trx
          .insertInto('exchange_outbox')
          .values({
            sequence: message.header.sequence,
            hash: message.hash,
            kind: message.header.kind,
            header: canonicalJson(message.header),
            jws: message.jws,
            body: canonicalJson(message.body ?? null),
            issued_at: new Date(message.header.issuedAt),
          })
          .execute();
        await appendAuditEntry(
          trx,
          { ...audit, objectId: `${message.header.sender}/${String(message.header.sequence)}` },
          clock.now(),
          sha256,
        );
        return message;
      });
    },
    async outgoing(after, limit) {
      const rows = await db
        .selectFrom('exchange_outbox')
        .selectAll()
        .where('sequence', '>', after)
        .orderBy('sequence')
        .limit(limit)
        .execute();
      return rows.map(outgoingOf);
    },

    async accept(partnerId, message, at) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('exchange_inbox')
          .values({
            sender: message.header.sender,
            sequence: message.header.sequence,
            hash: message.hash,
            kind: message.header.kind,
            header: canonicalJson(message.header),
            jws: message.jws,
            body: message.body === undefined ? null : canonicalJson(message.body),
            received_at: at,
          })
          .execute();
        await trx
          .updateTable('exchange_partner')
          .set({ last_sequence: message.header.sequence, last_hash: message.hash })
          .where('id', '=', partnerId)
          .execute();
      });
    },
    async reject(r) {
      await db
        .insertInto('exchange_rejected')
        .values({
          partner_id: r.partnerId,
          sequence: r.sequence ?? null,
          reason: r.reason,
          detail: r.detail,
          jws: r.jws,
          received_at: r.receivedAt,
        })
        .execute();
    },
    async rejected(limit) {
      const rows = await db
        .selectFrom('exchange_rejected')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        partnerId: r.partner_id,
        ...(r.sequence === null ? {} : { sequence: r.sequence }),
        reason: r.reason as RejectionReason,
        detail: r.detail,
        jws: r.jws,
        receivedAt: r.received_at,
      }));
    },

    async saveDenial(d) {
      const values = {
        sender: d.sender,
        reference: d.reference,
        status: d.status,
        denial: JSON.stringify(d.denial),
        case_id: d.caseId ?? null,
        recipients: d.recipients === undefined ? null : JSON.stringify(d.recipients),
        updated_at: d.updatedAt,
      };
      await db
        .insertInto('exchange_denial')
        .values(values)
        .onConflict((oc) =>
          oc.columns(['sender', 'reference']).doUpdateSet({
            status: d.status,
            denial: values.denial,
            case_id: values.case_id,
            recipients: values.recipients,
            updated_at: d.updatedAt,
          }),
        )
        .execute();
    },
    async denial(sender, reference) {
      const row = await db
        .selectFrom('exchange_denial')
        .selectAll()
        .where('sender', '=', sender)
        .where('reference', '=', reference)
        .executeTakeFirst();
      return row && denialOf(row);
    },
    async denials(filter) {
      let query = db.selectFrom('exchange_denial').selectAll().orderBy('updated_at', 'desc');
      if (filter.status !== undefined) query = query.where('status', '=', filter.status);
      if (filter.sender !== undefined) query = query.where('sender', '=', filter.sender);
      return (await query.execute()).map(denialOf);
    },

    async saveConsultation(c) {
      const values = {
        id: c.id,
        direction: c.direction,
        partner_id: c.partnerId,
        denial_reference: c.denialReference,
        case_id: c.caseId ?? null,
        status: c.status,
        record: JSON.stringify(c),
        updated_at: c.updatedAt,
      };
      await db
        .insertInto('exchange_consultation')
        .values(values)
        .onConflict((oc) =>
          oc
            .column('id')
            .doUpdateSet({ status: c.status, record: values.record, updated_at: c.updatedAt }),
        )
        .execute();
    },
    async consultation(id) {
      const row = await db
        .selectFrom('exchange_consultation')
        .select('record')
        .where('id', '=', id)
        .executeTakeFirst();
      return row && (JSON.parse(row.record, reviveDates) as Consultation);
    },
    async consultations(filter) {
      let query = db
        .selectFrom('exchange_consultation')
        .select('record')
        .orderBy('updated_at', 'desc');
      if (filter.caseId !== undefined) query = query.where('case_id', '=', filter.caseId);
      if (filter.partnerId !== undefined) query = query.where('partner_id', '=', filter.partnerId);
      if (filter.denialReference !== undefined)
        query = query.where('denial_reference', '=', filter.denialReference);
      return (await query.execute()).map((r) => JSON.parse(r.record, reviveDates) as Consultation);
    },

    async saveAlert(a) {
      const values = {
        sender: a.sender,
        alert_id: a.alert.alertId,
        alert: JSON.stringify(a.alert),
        received_at: a.receivedAt,
        status: a.status,
        message: a.message === undefined ? null : JSON.stringify(a.message),
        withdrawal: a.withdrawal === undefined ? null : JSON.stringify(a.withdrawal),
        updated_at: clock.now(),
      };
      await db
        .insertInto('exchange_alert')
        .values(values)
        .onConflict((oc) =>
          oc.columns(['sender', 'alert_id']).doUpdateSet({
            alert: values.alert,
            received_at: values.received_at,
            status: values.status,
            message: values.message,
            withdrawal: values.withdrawal,
            updated_at: values.updated_at,
          }),
        )
        .execute();
    },
    async alert(sender, alertId) {
      const row = await db
        .selectFrom('exchange_alert')
        .selectAll()
        .where('sender', '=', sender)
        .where('alert_id', '=', alertId)
        .executeTakeFirst();
      return row && alertOf(row);
    },
    async alerts(filter = {}) {
      let query = db
        .selectFrom('exchange_alert')
        .selectAll()
        .orderBy('received_at', 'desc')
        .orderBy('sender')
        .orderBy('alert_id');
      if (filter.status !== undefined) query = query.where('status', '=', filter.status);
      return (await query.execute()).map(alertOf);
    },
    async alertsVersion() {
      // Rows are never deleted and only move from active to withdrawn, so the count, the count
      // withdrawn and the last change together move with every save.
      const row = await db
        .selectFrom('exchange_alert')
        .select((eb) => [
          eb.fn.countAll<string>().as('alerts'),
          eb.fn.count<string>(sql`case when status = 'withdrawn' then 1 end`).as('withdrawn'),
          eb.fn.max('updated_at').as('last'),
        ])
        .executeTakeFirstOrThrow();
      // `max` over no rows is null, whatever the column's type says.
      const last = row.last as Date | string | null;
      return `${row.alerts}:${row.withdrawn}:${last === null ? '' : new Date(last).toISOString()}`;
    },
  };
}

const denialOf = (row: Selectable<Database['exchange_denial']>): DenialRecord => ({
  sender: row.sender,
  reference: row.reference,
  status: row.status === 'revoked' ? 'revoked' : 'active',
  denial: JSON.parse(row.denial) as DenialNotificationBody,
  ...(row.case_id === null ? {} : { caseId: row.case_id }),
  ...(row.recipients === null ? {} : { recipients: JSON.parse(row.recipients) as Recipients }),
  updatedAt: row.updated_at,
});

const alertOf = (row: Selectable<Database['exchange_alert']>): ThreatAlert => ({
  sender: row.sender,
  alert: JSON.parse(row.alert) as ThreatAlertBody,
  receivedAt: row.received_at,
  status: row.status === 'withdrawn' ? 'withdrawn' : 'active',
  ...(row.message === null ? {} : { message: JSON.parse(row.message) as MessageReceipt }),
  ...(row.withdrawal === null
    ? {}
    : { withdrawal: JSON.parse(row.withdrawal) as NonNullable<ThreatAlert['withdrawal']> }),
});
