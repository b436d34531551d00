import type { TextStatus } from '../policy/text-provenance.ts';
import { textStatuses } from '../policy/text-provenance.ts';
import type { FieldProblem } from '../shared/errors.ts';
import { err, ok, type Result } from '../shared/result.ts';

/**
 * A control proposal: a licensing authority's draft of a new or changed control, shared with
 * partner states over the signed exchange so that they can study it, take a position on each
 * version and adopt it into their national lists. The proposed entry is written in the control
 * catalogue's own terms (criteria that name the catalogue's facts, exclusions, technical notes),
 * so that Cordon classifies items against it exactly as against a listed entry.
 */

/** What a criterion of the proposed entry asks: one or more of the catalogue's facts. */
export interface ProposedCriterion {
  /** `a`, `a.1`: unique within the entry. */
  readonly id: string;
  readonly text: string;
  /** Fact ids of the control catalogue (`facial-recognition-mass-surveillance`). */
  readonly facts: readonly string[];
  readonly factMode: 'all' | 'any';
}

/** A note taking items out of the proposed entry, decided by facts like a catalogue exclusion. */
export interface ProposedExclusion {
  readonly id: string;
  readonly text: string;
  readonly facts: readonly string[];
}

/** A technical parameter of the entry (`frames per second` >= `25`), as the entry text states it. */
export interface ProposedParameter {
  readonly name: string;
  readonly value: string;
}

/** The control entry as proposed, in the catalogue's format. */
export interface ProposedEntry {
  /** The number the proposal gives the entry (`NL-PROP-FRT-1`); a national number comes on adoption. */
  readonly entryId: string;
  readonly title: string;
  /** The entry's full text as it would be listed. */
  readonly text: string;
  readonly kind: 'equipment' | 'software' | 'technology';
  /** Whether every criterion must hold, or any one. */
  readonly criteriaMode: 'all-of' | 'any-of';
  readonly criteria: readonly ProposedCriterion[];
  readonly exclusions: readonly ProposedExclusion[];
  readonly parameters: readonly ProposedParameter[];
  readonly technicalNotes: readonly string[];
}

/** One piece of human-rights evidence for the proposal, with its source and text status. */
export interface HumanRightsEvidence {
  readonly text: string;
  /** Title or address of the source. */
  readonly source: string;
  readonly textStatus: TextStatus;
}

/** What a proposal says; each published version carries all of it. */
export interface ProposalContent {
  readonly title: string;
  readonly entry: ProposedEntry;
  readonly rationale: string;
  readonly evidence: readonly HumanRightsEvidence[];
  /** The reasons for control proposed (`HR`, `RS`, `CC`...). */
  readonly reasonsForControl: readonly string[];
}

export const proposalStatuses = ['draft', 'published', 'withdrawn'] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

export const proposalPositions = [
  'studying',
  'support',
  'oppose',
  'adopted',
  'not-adopting',
] as const;
export type ProposalPosition = (typeof proposalPositions)[number];

/** How a partner put a control into force: its national number, the instrument, the date. */
export interface Adoption {
  readonly nationalEntryId: string;
  readonly legalInstrument: string;
  /** YYYY-MM-DD. */
  readonly effectiveOn: string;
}

/** The body of a `control-proposal` message: version 1 publishes, later versions amend. */
export interface ControlProposalBody extends ProposalContent {
  /** `<authority id>-proposal-<n>`: starts with the proposing authority's id. */
  readonly proposalId: string;
  readonly version: number;
  /** For an amendment: what changed and why. */
  readonly changeNote?: string;
}

/** The body of a `control-proposal-withdrawal` message. */
export interface ControlProposalWithdrawalBody {
  readonly proposalId: string;
  readonly reason: string;
}

/** The body of a `proposal-position` message: a partner's position on one version. */
export interface ProposalPositionBody {
  readonly proposalId: string;
  readonly version: number;
  readonly position: ProposalPosition;
  /** Required when opposing or not adopting. */
  readonly reasons?: string;
  /** Required, and only allowed, with `adopted`. */
  readonly adoption?: Adoption;
}

type Fields = Readonly<Record<string, unknown>>;
const isObject = (v: unknown): v is Fields =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const entryIdShape = /^[A-Z0-9][A-Z0-9.-]{0,39}$/i;
const factShape = /^[a-z0-9][a-z0-9-]{0,79}$/;
const listOf = (v: unknown): readonly unknown[] | undefined => (Array.isArray(v) ? v : undefined);

/** A proposal id names its authority: `NL-ILT-proposal-3` belongs to `NL-ILT`. */
export const proposalBelongsTo = (proposalId: string, authorityId: string): boolean =>
  proposalId.startsWith(`${authorityId}-proposal-`);

