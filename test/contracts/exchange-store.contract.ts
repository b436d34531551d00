import { describe, expect, it } from 'vitest';
import type {
  Consultation,
  DenialRecord,
  ExchangeStore,
  StoredMessage,
  ThreatAlert,
} from '../../src/application/ports/exchange-store.ts';
import type {
  DenialNotificationBody,
  MessageHeader,
  ThreatAlertBody,
} from '../../src/domain/exchange/exchange-message.ts';
import type { ChainPosition } from '../../src/domain/exchange/message-chain.ts';

const audit = { actor: 'test', action: 'test', objectType: 'exchange', objectId: 'test' };
const at = (iso: string) => new Date(iso);
const hex = (c: string) => c.repeat(64);

const key = (kid: string, validUntil?: Date) => ({
  kid,
  publicJwk: { kty: 'OKP', crv: 'Ed25519', x: `${kid}-x` },
  ...(validUntil === undefined ? {} : { validUntil }),
});

const header = (
  sender: string,
  position: ChainPosition,
  kind: MessageHeader['kind'] = 'denial-notification',
): MessageHeader => ({
  v: 1,
  sender,
  sequence: position.lastSequence + 1,
  previousHash: position.lastHash,
  issuedAt: '2026-11-30T09:00:00.000Z',
  kind,
  recipients: 'all',
  bodyHash: hex('b'),
});

/** A signed message as publishing builds it; its hash is derived from the sequence (for the test). */
const message = (sender: string, position: ChainPosition, body?: unknown): StoredMessage => {
  const h = header(sender, position);
  return {
    header: h,
    hash: hex(String(h.sequence % 10)),
    jws: `jws-${sender}-${String(h.sequence)}`,
    ...(body === undefined ? {} : { body }),
  };
};

const denialBody = (reference: string): DenialNotificationBody => ({
  reference,
  deniedOn: '2026-11-20',
  controlEntries: ['5A001.j'],
  itemDescription: 'IP network surveillance system',
  destination: 'CN',
  endUse: 'Monitoring of internet users',
  parties: [{ role: 'end-user', name: 'Xinjiang Lianhai Chuangzhi', aliases: ['联海创智'] }],
  criteria: [{ code: 'CRITERION-HR', reason: 'internal repression' }],
  reviewBy: '2029-11-20',
});

const denial = (overrides: Partial<DenialRecord> = {}): DenialRecord => ({
  sender: 'US-BIS',
  reference: 'US-1',
  denial: denialBody(overrides.reference ?? 'US-1'),
  status: 'active',
  updatedAt: at('2026-11-30T10:00:00.000Z'),
  ...overrides,
});

const consultation = (overrides: Partial<Consultation> = {}): Consultation => ({
  id: 'case-1~US-BIS~US-1',
  direction: 'outgoing',
  partnerId: 'US-BIS',
  denialReference: 'US-1',
  caseId: 'case-1',
  caseReference: 'GB-2026-1',
  status: 'to-request',
  createdAt: at('2026-11-30T10:00:00.000Z'),
  updatedAt: at('2026-11-30T10:00:00.000Z'),
  ...overrides,
});

const alertBody = (alertId: string): ThreatAlertBody => ({
  alertId,
  subject: 'end-user',
  title: 'Surveillance end user',
  description: 'Buys interception kit through front companies.',
  parties: [{ role: 'end-user', name: 'Tianshan Netguard Bureau', country: 'CN' }],
  countries: ['CN'],
});

const alert = (overrides: Partial<ThreatAlert> & { readonly alertId?: string } = {}) => {
  const { alertId = 'A-1', ...rest } = overrides;
  const value: ThreatAlert = {
    sender: 'US-BIS',
    alert: alertBody(alertId),
    receivedAt: at('2026-11-30T10:00:00.000Z'),
    status: 'active',
    message: {
      id: 'US-BIS/4',
      sequence: 4,
      hash: hex('c'),
      issuedAt: '2026-11-30T09:00:00.000Z',
      keyId: 'us-key-1',
    },
    ...rest,
  };
  return value;
};

