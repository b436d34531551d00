import {
  classifyItem,
  type CandidateStatus,
  type ItemToClassify,
} from '../classification/classify-item.ts';
import type { ControlCatalogue } from '../classification/control-catalogue.ts';
import type { ControlEntry, CriterionLeaf } from '../classification/control-entry.ts';
import type { CitedText, SourceRef } from '../policy/text-provenance.ts';
import type { ProposedEntry } from './control-proposal.ts';

/** Where a proposed entry came from, for the provenance of its texts. */
export interface ProposalSource {
  readonly proposalId: string;
  readonly version: number;
  readonly authority: string;
  /** YYYY-MM-DD of the version. */
  readonly date: string;
}

/**
 * The proposed entry as a catalogue entry, so that `classifyItem` evaluates it like any listed
 * one: its criteria become leaves on the catalogue's facts under one all-of / any-of group, its
 * exclusions notes on facts. The texts are the proposal's own words (verbatim of the proposal,
 * which is not law: the source says so). The entry sits in the EU slot of a dry-run catalogue
 * only: Cordon's regimes have no national slot, and a dry run reads this entry's candidate alone.
 */
export function proposedControlEntry(entry: ProposedEntry, from: ProposalSource): ControlEntry {
  const source: SourceRef = {
    title: `Control proposal ${from.proposalId}, version ${String(from.version)}, by ${from.authority} (not law)`,
    date: from.date,
  };
  const cited = (text: string): CitedText => ({ text, textStatus: 'verbatim', source });
  const leaves: CriterionLeaf[] = entry.criteria.map((c) => ({
    kind: 'leaf',
    id: c.id,
    text: cited(c.text),
    facts: c.facts,
    factMode: c.factMode,
  }));
  return {
    key: `eu:${entry.entryId}`,
    id: entry.entryId,
    regime: 'eu',
    ref: entry.entryId,
    title: cited(entry.title),
    kind: entry.kind,
    // In force inside the dry run only: that is the question a dry run asks.
    status: 'in-force',
    criteria: {
      kind: entry.criteriaMode,
      id: entry.entryId,
      text: cited(entry.text),
      children: leaves,
    },
    exclusions: entry.exclusions.map((x) => ({
      id: x.id,
      appliesTo: [],
      text: cited(x.text),
      facts: x.facts,
    })),
    notes: [
      ...entry.technicalNotes.map(cited),
      ...entry.parameters.map((p) => cited(`${p.name}: ${p.value}`)),
    ],
    definitions: [],
    reasonsForControl: [],
    related: [],
    cyberSurveillance: false,
    surveillanceTags: [],
    textStatus: 'verbatim',
    source,
    verifyAt: [],
  };
}

/** Whether the proposed entry would capture an item. */
export type Capture = 'captured' | 'possibly-captured' | 'not-captured' | 'unclassifiable';

export interface ItemCapture {
  readonly description: string;
  readonly capture: Capture;
  /** The candidate's status under the proposed entry, when it became a candidate. */
  readonly status?: CandidateStatus;
  /** The entries of the current catalogue that already list the item (it needs a licence anyway). */
  readonly alreadyListedUnder: readonly string[];
  readonly summary: string;
}

/**
 * Classifies one item against the catalogue with the proposed entry added: `captured` when its
 * criteria are met on answers or on evidence (`meets-criteria`, `likely`), `possibly-captured`
 * when some remain unknown, else `not-captured`.
 *
 * @example
 * itemCapture(catalogue, entry, { description: 'Facial recognition for crowd scanning' })
 * // { capture: 'captured', status: 'likely', ... } (on the description's evidence)
 */
export function itemCapture(
  catalogue: ControlCatalogue,
  entry: ControlEntry,
  item: ItemToClassify,
): ItemCapture {
  const withEntry: ControlCatalogue = {
    ...catalogue,
    entries: [...catalogue.entries.filter((e) => e.id !== entry.id), entry],
  };
  const classified = classifyItem(withEntry, item);
  if (!classified.ok) {
    return {
      description: item.description,
      capture: 'unclassifiable',
      alreadyListedUnder: [],
      summary: classified.error.problems.map((p) => `${p.field} ${p.problem}`).join('; '),
    };
  }
  const listed = new Set<string>();
  for (const r of classified.value.regimes) {
    if (r.outcome.kind === 'listed')
      for (const id of r.outcome.entries) if (id !== entry.id) listed.add(id);
  }
  const candidate = classified.value.regimes
    .flatMap((r) => r.candidates)
    .find((c) => c.entryId === entry.id);
  const capture: Capture =
    candidate === undefined
      ? 'not-captured'
      : candidate.status === 'meets-criteria' || candidate.status === 'likely'
        ? 'captured'
        : candidate.status === 'possible'
          ? 'possibly-captured'
          : 'not-captured';
  return {
    description: item.description,
    capture,
    ...(candidate === undefined ? {} : { status: candidate.status }),
    alreadyListedUnder: [...listed].sort(),
    summary: candidate?.summary ?? 'no fact of the proposed entry holds for the item',
  };
}

