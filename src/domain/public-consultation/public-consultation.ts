import type { AttachmentKind } from '../licensing/attachment.ts';
import type { CommenterOrganisationKind } from '../people/people.ts';
import type { FieldProblem } from '../shared/errors.ts';
import { err, ok, type Result } from '../shared/result.ts';

/**
 * A public consultation: an authority asks industry, academia and civil society to comment on a
 * control proposal or a policy version during a comment period, answers every comment, and
 * publishes a response that says which comments changed what. (Not to be confused with the
 * partner-to-partner consultations of the no-undercut rule in the exchange.)
 */

/** What is consulted on: a control proposal (at a version) or a version of a jurisdiction's policy. */
export type PublicConsultationSubject =
  | {
      readonly kind: 'proposal';
      readonly proposalId: string;
      readonly version: number;
      /** The proposal's title when the consultation opened. */
      readonly title: string;
      /** The drafting authority's jurisdiction code. */
      readonly authority: string;
    }
  | { readonly kind: 'policy-version'; readonly jurisdiction: string; readonly version: number };

/** Who acted, as the audit trail names them (`user:<name>`). Never published. */
export interface OfficialActor {
  readonly actor: string;
  readonly at: Date;
}

/** One change the final version made, and the comments that led to it. */
export interface ResponseChange {
  readonly change: string;
  readonly commentIds: readonly string[];
}

/** The authority's response document, published when the period is over. */
export interface PublicConsultationResponse {
  readonly text: string;
  /** The version of the subject that the consultation led to (e.g. the proposal's next version). */
  readonly finalVersion: number;
  readonly changes: readonly ResponseChange[];
  readonly publishedBy: OfficialActor;
}

export interface PublicConsultation {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  /** The consulting authority's jurisdiction code (CORDON_AUTHORITY_COUNTRY). */
  readonly authority: string;
  readonly subject: PublicConsultationSubject;
  readonly opensAt: Date;
  readonly closesAt: Date;
  readonly openedBy: OfficialActor;
  readonly response?: PublicConsultationResponse;
}

/** A file attached to a comment, checked by its content like a case's supporting documents. */
export interface CommentAttachment {
  readonly id: string;
  readonly fileName: string;
  readonly kind: AttachmentKind;
  readonly mediaType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
}

/** An official's answer to one comment. */
export interface CommentAnswer {
  readonly text: string;
  readonly answeredBy: OfficialActor;
}

/**
 * A comment as stored. `publishedName` and `publishedOrganisation` are what the commenter chose
 * to publish (absent: published without); the commenter's account stays internal.
 */
export interface PublicConsultationComment {
  readonly id: string;
  readonly consultationId: string;
  readonly commenterUserId: string;
  readonly commenterUsername: string;
  readonly commenterKind: CommenterOrganisationKind;
  readonly publishedName?: string;
  readonly publishedOrganisation?: string;
  readonly text: string;
  readonly submittedAt: Date;
  readonly attachments: readonly CommentAttachment[];
  readonly answer?: CommentAnswer;
}

/** Where a consultation stands at `now`. */
export type PublicConsultationStatus = 'scheduled' | 'open' | 'closed' | 'concluded';

/**
 * `scheduled` before the period, `open` during it (the end is exclusive), `closed` after it until
 * the response is published, `concluded` once it is.
 */
export function publicConsultationStatus(
  consultation: Pick<PublicConsultation, 'opensAt' | 'closesAt' | 'response'>,
  now: Date,
): PublicConsultationStatus {
  if (consultation.response !== undefined) return 'concluded';
  if (now < consultation.opensAt) return 'scheduled';
  if (now < consultation.closesAt) return 'open';
  return 'closed';
}

