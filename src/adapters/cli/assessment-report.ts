import type { Assessment } from '../../application/assessment/assess-application.ts';
import type { DryRunReport } from '../../application/assessment/dry-run-policy.ts';
import type { PolicyComparison } from '../../application/assessment/compare-policies.ts';
import { citationLabel } from '../../domain/policy/text-provenance.ts';

const indent = (lines: readonly string[], by = '  ') => lines.map((l) => `${by}${l}`);

/**
 * The assessment as a readable report: the recommendation first, then why (factors, criteria,
 * licence basis), then what was screened and classified, and the provenance. Every cited text is
 * labelled with its status, so a paraphrase never reads as law.
 */
export function renderAssessment(a: Assessment): string {
  const hr = a.humanRights;
  const licence = Object.entries(a.licence);
  const lines: string[] = [
    `${a.kind === 'self-assessment' ? 'Self-assessment' : 'Assessment'} under ${a.provenance.policy.id} v${a.provenance.policy.version}`,
    `Exporter ${a.exporter.name} (${a.exporter.country}) -> ${a.destination.country}${a.destination.region ? ` (${a.destination.region})` : ''}`,
    '',
    `RECOMMENDATION: ${a.recommendation.outcome.toUpperCase()}`,
    ...indent([a.recommendation.summary]),
    ...(a.recommendation.floors.length > 0
      ? [
          'Raised by:',
          ...a.recommendation.floors.map(
            (f) => `  at least ${f.atLeast} (${f.criterion}): ${f.reason}`,
          ),
        ]
      : []),
    ...(a.recommendation.partyMatches.length > 0
      ? [
          'Party matches:',
          ...a.recommendation.partyMatches.map(
            (m) =>
              `  ${m.status === 'cleared' ? `cleared by ${m.clearedBy ?? '?'} (${m.clearedBecause ?? ''})` : 'TO CLEAR'} ${m.role} "${m.party}" = "${m.listedName}" ${m.source} ${m.entityId} [${m.standing === 'binding' ? 'binding here' : "another state's list: evidence"}]`,
          ),
        ]
      : []),
    `Lists (freshness limit ${a.screeningCoverage.maxAgeDays} days, as of ${a.screeningCoverage.asOf}): ${a.screeningCoverage.lists.map((l) => `${l.source} ${l.status}${l.snapshot ? ` (${l.snapshot.dataDate})` : ''}`).join(', ') || 'none bind this jurisdiction'}`,
    `HUMAN-RIGHTS RISK: ${hr.risk} (score ${hr.score}; ${hr.scoreRisk} before presumptions; item relevance ${hr.itemRelevance})`,
    '',
    'Factors (weight x severity):',
    ...hr.factors.flatMap((f) => [
      `  ${f.id.padEnd(16)} ${f.weight.toFixed(2)} x ${f.severity.toFixed(2)} = ${f.contribution.toFixed(3)}  [${f.textStatus}]`,
      ...indent(f.evidence, '      '),
    ]),
    ...(hr.omittedFactors.length > 0
      ? [`  (left out of a self-assessment: ${hr.omittedFactors.join(', ')})`]
      : []),
    ...(hr.presumptions.length > 0
      ? [
          '',
          'Presumptions of denial (US law) and policy risk floors:',
          ...hr.presumptions.map(
            (p) =>
              `  ${p.kind === 'presumption-of-denial' ? 'presumption of denial' : 'risk floor'} ${p.id}: ${p.title} -> at least ${p.riskAtLeast}`,
          ),
        ]
      : []),
    '',
    'Criteria:',
    ...a.recommendation.criteria.flatMap((c) => [
      `  [${c.status}] ${c.title}`,
      `      ${c.reason}`,
      `      "${c.text.text.length > 160 ? `${c.text.text.slice(0, 159)}…` : c.text.text}"`,
      `      (${citationLabel(c.text)})`,
    ]),
    ...(a.recommendation.provisos.length > 0
      ? [
          '',
          'Provisos:',
          ...a.recommendation.provisos.map(
            (p) => `  ${p.id}: ${p.text.text} (${citationLabel(p.text)})`,
          ),
        ]
      : []),
    '',
    'Licence:',
    ...licence.flatMap(([j, l]) => [
      `  ${j}: ${l.status}`,
      ...l.basis.map(
        (b) =>
          `    ${b.effect.padEnd(19)} ${b.regime ? `${b.regime.instrument}, ${b.regime.provision}` : b.title}${b.review ? ` (review: ${b.review})` : ''} [${b.textStatus}]`,
      ),
      ...l.missing.map((m) => `    missing ${m.field}: ${m.question}`),
    ]),
    '',
    'Parties:',
    ...a.parties.flatMap((p) => [
      `  ${p.role} ${p.name}${p.country ? ` (${p.country})` : ''}${p.type ? ` [${p.type}]` : ''}: ${p.matches.length === 0 ? 'no match' : `${p.matches.length} match(es)`}`,
      ...p.matches.map(
        (m) =>
          `    ${m.band} ${m.score.toFixed(2)} ${m.source} "${m.name}"${m.programmes.length > 0 ? ` (${m.programmes.join(', ')})` : ''}`,
      ),
    ]),
    'Items:',
    ...a.items.flatMap((i) => [
      `  ${i.description}`,
      ...i.classification.map(
        (c) =>
          `    ${c.regime}: ${c.outcome}${c.entries.length > 0 ? ` ${c.entries.join(', ')}` : ''}`,
      ),
    ]),
    ...(a.dueDiligence
      ? [
          '',
          'Due diligence:',
          ...a.dueDiligence.map(
            (d) => `  [${d.status === 'answered' ? 'x' : ' '}] ${d.step}: ${d.note}`,
          ),
        ]
      : []),
    '',
    `Provenance: lists ${a.provenance.listSnapshots.map((s) => s.id).join(', ') || '(none)'}; policy ${a.provenance.policy.id} v${a.provenance.policy.version}; code ${a.provenance.codeVersion}${a.provenance.asOf ? `; as of ${a.provenance.asOf}` : ''}`,
  ];
  return lines.join('\n');
}

