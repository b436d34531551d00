import type { AuditEvent } from '../../domain/audit/audit-chain.ts';
import { messageIdOf } from '../../domain/exchange/exchange-message.ts';
import {
  checkProposalContent,
  type ProposalContent,
} from '../../domain/proposals/control-proposal.ts';
import { cordonError, type CordonError, type FieldProblem } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import { signerOf } from '../exchange/exchange-deps.ts';
import { publishMessage } from '../exchange/publish-message.ts';
import type { ProposalRecord } from '../ports/proposal-store.ts';
import type { ProposalDeps } from './proposal-deps.ts';

const audit = (
  actor: string,
  action: string,
  proposalId: string,
  requestId: string | undefined,
  details: Readonly<Record<string, unknown>>,
): AuditEvent => ({
  actor,
  action,
  objectType: 'control-proposal',
  objectId: proposalId,
  requestId,
  details,
});

const invalid = (problems: readonly FieldProblem[]): CordonError =>
  cordonError(
    'CORDON_VALIDATION_FAILED',
    `The proposal is not complete: ${problems.map((p) => `${p.field} ${p.problem}`).join('; ')}.`,
    problems,
  );

/** Checks content against the catalogue: every fact a criterion names must be one Cordon asks. */
async function checkedContent(
  deps: ProposalDeps,
  input: unknown,
): Promise<Result<ProposalContent, CordonError>> {
  const catalogue = await deps.catalogue.controlCatalogue();
  const content = checkProposalContent(input, (fact) => catalogue.facts.has(fact));
  return content.ok ? content : err(invalid(content.error));
}

/** Finds one of our own proposals, or says why it cannot be changed here. */
async function ownProposal(
  deps: ProposalDeps,
  id: string,
  self: string,
): Promise<Result<ProposalRecord, CordonError>> {
  const found = await deps.proposals.proposal(id);
  if (found === undefined)
    return err(cordonError('CORDON_NOT_FOUND', `No control proposal ${id}.`));
  if (!found.own || found.authority !== self) {
    return err(
      cordonError(
        'CORDON_PROPOSAL_STATE_NOT_ALLOWED',
        `Proposal ${id} is ${found.authority}'s: only the drafting authority changes it; record a position instead.`,
      ),
    );
  }
  return ok(found);
}

/**
 * Drafts a control proposal: the proposed entry (in the catalogue's format, every fact one the
 * catalogue knows), the rationale, the human-rights evidence and the reasons for control. A draft
 * stays on this node until it is published.
 */
export async function draftProposal(
  deps: ProposalDeps,
  actor: string,
  input: unknown,
  requestId?: string,
): Promise<Result<ProposalRecord, CordonError>> {
  const signer = signerOf(deps.exchange);
  if (!signer.ok) return signer;
  const content = await checkedContent(deps, input);
  if (!content.ok) return content;
  const now = deps.clock.now();
  const self = signer.value.authorityId;
  const proposal: ProposalRecord = {
    id: `${self}-proposal-${String(now.getTime())}`,
    authority: self,
    own: true,
    title: content.value.title,
    status: 'draft',
    currentVersion: 1,
    versions: [{ version: 1, content: content.value }],
    createdBy: actor,
    createdAt: now,
    updatedAt: now,
  };
  await deps.proposals.saveProposal(proposal, [
    audit(actor, 'proposals.draft', proposal.id, requestId, {
      entryId: content.value.entry.entryId,
    }),
  ]);
  return ok(proposal);
}

/**
 * Publishes a draft (version 1) or an amendment (a new version, with what changed) to every
 * partner as a signed `control-proposal` message; partners then take positions on that version.
 */
