import type { ScreeningReport } from '../../application/screening/screen-party.ts';
import type { NameComparison } from '../../domain/screening/compare-names.ts';
import type { NameProblem } from '../../domain/screening/normalise-name.ts';
import type { ScreenFileSummary } from '../screening/screen-file.ts';

/** One line per problem of a name, for people. */
export function describeNameProblem(problem: NameProblem): string {
  switch (problem.kind) {
    case 'empty':
      return 'the name is empty (nothing to screen)';
    case 'truncated':
      return `the name is ${problem.originalLength} characters long; only the first ${problem.keptLength} were screened`;
    case 'too-many-tokens':
      return `the name has ${problem.tokens} words; only the first ${problem.kept} were screened`;
    case 'control-characters-removed':
      return `${problem.count} control or invisible character(s) were removed`;
    case 'only-legal-form':
      return `the name is only a legal form ("${problem.legalForm}"): no match can be strong`;
    case 'mixed-scripts':
      return `the name mixes scripts (${problem.scripts.join(', ')})`;
    case 'look-alikes-folded':
      return `look-alike letters were read as the letters they imitate: ${problem.words
        .map(
          (w) =>
            `"${w.original}" -> "${w.folded}" (${w.letters.map((l) => `${l.script} ${l.letter}`).join(', ')})`,
        )
        .join('; ')}`;
    case 'bidi-controls-applied':
      return `bidirectional controls were applied as a reader sees the name: ${problem.steps
        .map((s) =>
          s.kind === 'override-reversed'
            ? `"${s.text}" shown reversed`
            : s.kind === 'override-kept'
              ? `"${s.text}" kept right to left`
              : `${s.count} control(s) removed`,
        )
        .join('; ')}`;
  }
}

const score = (value: number): string => value.toFixed(2);

/**
 * `cordon screen` for people: one block per match, best first, with the listed name, the name
 * that matched, where it is listed and the one-line explanation.
 *
 * @example
 * 1. STRONG 1.00  HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.
 *    matched "HIKVISION"  us-ofac-nonsdn:30946  CMIC  CN
 *    1.00 strong: 'hikvision' vs 'hikvision'; matched hikvision
 */
export function screeningReportText(report: ScreeningReport): string {
  const about = [
    report.query.country !== undefined ? `country ${report.query.country}` : undefined,
    report.query.kind,
  ].filter((part) => part !== undefined);
  const lines = [
    `Screened "${report.query.name}"${about.length > 0 ? ` (${about.join(', ')})` : ''} against ${report.snapshot.length} list snapshot(s): ${
      report.matches.length === 0
        ? `no match at or above ${score(report.thresholds.review)}.`
        : `${report.matches.length} match(es).`
    }`,
    ...report.problems.map((p) => `Note: ${describeNameProblem(p)}.`),
  ];
  report.matches.forEach((match, i) => {
    const listed = [
      match.entityId,
      match.subList ?? '',
      match.programmes.slice(0, 4).join(','),
      match.countries.join(','),
    ].filter((part) => part !== '');
    lines.push(
      '',
      `${i + 1}. ${match.band.toUpperCase().padEnd(6)} ${score(match.score)}  ${match.name}`,
      `   ${match.matchedName !== match.name ? `matched "${match.matchedName}"  ` : ''}${listed.join('  ')}`,
      ...(match.alsoListed.length > 0
        ? [`   also listed as ${match.alsoListed.map((a) => a.entityId).join(', ')}`]
        : []),
      `   ${match.explanation.summary}`,
    );
  });
  lines.push(
    '',
    `Bands: strong >= ${score(report.thresholds.strong)}, review >= ${score(report.thresholds.review)}. Snapshots: ${report.snapshot.join(', ') || 'none'}.`,
  );
  return lines.join('\n');
}

/** `cordon compare` for people: the score, the band and how the two names were aligned. */
export function comparisonText(a: string, b: string, comparison: NameComparison): string {
  const { explanation } = comparison;
  const lines = [
    `"${a}" vs "${b}": ${score(comparison.score)} ${comparison.band ?? 'below review'}`,
    `  compared '${explanation.compared.query.text}' (${explanation.compared.query.scheme}) with '${explanation.compared.listed.text}' (${explanation.compared.listed.scheme})${explanation.compared.space === 'skeleton' ? ' on consonant skeletons' : ''}`,
    ...explanation.alignment.map(
      (line) =>
        `  ${(line.query ?? '-').padEnd(24)} ${(line.listed ?? '-').padEnd(24)} ${line.kind.padEnd(9)} similarity ${score(line.similarity)}  weight ${score(line.weight)}`,
    ),
    ...explanation.adjustments.map(
      (adj) => `  ${adj.delta >= 0 ? '+' : ''}${score(adj.delta)} ${adj.kind}: ${adj.detail}`,
    ),
    ...comparison.problems.map((p) => `  Note (${p.side}): ${describeNameProblem(p)}.`),
  ];
  return lines.join('\n');
}

/** The end of `cordon screen-file`: counts, speed, and the first row problems. */
export function screenFileSummaryText(summary: ScreenFileSummary): string {
  return [
    `Screened ${summary.rows.toLocaleString('en')} row(s) in ${summary.elapsedSeconds} s (${summary.rowsPerSecond.toLocaleString('en')} rows/s on ${summary.workers} worker(s); index built in ${summary.indexSeconds} s).`,
    `${summary.rowsWithMatches.toLocaleString('en')} row(s) with matches, ${summary.rowsWithStrongMatches.toLocaleString('en')} with a strong match; ${summary.rowsWithProblems.toLocaleString('en')} row(s) with problems.`,
    ...summary.problems.slice(0, 20).map((p) => `  row ${p.row} (line ${p.line}): ${p.problem}`),
    ...(summary.rowsWithProblems > 20
      ? [`  ... and ${summary.rowsWithProblems - 20} more (see the problems column)`]
      : []),
    `Wrote ${summary.output} (${summary.format === 'jsonl' ? 'JSON Lines' : 'CSV'}).`,
  ].join('\n');
}
