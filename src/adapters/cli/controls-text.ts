import type {
  ClassificationJson,
  ControlResponse,
  ControlsCompareResponse,
  ControlsListResponse,
  LicenceDeterminationJson,
  SynchronisationGapsResponse,
} from '../../contracts/controls.ts';

/*
 * The text a person reads for `cordon controls ...` and `cordon classify`, rendered from the same
 * JSON that `--json` prints, so the two never say different things. Rule texts carry their status
 * in brackets: only [verbatim] texts are legal text.
 */

type CitedText = ControlResponse['entries'][number]['titleText'];
type Candidate = ClassificationJson['regimes'][number]['candidates'][number];
type Basis = LicenceDeterminationJson['basis'][number];

const status = (t: { readonly textStatus: string }) => `[${t.textStatus}]`;
const cited = (t: CitedText) => `${t.text} ${status(t)}`;
const indent = (lines: readonly string[], by = '  ') => lines.map((l) => `${by}${l}`);
const pad = (s: string, width: number) => (s.length >= width ? `${s} ` : s.padEnd(width));
const versions = (v: ControlsListResponse['catalogueVersion']) =>
  `Catalogue: ${v.map((f) => `${f.file} (sha256 ${f.sha256.slice(0, 12)})`).join(', ')}`;

/** `cordon controls show 5A001.j`. */
export function controlText(r: ControlResponse): string {
  const best = r.entries.find((e) => e.regime === 'eu') ?? r.entries[0];
  const lines = [
    `${r.id}${r.criterion ? ` (criterion ${r.criterion})` : ''}: ${best?.title ?? ''}`,
    '',
    'Listed in:',
    ...indent(
      r.entries.map(
        (e) =>
          `${pad(e.regime, 10)} ${pad(e.ref, 10)} ${e.status}${e.reasonsForControl.length > 0 ? `, reasons for control ${e.reasonsForControl.join(', ')}` : ''}${e.cyberSurveillance ? ', cyber-surveillance item' : ''}  text ${status(e)}, ${e.source.title} (${e.source.date})`,
      ),
    ),
  ];
  if (best) {
    lines.push('', `Criteria (${best.regime} text):`);
    for (const c of best.criteria) {
      const head =
        c.kind === 'leaf' ? c.id : `${c.id}: ${c.kind === 'all-of' ? 'all of' : 'any of'}`;
      lines.push(`${'  '.repeat(c.depth + 1)}${head}${c.text ? `  ${cited(c.text)}` : ''}`);
    }
    if (best.exclusions.length > 0) {
      lines.push('', 'Exclusions:');
      for (const x of best.exclusions) {
        const scope = x.appliesTo.length > 0 ? `limits ${x.appliesTo.join(', ')}` : 'whole entry';
        lines.push(`  ${x.id} (${scope}): ${cited(x.text)}`);
      }
    }
    if (best.notes.length > 0) lines.push('', 'Notes:', ...indent(best.notes.map(cited)));
  }
  if (r.definitions.length > 0) {
    lines.push('', 'Definitions:');
    for (const d of r.definitions) lines.push(`  "${d.term}": ${cited(d.text)}`);
  }
  if (r.questionnaire.length > 0) {
    lines.push('', 'Questions that decide it (answer them in ITEM.json under "answers"):');
    for (const q of r.questionnaire) {
      for (const x of q.questions) lines.push(`  ${q.criterion}  ${x.question}  ("${x.fact}")`);
    }
  }
  lines.push('', versions(r.catalogueVersion));
  return lines.join('\n');
}

/** `cordon controls search TEXT`. */
export function controlsListText(r: ControlsListResponse, query: string): string {
  if (r.entries.length === 0) return `No entry matches "${query}".`;
  const head =
    query === ''
      ? `${r.total} entries in the catalogue:`
      : `${r.total} entr${r.total === 1 ? 'y matches' : 'ies match'} "${query}", best first:`;
  return [
    head,
    ...indent(
      r.entries.map(
        (e) =>
          `${pad(e.key, 30)} ${e.title} ${status(e)}${e.status === 'in-force' ? '' : ` (${e.status})`}${e.matchedTerms.length > 0 ? `  matched: ${e.matchedTerms.join(', ')}` : ''}`,
      ),
    ),
    ...(r.entries.length < r.total ? [`  ... ${r.total - r.entries.length} more (--limit)`] : []),
  ].join('\n');
}

