import type { AuditLog } from '../../src/application/ports/audit-log.ts';
import type {
  CaseAlert,
  CaseAttachment,
  CaseDocument,
  CaseRecord,
  CaseStore,
} from '../../src/application/ports/case-store.ts';
import type { NotificationStore } from '../../src/application/ports/notification-store.ts';

/**
 * `CaseStore` in memory, appending audit events to the given log and a change's notifications to
 * the given notification store (dropped without one).
 */
export function inMemoryCaseStore(audit: AuditLog, notices?: NotificationStore): CaseStore {
  const cases = new Map<string, CaseRecord>();
  const documents = new Map<string, CaseDocument>();
  const counters = new Map<string, number>();
  const alerts: CaseAlert[] = [];
  const attachments: { attachment: CaseAttachment; content: Uint8Array }[] = [];
  return {
    async create(record, event) {
      cases.set(record.licenceCase.id, record);
      await audit.append(event);
    },
    get: (id) => Promise.resolve(cases.get(id)),
    list: (filter) =>
      Promise.resolve(
        [...cases.values()]
          .filter(
            (r) =>
              (filter.organisationId === undefined ||
                r.licenceCase.exporterOrganisationId === filter.organisationId) &&
              (filter.stage === undefined || r.licenceCase.stage === filter.stage) &&
              (filter.queue === undefined || r.licenceCase.queue === filter.queue),
          )
          .reverse(),
      ),
    async save(record, expectedVersion, _events, events, notifications = []) {
      const current = cases.get(record.licenceCase.id);
      if (current?.licenceCase.version !== expectedVersion) return false;
      cases.set(record.licenceCase.id, record);
      for (const event of events) await audit.append(event);
      await notices?.add(notifications);
      return true;
    },
    nextReference(jurisdiction, year) {
      const prefix = `${jurisdiction}-${String(year)}`;
      const next = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, next);
      return Promise.resolve(`${prefix}-${String(next).padStart(5, '0')}`);
    },
    async addDocument(document, event) {
      documents.set(document.code, document);
      await audit.append(event);
    },
    async addAlerts(newAlerts, events) {
      alerts.unshift(...newAlerts);
      for (const event of events) await audit.append(event);
    },
    alerts: (caseId) =>
      Promise.resolve(alerts.filter((a) => caseId === undefined || a.caseId === caseId)),
    findDocument: (code) => Promise.resolve(documents.get(code)),
    documentsOf: (caseId) =>
      Promise.resolve([...documents.values()].filter((d) => d.caseId === caseId)),
    async addAttachment(attachment, content, event) {
      if (!cases.has(attachment.caseId)) {
        throw new Error(`no case ${attachment.caseId} to attach ${attachment.id} to`);
      }
      attachments.push({ attachment, content: new Uint8Array(content) });
      await audit.append(event);
    },
    attachmentsOf: (caseId) =>
      Promise.resolve(
        attachments
          .filter((a) => a.attachment.caseId === caseId)
          .map((a) => a.attachment)
          .sort((a, b) => a.uploadedAt.getTime() - b.uploadedAt.getTime()),
      ),
    findAttachment: (caseId, attachmentId) =>
      Promise.resolve(
        attachments.find((a) => a.attachment.caseId === caseId && a.attachment.id === attachmentId),
      ),
  };
}
