import {
  dryRunCatalogue as dryRunItems,
  type CatalogueDryRun,
  type CatalogueItem,
} from '../../domain/proposals/catalogue-dry-run.ts';
import { publicConsultationStatus } from '../../domain/public-consultation/public-consultation.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import { entryOf, versionOf } from './dry-run-proposal.ts';
import type { ProposalDeps } from './proposal-deps.ts';

/** At most this many items in one catalogue dry run (each is classified against the whole catalogue). */
export const catalogueDryRunMaxItems = 2000;

/** Who asks: the authority's own staff read every proposal; anyone else only a public one. */
export type CatalogueDryRunAudience = 'staff' | 'public';

/** A catalogue dry run's answer: what was tested, and the items. */
export interface ProposalCatalogueDryRun {
  readonly proposalId: string;
  readonly version: number;
  readonly result: CatalogueDryRun;
}

/**
 * Impact before adoption for an exporter: classifies the items of its catalogue (as it sends
 * them; nothing is stored and no case is read, so nobody sees another organisation's work)
 * against the proposed entry of a version (default: the current one). Staff test any proposal
 * this node holds; an exporter only a published version of a proposal that a public
 * consultation here has opened to the public, and any other proposal is "not found", so that
 * drafts and partners' unpublished work stay unseen.
 */
export async function dryRunCatalogue(
  deps: ProposalDeps,
  input: {
    readonly proposalId: string;
    readonly version?: number;
    readonly items: readonly CatalogueItem[];
    readonly audience: CatalogueDryRunAudience;
  },
): Promise<Result<ProposalCatalogueDryRun, CordonError>> {
  const notFound = err(cordonError('CORDON_NOT_FOUND', `No control proposal ${input.proposalId}.`));
  const proposal = await deps.proposals.proposal(input.proposalId);
  if (proposal === undefined) return notFound;
  if (input.audience === 'public' && !(await isPublic(deps, proposal.id))) return notFound;
  const version = versionOf(proposal, input.version);
  if (!version.ok) return input.audience === 'public' ? notFound : version;
  if (input.audience === 'public' && version.value.publishedAt === undefined) return notFound;
  if (input.items.length > catalogueDryRunMaxItems) {
    return err(
      cordonError('CORDON_VALIDATION_FAILED', 'The catalogue is too long.', [
        {
          field: 'items',
          problem: `has ${String(input.items.length)} items; send at most ${String(catalogueDryRunMaxItems)} at a time`,
        },
      ]),
    );
  }
  const catalogue = await deps.catalogue.controlCatalogue();
  return ok({
    proposalId: proposal.id,
    version: version.value.version,
    result: dryRunItems(catalogue, entryOf(proposal, version.value), input.items),
  });
}

/** A proposal is public once a public consultation on it has opened (the public reads it then). */
async function isPublic(deps: ProposalDeps, proposalId: string): Promise<boolean> {
  if (deps.consultations === undefined) return false;
  const now = deps.clock.now();
  return (await deps.consultations.listConsultations()).some(
    (c) =>
      c.subject.kind === 'proposal' &&
      c.subject.proposalId === proposalId &&
      publicConsultationStatus(c, now) !== 'scheduled',
  );
}
