import type {
  ProposalContent,
  ProposedEntry,
} from '../../src/domain/proposals/control-proposal.ts';

/**
 * A proposed control entry for facial-recognition systems used for crowd scanning (the Initiative's
 * running example), captured by one fact; pass only what the test is about.
 *
 * @example
 * buildProposedEntry({ entryId: 'US-PROP-FRT-1' })
 */
export function buildProposedEntry(overrides: Partial<ProposedEntry> = {}): ProposedEntry {
  return {
    entryId: 'NL-PROP-FRT-1',
    title: 'Facial recognition systems for crowd scanning',
    text: 'Systems specially designed to identify persons by their faces in crowds.',
    kind: 'equipment',
    criteriaMode: 'all-of',
    criteria: [
      {
        id: 'a',
        text: 'Facial recognition for mass surveillance or crowd scanning',
        facts: ['facial-recognition-mass-surveillance'],
        factMode: 'all',
      },
    ],
    exclusions: [],
    parameters: [],
    technicalNotes: [],
    ...overrides,
  };
}

/**
 * A control proposal's content around `buildProposedEntry()`: title, rationale, one paraphrased
 * piece of evidence and the human-rights reason for control.
 *
 * @example
 * buildProposalContent({ rationale: 'Used against journalists.' })
 */
export function buildProposalContent(overrides: Partial<ProposalContent> = {}): ProposalContent {
  return {
    title: 'Facial recognition systems',
    entry: buildProposedEntry(),
    rationale: 'Used against protesters.',
    evidence: [{ text: 'Protesters identified.', source: 'Amnesty', textStatus: 'paraphrase' }],
    reasonsForControl: ['HR'],
    ...overrides,
  };
}
