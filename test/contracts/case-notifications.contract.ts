import { expect, it } from 'vitest';
import type { CaseStore } from '../../src/application/ports/case-store.ts';
import type { NotificationStore } from '../../src/application/ports/notification-store.ts';
import { applyCaseCommand, draftCase } from '../../src/domain/licensing/case-transitions.ts';
import { fixedClock } from '../fakes/fixed-clock.ts';

/** A case store and the notification store that reads what its changes sent. */
export interface CaseNotificationsUnderTest {
  readonly store: CaseStore;
  readonly notifications: NotificationStore;
}

const clock = fixedClock('2026-12-07T10:00:00Z');
const audit = { actor: 'user:t', action: 'cases.test', objectType: 'case', objectId: 'c1' };
const vista = { userId: 'u-erin', organisationId: 'org-vista', roles: [] };

/** A case change and its notifications commit together, or neither does. */
export function caseNotificationsContract(open: () => Promise<CaseNotificationsUnderTest>): void {
  it('writes a change’s notifications with it, and none when the change is refused as stale', async () => {
    const { store, notifications } = await open();
    const draft = draftCase({
      id: 'c1',
      reference: 'GB-2026-00001',
      jurisdiction: 'GB',
      exporterOrganisationId: 'org-vista',
      now: clock.now(),
    });
    await store.create({ licenceCase: draft, application: {}, history: [] }, audit);
    const next = applyCaseCommand(
      draft,
      { kind: 'submit' },
      { userId: 'u', role: 'exporter' },
      clock.now(),
    );
    if (!next.ok) throw new Error(next.error.message);
    const notice = (id: string) => ({
      id,
      caseId: 'c1',
      caseReference: 'GB-2026-00001',
      kind: 'question-asked' as const,
      message: 'A question',
      recipient: { kind: 'organisation' as const, organisationId: 'org-vista' },
      createdAt: clock.now(),
    });
    const record = { licenceCase: next.value, application: {}, history: [] };
    expect(await store.save(record, 1, [], [audit], [notice('c1:2:0')])).toBe(true);
    expect(await store.save(record, 1, [], [audit], [notice('c1:2:1')])).toBe(false);
    const seen = await notifications.notificationsFor(vista, 10);
    expect(seen.items.map((n) => n.id)).toEqual(['c1:2:0']);
  });
}