/** Limits that keep comments readable and abuse cheap to refuse. */
export const publicConsultationLimits = {
  titleChars: 200,
  summaryChars: 5000,
  commentChars: 10_000,
  answerChars: 10_000,
  responseChars: 50_000,
  nameChars: 120,
  attachmentsPerComment: 3,
  commentsPerCommenter: 20,
  changes: 200,
  minPeriodDays: 1,
  maxPeriodDays: 180,
} as const;

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Why a piece of free text from the public is not acceptable, or undefined: empty, too long, or
 * holding control characters (other than tab and line breaks) or bidirectional overrides, which
 * would let a comment display as something other than what it says.
 */
export function textProblem(text: string, maxChars: number, required = true): string | undefined {
  if (text.trim() === '') return required ? 'must not be empty' : 'must not be blank when given';
  if (text.length > maxChars) {
    return `must be at most ${maxChars.toLocaleString('en-GB')} characters (got ${text.length.toLocaleString('en-GB')})`;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(text)) {
    return 'must not contain control characters or bidirectional overrides';
  }
  return undefined;
}

/** A consultation to open, as checked by `checkNewConsultation`. */
export interface NewConsultationInput {
  readonly title: string;
  readonly summary: string;
  readonly opensAt: Date;
  readonly closesAt: Date;
}

/**
 * Every problem with a new consultation's texts and comment period at once: the period must end
 * after `now`, last between 1 and 180 days, and open no earlier than a day before `now`.
 *
 * @example
 * checkNewConsultation({ title: 'x', summary: 'y', opensAt: d('2026-12-01'), closesAt: d('2026-12-01') }, now)
 * // [{ field: 'closesAt', problem: 'must be at least 1 day after opensAt' }]
 */
export function checkNewConsultation(input: NewConsultationInput, now: Date): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const title = textProblem(input.title, publicConsultationLimits.titleChars);
  if (title !== undefined) problems.push({ field: 'title', problem: title });
  const summary = textProblem(input.summary, publicConsultationLimits.summaryChars);
  if (summary !== undefined) problems.push({ field: 'summary', problem: summary });
  const days = (input.closesAt.getTime() - input.opensAt.getTime()) / dayMs;
  if (days < publicConsultationLimits.minPeriodDays) {
    problems.push({ field: 'closesAt', problem: 'must be at least 1 day after opensAt' });
  } else if (days > publicConsultationLimits.maxPeriodDays) {
    problems.push({ field: 'closesAt', problem: 'must be at most 180 days after opensAt' });
  }
  if (input.closesAt <= now) problems.push({ field: 'closesAt', problem: 'must be in the future' });
  if (input.opensAt.getTime() < now.getTime() - dayMs) {
    problems.push({ field: 'opensAt', problem: 'must not be more than a day in the past' });
  }
  return problems;
}

/** A comment's text and the attribution its author chose, checked. */
export interface CommentInput {
  readonly text: string;
  readonly publishedName?: string;
  readonly publishedOrganisation?: string;
}

/** Every problem with a comment's text and chosen attribution at once. */
export function checkComment(input: CommentInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const text = textProblem(input.text, publicConsultationLimits.commentChars);
  if (text !== undefined) problems.push({ field: 'text', problem: text });
  for (const field of ['publishedName', 'publishedOrganisation'] as const) {
    const value = input[field];
    if (value === undefined) continue;
    const problem = textProblem(value, publicConsultationLimits.nameChars, false);
    if (problem !== undefined) problems.push({ field, problem });
  }
  return problems;
}

/** The response document as submitted, before it is recorded. */
export interface ResponseInput {
  readonly text: string;
  readonly finalVersion: number;
  readonly changes: readonly ResponseChange[];
}

/**
 * Whether the response may be published now, and every problem with it: only after the period
 * ended, once; every comment answered; every change described and naming only comments of this
 * consultation.
 */