/**
 * The behaviour every `ExchangeStore` must have, run against the in-memory fake, PGlite and
 * PostgreSQL. `open` gives a fresh, empty store.
 */
export function exchangeStoreContract(open: () => Promise<ExchangeStore>): void {
  describe('ExchangeStore contract', () => {
    it('registers partners by id, pins their keys, and keeps every key of a rotation', async () => {
      const store = await open();
      expect(await store.partners()).toEqual([]);
      await store.savePartner({ id: 'US-BIS', url: 'http://us.test' }, key('us-1'), audit);
      await store.savePartner({ id: 'GB-ECJU', url: 'http://gb.test' }, key('gb-1'), audit);
      await store.savePartner(
        { id: 'US-BIS', url: 'https://us.test' },
        key('us-2', at('2027-01-01T00:00:00.000Z')),
        audit,
      );
      expect((await store.partners()).map((p) => p.id)).toEqual(['GB-ECJU', 'US-BIS']);
      const us = await store.partner('US-BIS');
      expect(us).toMatchObject({
        id: 'US-BIS',
        url: 'https://us.test',
        position: { lastSequence: 0, lastHash: null },
      });
      expect([...(us?.keys ?? [])].sort((a, b) => a.kid.localeCompare(b.kid))).toEqual([
        key('us-1'),
        key('us-2', at('2027-01-01T00:00:00.000Z')),
      ]);
      expect(us?.addedAt).toBeInstanceOf(Date);
      expect(await store.partner('NO-DEXU')).toBeUndefined();
    });

    it('pins a key again with its new end of validity rather than twice', async () => {
      const store = await open();
      await store.savePartner({ id: 'US-BIS', url: 'http://us.test' }, key('us-1'), audit);
      await store.savePartner(
        { id: 'US-BIS', url: 'http://us.test' },
        key('us-1', at('2026-12-31T00:00:00.000Z')),
        audit,
      );
      expect((await store.partner('US-BIS'))?.keys).toEqual([
        key('us-1', at('2026-12-31T00:00:00.000Z')),
      ]);
    });

    it('records the last sync of a partner and clears its error once a sync succeeds', async () => {
      const store = await open();
      await store.savePartner({ id: 'US-BIS', url: 'http://us.test' }, key('us-1'), audit);
      await store.recordSync('US-BIS', at('2026-11-30T11:00:00.000Z'), 'connection refused');
      expect(await store.partner('US-BIS')).toMatchObject({
        lastSyncAt: at('2026-11-30T11:00:00.000Z'),
        lastSyncError: 'connection refused',
      });
      await store.recordSync('US-BIS', at('2026-11-30T12:00:00.000Z'), undefined);
      const synced = await store.partner('US-BIS');
      expect(synced?.lastSyncAt).toEqual(at('2026-11-30T12:00:00.000Z'));
      expect(synced?.lastSyncError).toBeUndefined();
    });

    it('appends our messages on one chain and serves them after a sequence number, in order', async () => {
      const store = await open();
      const positions: ChainPosition[] = [];
      for (const reference of ['US-1', 'US-2', 'US-3']) {
        await store.appendOutgoing((position) => {
          positions.push(position);
          return Promise.resolve(message('US-BIS', position, denialBody(reference)));
        }, audit);
      }
      expect(positions).toEqual([
        { lastSequence: 0, lastHash: null },
        { lastSequence: 1, lastHash: hex('1') },
        { lastSequence: 2, lastHash: hex('2') },
      ]);
      const all = await store.outgoing(0, 10);
      expect(all.map((m) => m.header.sequence)).toEqual([1, 2, 3]);
      expect(all[1]).toEqual(
        message('US-BIS', { lastSequence: 1, lastHash: hex('1') }, denialBody('US-2')),
      );
      expect((await store.outgoing(1, 1)).map((m) => m.header.sequence)).toEqual([2]);
      expect(await store.outgoing(3, 10)).toEqual([]);
    });

    it('gives two concurrent publications different sequence numbers', async () => {
      const store = await open();
      const publish = () =>
        store.appendOutgoing(
          (position) => Promise.resolve(message('US-BIS', position, { n: 1 })),
          audit,
        );
      await Promise.all([publish(), publish(), publish()]);
      expect((await store.outgoing(0, 10)).map((m) => m.header.sequence)).toEqual([1, 2, 3]);
    });

    it("accepts a partner's message and advances our position in its chain", async () => {
      const store = await open();
      await store.savePartner({ id: 'US-BIS', url: 'http://us.test' }, key('us-1'), audit);
      const first = message('US-BIS', { lastSequence: 0, lastHash: null }, denialBody('US-1'));
      await store.accept('US-BIS', first, at('2026-11-30T10:00:00.000Z'));
      // A message addressed to others arrives without its body.
      const second = message('US-BIS', { lastSequence: 1, lastHash: first.hash });
      await store.accept('US-BIS', second, at('2026-11-30T10:00:01.000Z'));
      expect((await store.partner('US-BIS'))?.position).toEqual({
        lastSequence: 2,
        lastHash: second.hash,
        lastIssuedAt: second.header.issuedAt,
      });
    });

    it('records rejected messages with their reason, newest first', async () => {
      const store = await open();
      await store.reject({
        partnerId: 'US-BIS',
        sequence: 3,
        reason: 'replayed',
        detail: 'sequence 3 was already received',
        jws: 'jws-3',
        receivedAt: at('2026-11-30T10:00:00.000Z'),
      });
      await store.reject({
        partnerId: 'US-BIS',
        reason: 'bad-signature',
        detail: 'no pinned key verifies it',
        jws: 'jws-x',
        receivedAt: at('2026-11-30T10:00:01.000Z'),
      });
      expect(await store.rejected(10)).toEqual([
        {
          partnerId: 'US-BIS',
          reason: 'bad-signature',
          detail: 'no pinned key verifies it',
          jws: 'jws-x',
          receivedAt: at('2026-11-30T10:00:01.000Z'),
        },
        {
          partnerId: 'US-BIS',
          sequence: 3,
          reason: 'replayed',
          detail: 'sequence 3 was already received',
          jws: 'jws-3',
          receivedAt: at('2026-11-30T10:00:00.000Z'),
        },
      ]);
      expect(await store.rejected(1)).toHaveLength(1);
    });

    it('keeps one record per denial, replaced by an amendment or revocation, newest first', async () => {
      const store = await open();
      const ours = denial({
        sender: 'GB-ECJU',
        reference: 'GB-1',
        caseId: 'case-7',
        recipients: ['US-BIS'],
        updatedAt: at('2026-11-30T09:00:00.000Z'),
      });
      await store.saveDenial(ours);
      await store.saveDenial(denial());
      expect(await store.denial('GB-ECJU', 'GB-1')).toEqual(ours);
      expect(await store.denial('US-BIS', 'GB-1')).toBeUndefined();

      const amended = denial({
        denial: { ...denialBody('US-1'), destination: 'AE' },
        updatedAt: at('2026-11-30T11:00:00.000Z'),
      });
      await store.saveDenial(amended);
      expect(await store.denial('US-BIS', 'US-1')).toEqual(amended);
      await store.saveDenial({
        ...amended,
        status: 'revoked',
        updatedAt: at('2026-11-30T12:00:00.000Z'),
      });

      expect((await store.denials({})).map((d) => [d.reference, d.status])).toEqual([
        ['US-1', 'revoked'],
        ['GB-1', 'active'],
      ]);
      expect((await store.denials({ status: 'active' })).map((d) => d.reference)).toEqual(['GB-1']);
      expect((await store.denials({ sender: 'US-BIS' })).map((d) => d.reference)).toEqual(['US-1']);
    });

    it('keeps consultations with their dates, found by case, partner and denial', async () => {
      const store = await open();
      const outgoing = consultation({
        match: {
          sender: 'US-BIS',
          reference: 'US-1',
          party: {
            applicationName: '新疆联海创智',
            deniedName: 'Xinjiang Lianhai Chuangzhi',
            role: 'end-user',
            score: 0.97,
          },
          sameDestination: true,
          sharedControlEntries: ['5A001.j'],
          itemOverlap: 0.5,
          essentiallyIdentical: true,
          because: 'same party, destination and goods',
        },
      });
      const incoming = consultation({
        id: 'case-9~GB-ECJU~GB-1',
        direction: 'incoming',
        partnerId: 'NO-DEXU',
        denialReference: 'GB-1',
        caseReference: 'NO-2026-4',
        status: 'awaiting-response',
        request: { text: 'Do you maintain it?', sequence: 5, at: at('2026-11-30T10:30:00.000Z') },
        updatedAt: at('2026-11-30T10:30:00.000Z'),
      });
      const { caseId: _none, ...incomingWithoutCase } = incoming;
      await store.saveConsultation(outgoing);
      await store.saveConsultation(incomingWithoutCase);
      expect(await store.consultation(outgoing.id)).toEqual(outgoing);
      expect(await store.consultation('nothing')).toBeUndefined();

      const answered: Consultation = {
        ...outgoing,
        status: 'answered',
        response: {
          position: 'no-objection',
          text: 'No objection.',
          sequence: 8,
          at: at('2026-11-30T11:00:00.000Z'),
        },
        updatedAt: at('2026-11-30T11:00:00.000Z'),
      };
      await store.saveConsultation(answered);
      expect(await store.consultation(outgoing.id)).toEqual(answered);
      expect((await store.consultations({})).map((c) => c.id)).toEqual([outgoing.id, incoming.id]);
      expect(await store.consultations({ caseId: 'case-1' })).toEqual([answered]);
      expect((await store.consultations({ partnerId: 'NO-DEXU' })).map((c) => c.id)).toEqual([
        incoming.id,
      ]);
      expect(
        (await store.consultations({ partnerId: 'US-BIS', denialReference: 'GB-1' })).map(
          (c) => c.id,
        ),
      ).toEqual([]);
    });

    it('keeps one record per alert, withdrawn in place, newest first and filtered by status', async () => {
      const store = await open();
      const first = alert();
      const ours: ThreatAlert = {
        sender: 'GB-ECJU',
        alert: alertBody('G-1'),
        receivedAt: at('2026-11-30T11:00:00.000Z'),
        status: 'active',
      };
      await store.saveAlert(first);
      await store.saveAlert(ours);
      expect(await store.alert('US-BIS', 'A-1')).toEqual(first);
      expect(await store.alert('US-BIS', 'G-1')).toBeUndefined();
      expect((await store.alerts()).map((a) => a.alert.alertId)).toEqual(['G-1', 'A-1']);

      const withdrawn: ThreatAlert = {
        ...first,
        status: 'withdrawn',
        withdrawal: { reason: 'Resolved.', at: '2026-11-30T12:00:00.000Z', messageId: 'US-BIS/9' },
      };
      await store.saveAlert(withdrawn);
      expect(await store.alert('US-BIS', 'A-1')).toEqual(withdrawn);
      expect(await store.alerts()).toHaveLength(2);
      expect((await store.alerts({ status: 'active' })).map((a) => a.alert.alertId)).toEqual([
        'G-1',
      ]);
      expect(await store.alerts({ status: 'withdrawn' })).toEqual([withdrawn]);
    });

    it('moves the alerts version with every alert saved, new or withdrawn, and only then', async () => {
      const store = await open();
      const empty = await store.alertsVersion();
      expect(await store.alertsVersion()).toBe(empty);
      await store.saveAlert(alert());
      const one = await store.alertsVersion();
      expect(one).not.toBe(empty);
      expect(await store.alertsVersion()).toBe(one);
      await store.saveAlert({ ...alert(), status: 'withdrawn' });
      const withdrawn = await store.alertsVersion();
      expect([empty, one]).not.toContain(withdrawn);
      await store.saveAlert(alert({ alertId: 'A-2' }));
      expect([empty, one, withdrawn]).not.toContain(await store.alertsVersion());
    });
  });
}