function candidateLines(variants: readonly Candidate[]): string[] {
  const first = variants[0];
  if (!first) return [];
  const byText = variants.find((c) => c.textStatus === 'verbatim') ?? first;
  const statuses = [...new Set(variants.map((c) => c.status))];
  const state =
    statuses.length === 1
      ? (statuses[0] ?? '')
      : variants.map((c) => `${c.regime} ${c.status}`).join(', ');
  const lines = [
    `${first.entryId}  ${byText.title.text}`,
    `  regimes: ${variants.map((c) => c.regime).join(', ')}; ${state}`,
    `  because of: ${byText.becauseOf.map((b) => `${b.kind} ${b.detail}`).join('; ') || '-'}`,
    ...byText.met.map((f) => `  met      ${f.criterion}  ${cited(f.text)}`),
    ...byText.unknown.map((f) => `  unknown  ${f.criterion}  ${cited(f.text)}`),
    ...byText.notMet.map((f) => `  not met  ${f.criterion}  ${cited(f.text)}`),
    ...byText.exclusions
      .filter((x) => x.status !== 'does-not-apply')
      .map((x) => `  exclusion ${x.id} ${x.status.toUpperCase()}: ${cited(x.text)}`),
    ...byText.definitions.map((d) => `  definition "${d.term}": ${cited(d.text)}`),
    `  => ${byText.summary}`,
  ];
  return lines;
}

/** One item's classification: outcome per regime, candidates with their reasons, open questions, flags. */
export function classificationText(c: ClassificationJson): string[] {
  const lines = [
    `Item: ${c.description}`,
    `Exporter's rating: ${c.exporterRating.length > 0 ? c.exporterRating.join(', ') : 'none given'}`,
    '',
    'Outcome per regime:',
  ];
  for (const r of c.regimes) {
    const o = r.outcome;
    const what =
      o.kind === 'listed'
        ? `LISTED ${o.entries.join(', ')}${o.confirmed ? ' (confirmed by the answers)' : ' (likely: confirm with the questions below)'}`
        : o.kind === 'not-listed'
          ? 'not listed'
          : `UNDETERMINED: ${o.missing.length} question(s) open`;
    lines.push(`  ${pad(r.regime, 10)} ${what}`);
    for (const reason of o.reasons) lines.push(`             - ${reason}`);
  }
  const byEntry = new Map<string, Candidate[]>();
  const ruledOut = new Set<string>();
  for (const r of c.regimes) {
    for (const x of r.candidates) {
      if (x.status === 'ruled-out') {
        ruledOut.add(x.entryId);
        continue;
      }
      byEntry.set(x.entryId, [...(byEntry.get(x.entryId) ?? []), x]);
    }
  }
  for (const id of byEntry.keys()) ruledOut.delete(id);
  if (byEntry.size > 0) {
    lines.push('', 'Candidates:');
    for (const variants of byEntry.values()) lines.push(...indent(candidateLines(variants)));
  }
  if (ruledOut.size > 0) lines.push('', `Ruled out: ${[...ruledOut].join(', ')}`);
  if (c.flags.length > 0) {
    lines.push('', 'Flags:');
    for (const f of c.flags) lines.push(`  ! ${f.kind} ${f.subject}: ${f.message}`);
  }
  lines.push(
    '',
    `EU cyber-surveillance item (Art. 5): ${c.cyberSurveillance.status}${c.cyberSurveillance.reasons.length > 0 ? ` - ${c.cyberSurveillance.reasons.join('; ')}` : ''}`,
  );
  if (c.questions.length > 0) {
    lines.push(
      '',
      'Questions still to answer (add them under "answers": "yes", "no" or "unknown"):',
    );
    for (const q of c.questions) {
      lines.push(`  "${q.fact}": ${q.question}  (decides ${q.entries.join(', ')})`);
    }
  }
  return lines;
}

const decisive: readonly Basis['effect'][] = [
  'prohibited',
  'licence-required',
  'notify-authority',
  'undetermined',
];

const statusWord = (d: LicenceDeterminationJson) =>
  d.status === 'prohibited'
    ? 'PROHIBITED'
    : d.status === 'required'
      ? 'REQUIRED'
      : d.status === 'undetermined'
        ? 'UNDETERMINED'
        : 'no';

/** One jurisdiction's determination: the verdict, the rules that decide it, what is missing. */
export function determinationLines(d: LicenceDeterminationJson): string[] {
  const lines = [
    `${pad(d.jurisdiction, 4)}${d.status === 'not-required' ? 'not required' : statusWord(d)}  (policy ${d.policies.map((p) => `${p.id} v${p.version}`).join(', ')})`,
  ];
  const bases = d.basis.filter((b) => decisive.includes(b.effect));
  for (const b of bases) {
    lines.push(`      ${b.effect.toUpperCase()} by ${b.rule}: ${b.title} ${status(b)}`);
    lines.push(`        ${b.summary}`);
    if (b.reviewPolicy) lines.push(`        review policy: ${cited(b.reviewPolicy)}`);
  }
  if (bases.length === 0) {
    const checked = d.basis.filter((b) => b.effect !== 'information').length;
    lines.push(`      no rule requires a licence (${checked} rule(s) checked)`);
  }
  for (const m of d.missing) lines.push(`      missing ${m.field}: ${m.question}`);
  return lines;
}

