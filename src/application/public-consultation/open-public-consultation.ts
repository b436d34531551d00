import { actorOf, type Principal } from '../../domain/people/people.ts';
import {
  checkNewConsultation,
  type PublicConsultation,
  type PublicConsultationSubject,
} from '../../domain/public-consultation/public-consultation.ts';
import { cordonError, type CordonError, type FieldProblem } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { PublicConsultationDeps } from './public-consultation-deps.ts';

/** A request to open a public consultation, as validated at the edge. */
export interface OpenPublicConsultationInput {
  readonly title: string;
  readonly summary: string;
  readonly subject:
    | { readonly kind: 'proposal'; readonly proposalId: string }
    | { readonly kind: 'policy-version'; readonly jurisdiction: string; readonly version: number };
  readonly opensAt: Date;
  readonly closesAt: Date;
}

/**
 * Opens a public consultation on a control proposal (at its current version; a withdrawn one is
 * refused) or on an existing policy version, with a comment period; audited. Every problem with
 * the request is named at once.
 */
export async function openPublicConsultation(
  deps: PublicConsultationDeps,
  principal: Principal,
  input: OpenPublicConsultationInput,
  requestId?: string,
): Promise<Result<PublicConsultation, CordonError>> {
  const now = deps.clock.now();
  const problems: FieldProblem[] = checkNewConsultation(input, now);
  let subject: PublicConsultationSubject | undefined;
  if (input.subject.kind === 'proposal') {
    const proposal = await deps.proposals.findProposalSummary(input.subject.proposalId);
    if (proposal === undefined) {
      problems.push({
        field: 'subject.proposalId',
        problem: `no control proposal has id ${input.subject.proposalId}`,
      });
    } else if (proposal.status === 'withdrawn') {
      problems.push({ field: 'subject.proposalId', problem: 'the proposal was withdrawn' });
    } else {
      subject = {
        kind: 'proposal',
        proposalId: proposal.id,
        version: proposal.currentVersion,
        title: proposal.title,
        authority: proposal.authority,
      };
    }
  } else {
    const { jurisdiction, version } = input.subject;
    if (await deps.policies.policyVersionExists(jurisdiction, version)) {
      subject = { kind: 'policy-version', jurisdiction, version };
    } else {
      problems.push({
        field: 'subject.version',
        problem: `${jurisdiction} has no policy version ${String(version)}`,
      });
    }
  }
  if (problems.length > 0 || subject === undefined) {
    return err(
      cordonError('CORDON_VALIDATION_FAILED', 'The public consultation is not valid.', problems),
    );
  }
  const consultation: PublicConsultation = {
    id: `pc-${deps.secrets.id()}`,
    title: input.title.trim(),
    summary: input.summary.trim(),
    authority: deps.authority,
    subject,
    opensAt: input.opensAt,
    closesAt: input.closesAt,
    openedBy: { actor: actorOf(principal), at: now },
  };
  await deps.store.addConsultation(consultation, {
    actor: actorOf(principal),
    action: 'public-consultation.open',
    objectType: 'public-consultation',
    objectId: consultation.id,
    requestId,
    details: {
      subject,
      opensAt: consultation.opensAt.toISOString(),
      closesAt: consultation.closesAt.toISOString(),
    },
  });
  return ok(consultation);
}