/** A case as a dry run reads it. */
export interface CaseToTest {
  readonly caseId: string;
  readonly reference: string;
  readonly stage: string;
  /** Open: submitted and not yet closed; else a decided case or an issued licence. */
  readonly open: boolean;
  readonly outcome?: string;
  readonly destination: string;
  /** The end user's type (`government-security`, `commercial`...), `unknown` when not given. */
  readonly endUserType: string;
  readonly items: readonly ItemToClassify[];
}

export interface CaseImpact {
  readonly caseId: string;
  readonly reference: string;
  readonly stage: string;
  readonly open: boolean;
  readonly outcome?: string;
  readonly destination: string;
  readonly endUserType: string;
  /** The strongest capture among the case's items. */
  readonly capture: Capture;
  /** True when no current entry lists a captured item: the proposal alone would require a licence. */
  readonly newlyControlled: boolean;
  readonly items: readonly ItemCapture[];
}

export interface ImpactTally {
  readonly key: string;
  readonly captured: number;
  readonly possiblyCaptured: number;
  readonly newlyControlled: number;
}

/** What a proposed control would have changed for a set of cases. */
export interface ImpactReport {
  readonly entryId: string;
  readonly examined: number;
  readonly captured: number;
  readonly possiblyCaptured: number;
  readonly newlyControlled: number;
  readonly byDestination: readonly ImpactTally[];
  readonly byEndUserType: readonly ImpactTally[];
  /** The cases captured or possibly captured, captured first. */
  readonly cases: readonly CaseImpact[];
}

const captureRank: Record<Capture, number> = {
  captured: 0,
  'possibly-captured': 1,
  'not-captured': 2,
  unclassifiable: 3,
};

/** Classifies every item of one case against the proposed entry. */
export function caseImpact(
  catalogue: ControlCatalogue,
  entry: ControlEntry,
  c: CaseToTest,
): CaseImpact {
  const items = c.items.map((item) => itemCapture(catalogue, entry, item));
  const capture =
    items.map((i) => i.capture).sort((a, b) => captureRank[a] - captureRank[b])[0] ??
    'not-captured';
  return {
    caseId: c.caseId,
    reference: c.reference,
    stage: c.stage,
    open: c.open,
    ...(c.outcome === undefined ? {} : { outcome: c.outcome }),
    destination: c.destination,
    endUserType: c.endUserType,
    capture,
    newlyControlled: items.some(
      (i) => i.capture === 'captured' && i.alreadyListedUnder.length === 0,
    ),
    items,
  };
}

function tally(impacts: readonly CaseImpact[], keyOf: (c: CaseImpact) => string): ImpactTally[] {
  const byKey = new Map<
    string,
    { captured: number; possiblyCaptured: number; newlyControlled: number }
  >();
  for (const c of impacts) {
    const t = byKey.get(keyOf(c)) ?? { captured: 0, possiblyCaptured: 0, newlyControlled: 0 };
    if (c.capture === 'captured') t.captured += 1;
    if (c.capture === 'possibly-captured') t.possiblyCaptured += 1;
    if (c.newlyControlled) t.newlyControlled += 1;
    byKey.set(keyOf(c), t);
  }
  return [...byKey.entries()]
    .map(([key, t]) => ({ key, ...t }))
    .sort((a, b) => b.captured - a.captured || a.key.localeCompare(b.key));
}

/**
 * The dry run: which of the cases (past applications, issued licences, open cases) the proposed
 * entry would capture, tallied by destination and by end-user type, with the cases listed.
 * Nothing is changed; a case counts once, by its most strongly captured item.
 */
export function dryRunProposedEntry(
  catalogue: ControlCatalogue,
  entry: ControlEntry,
  cases: readonly CaseToTest[],
): ImpactReport {
  const impacts = cases
    .map((c) => caseImpact(catalogue, entry, c))
    .filter((c) => c.capture === 'captured' || c.capture === 'possibly-captured')
    .sort(
      (a, b) =>
        captureRank[a.capture] - captureRank[b.capture] || a.reference.localeCompare(b.reference),
    );
  return {
    entryId: entry.id,
    examined: cases.length,
    captured: impacts.filter((c) => c.capture === 'captured').length,
    possiblyCaptured: impacts.filter((c) => c.capture === 'possibly-captured').length,
    newlyControlled: impacts.filter((c) => c.newlyControlled).length,
    byDestination: tally(impacts, (c) => c.destination),
    byEndUserType: tally(impacts, (c) => c.endUserType),
    cases: impacts,
  };
}