/** `cordon classify ITEM.json`: each item, then the licence per jurisdiction when a destination is given. */
export function classifyText(r: {
  readonly items: readonly ClassificationJson[];
  readonly destination: { readonly country: string; readonly region?: string } | null;
  readonly determinations: readonly LicenceDeterminationJson[];
  readonly catalogueVersion: ControlsListResponse['catalogueVersion'];
}): string {
  const lines = r.items.flatMap((c, i) => [
    ...(r.items.length > 1 ? [`== Item ${i + 1} ==`] : []),
    ...classificationText(c),
    '',
  ]);
  if (r.destination) {
    const to = `${r.destination.country}${r.destination.region ? ` (${r.destination.region})` : ''}`;
    lines.push(`Licence for export to ${to}:`, ...r.determinations.flatMap(determinationLines));
  } else {
    lines.push(
      'No destination given: add --destination CC (or "destination" in the file) for the licence per jurisdiction.',
    );
  }
  lines.push('', versions(r.catalogueVersion));
  return lines.join('\n');
}

const effectRank: Readonly<Record<Basis['effect'], number>> = {
  prohibited: 6,
  'licence-required': 5,
  'notify-authority': 4,
  undetermined: 3,
  'no-licence-required': 2,
  'not-applicable': 1,
  information: 0,
};
const cellWord: Readonly<Record<Basis['effect'], string>> = {
  prohibited: 'PROHIBITED',
  'licence-required': 'REQUIRED',
  'notify-authority': 'NOTIFY',
  undetermined: 'UNDETERMINED',
  'no-licence-required': 'no',
  'not-applicable': 'n/a',
  information: 'info',
};

/**
 * `cordon controls compare`: a matrix of rule kinds by jurisdiction, rows where partners differ
 * marked `*`, then the differences in words and each jurisdiction's deciding rules.
 */
export function compareText(r: ControlsCompareResponse, destination: string): string {
  const js = r.determinations.map((d) => d.jurisdiction);
  const kinds = [...new Set(r.determinations.flatMap((d) => d.basis.map((b) => b.ruleKind)))];
  const width = Math.max(14, ...r.determinations.map((d) => statusWord(d).length + 2));
  const cell = (d: LicenceDeterminationJson, kind: string) => {
    const bases = d.basis.filter((b) => b.ruleKind === kind);
    if (bases.length === 0) return '-';
    const top = bases.reduce((a, b) => (effectRank[b.effect] > effectRank[a.effect] ? b : a));
    return cellWord[top.effect];
  };
  // A row differs when partners differ in effect: "-", "n/a" and "no" all mean no licence here.
  const weight = (c: string) =>
    ['PROHIBITED', 'REQUIRED', 'NOTIFY'].includes(c) ? 2 : c === 'UNDETERMINED' ? 1 : 0;
  const row = (label: string, cells: readonly string[]) => {
    const differ = new Set(cells.map(weight)).size > 1;
    return `${differ ? '*' : ' '} ${pad(label, 32)}${cells.map((c) => pad(c, width)).join('')}`.trimEnd();
  };
  const lines = [
    `Export to ${destination}: ${r.agreement === 'differ' ? 'PARTNERS DIFFER' : r.agreement === 'all-require' ? 'every jurisdiction requires a licence' : 'no jurisdiction requires a licence'}`,
    '',
    `  ${pad('rule', 32)}${js.map((j) => pad(j, width)).join('')}`.trimEnd(),
    ...kinds.map((k) =>
      row(
        k,
        r.determinations.map((d) => cell(d, k)),
      ),
    ),
    row('LICENCE', r.determinations.map(statusWord)),
    '',
    '(* partners differ; "-": the jurisdiction has no such rule; n/a: the rule does not apply here)',
  ];
  if (r.differences.length > 0) {
    lines.push('', 'Differences:', ...r.differences.map((d) => `  * ${d.message}`));
  }
  lines.push('', 'Per jurisdiction:', ...indent(r.determinations.flatMap(determinationLines)));
  lines.push('', versions(r.catalogueVersion));
  return lines.join('\n');
}

/** `cordon controls gaps`: entries and rule kinds some partners have and others lack. */
export function gapsText(r: SynchronisationGapsResponse): string {
  return [
    `Synchronisation gaps among ${r.jurisdictions.join(', ')}:`,
    '',
    'Entries controlled by some partners and not by others:',
    ...(r.entries.length === 0 ? ['  none'] : []),
    ...r.entries.flatMap((e) => [
      `  ${pad(e.entryId, 32)} ${e.title} ${status(e)}`,
      `    ${e.message}`,
    ]),
    '',
    'Kinds of licence rule some partners have and others lack:',
    ...(r.rules.length === 0 ? ['  none'] : []),
    ...r.rules.map((g) => `  ${g.message}`),
  ].join('\n');
}
