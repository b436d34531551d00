import type { CaseStore } from '../../application/ports/case-store.ts';
import type { LiveEventPublisher } from '../../application/ports/live-events.ts';
import type { LiveEvent } from '../../domain/notifications/live-event.ts';

/**
 * The case store, telling every instance after each committed change: `case-changed` with the new
 * version, and one `notification` event per notification the change wrote. A failure to publish
 * never undoes the change: it is reported, and browsers catch up when they next read.
 */
export function publishingCaseStore(
  store: CaseStore,
  publisher: LiveEventPublisher,
  onProblem: (message: string) => void = () => undefined,
): CaseStore {
  const publish = (events: readonly LiveEvent[]) =>
    publisher.publish(events).catch((error: unknown) => {
      onProblem(`live events not published: ${String(error)}`);
    });
  return {
    ...store,
    async create(record, audit) {
      await store.create(record, audit);
      const c = record.licenceCase;
      await publish([
        {
          kind: 'case-changed',
          caseId: c.id,
          version: c.version,
          organisationId: c.exporterOrganisationId,
        },
      ]);
    },
    async save(record, expectedVersion, newEvents, audit, notifications = []) {
      const saved = await store.save(record, expectedVersion, newEvents, audit, notifications);
      if (!saved) return false;
      const c = record.licenceCase;
      await publish([
        {
          kind: 'case-changed',
          caseId: c.id,
          version: c.version,
          organisationId: c.exporterOrganisationId,
        },
        ...notifications.map((n): LiveEvent => ({
          kind: 'notification',
          notificationId: n.id,
          caseId: n.caseId,
          recipient: n.recipient,
        })),
      ]);
      return true;
    },
  };
}
