import { expect, it } from 'vitest';
import type {
  PositionRecord,
  ProposalRecord,
  ProposalStore,
  SyncGapAlert,
} from '../../src/application/ports/proposal-store.ts';
import type { ProposalContent } from '../../src/domain/proposals/control-proposal.ts';
import { buildProposalContent, buildProposedEntry } from '../factories/proposed-entry.ts';

const audit = { actor: 'test', action: 'test', objectType: 'control-proposal', objectId: 'p' };
const at = (iso: string) => new Date(iso);

const content: ProposalContent = buildProposalContent({
  entry: buildProposedEntry({ parameters: [{ name: 'faces per second', value: '>= 100' }] }),
});

const proposal = (
  id: string,
  createdAt: string,
  overrides: Partial<ProposalRecord> = {},
): ProposalRecord => ({
  id,
  authority: 'NL-ILT',
  own: true,
  title: 'Facial recognition systems',
  status: 'draft',
  currentVersion: 1,
  versions: [{ version: 1, content }],
  createdBy: 'user:cw',
  createdAt: at(createdAt),
  updatedAt: at(createdAt),
  ...overrides,
});

const gap = (caseId: string, raisedAt: string): SyncGapAlert => ({
  id: `gap-${caseId}`,
  proposalId: 'NL-ILT-proposal-1',
  version: 1,
  partner: 'NO-DEXU',
  nationalEntryId: 'NO-5A991',
  effectiveOn: '2027-01-01',
  caseId,
  caseReference: `DK-${caseId}`,
  capture: 'captured',
  items: [{ description: 'Facial recognition', summary: 'likely' }],
  raisedAt: at(raisedAt),
});

/** The contract every `ProposalStore` keeps, run on the fake and on every engine. */
export function proposalStoreContract(make: () => Promise<ProposalStore>): void {
  it('keeps a proposal through its versions, newest first, with its dates and days intact', async () => {
    const store = await make();
    await store.saveProposal(proposal('NL-ILT-proposal-1', '2026-12-01T10:00:00.000Z'), [audit]);
    await store.saveProposal(proposal('NL-ILT-proposal-2', '2026-12-02T10:00:00.000Z'), [audit]);
    const published = proposal('NL-ILT-proposal-1', '2026-12-01T10:00:00.000Z', {
      status: 'published',
      versions: [
        { version: 1, content, publishedAt: at('2026-12-03T09:00:00.000Z'), messageId: 'NL-ILT/1' },
      ],
    });
    await store.saveProposal(published, [audit]);
    expect(await store.proposal('NL-ILT-proposal-1')).toEqual(published);
    expect((await store.proposals()).map((p) => p.id)).toEqual([
      'NL-ILT-proposal-2',
      'NL-ILT-proposal-1',
    ]);
    expect((await store.proposals({ status: 'published' })).map((p) => p.id)).toEqual([
      'NL-ILT-proposal-1',
    ]);
    expect(await store.findProposalSummary('NL-ILT-proposal-1')).toEqual({
      id: 'NL-ILT-proposal-1',
      title: 'Facial recognition systems',
      authority: 'NL',
      currentVersion: 1,
      status: 'published',
    });
    expect(await store.findProposalSummary('nope')).toBeUndefined();
  });

  it('keeps one position per authority and version, a later one replacing it', async () => {
    const store = await make();
    const position = (
      partner: string,
      recordedAt: string,
      p: Partial<PositionRecord> = {},
    ): PositionRecord => ({
      proposalId: 'NL-ILT-proposal-1',
      partner,
      version: 1,
      position: 'studying',
      recordedAt: at(recordedAt),
      ...p,
    });
    await store.savePosition(position('NO-DEXU', '2026-12-04T10:00:00.000Z'), [audit]);
    await store.savePosition(position('DK-ERST', '2026-12-04T11:00:00.000Z'), [audit]);
    const adopted = position('NO-DEXU', '2026-12-05T10:00:00.000Z', {
      position: 'adopted',
      adoption: {
        nationalEntryId: 'NO-5A991',
        legalInstrument: 'FOR-2026',
        effectiveOn: '2027-01-01',
      },
      messageId: 'NO-DEXU/3',
    });
    await store.savePosition(adopted, [audit]);
    expect(await store.positions('NL-ILT-proposal-1')).toEqual([
      position('DK-ERST', '2026-12-04T11:00:00.000Z'),
      adopted,
    ]);
    expect(await store.positions('other')).toEqual([]);
  });

  it('raises a sync-gap alert once per proposal, partner and case', async () => {
    const store = await make();
    const auditOf = (a: SyncGapAlert) => ({ ...audit, objectId: a.caseId });
    expect(await store.addGapAlerts([gap('c1', '2026-12-05T10:00:00.000Z')], auditOf)).toHaveLength(
      1,
    );
    const again = await store.addGapAlerts(
      [
        { ...gap('c1', '2026-12-06T10:00:00.000Z'), id: 'gap-c1-again' },
        gap('c2', '2026-12-06T10:00:00.000Z'),
      ],
      auditOf,
    );
    expect(again.map((a) => a.caseId)).toEqual(['c2']);
    expect((await store.gapAlerts()).map((a) => a.caseId)).toEqual(['c2', 'c1']);
    expect(await store.gapAlerts({ caseId: 'c1' })).toEqual([
      gap('c1', '2026-12-05T10:00:00.000Z'),
    ]);
  });
}
