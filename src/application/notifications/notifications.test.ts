import { describe, expect, it } from 'vitest';
import { refusableApplication, testCaseDeps } from '../../../test/fakes/case-deps.ts';
import { expectErr, expectOk } from '../../../test/support/expect-result.ts';
import type { Principal } from '../../domain/people/people.ts';
import type { Role } from '../../domain/people/role.ts';
import { assignCaseToMe } from '../cases/assign-case.ts';
import { createDraft } from '../cases/create-draft.ts';
import type { CaseActionInput } from '../cases/parse-case-action.ts';
import { performCaseAction } from '../cases/perform-case-action.ts';
import { submitCase } from '../cases/submit-case.ts';
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from './notifications.ts';

const person = (username: string, role: Role, organisationId = 'org-authority'): Principal => ({
  userId: `u-${username}`,
  username,
  organisationId,
  organisationKind: role === 'exporter' ? 'exporter' : 'licensing-authority',
  roles: [role],
  via: 'test',
});
const erin = person('erin', 'exporter', 'org-vista');
const ed = person('ed', 'exporter', 'org-vista');
const otto = person('otto', 'exporter', 'org-other');
const cara = person('cara', 'caseworker');
const carl = person('carl', 'caseworker');
const adam = person('adam', 'advisor');
const sam = person('sam', 'senior-officer');
const sue = person('sue', 'senior-officer');

async function workflow() {
  const { deps, clock, notifications } = testCaseDeps();
  const both = { notifications, clock };
  const draft = expectOk(await createDraft(deps, erin, refusableApplication));
  const id = draft.licenceCase.id;
  let version = expectOk(await submitCase(deps, erin, id, 1)).licenceCase.version;
  const act = async (who: Principal, action: CaseActionInput) => {
    version = expectOk(await performCaseAction(deps, who, id, version, action)).licenceCase.version;
  };
  const take = async (who: Principal) => {
    version = expectOk(await assignCaseToMe(deps, who, id, version, undefined)).licenceCase.version;
  };
  const kinds = async (who: Principal) =>
    (await listNotifications(both, who)).items.map((n) => n.kind);
  return { deps: both, act, take, kinds };
}

const criteria = [{ code: 'UK-SELC-2', reason: 'Clear risk of internal repression' }];

describe(listNotifications.name, () => {
  it('tells the advisers of advice requested and the caseworkers of the queued case at submission', async () => {
    const { kinds } = await workflow();
    expect(await kinds(adam)).toEqual(['advice-requested']);
    expect(await kinds(cara)).toEqual(['case-queued']);
    expect(await kinds(erin)).toEqual([]);
  });

  it('tells the exporter’s organisation, and no other, when an officer asks a question, and the officer who asked when it is answered', async () => {
    const { act, take, kinds } = await workflow();
    await take(cara);
    await act(cara, { kind: 'request-information', question: 'Who operates the cameras?' });
    expect(await kinds(erin)).toEqual(['question-asked']);
    expect(await kinds(ed)).toEqual(['question-asked']);
    expect(await kinds(otto)).toEqual([]);
    await act(erin, { kind: 'answer-information', answer: 'The city police.' });
    expect((await kinds(cara))[0]).toBe('question-answered');
    expect(await kinds(carl)).toEqual(['case-queued']);
  });

  it('asks senior officers to countersign, then tells the exporter the decision was issued', async () => {
    const { act, kinds } = await workflow();
    await act(adam, {
      kind: 'give-advice',
      desk: 'human-rights',
      outcome: 'refuse',
      criteria,
      text: 'Refuse.',
    });
    await act(cara, {
      kind: 'recommend',
      outcome: 'refused',
      criteria,
      text: 'Recommend refusal.',
    });
    await act(sam, { kind: 'decide', outcome: 'refused', criteria, text: 'Refused.' });
    expect(await kinds(sue)).toEqual(['countersignature-needed']);
    await act(sue, { kind: 'countersign' });
    expect(await kinds(erin)).toEqual(['decision-issued']);
  });

  it('tells an officer whose case a colleague took over, and nobody of their own step', async () => {
    const { take, kinds } = await workflow();
    await take(cara);
    await take(carl);
    expect(await kinds(cara)).toEqual(['case-taken-over', 'case-queued']);
    expect(await kinds(carl)).toEqual(['case-queued']);
  });
});

describe(markNotificationRead.name, () => {
  it('marks read for the reader alone, and answers not found for another organisation’s', async () => {
    const { deps, act, kinds } = await workflow();
    await act(cara, { kind: 'request-information', question: 'Who operates the cameras?' });
    expect(await kinds(erin)).toEqual(['question-asked']);
    const [notice] = (await listNotifications(deps, erin)).items;
    expect(expectErr(await markNotificationRead(deps, otto, notice?.id ?? '')).code).toBe(
      'CORDON_NOT_FOUND',
    );
    expectOk(await markNotificationRead(deps, erin, notice?.id ?? ''));
    expect((await listNotifications(deps, erin)).unread).toBe(0);
    expect((await listNotifications(deps, ed)).unread).toBe(1);
    expect(await markAllNotificationsRead(deps, ed)).toBe(1);
    expect((await listNotifications(deps, ed)).unread).toBe(0);
  });
});
