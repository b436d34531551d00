import type { FoundControlEntries } from '../../application/classification/find-control-entries.ts';
import type { TransactionRequest } from '../../application/classification/parse-transaction.ts';
import type { ControlEntryDetail } from '../../application/classification/show-control-entry.ts';
import type {
  ItemClassification,
  RegimeOutcome,
} from '../../domain/classification/classify-item.ts';
import type {
  JurisdictionComparison,
  SynchronisationReport,
} from '../../domain/classification/compare-jurisdictions.ts';
import type { ControlEntry, CriterionNode } from '../../domain/classification/control-entry.ts';
import type { LicenceDetermination } from '../../domain/classification/licence-requirement.ts';
import type { DataFileVersion } from '../../domain/policy/data-version.ts';
import type {
  ClassificationJson,
  ControlEntryJson,
  ControlResponse,
  ControlsCompareQuery,
  ControlsCompareResponse,
  ControlsListResponse,
  LicenceDeterminationJson,
  SynchronisationGapsResponse,
} from '../../contracts/controls.ts';

/**
 * Maps the domain's values to the JSON of `src/contracts/controls.ts`, for the HTTP routes and the
 * CLI's `--json`. One place decides the outward shape, in particular how `required` stays a
 * boolean: see {@link toLicenceDeterminationJson}.
 */

const summary = (e: ControlEntry) => ({
  key: e.key,
  id: e.id,
  regime: e.regime,
  ref: e.ref,
  title: e.title.text,
  kind: e.kind,
  status: e.status,
  textStatus: e.textStatus,
  reasonsForControl: [...e.reasonsForControl],
  cyberSurveillance: e.cyberSurveillance,
});

function flattenCriteria(
  node: CriterionNode | undefined,
  parent?: string,
  depth = 0,
): ControlEntryJson['criteria'] {
  if (!node) return [];
  const self = {
    id: node.id,
    kind: node.kind,
    ...(parent !== undefined ? { parent } : {}),
    depth,
    ...(node.text ? { text: node.text } : {}),
    facts: node.kind === 'leaf' ? [...node.facts] : [],
    ...(node.kind === 'leaf' ? { factMode: node.factMode } : {}),
  };
  return node.kind === 'leaf'
    ? [self]
    : [self, ...node.children.flatMap((c) => flattenCriteria(c, node.id, depth + 1))];
}

/** One entry, its criteria tree flattened depth first (parents before children). */
export const toControlEntryJson = (e: ControlEntry): ControlEntryJson => ({
  ...summary(e),
  titleText: e.title,
  ...(e.category !== undefined ? { category: e.category } : {}),
  ...(e.group !== undefined ? { group: e.group } : {}),
  criteria: flattenCriteria(e.criteria),
  exclusions: e.exclusions.map((x) => ({ ...x, appliesTo: [...x.appliesTo], facts: [...x.facts] })),
  notes: [...e.notes],
  definitions: [...e.definitions],
  related: [...e.related],
  surveillanceTags: [...e.surveillanceTags],
  source: e.source,
  verifyAt: [...e.verifyAt],
});

const versions = (v: readonly DataFileVersion[]) =>
  v.map((f) => ({ file: f.file, sha256: f.sha256 }));

export const toControlsListJson = (found: FoundControlEntries): ControlsListResponse => ({
  catalogueVersion: versions(found.catalogueVersion),
  total: found.total,
  entries: found.entries.map((f) => ({
    ...summary(f.entry),
    score: f.score,
    matchedTerms: [...f.matchedTerms],
  })),
});

export const toControlJson = (detail: ControlEntryDetail): ControlResponse => ({
  id: detail.id,
  ...(detail.criterion ? { criterion: detail.criterion } : {}),
  entries: detail.entries.map(toControlEntryJson),
  definitions: detail.definitions.map((d) => ({
    ...d,
    notes: [...d.notes],
    alternatives: [...d.alternatives],
  })),
  questionnaire: detail.questionnaire.map((q) => ({
    criterion: q.criterion,
    text: q.text,
    questions: q.questions.map((x) => ({ ...x, entries: [...x.entries] })),
  })),
  catalogueVersion: versions(detail.catalogueVersion),
});

const outcomeJson = (o: RegimeOutcome) => ({
  kind: o.kind,
  entries: o.kind === 'listed' ? [...o.entries] : [],
  confirmed: o.kind === 'listed' && o.confirmed,
  reasons: [...o.reasons],
  missing:
    o.kind === 'undetermined' ? o.missing.map((q) => ({ ...q, entries: [...q.entries] })) : [],
});

