import { describe, expect, it } from 'vitest';
import { expectErr } from '../../../test/support/expect-result.ts';
import {
  checkComment,
  checkNewConsultation,
  checkResponse,
  publicConsultationStatus,
  publishedComment,
  type PublicConsultation,
  type PublicConsultationComment,
} from './public-consultation.ts';

const d = (iso: string) => new Date(iso);
const consultation: PublicConsultation = {
  id: 'pc-1',
  title: 'Facial recognition',
  summary: 'Should it be controlled?',
  authority: 'GB',
  subject: { kind: 'policy-version', jurisdiction: 'GB', version: 2 },
  opensAt: d('2026-12-01T00:00:00Z'),
  closesAt: d('2026-12-15T00:00:00Z'),
  openedBy: { actor: 'user:cas', at: d('2026-11-30T00:00:00Z') },
};
const comment: PublicConsultationComment = {
  id: 'pcc-1',
  consultationId: 'pc-1',
  commenterUserId: 'usr-1',
  commenterUsername: 'ingrid',
  commenterKind: 'industry',
  publishedOrganisation: 'Acme Optics',
  text: 'Too broad.',
  submittedAt: d('2026-12-02T00:00:00Z'),
  attachments: [],
  answer: { text: 'Narrowed.', answeredBy: { actor: 'user:cas', at: d('2026-12-03T00:00:00Z') } },
};

describe(publicConsultationStatus.name, () => {
  it('is scheduled before the period, open during it, closed at its end and concluded with a response', () => {
    expect(publicConsultationStatus(consultation, d('2026-11-30T23:59:59Z'))).toBe('scheduled');
    expect(publicConsultationStatus(consultation, d('2026-12-01T00:00:00Z'))).toBe('open');
    expect(publicConsultationStatus(consultation, d('2026-12-15T00:00:00Z'))).toBe('closed');
    const response = {
      text: 'r',
      finalVersion: 3,
      changes: [],
      publishedBy: { actor: 'user:sam', at: d('2026-12-16T00:00:00Z') },
    };
    expect(publicConsultationStatus({ ...consultation, response }, d('2026-12-16T00:00:00Z'))).toBe(
      'concluded',
    );
  });
});

describe(checkNewConsultation.name, () => {
  it('names every problem with the texts and the period at once', () => {
    const problems = checkNewConsultation(
      {
        title: ' ',
        summary: 'ok',
        opensAt: d('2026-11-01T00:00:00Z'),
        closesAt: d('2026-11-01T12:00:00Z'),
      },
      d('2026-12-01T00:00:00Z'),
    );
    expect(problems.map((p) => p.field)).toEqual(['title', 'closesAt', 'closesAt', 'opensAt']);
  });
});

describe(checkComment.name, () => {
  it('refuses control characters and bidirectional overrides, which would hide what a comment says', () => {
    expect(checkComment({ text: 'fine\u202Eenil' })).toEqual([
      { field: 'text', problem: 'must not contain control characters or bidirectional overrides' },
    ]);
    expect(checkComment({ text: 'Line one\nline two\tok' })).toEqual([]);
    expect(checkComment({ text: 'x'.repeat(10_001) })[0]?.field).toBe('text');
  });
});

describe(checkResponse.name, () => {
  const input = {
    text: 'Response',
    finalVersion: 3,
    changes: [{ change: 'c', commentIds: ['pcc-1'] }],
  };

  it('waits for the end of the period and for every comment to be answered', () => {
    expect(
      expectErr(checkResponse(consultation, [comment], input, d('2026-12-10T00:00:00Z'))).notNow,
    ).toMatch(/period ends/);
    const { answer: _answer, ...unanswered } = comment;
    expect(
      expectErr(checkResponse(consultation, [unanswered], input, d('2026-12-16T00:00:00Z'))).notNow,
    ).toMatch(/unanswered: pcc-1/);
  });

  it('refuses a change that names a comment of another consultation, and a final version below the consulted one', () => {
    const error = expectErr(
      checkResponse(
        consultation,
        [comment],
        { ...input, finalVersion: 1, changes: [{ change: 'c', commentIds: ['pcc-9'] }] },
        d('2026-12-16T00:00:00Z'),
      ),
    );
    expect(error.problems.map((p) => p.field)).toEqual(['finalVersion', 'changes.0.commentIds']);
  });
});

describe(publishedComment.name, () => {
  it('publishes only what the commenter chose, without their account or the answering official', () => {
    const published = publishedComment(comment, {
      text: 'r',
      finalVersion: 3,
      changes: [{ change: 'Narrowed the entry.', commentIds: ['pcc-1'] }],
      publishedBy: { actor: 'user:sam', at: d('2026-12-16T00:00:00Z') },
    });
    expect(published).toEqual({
      id: 'pcc-1',
      commenterKind: 'industry',
      publishedOrganisation: 'Acme Optics',
      text: 'Too broad.',
      submittedAt: d('2026-12-02T00:00:00Z'),
      attachments: [],
      answer: { text: 'Narrowed.', at: d('2026-12-03T00:00:00Z') },
      ledTo: ['Narrowed the entry.'],
    });
    expect(JSON.stringify(published)).not.toMatch(/ingrid|usr-1|user:cas/);
  });
});
