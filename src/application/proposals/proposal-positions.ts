import type { MessageReceipt } from '../../domain/exchange/exchange-message.ts';
import { messageIdOf } from '../../domain/exchange/exchange-message.ts';
import { checkPosition, proposalBelongsTo } from '../../domain/proposals/control-proposal.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { ProposalMessage } from '../exchange/exchange-deps.ts';
import { signerOf } from '../exchange/exchange-deps.ts';
import { publishMessage } from '../exchange/publish-message.ts';
import type { PositionRecord, ProposalRecord } from '../ports/proposal-store.ts';
import { checkSyncGaps } from './check-sync-gaps.ts';
import { versionOf } from './dry-run-proposal.ts';
import type { ProposalDeps } from './proposal-deps.ts';

/**
 * Records this authority's position on a version of a proposal (its own or a partner's) and
 * sends it to every partner as a signed `proposal-position` message, so that the drafting
 * authority's adoption matrix shows it. `adopted` carries the national entry id, the legal
 * instrument and the date it takes effect; `oppose` and `not-adopting` carry reasons.
 */
export async function recordPosition(
  deps: ProposalDeps,
  actor: string,
  input: {
    readonly proposalId: string;
    readonly version: number;
    readonly position: unknown;
    readonly reasons?: unknown;
    readonly adoption?: unknown;
  },
  requestId?: string,
): Promise<Result<PositionRecord, CordonError>> {
  const signer = signerOf(deps.exchange);
  if (!signer.ok) return signer;
  const checked = checkPosition(input);
  if (!checked.ok) {
    return err(
      cordonError(
        'CORDON_VALIDATION_FAILED',
        `The position is not complete: ${checked.error.map((p) => `${p.field} ${p.problem}`).join('; ')}.`,
        checked.error,
      ),
    );
  }
  const proposal = await deps.proposals.proposal(input.proposalId);
  if (proposal === undefined)
    return err(cordonError('CORDON_NOT_FOUND', `No control proposal ${input.proposalId}.`));
  if (proposal.status !== 'published') {
    return err(
      cordonError(
        'CORDON_PROPOSAL_STATE_NOT_ALLOWED',
        `Proposal ${proposal.id} is ${proposal.status}: positions are taken on a published proposal.`,
      ),
    );
  }
  const version = versionOf(proposal, input.version);
  if (!version.ok) return version;
  const body = { proposalId: proposal.id, version: input.version, ...checked.value };
  const published = await publishMessage(deps.exchange, 'proposal-position', body, 'all', {
    actor,
    action: 'exchange.proposals.position',
    requestId,
    details: { proposalId: proposal.id, version: input.version, position: body.position },
  });
  if (!published.ok) return published;
  const position: PositionRecord = {
    ...body,
    partner: signer.value.authorityId,
    recordedAt: deps.clock.now(),
    messageId: messageIdOf(published.value.header),
  };
  await deps.proposals.savePosition(position, [
    {
      actor,
      action: 'proposals.position',
      objectType: 'control-proposal',
      objectId: proposal.id,
      requestId,
      details: { version: input.version, position: body.position },
    },
  ]);
  return ok(position);
}

const received = (sender: string, message: string, receipt: MessageReceipt, details: object) => ({
  actor: `partner:${sender}`,
  action: message,
  objectType: 'control-proposal',
  objectId: (details as { proposalId: string }).proposalId,
  details: { ...details, messageId: receipt.id },
});

/**
 * Applies a partner's proposal message: a proposal or amendment (kept when it is the sender's
 * own and newer than the version held), a withdrawal by its drafting authority, or a partner's
 * position (always the sender's own). Then runs the sync-gap check for the proposal. Each change
 * is audited as the partner's, with the message that carried it.
 */
export async function receiveProposalMessage(
  deps: ProposalDeps,
  message: ProposalMessage,
  receipt: MessageReceipt,
): Promise<void> {
  const sender = message.header.sender;
  const at = new Date(message.header.issuedAt);
  const proposalId = message.body.proposalId;
  switch (message.kind) {
    case 'control-proposal': {
      const { proposalId: _id, version, changeNote, ...content } = message.body;
      if (!proposalBelongsTo(proposalId, sender)) return;
      const held = await deps.proposals.proposal(proposalId);
      if (held !== undefined && (held.status === 'withdrawn' || held.currentVersion >= version))
        return;
      const record: ProposalRecord = {
        id: proposalId,
        authority: sender,
        own: false,
        title: content.title,
        status: 'published',
        currentVersion: version,
        versions: [
          ...(held?.versions ?? []),
          {
            version,
            content,
            ...(changeNote === undefined ? {} : { changeNote }),
            publishedAt: at,
            messageId: receipt.id,
          },
        ],
        createdBy: `partner:${sender}`,
        createdAt: held?.createdAt ?? deps.clock.now(),
        updatedAt: deps.clock.now(),
      };
      await deps.proposals.saveProposal(record, [
        received(sender, 'proposals.receive', receipt, { proposalId, version }),
      ]);
      break;
    }
    case 'control-proposal-withdrawal': {
      if (!proposalBelongsTo(proposalId, sender)) return;
      const held = await deps.proposals.proposal(proposalId);
      if (held === undefined || held.status === 'withdrawn') return;
      await deps.proposals.saveProposal(
        {
          ...held,
          status: 'withdrawn',
          withdrawal: { reason: message.body.reason, at, messageId: receipt.id },
          updatedAt: deps.clock.now(),
        },
        [received(sender, 'proposals.receive-withdrawal', receipt, { proposalId })],
      );
      return;
    }
    case 'proposal-position': {
      const { proposalId: _id, version, position, reasons, adoption } = message.body;
      await deps.proposals.savePosition(
        {
          proposalId,
          partner: sender,
          version,
          position,
          ...(reasons === undefined ? {} : { reasons }),
          ...(adoption === undefined ? {} : { adoption }),
          recordedAt: at,
          messageId: receipt.id,
        },
        [
          received(sender, 'proposals.receive-position', receipt, {
            proposalId,
            version,
            position,
          }),
        ],
      );
      break;
    }
  }
  await checkSyncGaps(deps, proposalId);
}
