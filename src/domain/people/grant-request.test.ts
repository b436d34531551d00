import { describe, expect, it } from 'vitest';
import { decisionProblem, splitEnrolmentCode, type GrantRequest } from './grant-request.ts';

const now = new Date('2026-12-06T10:00:00Z');
const request: GrantRequest = {
  id: 'grant-1',
  kind: 'add-user',
  username: 'sally',
  roles: ['senior-officer'],
  reason: 'new officer',
  requestedBy: { userId: 'u-ann', username: 'ann' },
  requestedAt: now,
  expiresAt: new Date(now.getTime() + 3_600_000),
  status: 'pending',
};

describe(decisionProblem.name, () => {
  it('lets only a second administrator decide, once, in time, and never a grant to themselves', () => {
    expect(decisionProblem(request, { userId: 'u-ben', username: 'ben' }, now)).toBeUndefined();
    expect(decisionProblem(request, { userId: 'u-ann', username: 'ann' }, now)).toMatch(
      /second administrator/,
    );
    expect(decisionProblem(request, { userId: 'u-sally', username: 'sally' }, now)).toMatch(
      /yourself/,
    );
    expect(
      decisionProblem(
        { ...request, status: 'approved' },
        { userId: 'u-ben', username: 'ben' },
        now,
      ),
    ).toMatch(/already approved/);
    expect(
      decisionProblem(
        request,
        { userId: 'u-ben', username: 'ben' },
        new Date(now.getTime() + 3_600_000),
      ),
    ).toMatch(/expired/);
  });
});

describe(splitEnrolmentCode.name, () => {
  it('reads the two halves joined by a hyphen, and nothing else', () => {
    expect(splitEnrolmentCode(' abcdefgh12-ZYXWVUTS98 ')).toEqual({
      requesterHalf: 'abcdefgh12',
      approverHalf: 'ZYXWVUTS98',
    });
    expect(splitEnrolmentCode('abcdefgh12')).toBeUndefined();
    expect(splitEnrolmentCode('abc-def')).toBeUndefined();
  });
});
