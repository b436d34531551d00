import { expect, it } from 'vitest';
import type { AuditLog } from '../../src/application/ports/audit-log.ts';
import type { PublicConsultationStore } from '../../src/application/ports/public-consultation-store.ts';
import type {
  PublicConsultation,
  PublicConsultationComment,
} from '../../src/domain/public-consultation/public-consultation.ts';
import { fixedClock } from '../fakes/fixed-clock.ts';

export const publicConsultationStoreClock = fixedClock('2026-12-07T09:00:00Z');

const at = (iso: string) => new Date(iso);
const event = (action: string, objectId = 'pc-1') => ({
  actor: 'user:cas',
  action,
  objectType: 'public-consultation',
  objectId,
});

const consultation = (id: string, opensAt: string): PublicConsultation => ({
  id,
  title: `Consultation ${id}`,
  summary: 'Summary',
  authority: 'GB',
  subject: { kind: 'proposal', proposalId: 'prop-1', version: 2, title: 'P', authority: 'NL' },
  opensAt: at(opensAt),
  closesAt: at('2027-01-07T09:00:00Z'),
  openedBy: { actor: 'user:cas', at: at('2026-12-07T09:00:00Z') },
});

const comment = (id: string, submittedAt: string): PublicConsultationComment => ({
  id,
  consultationId: 'pc-1',
  commenterUserId: 'usr-1',
  commenterUsername: 'ingrid',
  commenterKind: 'industry',
  publishedOrganisation: 'Acme Optics',
  text: 'Too broad.',
  submittedAt: at(submittedAt),
  attachments: [
    {
      id: `${id}-a`,
      fileName: 'note.txt',
      kind: 'text',
      mediaType: 'text/plain; charset=utf-8',
      sizeBytes: 5,
      sha256: 'abc',
    },
  ],
});

/** What every public-consultation store must do, on the fake and on every engine. */
export function publicConsultationStoreContract(
  make: () => Promise<{ readonly store: PublicConsultationStore; readonly auditLog: AuditLog }>,
): void {
  it('keeps consultations, the latest opened first, with their subject and dates', async () => {
    const { store } = await make();
    await store.addConsultation(consultation('pc-1', '2026-12-07T09:00:00Z'), event('open'));
    await store.addConsultation(
      consultation('pc-2', '2026-12-08T09:00:00Z'),
      event('open', 'pc-2'),
    );
    expect((await store.listConsultations()).map((c) => c.id)).toEqual(['pc-2', 'pc-1']);
    expect(await store.getConsultation('pc-1')).toEqual(
      consultation('pc-1', '2026-12-07T09:00:00Z'),
    );
    expect(await store.getConsultation('pc-none')).toBeUndefined();
  });

  it('stores a comment with its files and audit entry, answers it once and publishes a response once', async () => {
    const { store, auditLog } = await make();
    await store.addConsultation(consultation('pc-1', '2026-12-07T09:00:00Z'), event('open'));
    await store.addComment(
      comment('pcc-2', '2026-12-08T10:00:00Z'),
      [new TextEncoder().encode('hello')],
      event('comment'),
    );
    await store.addComment(
      comment('pcc-1', '2026-12-08T09:00:00Z'),
      [new Uint8Array([1])],
      event('comment'),
    );
    expect((await store.commentsOf('pc-1')).map((c) => c.id)).toEqual(['pcc-1', 'pcc-2']);
    const file = await store.findAttachment('pc-1', 'pcc-2', 'pcc-2-a');
    expect(new TextDecoder().decode(file?.content)).toBe('hello');
    expect(await store.findAttachment('pc-2', 'pcc-2', 'pcc-2-a')).toBeUndefined();

    const answer = {
      text: 'Noted.',
      answeredBy: { actor: 'user:cas', at: at('2026-12-09T09:00:00Z') },
    };
    expect(await store.answerComment('pc-1', 'pcc-1', answer, event('answer'))).toBe(true);
    expect(await store.answerComment('pc-1', 'pcc-1', answer, event('answer'))).toBe(false);
    expect(await store.answerComment('pc-1', 'pcc-none', answer, event('answer'))).toBe(false);
    expect((await store.commentsOf('pc-1'))[0]?.answer).toEqual(answer);

    const response = {
      text: 'Changed.',
      finalVersion: 3,
      changes: [{ change: 'Narrowed.', commentIds: ['pcc-1'] }],
      publishedBy: { actor: 'user:sam', at: at('2027-01-08T09:00:00Z') },
    };
    expect(await store.publishResponse('pc-1', response, event('respond'))).toBe(true);
    expect(await store.publishResponse('pc-1', response, event('respond'))).toBe(false);
    expect((await store.getConsultation('pc-1'))?.response).toEqual(response);

    const actions = (await auditLog.entries()).map((e) => e.action);
    expect(actions).toEqual(['open', 'comment', 'comment', 'answer', 'respond']);
  });
}