export function checkResponse(
  consultation: PublicConsultation,
  comments: readonly PublicConsultationComment[],
  input: ResponseInput,
  now: Date,
): Result<void, { readonly notNow?: string; readonly problems: readonly FieldProblem[] }> {
  const status = publicConsultationStatus(consultation, now);
  if (status === 'concluded') {
    return err({ notNow: 'Its response was already published.', problems: [] });
  }
  if (status !== 'closed') {
    return err({
      notNow: `Its comment period ends ${consultation.closesAt.toISOString()}; the response is published after it.`,
      problems: [],
    });
  }
  const unanswered = comments.filter((c) => c.answer === undefined);
  if (unanswered.length > 0) {
    return err({
      notNow: `Every comment must be answered first; unanswered: ${unanswered.map((c) => c.id).join(', ')}.`,
      problems: [],
    });
  }
  const problems: FieldProblem[] = [];
  const text = textProblem(input.text, publicConsultationLimits.responseChars);
  if (text !== undefined) problems.push({ field: 'text', problem: text });
  if (!Number.isInteger(input.finalVersion) || input.finalVersion < consultation.subject.version) {
    problems.push({
      field: 'finalVersion',
      problem: `must be a whole number no lower than the consulted version ${String(consultation.subject.version)}`,
    });
  }
  if (input.changes.length > publicConsultationLimits.changes) {
    problems.push({ field: 'changes', problem: 'must list at most 200 changes' });
  }
  const known = new Set(comments.map((c) => c.id));
  input.changes.forEach((change, i) => {
    const problem = textProblem(change.change, publicConsultationLimits.answerChars);
    if (problem !== undefined) problems.push({ field: `changes.${String(i)}.change`, problem });
    const strangers = change.commentIds.filter((id) => !known.has(id));
    if (strangers.length > 0) {
      problems.push({
        field: `changes.${String(i)}.commentIds`,
        problem: `names comments that are not of this consultation: ${strangers.join(', ')}`,
      });
    }
  });
  return problems.length > 0 ? err({ problems }) : ok(undefined);
}

/** A comment as anyone may read it: no account, only what its author chose to publish. */
export interface PublishedComment {
  readonly id: string;
  readonly commenterKind: CommenterOrganisationKind;
  readonly publishedName?: string;
  readonly publishedOrganisation?: string;
  readonly text: string;
  readonly submittedAt: Date;
  readonly attachments: readonly Omit<CommentAttachment, 'sha256'>[];
  /** The answer's text and date; the official who wrote it is not named. */
  readonly answer?: { readonly text: string; readonly at: Date };
  /** The changes of the final version this comment led to. */
  readonly ledTo: readonly string[];
}

/**
 * A comment as the public reads it: the commenter's account (user id, username) is left out, the
 * name and organisation only as the commenter chose to publish them, the answering official
 * unnamed.
 */
export function publishedComment(
  comment: PublicConsultationComment,
  response: PublicConsultationResponse | undefined,
): PublishedComment {
  return {
    id: comment.id,
    commenterKind: comment.commenterKind,
    ...(comment.publishedName === undefined ? {} : { publishedName: comment.publishedName }),
    ...(comment.publishedOrganisation === undefined
      ? {}
      : { publishedOrganisation: comment.publishedOrganisation }),
    text: comment.text,
    submittedAt: comment.submittedAt,
    attachments: comment.attachments.map(({ sha256: _hash, ...rest }) => rest),
    ...(comment.answer === undefined
      ? {}
      : { answer: { text: comment.answer.text, at: comment.answer.answeredBy.at } }),
    ledTo: (response?.changes ?? [])
      .filter((c) => c.commentIds.includes(comment.id))
      .map((c) => c.change),
  };
}

/**
 * Whether the public may read a consultation's comments at `now`: once its period has ended
 * (while it runs, comments are not shown, so that none is written to answer another, and
 * officials can see abuse before anything is published).
 */
export const commentsArePublic = (consultation: PublicConsultation, now: Date): boolean =>
  publicConsultationStatus(consultation, now) === 'closed' ||
  publicConsultationStatus(consultation, now) === 'concluded';
