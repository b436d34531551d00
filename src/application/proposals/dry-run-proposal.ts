import { isClosed } from '../../domain/licensing/case-state.ts';
import {
  dryRunProposedEntry,
  proposedControlEntry,
  type CaseToTest,
  type ImpactReport,
} from '../../domain/proposals/proposal-impact.ts';
import type { ItemToClassify } from '../../domain/classification/classify-item.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { CaseRecord } from '../ports/case-store.ts';
import type { ProposalRecord, ProposalVersion } from '../ports/proposal-store.ts';
import type { ProposalDeps } from './proposal-deps.ts';

type Json = Readonly<Record<string, unknown>>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const texts = (v: unknown): readonly string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** A case as the dry run reads it: destination, end-user type and items from the application. */
export function caseToTest(record: CaseRecord): CaseToTest {
  const application = record.application;
  const destination = isObject(application.destination)
    ? application.destination.country
    : undefined;
  const parties = Array.isArray(application.parties) ? application.parties.filter(isObject) : [];
  const endUser = parties.find((p) => p.role === 'end-user');
  const items: ItemToClassify[] = (Array.isArray(application.items) ? application.items : [])
    .filter(isObject)
    .map((item) => ({
      description: typeof item.description === 'string' ? item.description : '',
      controlEntries: texts(item.controlEntries),
      capabilities: texts(item.capabilities),
      ...(isObject(item.answers)
        ? {
            answers: Object.fromEntries(
              Object.entries(item.answers).filter(
                (e): e is [string, string] => typeof e[1] === 'string',
              ),
            ),
          }
        : {}),
    }));
  const c = record.licenceCase;
  return {
    caseId: c.id,
    reference: c.reference,
    stage: c.stage,
    open: c.stage !== 'draft' && !isClosed(c.stage),
    ...(c.outcome === undefined ? {} : { outcome: c.outcome }),
    destination: typeof destination === 'string' ? destination : 'unknown',
    endUserType: typeof endUser?.type === 'string' ? endUser.type : 'unknown',
    items,
  };
}

/** The version of a proposal to test: the one named, else the current one. */
export function versionOf(
  proposal: ProposalRecord,
  version?: number,
): Result<ProposalVersion, CordonError> {
  const wanted = version ?? proposal.currentVersion;
  const found = proposal.versions.find((v) => v.version === wanted);
  return found === undefined
    ? err(
        cordonError(
          'CORDON_PROPOSAL_STATE_NOT_ALLOWED',
          `Proposal ${proposal.id} has no version ${String(wanted)} (versions ${proposal.versions.map((v) => v.version).join(', ')}).`,
        ),
      )
    : ok(found);
}

/** The proposed entry of one version, as a catalogue entry. */
export const entryOf = (proposal: ProposalRecord, version: ProposalVersion) =>
  proposedControlEntry(version.content.entry, {
    proposalId: proposal.id,
    version: version.version,
    authority: proposal.authority,
    date: (version.publishedAt ?? proposal.createdAt).toISOString().slice(0, 10),
  });

/** A dry run's answer: the report and what was tested. */
export interface ProposalDryRun {
  readonly proposalId: string;
  readonly version: number;
  readonly report: ImpactReport;
}

/**
 * Impact before adoption: classifies every application this authority has received (open cases,
 * decided ones, issued licences; drafts excepted) against the proposed entry of a version, and
 * says which would have needed a licence under it, by destination and end-user type, with the
 * cases listed. Nothing is changed; reading it is audited by the route.
 */
export async function dryRunProposal(
  deps: ProposalDeps,
  input: { readonly proposalId: string; readonly version?: number },
): Promise<Result<ProposalDryRun, CordonError>> {
  const proposal = await deps.proposals.proposal(input.proposalId);
  if (proposal === undefined)
    return err(cordonError('CORDON_NOT_FOUND', `No control proposal ${input.proposalId}.`));
  const version = versionOf(proposal, input.version);
  if (!version.ok) return version;
  const catalogue = await deps.catalogue.controlCatalogue();
  const cases = (await deps.cases.list({}))
    .filter((r) => r.licenceCase.stage !== 'draft')
    .map(caseToTest);
  return ok({
    proposalId: proposal.id,
    version: version.value.version,
    report: dryRunProposedEntry(catalogue, entryOf(proposal, version.value), cases),
  });
}