/** The dry run as a table of the applications whose outcome would change. */
export function renderDryRun(r: DryRunReport): string {
  const changed = r.rows.filter((x) => x.status === 'changed');
  return [
    `${r.changed} of ${r.rows.length} application(s) would change under ${r.policy.id} v${r.policy.version}:`,
    ...changed.map(
      (x) =>
        `  ${x.name}: ${x.before?.outcome ?? ''} (${x.before?.risk ?? ''}, ${x.before?.score ?? ''}) -> ${x.after?.outcome ?? ''} (${x.after?.risk ?? ''}, ${x.after?.score ?? ''})`,
    ),
    ...r.rows
      .filter((x) => x.status === 'not-assessed')
      .map((x) => `  not assessed: ${x.name}: ${x.error?.message ?? ''}`),
  ].join('\n');
}

/** Two states on the same applications: where their policies and their decisions differ. */
export function renderPolicyComparison(c: PolicyComparison): string {
  return [
    `${c.a} and ${c.b} would decide ${c.differing} of ${c.applications.length} application(s) differently.`,
    '',
    'Where the policies differ:',
    ...(c.policies.length === 0
      ? ['  nowhere that Cordon models']
      : c.policies.flatMap((d) => [`  ${d.aspect}:`, `    ${c.a}: ${d.a}`, `    ${c.b}: ${d.b}`])),
    '',
    ...c.applications.flatMap((x) =>
      x.error
        ? [`${x.name}: not assessed: ${x.error.message}`]
        : [
            `${x.name}: ${c.a} ${x.a?.outcome ?? '?'} / ${c.b} ${x.b?.outcome ?? '?'}${x.differ ? '  <- differ' : ''}`,
            ...x.differences.map((d) => `    ${d}`),
          ],
    ),
  ].join('\n');
}
