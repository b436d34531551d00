import type {
  Consultation,
  DenialRecord,
  ExchangeStore,
  Partner,
  RejectedMessage,
  StoredMessage,
  ThreatAlert,
} from '../../src/application/ports/exchange-store.ts';
import type { PinnedKey } from '../../src/application/ports/message-signer.ts';

/** `ExchangeStore` in memory (audit events are dropped). */
export function inMemoryExchangeStore(now: () => Date = () => new Date(0)): ExchangeStore & {
  readonly inbox: StoredMessage[];
} {
  const partners = new Map<string, Partner>();
  const keys = new Map<string, PinnedKey[]>();
  const outbox: StoredMessage[] = [];
  const inbox: StoredMessage[] = [];
  const rejected: RejectedMessage[] = [];
  const denials = new Map<string, DenialRecord>();
  const consultations = new Map<string, Consultation>();
  const alerts = new Map<string, ThreatAlert>();
  let alertSaves = 0;
  let publishing: Promise<unknown> = Promise.resolve();
  const withKeys = (p: Partner): Partner => ({ ...p, keys: keys.get(p.id) ?? [] });
  return {
    inbox,
    savePartner(partner, key) {
      const existing = partners.get(partner.id);
      partners.set(partner.id, {
        id: partner.id,
        url: partner.url,
        keys: [],
        position: existing?.position ?? { lastSequence: 0, lastHash: null },
        addedAt: existing?.addedAt ?? now(),
      });
      if (key !== undefined) {
        keys.set(partner.id, [
          ...(keys.get(partner.id) ?? []).filter((k) => k.kid !== key.kid),
          key,
        ]);
      }
      return Promise.resolve();
    },
    partners: () =>
      Promise.resolve(
        [...partners.values()]
          .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
          .map(withKeys),
      ),
    partner: (id) => {
      const p = partners.get(id);
      return Promise.resolve(p && withKeys(p));
    },
    recordSync(partnerId, at, error) {
      const p = partners.get(partnerId);
      if (p) {
        const { lastSyncError: _dropped, ...rest } = p;
        partners.set(partnerId, {
          ...rest,
          lastSyncAt: at,
          ...(error === undefined ? {} : { lastSyncError: error }),
        });
      }
      return Promise.resolve();
    },
    appendOutgoing(build) {
      // One publication at a time, as the database's lock on the outbox makes it.
      const appended = publishing.then(async () => {
        const last = outbox.at(-1);
        const message = await build(
          last
            ? { lastSequence: last.header.sequence, lastHash: last.hash }
            : { lastSequence: 0, lastHash: null },
        );
        outbox.push(message);
        return message;
      });
      publishing = appended.catch(() => undefined);
      return appended;
    },
    outgoing: (after, limit) =>
      Promise.resolve(outbox.filter((m) => m.header.sequence > after).slice(0, limit)),
    accept(partnerId, message) {
      inbox.push(message);
      const p = partners.get(partnerId);
      if (p)
        partners.set(partnerId, {
          ...p,
          position: {
            lastSequence: message.header.sequence,
            lastHash: message.hash,
            lastIssuedAt: message.header.issuedAt,
          },
        });
      return Promise.resolve();
    },
    reject(r) {
      rejected.push(r);
      return Promise.resolve();
    },
    rejected: (limit) => Promise.resolve([...rejected].reverse().slice(0, limit)),
    saveDenial(d) {
      denials.set(`${d.sender}/${d.reference}`, d);
      return Promise.resolve();
    },
    denial: (sender, reference) => Promise.resolve(denials.get(`${sender}/${reference}`)),
    denials: (filter) =>
      Promise.resolve(
        [...denials.values()]
          .filter(
            (d) =>
              (filter.status === undefined || d.status === filter.status) &&
              (filter.sender === undefined || d.sender === filter.sender),
          )
          .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime()),
      ),
    saveConsultation(c) {
      consultations.set(c.id, c);
      return Promise.resolve();
    },
    consultation: (id) => Promise.resolve(consultations.get(id)),
    consultations: (filter) =>
      Promise.resolve(
        [...consultations.values()]
          .filter(
            (c) =>
              (filter.caseId === undefined || c.caseId === filter.caseId) &&
              (filter.partnerId === undefined || c.partnerId === filter.partnerId) &&
              (filter.denialReference === undefined ||
                c.denialReference === filter.denialReference),
          )
          .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime()),
      ),
    saveAlert(a) {
      alerts.set(`${a.sender}/${a.alert.alertId}`, a);
      alertSaves += 1;
      return Promise.resolve();
    },
    alert: (sender, alertId) => Promise.resolve(alerts.get(`${sender}/${alertId}`)),
    alerts: (filter = {}) =>
      Promise.resolve(
        [...alerts.values()]
          .filter((a) => filter.status === undefined || a.status === filter.status)
          .sort(
            (a, b) =>
              b.receivedAt.getTime() - a.receivedAt.getTime() ||
              (a.sender < b.sender ? -1 : a.sender > b.sender ? 1 : 0) ||
              (a.alert.alertId < b.alert.alertId ? -1 : a.alert.alertId > b.alert.alertId ? 1 : 0),
          ),
      ),
    alertsVersion: () => Promise.resolve(String(alertSaves)),
  };
}