/** The jurisdiction of an authority id: `NL` of `NL-ILT`. */
export const jurisdictionOf = (authorityId: string): string => authorityId.slice(0, 2);

function factsProblems(
  v: unknown,
  field: string,
  known?: (fact: string) => boolean,
): FieldProblem[] {
  const facts = listOf(v);
  if (facts === undefined || facts.length === 0)
    return [{ field, problem: 'must list at least one fact of the control catalogue' }];
  return facts.flatMap((f, i) =>
    typeof f !== 'string' || !factShape.test(f)
      ? [
          {
            field: `${field}.${String(i)}`,
            problem: 'is not a fact id (lower-case words joined by -)',
          },
        ]
      : known !== undefined && !known(f)
        ? [
            {
              field: `${field}.${String(i)}`,
              problem: `${f} is not a fact of the control catalogue`,
            },
          ]
        : [],
  );
}

function entryProblems(
  v: unknown,
  field: string,
  known?: (fact: string) => boolean,
): FieldProblem[] {
  if (!isObject(v)) return [{ field, problem: 'is required: the proposed control entry' }];
  const problems: FieldProblem[] = [];
  const at = (name: string, problem: string) =>
    problems.push({ field: `${field}.${name}`, problem });
  if (typeof v.entryId !== 'string' || !entryIdShape.test(v.entryId))
    at('entryId', 'must be an entry number of letters, digits, dots and hyphens (NL-PROP-FRT-1)');
  if (!isText(v.title)) at('title', 'is required');
  if (!isText(v.text)) at('text', 'is required: the entry text as it would be listed');
  if (!['equipment', 'software', 'technology'].includes(v.kind as string))
    at('kind', 'must be equipment, software or technology');
  if (v.criteriaMode !== 'all-of' && v.criteriaMode !== 'any-of')
    at('criteriaMode', 'must be all-of or any-of');
  const criteria = listOf(v.criteria);
  if (criteria === undefined || criteria.length === 0) {
    at('criteria', 'must list at least one criterion');
  } else {
    const ids = new Set<string>();
    criteria.forEach((c, i) => {
      const here = `criteria.${String(i)}`;
      if (!isObject(c)) {
        at(here, 'must be { id, text, facts, factMode }');
        return;
      }
      if (!isText(c.id) || ids.has(c.id))
        at(`${here}.id`, 'is required and unique within the entry');
      else ids.add(c.id);
      if (!isText(c.text)) at(`${here}.text`, 'is required');
      if (c.factMode !== 'all' && c.factMode !== 'any')
        at(`${here}.factMode`, 'must be all or any');
      problems.push(...factsProblems(c.facts, `${field}.${here}.facts`, known));
    });
  }
  const exclusions = listOf(v.exclusions);
  if (exclusions === undefined) at('exclusions', 'must be a list (empty when none)');
  else
    exclusions.forEach((x, i) => {
      const here = `exclusions.${String(i)}`;
      if (!isObject(x) || !isText(x.id) || !isText(x.text)) {
        at(here, 'must be { id, text, facts }');
        return;
      }
      problems.push(...factsProblems(x.facts, `${field}.${here}.facts`, known));
    });
  const parameters = listOf(v.parameters);
  if (
    parameters === undefined ||
    !parameters.every((p) => isObject(p) && isText(p.name) && typeof p.value === 'string')
  )
    at('parameters', 'must be a list of { name, value } (empty when none)');
  const notes = listOf(v.technicalNotes);
  if (notes === undefined || !notes.every(isText))
    at('technicalNotes', 'must be a list of texts (empty when none)');
  return problems;
}

/**
 * Checks a proposal's content (as an officer drafts it, or as a partner's message carries it),
 * naming every offending field at once. With `knownFact`, each fact must be one the control
 * catalogue knows: a draft may only use questions Cordon can ask; a partner's message is checked
 * for shape alone (its node may know facts this one does not).
 *
 * @example
 * checkProposalContent({ title: 'x' }).ok // false: entry, rationale, evidence ... are named
 */
