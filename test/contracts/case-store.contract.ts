import { expect, it } from 'vitest';
import type { AuditLog } from '../../src/application/ports/audit-log.ts';
import { verifyAuditTrail } from '../../src/application/audit/verify-audit.ts';
import type { CaseStore } from '../../src/application/ports/case-store.ts';
import { applyCaseCommand, draftCase } from '../../src/domain/licensing/case-transitions.ts';
import { fixedClock } from '../fakes/fixed-clock.ts';
import { testSha256 } from '../fakes/in-memory-audit-log.ts';

/** An empty case store and the audit log it appends to. */
export interface CaseStoreUnderTest {
  readonly store: CaseStore;
  readonly auditLog: AuditLog;
}

export const caseStoreClock = fixedClock('2026-11-29T10:00:00Z');
const clock = caseStoreClock;
const audit = { actor: 'user:t', action: 'cases.test', objectType: 'case', objectId: 'c1' };

const draft = () =>
  draftCase({
    id: 'c1',
    reference: 'GB-2026-00001',
    jurisdiction: 'GB',
    exporterOrganisationId: 'org-x',
    now: clock.now(),
  });

/** What every `CaseStore` must do, run on the fake and on each database engine. */
export function caseStoreContract(open: () => Promise<CaseStoreUnderTest>): void {
  it('keeps a case, its dates and its application exactly, and numbers references per jurisdiction and year', async () => {
    const { store } = await open();
    await store.create(
      { licenceCase: draft(), application: { endUse: 'Überwachung 监控', n: 1 }, history: [] },
      audit,
    );
    const back = await store.get('c1');
    expect(back?.licenceCase).toEqual(draft());
    expect(back?.application).toEqual({ endUse: 'Überwachung 监控', n: 1 });
    expect(await store.nextReference('GB', 2026)).toBe('GB-2026-00001');
    expect(await store.nextReference('GB', 2026)).toBe('GB-2026-00002');
    expect(await store.nextReference('NO', 2026)).toBe('NO-2026-00001');
  });

  it('saves a transition only on the expected version, with its history and audit entry in one go', async () => {
    const { store, auditLog } = await open();
    await store.create({ licenceCase: draft(), application: {}, history: [] }, audit);
    const next = applyCaseCommand(
      draft(),
      { kind: 'submit' },
      { userId: 'u', role: 'exporter' },
      clock.now(),
    );
    if (!next.ok) throw new Error(next.error.message);
    const event = {
      version: 2,
      at: clock.now(),
      actor: 'u',
      role: 'exporter',
      action: 'submit',
      fromStage: 'draft' as const,
      toStage: 'submitted' as const,
    };
    const record = { licenceCase: next.value, application: {}, history: [event] };
    expect(await store.save(record, 1, [event], [audit])).toBe(true);
    expect(await store.save(record, 1, [event], [audit])).toBe(false);
    const back = await store.get('c1');
    expect(back?.licenceCase.stage).toBe('submitted');
    expect(back?.history).toEqual([event]);
    expect(await verifyAuditTrail(auditLog, testSha256)).toMatchObject({
      intact: true,
      entries: 2,
    });
  });

  it('stores documents byte for byte and alerts per case', async () => {
    const { store } = await open();
    await store.create({ licenceCase: draft(), application: {}, history: [] }, audit);
    const pdf = new Uint8Array([37, 80, 68, 70, 45, 0, 255, 10]);
    await store.addDocument(
      {
        code: 'CODE1',
        caseId: 'c1',
        caseReference: 'GB-2026-00001',
        kind: 'refusal-letter',
        issuedAt: clock.now(),
        sha256: 'h',
        pdf,
      },
      audit,
    );
    expect((await store.findDocument('CODE1'))?.pdf).toEqual(pdf);
    expect((await store.documentsOf('c1')).map((d) => d.code)).toEqual(['CODE1']);
    const alert = {
      id: 'a1',
      caseId: 'c1',
      caseReference: 'GB-2026-00001',
      raisedAt: clock.now(),
      party: { role: 'end-user', name: 'X' },
      match: {
        entityId: 'e',
        source: 's',
        name: 'X',
        matchedName: 'X',
        score: 1,
        band: 'strong',
        explanation: '',
      },
      snapshotId: 'snap',
    };
    await store.addAlerts([alert], [audit]);
    expect(await store.alerts('c1')).toEqual([alert]);
    expect(await store.alerts()).toHaveLength(1);
  });

  it('stores attachments byte for byte with their audit entry, per case, oldest first', async () => {
    const { store, auditLog } = await open();
    await store.create({ licenceCase: draft(), application: {}, history: [] }, audit);
    const content = new Uint8Array([37, 80, 68, 70, 45, 0, 255, 10, 13, 0]);
    const attachment = (id: string, minutes: number) => ({
      id,
      caseId: 'c1',
      category: 'end-user-undertaking' as const,
      fileName: 'Überwachung-undertaking.pdf',
      kind: 'pdf' as const,
      mediaType: 'application/pdf',
      sizeBytes: content.length,
      sha256: 'abc',
      uploadedBy: 'exa',
      uploadedAt: new Date(clock.now().getTime() + minutes * 60_000),
    });
    await store.addAttachment(attachment('att-2', 5), content, audit);
    await store.addAttachment(
      { ...attachment('att-1', 1), description: 'Signed by the end user' },
      new Uint8Array([1]),
      audit,
    );
    expect((await store.attachmentsOf('c1')).map((a) => a.id)).toEqual(['att-1', 'att-2']);
    expect(await store.findAttachment('c1', 'att-2')).toEqual({
      attachment: attachment('att-2', 5),
      content,
    });
    expect((await store.attachmentsOf('c1'))[0]?.description).toBe('Signed by the end user');
    expect(await store.findAttachment('other-case', 'att-2')).toBeUndefined();
    expect(await verifyAuditTrail(auditLog, testSha256)).toMatchObject({
      intact: true,
      entries: 3,
    });
  });

  it('refuses an attachment of a case that does not exist, leaving no audit entry', async () => {
    const { store, auditLog } = await open();
    await expect(
      store.addAttachment(
        {
          id: 'att-x',
          caseId: 'no-such-case',
          category: 'other',
          fileName: 'x.txt',
          kind: 'text',
          mediaType: 'text/plain; charset=utf-8',
          sizeBytes: 1,
          sha256: 'h',
          uploadedBy: 'u',
          uploadedAt: clock.now(),
        },
        new Uint8Array([97]),
        audit,
      ),
    ).rejects.toThrow();
    expect(await auditLog.entries()).toEqual([]);
  });
}
