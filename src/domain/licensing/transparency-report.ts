import type { LicenceCase } from './licence-case.ts';

/**
 * An authority's annual transparency report, in the shape of the EU's annual report under
 * Article 26(2) of Regulation (EU) 2021/821 (paraphrased, not verbatim: its text is not among the
 * stored extracts): licences and refusals by destination and control entry, and a section on
 * cyber-surveillance items with the applications received per item and destination and the
 * decisions taken on them. Values (the transactions' worth) are not counted: Cordon's applications
 * carry none. Every count is of decisions (or applications), never of criteria or items.
 */
export interface TransparencyReport {
  readonly authority: string;
  readonly year: number;
  /** Decisions countersigned in the year. */
  readonly totals: DecisionCounts & { readonly decisions: number };
  readonly byDestination: readonly (DecisionCounts & { readonly destination: string })[];
  /**
   * One row per destination and control entry; a decision on items of two entries counts in both
   * rows (but once in `totals` and `byDestination`).
   */
  readonly byDestinationAndEntry: readonly (DecisionCounts & {
    readonly destination: string;
    readonly controlEntry: string;
  })[];
  readonly cyberSurveillance: {
    /** The control entries counted as cyber-surveillance items. */
    readonly entries: readonly string[];
    readonly rows: readonly CyberSurveillanceRow[];
  };
}

export interface DecisionCounts {
  readonly licences: number;
  readonly refusals: number;
  readonly noLicenceRequired: number;
}

/** Cyber-surveillance applications received in the year for one entry and destination. */
export interface CyberSurveillanceRow extends DecisionCounts {
  readonly controlEntry: string;
  readonly destination: string;
  readonly received: number;
  /** Received in the year and not decided by its end (withdrawn ones included until finalised). */
  readonly pending: number;
}

/** A case as the report reads it. */
export interface ReportedCase {
  readonly licenceCase: LicenceCase;
  readonly destination: string;
  readonly controlEntries: readonly string[];
}

/** The entry a case's items are reported under when they cite none (or only EAR99). */
export const unlistedEntry = 'not listed';

const entriesOf = (controlEntries: readonly string[]): readonly string[] => {
  const listed = [...new Set(controlEntries.filter((e) => !/^EAR99$/i.test(e)))].sort();
  return listed.length === 0 ? [unlistedEntry] : listed;
};

const none = (): { licences: number; refusals: number; noLicenceRequired: number } => ({
  licences: 0,
  refusals: 0,
  noLicenceRequired: 0,
});

type Outcome = 'licence' | 'refusal' | 'no-licence-required';

/** The decision's year and kind, when it was countersigned (final). */
function decided(c: LicenceCase): { readonly year: number; readonly outcome: Outcome } | undefined {
  const d = c.decision;
  if (d?.countersignedAt === undefined) return undefined;
  const outcome: Outcome =
    d.outcome === 'refused'
      ? 'refusal'
      : d.outcome === 'no-licence-required'
        ? 'no-licence-required'
        : 'licence';
  return { year: d.countersignedAt.getUTCFullYear(), outcome };
}

const count = (
  counts: { licences: number; refusals: number; noLicenceRequired: number },
  outcome: Outcome,
) => {
  if (outcome === 'licence') counts.licences += 1;
  else if (outcome === 'refusal') counts.refusals += 1;
  else counts.noLicenceRequired += 1;
};

/**
 * Builds the report for `year` (UTC) from the authority's cases: decisions countersigned that year
 * by destination and by destination and control entry; and, for cases with an item under one of
 * `cyberSurveillanceEntries`, the applications submitted that year per entry and destination with
 * the decisions on them.
 *
 * @example
 * transparencyReport(cases, { authority: 'GB', year: 2026, cyberSurveillanceEntries: new Set(['5A001.j']) })
 */
export function transparencyReport(
  cases: readonly ReportedCase[],
  options: {
    readonly authority: string;
    readonly year: number;
    readonly cyberSurveillanceEntries: ReadonlySet<string>;
  },
): TransparencyReport {
  const totals = { ...none(), decisions: 0 };
  const byDestination = new Map<string, ReturnType<typeof none>>();
  const byEntry = new Map<string, ReturnType<typeof none>>();
  const cyber = new Map<string, ReturnType<typeof none> & { received: number; pending: number }>();
  const key = (...parts: string[]) => JSON.stringify(parts);
  for (const { licenceCase: c, destination, controlEntries } of cases) {
    const entries = entriesOf(controlEntries);
    const decision = decided(c);
    if (decision?.year === options.year) {
      totals.decisions += 1;
      count(totals, decision.outcome);
      const row = byDestination.get(destination) ?? none();
      count(row, decision.outcome);
      byDestination.set(destination, row);
      for (const entry of entries) {
        const k = key(destination, entry);
        const entryRow = byEntry.get(k) ?? none();
        count(entryRow, decision.outcome);
        byEntry.set(k, entryRow);
      }
    }
    if (c.submittedAt?.getUTCFullYear() !== options.year) continue;
    for (const entry of entries.filter((e) => options.cyberSurveillanceEntries.has(e))) {
      const k = key(entry, destination);
      const row = cyber.get(k) ?? { ...none(), received: 0, pending: 0 };
      row.received += 1;
      if (decision !== undefined && decision.year <= options.year) count(row, decision.outcome);
      else row.pending += 1;
      cyber.set(k, row);
    }
  }
  const unkey = (k: string) => JSON.parse(k) as [string, string];
  return {
    authority: options.authority,
    year: options.year,
    totals,
    byDestination: [...byDestination]
      .map(([destination, counts]) => ({ destination, ...counts }))
      .sort((a, b) => a.destination.localeCompare(b.destination)),
    byDestinationAndEntry: [...byEntry]
      .map(([k, counts]) => {
        const [destination, controlEntry] = unkey(k);
        return { destination, controlEntry, ...counts };
      })
      .sort(
        (a, b) =>
          a.destination.localeCompare(b.destination) ||
          a.controlEntry.localeCompare(b.controlEntry),
      ),
    cyberSurveillance: {
      entries: [...options.cyberSurveillanceEntries].sort(),
      rows: [...cyber]
        .map(([k, counts]) => {
          const [controlEntry, destination] = unkey(k);
          return { controlEntry, destination, ...counts };
        })
        .sort(
          (a, b) =>
            a.controlEntry.localeCompare(b.controlEntry) ||
            a.destination.localeCompare(b.destination),
        ),
    },
  };
}

/** The report as CSV rows (header first): one section column says which table a row belongs to. */
export function transparencyReportRows(report: TransparencyReport): (string | number)[][] {
  return [
    [
      'section',
      'destination',
      'control_entry',
      'received',
      'licences',
      'refusals',
      'no_licence_required',
      'pending',
    ],
    [
      'total',
      '',
      '',
      '',
      report.totals.licences,
      report.totals.refusals,
      report.totals.noLicenceRequired,
      '',
    ],
    ...report.byDestination.map((r) => [
      'destination',
      r.destination,
      '',
      '',
      r.licences,
      r.refusals,
      r.noLicenceRequired,
      '',
    ]),
    ...report.byDestinationAndEntry.map((r) => [
      'destination-entry',
      r.destination,
      r.controlEntry,
      '',
      r.licences,
      r.refusals,
      r.noLicenceRequired,
      '',
    ]),
    ...report.cyberSurveillance.rows.map((r) => [
      'cyber-surveillance',
      r.destination,
      r.controlEntry,
      r.received,
      r.licences,
      r.refusals,
      r.noLicenceRequired,
      r.pending,
    ]),
  ];
}