export const toClassificationJson = (c: ItemClassification): ClassificationJson => ({
  description: c.description,
  regimes: c.regimes.map((r) => ({
    regime: r.regime,
    outcome: outcomeJson(r.outcome),
    candidates: r.candidates.map((x) => ({
      ...x,
      becauseOf: x.becauseOf.map((b) => ({
        kind: b.kind,
        detail:
          b.kind === 'exporter-rating'
            ? b.rating
            : b.kind === 'capability'
              ? b.tag
              : b.kind === 'fact'
                ? b.fact
                : b.terms.join(', '),
      })),
      met: x.met.map((f) => ({ ...f, facts: [...f.facts] })),
      unknown: x.unknown.map((f) => ({ ...f, facts: [...f.facts] })),
      notMet: x.notMet.map((f) => ({ ...f, facts: [...f.facts] })),
      exclusions: x.exclusions.map((e) => ({
        ...e,
        appliesTo: [...e.appliesTo],
        facts: [...e.facts],
      })),
      definitions: x.definitions.map((d) => ({
        ...d,
        notes: [...d.notes],
        alternatives: [...d.alternatives],
      })),
      questions: x.questions.map((q) => ({ ...q, entries: [...q.entries] })),
    })),
  })),
  questions: c.questions.map((q) => ({ ...q, entries: [...q.entries] })),
  flags: c.flags.map((f) => ({
    kind: f.kind,
    subject: f.kind === 'proposed-control' ? f.entry : f.rating,
    message: f.message,
  })),
  facts: c.facts.map((f) => ({ ...f })),
  cyberSurveillance: {
    status: c.cyberSurveillance.status,
    reasons: [...c.cyberSurveillance.reasons],
  },
  interception: {
    status: c.interception.status,
    functions: c.interception.functions.map((f) => ({ ...f, because: [...f.because] })),
  },
  exporterRating: [...c.exporterRating],
});

/**
 * The outward contract keeps `required` a boolean (`../shared/spec/README.md`). Cordon decides:
 * `undetermined` maps to `required: true` with `status: 'undetermined'` and the `missing` list,
 * because an export must not go ahead while a rule may still require a licence; `required: false`
 * means every rule was checked and none requires one. `prohibited` (a sanctions or embargo
 * prohibition, a blocking list) is a required licence that can never be granted.
 */
export const toLicenceDeterminationJson = (d: LicenceDetermination): LicenceDeterminationJson => ({
  jurisdiction: d.jurisdiction,
  required: d.required !== false,
  status: d.basis.some((b) => b.effect === 'prohibited')
    ? 'prohibited'
    : d.required === true
      ? 'required'
      : d.required === false
        ? 'not-required'
        : 'undetermined',
  basis: d.basis.map((b) => ({ ...b, citations: [...b.citations] })),
  missing: d.missing.map((m) => ({ ...m })),
  policies: d.policies.map((p) => ({ ...p })),
});

export const toCompareJson = (
  items: readonly ItemClassification[],
  comparison: JurisdictionComparison,
  catalogueVersion: readonly DataFileVersion[],
): ControlsCompareResponse => ({
  items: items.map(toClassificationJson),
  agreement: comparison.agreement,
  determinations: comparison.determinations.map(toLicenceDeterminationJson),
  differences: comparison.differences.map((d) =>
    d.kind === 'outcome'
      ? {
          kind: d.kind,
          required: [...d.required],
          notRequired: [...d.notRequired],
          undetermined: [...d.undetermined],
          message: d.message,
        }
      : {
          kind: d.kind,
          ruleKind: d.ruleKind,
          requiring: [...d.requiring],
          undetermined: [...d.undetermined],
          notTriggered: [...d.notTriggered],
          absent: [...d.absent],
          message: d.message,
        },
  ),
  catalogueVersion: versions(catalogueVersion),
});

export const toGapsJson = (r: SynchronisationReport): SynchronisationGapsResponse => ({
  jurisdictions: [...r.jurisdictions],
  entries: r.entries.map((e) => ({
    ...e,
    regimes: [...e.regimes],
    controlledIn: [...e.controlledIn],
    notControlledIn: [...e.notControlledIn],
  })),
  rules: r.rules.map((g) => ({
    ruleKind: g.ruleKind,
    presentIn: g.presentIn.map((p) => ({ jurisdiction: p.jurisdiction, rules: [...p.rules] })),
    absentIn: [...g.absentIn],
    message: g.message,
  })),
});

const commaList = (s: string | undefined): string[] | undefined =>
  s === undefined
    ? undefined
    : s
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x !== '');

/**
 * Turns `GET /v1/controls/compare?destination=IR&entries=5A001.f&jurisdictions=US,EU` into a
 * transaction of one item rated as given. Without parties, end-user rules stay undetermined.
 */
export function compareQueryToRequest(query: ControlsCompareQuery): TransactionRequest {
  const entries = commaList(query.entries);
  const capabilities = commaList(query.capabilities);
  const jurisdictions = commaList(query.jurisdictions);
  const description =
    query.description ??
    (entries && entries.length > 0 ? `An item rated ${entries.join(', ')}` : 'An item');
  return {
    ...(jurisdictions ? { jurisdictions } : {}),
    destination: {
      country: query.destination,
      ...(query.region !== undefined ? { region: query.region } : {}),
    },
    items: [
      {
        description,
        ...(entries ? { controlEntries: entries } : {}),
        ...(capabilities ? { capabilities } : {}),
      },
    ],
  };
}
