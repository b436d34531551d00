import { sql, type Kysely, type Selectable } from 'kysely';
import type { Clock } from '../../application/ports/clock.ts';
import type {
  CaseAlert,
  CaseAttachment,
  CaseEvent,
  CaseRecord,
  CaseStore,
} from '../../application/ports/case-store.ts';
import type { LicenceCase } from '../../domain/licensing/licence-case.ts';
import { appendAuditEntry } from './kysely-audit-log.ts';
import { insertNotifications } from './kysely-notification-store.ts';
import type { CaseAttachmentTable, Database, LicenceCaseTable } from './schema.ts';

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

/** The workflow state has Dates; JSON has strings. Only the state column is revived this way. */
const reviveDates = (_key: string, value: unknown): unknown =>
  typeof value === 'string' && isoInstant.test(value) ? new Date(value) : value;

const toRecord = (row: Selectable<LicenceCaseTable>, events: readonly string[]): CaseRecord => ({
  licenceCase: JSON.parse(row.state, reviveDates) as LicenceCase,
  application: JSON.parse(row.application) as Record<string, unknown>,
  ...(row.assessment === null
    ? {}
    : { assessment: JSON.parse(row.assessment) as CaseRecord['assessment'] & object }),
  ...(row.routing === null
    ? {}
    : { routing: JSON.parse(row.routing) as CaseRecord['routing'] & object }),
  history: events.map((e) => JSON.parse(e, reviveDates) as CaseEvent),
});

const attachmentOf = (row: Omit<Selectable<CaseAttachmentTable>, 'content'>): CaseAttachment => ({
  id: row.id,
  caseId: row.case_id,
  category: row.category as CaseAttachment['category'],
  fileName: row.file_name,
  kind: row.kind as CaseAttachment['kind'],
  mediaType: row.media_type,
  sizeBytes: row.size_bytes,
  sha256: row.sha256,
  ...(row.description === null ? {} : { description: row.description }),
  uploadedBy: row.uploaded_by,
  uploadedAt: row.uploaded_at,
});

const attachmentColumns = [
  'id',
  'case_id',
  'category',
  'file_name',
  'kind',
  'media_type',
  'size_bytes',
  'sha256',
  'description',
  'uploaded_by',
  'uploaded_at',
] as const;