export async function publishProposal(
  deps: ProposalDeps,
  actor: string,
  input: {
    readonly proposalId: string;
    readonly amendment?: { readonly content: unknown; readonly changeNote: string };
  },
  requestId?: string,
): Promise<Result<ProposalRecord, CordonError>> {
  const signer = signerOf(deps.exchange);
  if (!signer.ok) return signer;
  const found = await ownProposal(deps, input.proposalId, signer.value.authorityId);
  if (!found.ok) return found;
  const proposal = found.value;
  const amending = input.amendment !== undefined;
  if (proposal.status !== (amending ? 'published' : 'draft')) {
    return err(
      cordonError(
        'CORDON_PROPOSAL_STATE_NOT_ALLOWED',
        amending
          ? `Proposal ${proposal.id} is ${proposal.status}: only a published proposal is amended.`
          : `Proposal ${proposal.id} is ${proposal.status}: only a draft is published (amend a published one).`,
      ),
    );
  }
  let version = proposal.versions.find((v) => v.version === proposal.currentVersion);
  if (version === undefined) throw new Error(`proposal ${proposal.id} lost its current version`);
  if (input.amendment !== undefined) {
    if (input.amendment.changeNote.trim() === '') {
      return err(
        invalid([
          { field: 'body.changeNote', problem: 'is required: say what the amendment changes' },
        ]),
      );
    }
    const content = await checkedContent(deps, input.amendment.content);
    if (!content.ok) return content;
    version = {
      version: proposal.currentVersion + 1,
      content: content.value,
      changeNote: input.amendment.changeNote,
    };
  }
  const published = await publishMessage(
    deps.exchange,
    'control-proposal',
    {
      proposalId: proposal.id,
      version: version.version,
      ...version.content,
      ...(version.changeNote === undefined ? {} : { changeNote: version.changeNote }),
    },
    'all',
    {
      actor,
      action: amending ? 'exchange.proposals.amend' : 'exchange.proposals.publish',
      requestId,
      details: { proposalId: proposal.id, version: version.version },
    },
  );
  if (!published.ok) return published;
  const now = deps.clock.now();
  const sent = { ...version, publishedAt: now, messageId: messageIdOf(published.value.header) };
  const updated: ProposalRecord = {
    ...proposal,
    title: sent.content.title,
    status: 'published',
    currentVersion: sent.version,
    versions: [...proposal.versions.filter((v) => v.version !== sent.version), sent],
    updatedAt: now,
  };
  await deps.proposals.saveProposal(updated, [
    audit(actor, amending ? 'proposals.amend' : 'proposals.publish', proposal.id, requestId, {
      version: sent.version,
      messageId: sent.messageId,
    }),
  ]);
  return ok(updated);
}

/** Withdraws a published proposal of ours: a signed withdrawal tells every partner. */
export async function withdrawProposal(
  deps: ProposalDeps,
  actor: string,
  input: { readonly proposalId: string; readonly reason: string },
  requestId?: string,
): Promise<Result<ProposalRecord, CordonError>> {
  const signer = signerOf(deps.exchange);
  if (!signer.ok) return signer;
  const found = await ownProposal(deps, input.proposalId, signer.value.authorityId);
  if (!found.ok) return found;
  if (found.value.status !== 'published') {
    return err(
      cordonError(
        'CORDON_PROPOSAL_STATE_NOT_ALLOWED',
        `Proposal ${input.proposalId} is ${found.value.status}: only a published proposal is withdrawn.`,
      ),
    );
  }
  if (input.reason.trim() === '')
    return err(
      invalid([{ field: 'body.reason', problem: 'is required: say why it is withdrawn' }]),
    );
  const published = await publishMessage(
    deps.exchange,
    'control-proposal-withdrawal',
    { proposalId: input.proposalId, reason: input.reason },
    'all',
    {
      actor,
      action: 'exchange.proposals.withdraw',
      requestId,
      details: { proposalId: input.proposalId },
    },
  );
  if (!published.ok) return published;
  const now = deps.clock.now();
  const messageId = messageIdOf(published.value.header);
  const updated: ProposalRecord = {
    ...found.value,
    status: 'withdrawn',
    withdrawal: { reason: input.reason, at: now, messageId },
    updatedAt: now,
  };
  await deps.proposals.saveProposal(updated, [
    audit(actor, 'proposals.withdraw', input.proposalId, requestId, { messageId }),
  ]);
  return ok(updated);
}