export function checkProposalContent(
  value: unknown,
  knownFact?: (fact: string) => boolean,
  field = 'body',
): Result<ProposalContent, readonly FieldProblem[]> {
  if (!isObject(value)) return err([{ field, problem: 'must be a JSON object' }]);
  const problems: FieldProblem[] = [];
  if (!isText(value.title)) problems.push({ field: `${field}.title`, problem: 'is required' });
  problems.push(...entryProblems(value.entry, `${field}.entry`, knownFact));
  if (!isText(value.rationale))
    problems.push({
      field: `${field}.rationale`,
      problem: 'is required: why the control is needed',
    });
  const evidence = listOf(value.evidence);
  if (evidence === undefined)
    problems.push({ field: `${field}.evidence`, problem: 'must be a list (empty when none)' });
  else
    evidence.forEach((e, i) => {
      if (
        !isObject(e) ||
        !isText(e.text) ||
        !isText(e.source) ||
        !(textStatuses as readonly unknown[]).includes(e.textStatus)
      )
        problems.push({
          field: `${field}.evidence.${String(i)}`,
          problem: 'must be { text, source, textStatus: verbatim | paraphrase | seed-unverified }',
        });
    });
  const reasons = listOf(value.reasonsForControl);
  if (reasons === undefined || reasons.length === 0 || !reasons.every(isText))
    problems.push({
      field: `${field}.reasonsForControl`,
      problem: 'must list at least one reason for control',
    });
  return problems.length > 0 ? err(problems) : ok(value as unknown as ProposalContent);
}

/**
 * Checks a position: `oppose` and `not-adopting` need reasons; `adopted` needs the national entry
 * id, the legal instrument and the date it takes effect, and no other position may carry them.
 */
export function checkPosition(
  value: {
    readonly position?: unknown;
    readonly reasons?: unknown;
    readonly adoption?: unknown;
  },
  field = 'body',
): Result<
  { readonly position: ProposalPosition; readonly reasons?: string; readonly adoption?: Adoption },
  readonly FieldProblem[]
> {
  const problems: FieldProblem[] = [];
  const position = value.position;
  if (!(proposalPositions as readonly unknown[]).includes(position)) {
    return err([
      { field: `${field}.position`, problem: `must be one of ${proposalPositions.join(', ')}` },
    ]);
  }
  if (value.reasons !== undefined && typeof value.reasons !== 'string')
    problems.push({ field: `${field}.reasons`, problem: 'must be a text' });
  if ((position === 'oppose' || position === 'not-adopting') && !isText(value.reasons))
    problems.push({
      field: `${field}.reasons`,
      problem: `is required when the position is ${position}`,
    });
  if (position === 'adopted') {
    const a = value.adoption;
    if (!isObject(a)) {
      problems.push({
        field: `${field}.adoption`,
        problem: 'is required when adopted: { nationalEntryId, legalInstrument, effectiveOn }',
      });
    } else {
      if (!isText(a.nationalEntryId))
        problems.push({ field: `${field}.adoption.nationalEntryId`, problem: 'is required' });
      if (!isText(a.legalInstrument))
        problems.push({ field: `${field}.adoption.legalInstrument`, problem: 'is required' });
      if (typeof a.effectiveOn !== 'string' || !isoDate.test(a.effectiveOn))
        problems.push({ field: `${field}.adoption.effectiveOn`, problem: 'must be YYYY-MM-DD' });
    }
  } else if (value.adoption !== undefined) {
    problems.push({
      field: `${field}.adoption`,
      problem: 'is only given with the position adopted',
    });
  }
  if (problems.length > 0) return err(problems);
  return ok({
    position: position as ProposalPosition,
    ...(typeof value.reasons === 'string' && value.reasons !== ''
      ? { reasons: value.reasons }
      : {}),
    ...(position === 'adopted' ? { adoption: value.adoption as Adoption } : {}),
  });
}

const first = (problems: readonly FieldProblem[]): string =>
  problems.map((p) => `${p.field} ${p.problem}`).join('; ');

const versionProblem = (v: unknown): string | undefined =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 1
    ? undefined
    : 'version must be a positive integer';

/** The shape problem of a received `control-proposal` body, or undefined when it is well formed. */
export function proposalBodyProblem(b: Fields): string | undefined {
  if (!isText(b.proposalId) || !/-proposal-/.test(b.proposalId))
    return 'proposalId must be <authority id>-proposal-<n>';
  const version = versionProblem(b.version);
  if (version !== undefined) return version;
  if (b.changeNote !== undefined && typeof b.changeNote !== 'string')
    return 'changeNote must be a text';
  const content = checkProposalContent(b);
  return content.ok ? undefined : first(content.error);
}

/** The shape problem of a received `control-proposal-withdrawal` body. */
export const withdrawalBodyProblem = (b: Fields): string | undefined =>
  isText(b.proposalId) && isText(b.reason) ? undefined : 'proposalId and reason are required';

/** The shape problem of a received `proposal-position` body. */
export function positionBodyProblem(b: Fields): string | undefined {
  if (!isText(b.proposalId)) return 'proposalId is required';
  const version = versionProblem(b.version);
  if (version !== undefined) return version;
  const checked = checkPosition(b);
  return checked.ok ? undefined : first(checked.error);
}
