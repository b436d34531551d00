import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import type { CommandOutput } from '../adapters/cli/output.ts';
import type { ConfigFlags } from '../config/config.ts';
import type { TransparencyReport } from '../domain/licensing/transparency-report.ts';
import type { Principal } from '../domain/people/people.ts';
import { cordonError, type CordonError } from '../domain/shared/errors.ts';
import { err, ok, type Result } from '../domain/shared/result.ts';
import type { CliContext } from './cli-context.ts';
import type { CommandContext } from './cli-program.ts';

// The work's modules load when a command runs, so that `cordon --help` loads none of them.
const modules = async () => ({
  ...(await import('../adapters/db/kysely-case-store.ts')),
  ...(await import('../adapters/documents/transparency-report-pdf.ts')),
  ...(await import('../adapters/regulation/file-regulation-sources.ts')),
  ...(await import('../adapters/runtime/node-content-hasher.ts')),
  ...(await import('../adapters/runtime/system-clock.ts')),
  ...(await import('../application/cases/get-transparency-report.ts')),
  ...(await import('../contracts/csv.ts')),
  ...(await import('../domain/licensing/transparency-report.ts')),
  ...(await import('./case-wiring.ts')),
  ...(await import('./cases-cli.ts')),
  ...(await import('./cli-actor.ts')),
});

type Outcome = Promise<Result<CommandOutput, CordonError>>;

export const reportFormats = ['json', 'csv', 'pdf'] as const;
export type ReportFormat = (typeof reportFormats)[number];

/** What `cordon report transparency` was asked for. */
export interface TransparencyReportArgs {
  readonly year: number;
  /** Absent: a summary for the terminal. */
  readonly format?: ReportFormat;
  /** The file to write; a PDF needs one. */
  readonly out?: string;
}

/** The work behind `cordon report ...`. */
export interface ReportCliHandlers {
  reportTransparency(flags: ConfigFlags, args: TransparencyReportArgs): Outcome;
}

/** Registers `cordon report transparency --year YYYY [--format json|csv|pdf] [--out file]`. */
export function registerReportCommands(
  program: Command,
  handlers: ReportCliHandlers,
  context: CommandContext,
): void {
  const report = program.command('report').description('reports the authority publishes');
  report
    .command('transparency')
    .description(
      "the authority's annual transparency report: licences and refusals by destination and control entry, cyber-surveillance items (EU Art. 26(2) shape)",
    )
    .requiredOption('--year <YYYY>', 'the year of the decisions (countersigned in it, UTC)')
    .option('--format <format>', 'json, csv or pdf (default: a summary for the terminal)')
    .option('--out <file>', 'write the report to this file (required for pdf)')
    .action(async (opts: { year: string; format?: string; out?: string }, command: Command) => {
      const year = Number(opts.year);
      const format = opts.format;
      await context.run(format === 'json' && opts.out === undefined, () => {
        if (!/^\d{4}$/.test(opts.year) || year < 2000 || year > 2100)
          return Promise.resolve(usage('--year must be a year from 2000 to 2100, e.g. 2026.'));
        if (format !== undefined && !(reportFormats as readonly string[]).includes(format))
          return Promise.resolve(usage('--format must be json, csv or pdf.'));
        if (format === 'pdf' && opts.out === undefined)
          return Promise.resolve(usage('A PDF is written to a file: give --out report.pdf.'));
        return handlers.reportTransparency(context.flags(command), {
          year,
          ...(format === undefined ? {} : { format: format as ReportFormat }),
          ...(opts.out === undefined ? {} : { out: opts.out }),
        });
      });
    });
}

const usage = (message: string) => err(cordonError('CORDON_USAGE', message));

/** The report for a terminal: the totals, then licences and refusals by destination. */
export function transparencyReportText(r: TransparencyReport): string {
  const counts = (c: { licences: number; refusals: number; noLicenceRequired: number }) =>
    `${String(c.licences)} licence(s), ${String(c.refusals)} refusal(s), ${String(c.noLicenceRequired)} no licence required`;
  return [
    `Transparency report ${r.authority} ${String(r.year)}: ${String(r.totals.decisions)} decision(s): ${counts(r.totals)}`,
    ...r.byDestination.map((d) => `  to ${d.destination}: ${counts(d)}`),
    `Cyber-surveillance items (${r.cyberSurveillance.entries.length === 0 ? 'no entry' : r.cyberSurveillance.entries.join(', ')}):`,
    ...(r.cyberSurveillance.rows.length === 0
      ? ['  none']
      : r.cyberSurveillance.rows.map(
          (row) => `  ${row.controlEntry} to ${row.destination}: ${counts(row)}`,
        )),
  ].join('\n');
}

/**
 * Whoever runs the CLI on the store's machine reads it as the authority's operator, as every
 * command on the data directory does; through a server, the token's own rights apply instead.
 */
const operator = (actor: string): Principal => ({
  userId: actor,
  username: actor,
  organisationId: 'cli',
  organisationKind: 'licensing-authority',
  roles: ['auditor'],
  via: 'cli',
});

/**
 * The CLI handlers of `cordon report ...`: the report is compiled through the API of a `cordon
 * serve` holding the data directory (with CORDON_TOKEN), else on the store; CSV and PDF are
 * then written here from it, as the server writes them.
 */
export function reportCliHandlers(context: CliContext): ReportCliHandlers {
  return {
    async reportTransparency(flags, args) {
      const m = await modules();
      const authority = context.env['CORDON_AUTHORITY_COUNTRY'] ?? 'GB';
      const compiled = await context.withReadyDatabase(
        flags,
        'report transparency',
        async (database) => {
          const store = m.kyselyCaseStore(database.db, m.systemClock, (text) =>
            m.nodeContentHasher.sha256(text),
          );
          const report = await m.getTransparencyReport(
            {
              store,
              casePolicy: {
                current: m.loadCasePolicy,
                legalTexts: () => Promise.resolve(new Map()),
              },
              catalogue: m.fileRegulationSources(m.shippedRegulationDirs),
              authority,
            },
            operator(m.cliActor()),
            args.year,
          );
          return report.ok ? ok({ text: '', json: report.value }) : report;
        },
        {
          readOnly: true,
          viaServer: {
            request: { method: 'GET', path: `/v1/reports/transparency?year=${String(args.year)}` },
            output: (answer) => ({ text: '', json: answer }),
          },
        },
      );
      if (!compiled.ok) return compiled;
      const report = compiled.value.json as TransparencyReport;
      const name = `transparency report ${report.authority} ${String(report.year)}`;
      const format = args.format;
      if (format === undefined) return ok({ text: transparencyReportText(report), json: report });
      let content: string | Uint8Array;
      if (format === 'json') content = `${JSON.stringify(report, null, 2)}\n`;
      else if (format === 'csv')
        content = `${m.transparencyReportRows(report).map(m.csvLine).join('\r\n')}\r\n`;
      else {
        const settings = await m.caseSettingsFrom(context);
        if (!settings.ok) return settings;
        content = await m.renderTransparencyReportPdf(report, settings.value.letters.authorityName);
      }
      if (args.out === undefined) return ok({ text: String(content), json: report });
      const file = path.resolve(context.cwd, args.out);
      try {
        await fs.writeFile(file, content);
      } catch (error) {
        return err(
          cordonError(
            'CORDON_FILE_UNREADABLE',
            `Cannot write ${args.out}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`,
          ),
        );
      }
      return ok({
        text: `Wrote the ${name} (${format.toUpperCase()}, ${String(report.totals.decisions)} decision(s)) to ${args.out}.`,
        json: { file, format, year: report.year, authority: report.authority },
      });
    },
  };
}
