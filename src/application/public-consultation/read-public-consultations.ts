import {
  commentsArePublic,
  publicConsultationStatus,
  publishedComment,
  type PublicConsultation,
  type PublicConsultationComment,
  type PublicConsultationStatus,
  type PublishedComment,
} from '../../domain/public-consultation/public-consultation.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { PublicConsultationDeps } from './public-consultation-deps.ts';

type ReadDeps = Pick<PublicConsultationDeps, 'store' | 'clock'>;

/** A consultation with where it stands and how many comments it has. */
export interface ConsultationOverview {
  readonly consultation: PublicConsultation;
  readonly status: PublicConsultationStatus;
  readonly commentCount: number;
}

/** The public view of one consultation: comments once the period ended, as published. */
export interface PublicConsultationView extends ConsultationOverview {
  /** Undefined while the period runs (comments are published when it ends). */
  readonly comments?: readonly PublishedComment[];
}

/**
 * Every consultation that has opened (scheduled ones are not yet public), for anyone, signed in
 * or not.
 */
export async function listPublicConsultations(
  deps: ReadDeps,
): Promise<readonly ConsultationOverview[]> {
  const now = deps.clock.now();
  const overviews = await Promise.all(
    (await deps.store.listConsultations()).map(async (consultation) => ({
      consultation,
      status: publicConsultationStatus(consultation, now),
      commentCount: (await deps.store.commentsOf(consultation.id)).length,
    })),
  );
  return overviews.filter((o) => o.status !== 'scheduled');
}

/**
 * One consultation as anyone may read it: its comments (after the period) carry only what each
 * commenter chose to publish; officials are not named. A scheduled one is "not found".
 */
export async function getPublicConsultation(
  deps: ReadDeps,
  id: string,
): Promise<Result<PublicConsultationView, CordonError>> {
  const consultation = await deps.store.getConsultation(id);
  const now = deps.clock.now();
  if (consultation === undefined || publicConsultationStatus(consultation, now) === 'scheduled') {
    return err(cordonError('CORDON_NOT_FOUND', `No public consultation has id ${id}.`));
  }
  const comments = await deps.store.commentsOf(consultation.id);
  return ok({
    consultation,
    status: publicConsultationStatus(consultation, now),
    commentCount: comments.length,
    ...(commentsArePublic(consultation, now)
      ? { comments: comments.map((c) => publishedComment(c, consultation.response)) }
      : {}),
  });
}

/** Every consultation, scheduled ones too, for the authority's staff. */
export async function listConsultationsForStaff(
  deps: ReadDeps,
): Promise<readonly ConsultationOverview[]> {
  const now = deps.clock.now();
  return Promise.all(
    (await deps.store.listConsultations()).map(async (consultation) => ({
      consultation,
      status: publicConsultationStatus(consultation, now),
      commentCount: (await deps.store.commentsOf(consultation.id)).length,
    })),
  );
}

/** One consultation with every comment in full (the commenter's account, who answered), for staff. */
export async function getConsultationForStaff(
  deps: ReadDeps,
  id: string,
): Promise<
  Result<
    ConsultationOverview & { readonly comments: readonly PublicConsultationComment[] },
    CordonError
  >
> {
  const consultation = await deps.store.getConsultation(id);
  if (consultation === undefined) {
    return err(cordonError('CORDON_NOT_FOUND', `No public consultation has id ${id}.`));
  }
  const comments = await deps.store.commentsOf(consultation.id);
  return ok({
    consultation,
    status: publicConsultationStatus(consultation, deps.clock.now()),
    commentCount: comments.length,
    comments,
  });
}

/** A commenter's own comments on a consultation, with the answers they received. */
export async function myPublicConsultationComments(
  deps: ReadDeps,
  userId: string,
  consultationId: string,
): Promise<readonly PublicConsultationComment[]> {
  return (await deps.store.commentsOf(consultationId)).filter((c) => c.commenterUserId === userId);
}