/** `CaseStore` on Kysely; every write commits with its history and audit entries, or not at all. */
export function kyselyCaseStore(
  db: Kysely<Database>,
  clock: Clock,
  sha256: (text: string) => string,
): CaseStore {
  const eventsOf = async (ids: readonly string[]) => {
    if (ids.length === 0) return new Map<string, string[]>();
    const rows = await db
      .selectFrom('case_event')
      .select(['case_id', 'event'])
      .where('case_id', 'in', ids)
      .orderBy('case_id')
      .orderBy('version')
      .execute();
    const map = new Map<string, string[]>();
    for (const row of rows) map.set(row.case_id, [...(map.get(row.case_id) ?? []), row.event]);
    return map;
  };

  return {
    async create(record, audit) {
      const c = record.licenceCase;
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('licence_case')
          .values({
            id: c.id,
            reference: c.reference,
            jurisdiction: c.jurisdiction,
            exporter_organisation_id: c.exporterOrganisationId,
            stage: c.stage,
            queue: c.queue ?? null,
            version: c.version,
            state: JSON.stringify(c),
            application: JSON.stringify(record.application),
            assessment: record.assessment ? JSON.stringify(record.assessment) : null,
            routing: record.routing ? JSON.stringify(record.routing) : null,
            created_at: c.createdAt,
            updated_at: c.createdAt,
          })
          .execute();
        await appendAuditEntry(trx, audit, clock.now(), sha256);
      });
    },
    async get(id) {
      const row = await db
        .selectFrom('licence_case')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      if (row === undefined) return undefined;
      return toRecord(row, (await eventsOf([id])).get(id) ?? []);
    },
    async list(filter) {
      let query = db.selectFrom('licence_case').selectAll().orderBy('created_at', 'desc');
      if (filter.organisationId !== undefined) {
        query = query.where('exporter_organisation_id', '=', filter.organisationId);
      }
      if (filter.stage !== undefined) query = query.where('stage', '=', filter.stage);
      if (filter.queue !== undefined) query = query.where('queue', '=', filter.queue);
      const rows = await query.execute();
      const events = await eventsOf(rows.map((r) => r.id));
      return rows.map((row) => toRecord(row, events.get(row.id) ?? []));
    },
    async save(record, expectedVersion, newEvents, audit, notifications = []) {
      const c = record.licenceCase;
      return db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('licence_case')
          .set({
            stage: c.stage,
            queue: c.queue ?? null,
            version: c.version,
            state: JSON.stringify(c),
            application: JSON.stringify(record.application),
            assessment: record.assessment ? JSON.stringify(record.assessment) : null,
            routing: record.routing ? JSON.stringify(record.routing) : null,
            updated_at: clock.now(),
          })
          .where('id', '=', c.id)
          .where('version', '=', expectedVersion)
          .executeTakeFirst();
        if (updated.numUpdatedRows !== 1n) return false;
        for (const event of newEvents) {
          await trx
            .insertInto('case_event')
            .values({ case_id: c.id, version: event.version, event: JSON.stringify(event) })
            .execute();
        }
        for (const event of audit) await appendAuditEntry(trx, event, clock.now(), sha256);
        await insertNotifications(trx, notifications);
        return true;
      });
    },
    async nextReference(jurisdiction, year) {
      const prefix = `${jurisdiction}-${String(year)}`;
      const row = await db
        .insertInto('case_reference_counter')
        .values({ prefix, last: 1 })
        .onConflict((oc) =>
          oc.column('prefix').doUpdateSet({ last: sql`case_reference_counter.last + 1` }),
        )
        .returning('last')
        .executeTakeFirstOrThrow();
      return `${prefix}-${String(row.last).padStart(5, '0')}`;
    },
    async addDocument(document, audit) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('case_document')
          .values({
            code: document.code,
            case_id: document.caseId,
            case_reference: document.caseReference,
            kind: document.kind,
            issued_at: document.issuedAt,
            sha256: document.sha256,
            pdf: document.pdf,
          })
          .execute();
        await appendAuditEntry(trx, audit, clock.now(), sha256);
      });
    },
    async findDocument(code) {
      const row = await db
        .selectFrom('case_document')
        .selectAll()
        .where('code', '=', code)
        .executeTakeFirst();
      return (
        row && {
          code: row.code,
          caseId: row.case_id,
          caseReference: row.case_reference,
          kind: row.kind as 'licence' | 'refusal-letter' | 'no-licence-required',
          issuedAt: row.issued_at,
          sha256: row.sha256,
          pdf: new Uint8Array(row.pdf),
        }
      );
    },
    async addAlerts(alerts, audit) {
      if (alerts.length === 0) return;
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('case_alert')
          .values(
            alerts.map((a) => ({
              id: a.id,
              case_id: a.caseId,
              raised_at: a.raisedAt,
              alert: JSON.stringify(a),
            })),
          )
          .execute();
        for (const event of audit) await appendAuditEntry(trx, event, clock.now(), sha256);
      });
    },
    async alerts(caseId) {
      let query = db.selectFrom('case_alert').select('alert').orderBy('raised_at', 'desc');
      if (caseId !== undefined) query = query.where('case_id', '=', caseId);
      return (await query.execute()).map((row) => JSON.parse(row.alert, reviveDates) as CaseAlert);
    },
    async documentsOf(caseId) {
      const rows = await db
        .selectFrom('case_document')
        .select(['code', 'case_id', 'case_reference', 'kind', 'issued_at', 'sha256'])
        .where('case_id', '=', caseId)
        .orderBy('issued_at')
        .execute();
      return rows.map((row) => ({
        code: row.code,
        caseId: row.case_id,
        caseReference: row.case_reference,
        kind: row.kind as 'licence' | 'refusal-letter' | 'no-licence-required',
        issuedAt: row.issued_at,
        sha256: row.sha256,
      }));
    },
    async addAttachment(attachment, content, audit) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('case_attachment')
          .values({
            id: attachment.id,
            case_id: attachment.caseId,
            category: attachment.category,
            file_name: attachment.fileName,
            kind: attachment.kind,
            media_type: attachment.mediaType,
            size_bytes: attachment.sizeBytes,
            sha256: attachment.sha256,
            description: attachment.description ?? null,
            uploaded_by: attachment.uploadedBy,
            uploaded_at: attachment.uploadedAt,
            content,
          })
          .execute();
        await appendAuditEntry(trx, audit, clock.now(), sha256);
      });
    },
    async attachmentsOf(caseId) {
      const rows = await db
        .selectFrom('case_attachment')
        .select(attachmentColumns)
        .where('case_id', '=', caseId)
        .orderBy('uploaded_at')
        .orderBy('id')
        .execute();
      return rows.map(attachmentOf);
    },
    async findAttachment(caseId, attachmentId) {
      const row = await db
        .selectFrom('case_attachment')
        .selectAll()
        .where('case_id', '=', caseId)
        .where('id', '=', attachmentId)
        .executeTakeFirst();
      return row && { attachment: attachmentOf(row), content: new Uint8Array(row.content) };
    },
  };
}
