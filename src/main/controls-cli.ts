import { readJsonFile } from '../adapters/cli/json-file.ts';
import type { Command } from 'commander';
import { cordonError, type CordonError, type FieldProblem } from '../domain/shared/errors.ts';
import { err, type Result, ok } from '../domain/shared/result.ts';
import type { CommandOutput } from '../adapters/cli/output.ts';
import type { CommandContext } from './cli-program.ts';
import type { FileRegulationSources } from '../adapters/regulation/file-regulation-sources.ts';
import type { TransactionRequest } from '../application/classification/parse-transaction.ts';
import type { CliContext } from './cli-context.ts';

type Outcome = Promise<Result<CommandOutput, CordonError>>;

/** An item file (ITEM.json, already parsed) and the flags that complete it. */
export interface ItemFileArgs {
  /** The path as given, for messages. */
  readonly file: string;
  readonly content: unknown;
  /** `--destination`: overrides the file's `destination.country`. */
  readonly destination?: string;
  readonly region?: string;
  /** `--jurisdictions US,GB,EU`: overrides the file's `jurisdictions`. */
  readonly jurisdictions?: readonly string[];
}

/** The work behind `cordon controls ...` and `cordon classify`. */
export interface ControlsCliHandlers {
  controlsShow(id: string): Outcome;
  controlsSearch(args: {
    readonly query: string;
    readonly regime?: string;
    readonly limit: number;
  }): Outcome;
  controlsCompare(args: ItemFileArgs): Outcome;
  controlsGaps(args: { readonly jurisdictions?: readonly string[] }): Outcome;
  classify(args: ItemFileArgs): Outcome;
}

interface ItemFileOptions {
  destination?: string;
  region?: string;
  jurisdictions?: string;
  json?: boolean;
}

const commaList = (s: string | undefined): string[] | undefined =>
  s
    ?.split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');

/** Registers `cordon controls show|search|compare|gaps` and `cordon classify`. */
export function registerControlsCommands(
  program: Command,
  handlers: ControlsCliHandlers,
  context: CommandContext,
): void {
  const withItemFile = (path: string, opts: ItemFileOptions, work: (a: ItemFileArgs) => Outcome) =>
    context.run(opts.json === true, async () => {
      const content = await readJsonFile(path);
      if (!content.ok) return content;
      const jurisdictions = commaList(opts.jurisdictions);
      return work({
        file: path,
        content: content.value,
        ...(opts.destination !== undefined ? { destination: opts.destination } : {}),
        ...(opts.region !== undefined ? { region: opts.region } : {}),
        ...(jurisdictions ? { jurisdictions } : {}),
      });
    });

  const controls = program
    .command('controls')
    .description(
      'the control catalogue (Wassenaar, EU, UK, US): show and search entries, compare partners, find gaps',
    );

  controls
    .command('show')
    .description(
      'one entry in every regime that lists it: criteria, exclusions, definitions, questions',
    )
    .argument('<id>', 'the entry, e.g. 5A001.j, us:5A001.f.1 or 5.A.1.j (case-insensitive)')
    .option('--json', 'print the result as JSON')
    .action(async (id: string, opts: { json?: boolean }) => {
      await context.run(opts.json === true, () => handlers.controlsShow(id));
    });

  controls
    .command('search')
    .description('search entries by text or number, best first')
    .argument('[text...]', 'free text or a number, e.g. IMSI catcher, intrusion software, 5A001')
    .option('--regime <regime>', 'only entries of one regime: wassenaar, eu, uk or us')
    .option('--limit <n>', 'how many entries to show', '20')
    .option('--json', 'print the result as JSON')
    .action(async (words: string[], opts: { regime?: string; limit: string; json?: boolean }) => {
      await context.run(opts.json === true, () => {
        const limit = /^\d+$/.test(opts.limit) ? Number(opts.limit) : Number.NaN;
        if (!Number.isSafeInteger(limit) || limit < 1) {
          return Promise.resolve(
            err(
              cordonError(
                'CORDON_USAGE',
                `--limit must be a whole number from 1, got "${opts.limit}".`,
              ),
            ),
          );
        }
        return handlers.controlsSearch({
          query: words.join(' '),
          limit: Math.min(limit, 500),
          ...(opts.regime !== undefined ? { regime: opts.regime } : {}),
        });
      });
    });

  controls
    .command('compare')
    .description(
      'which partners require a licence for an item and destination, under which rule, differences highlighted',
    )
    .argument(
      '<item.json>',
      'one item, or a transaction with items, parties and end use (see docs/examples)',
    )
    .option(
      '--jurisdictions <list>',
      'comma-separated, e.g. US,GB,EU,NO (default: every shipped policy)',
    )
    .option(
      '--destination <country>',
      'ISO 3166-1 alpha-2 code of the destination (or "destination" in the file)',
    )
    .option('--region <text>', 'a region of the destination, e.g. Crimea')
    .option('--json', 'print the result as JSON')
    .action(async (path: string, opts: ItemFileOptions) => {
      await withItemFile(path, opts, (args) => handlers.controlsCompare(args));
    });

  controls
    .command('gaps')
    .description('entries and rules some partners have and others lack ("synchronisation gaps")')
    .option(
      '--jurisdictions <list>',
      'comma-separated, e.g. US,GB,EU,NO (default: every shipped policy)',
    )
    .option('--json', 'print the result as JSON')
    .action(async (opts: { jurisdictions?: string; json?: boolean }) => {
      const jurisdictions = commaList(opts.jurisdictions);
      await context.run(opts.json === true, () =>
        handlers.controlsGaps(jurisdictions ? { jurisdictions } : {}),
      );
    });

  program
    .command('classify')
    .description(
      'classify an item: candidate entries with the criteria met and unknown, exclusions, open questions; the licence per jurisdiction when a destination is given',
    )
    .argument('<item.json>', 'one item, or a transaction with items (see docs/examples)')
    .option(
      '--destination <country>',
      'also determine the licence for this destination (ISO 3166-1 alpha-2)',
    )
    .option('--region <text>', 'a region of the destination, e.g. Crimea')
    .option(
      '--jurisdictions <list>',
      'with a destination: comma-separated, e.g. US,GB,EU,NO (default: all)',
    )
    .option('--json', 'print the result as JSON')
    .action(async (path: string, opts: ItemFileOptions) => {
      await withItemFile(path, opts, (args) => handlers.classify(args));
    });
}

/** Fails with a usage error; exported for handlers that find a missing flag. */
export const missingDestination = (file: string): Result<never, CordonError> =>
  err(
    cordonError(
      'CORDON_USAGE',
      `No destination: give --destination CC or "destination": { "country": "CC" } in ${file}.`,
    ),
  );

// The regulation data, the use cases and the renderers load on first use, so that `cordon --help`
// answers at once; the data is read once per process.
const modules = async () => ({
  ...(await import('../adapters/regulation/file-regulation-sources.ts')),
  ...(await import('../adapters/regulation/controls-json.ts')),
  ...(await import('../adapters/cli/controls-text.ts')),
  ...(await import('../adapters/cli/controls-input.ts')),
  ...(await import('../application/classification/show-control-entry.ts')),
  ...(await import('../application/classification/find-control-entries.ts')),
  ...(await import('../application/classification/compare-jurisdictions.ts')),
  ...(await import('../application/classification/report-synchronisation-gaps.ts')),
  ...(await import('../application/classification/classify-item.ts')),
  ...(await import('../application/classification/determine-licence-requirements.ts')),
});

/**
 * The CLI handlers of `cordon controls ...` and `cordon classify`. They need no database: the
 * catalogue and the policies are read from the shipped files.
 */
export function controlsCliHandlers(
  _context: CliContext,
  /** The data folders; the shipped `data/regulation` and `data/policies` when absent. */
  dirs?: { readonly regulationDir: string; readonly policiesDir: string },
): ControlsCliHandlers {
  let sources: FileRegulationSources | undefined;
  const load = async () => {
    const m = await modules();
    sources ??= m.fileRegulationSources(dirs ?? m.shippedRegulationDirs);
    return { m, deps: { catalogue: sources, reference: sources, policies: sources } };
  };

  /** The item file as a transaction; the flags override what the file says. */
  const transactionOf = async (args: ItemFileArgs) => {
    const { m, deps } = await load();
    const file = m.parseItemsFile(args.file, args.content);
    if (!file.ok) return { m, deps, parsed: file } as const;
    const f = file.value;
    const country = args.destination ?? f.destination?.country;
    const region = args.region ?? (args.destination ? undefined : f.destination?.region);
    const jurisdictions = args.jurisdictions ?? f.jurisdictions;
    const request: Omit<TransactionRequest, 'destination'> & {
      destination?: TransactionRequest['destination'];
    } = {
      items: f.items,
      ...(country !== undefined
        ? { destination: { country, ...(region !== undefined ? { region } : {}) } }
        : {}),
      ...(f.parties ? { parties: f.parties } : {}),
      ...(f.endUse ? { endUse: f.endUse } : {}),
      ...(jurisdictions ? { jurisdictions } : {}),
    };
    return { m, deps, parsed: ok({ form: f.form, request }) } as const;
  };

  return {
    async controlsShow(id) {
      const { m, deps } = await load();
      const found = await m.showControlEntry({ id }, deps);
      if (!found.ok) return found;
      const json = m.toControlJson(found.value);
      return ok({ text: m.controlText(json), json });
    },

    async controlsSearch(args) {
      const { m, deps } = await load();
      const found = await m.findControlEntries(args, deps);
      if (!found.ok) return found;
      const json = m.toControlsListJson(found.value);
      return ok({ text: m.controlsListText(json, args.query.trim()), json });
    },

    async controlsGaps(args) {
      const { m, deps } = await load();
      const report = await m.reportSynchronisationGaps(args, deps);
      if (!report.ok) return report;
      const json = m.toGapsJson(report.value);
      return ok({ text: m.gapsText(json), json });
    },

    async controlsCompare(args) {
      const { m, deps, parsed } = await transactionOf(args);
      if (!parsed.ok) return parsed;
      const { destination } = parsed.value.request;
      if (!destination) return missingDestination(args.file);
      const compared = await m.compareJurisdictions({ ...parsed.value.request, destination }, deps);
      if (!compared.ok) return compared;
      const json = m.toCompareJson(
        compared.value.items,
        compared.value.comparison,
        compared.value.catalogueVersion,
      );
      const to = `${destination.country.toUpperCase()}${destination.region ? ` (${destination.region})` : ''}`;
      return ok({ text: m.compareText(json, to), json });
    },

    async classify(args) {
      const { m, deps, parsed } = await transactionOf(args);
      if (!parsed.ok) return parsed;
      const { form, request } = parsed.value;
      const { destination } = request;
      if (destination) {
        const determined = await m.determineLicenceRequirements({ ...request, destination }, deps);
        if (!determined.ok) return determined;
        const json = {
          items: determined.value.items.map(m.toClassificationJson),
          destination: {
            country: destination.country.toUpperCase(),
            ...(destination.region !== undefined ? { region: destination.region } : {}),
          },
          determinations: determined.value.determinations.map(m.toLicenceDeterminationJson),
          catalogueVersion: determined.value.catalogueVersion.map((v) => ({
            file: v.file,
            sha256: v.sha256,
          })),
        };
        return ok({ text: m.classifyText(json), json });
      }
      // Without a destination, classify each item and report every item's problems at once.
      const problems: FieldProblem[] = [];
      const classified = [];
      for (const [i, item] of request.items.entries()) {
        const one = await m.classifyItem(
          { item, ...(form === 'transaction' ? { field: `items[${i}]` } : {}) },
          deps,
        );
        if (one.ok) classified.push(one.value);
        else {
          problems.push(
            ...(one.error.fields ?? [{ field: `items[${i}]`, problem: one.error.message }]),
          );
        }
      }
      if (problems.length > 0) {
        return err(
          cordonError(
            'CORDON_VALIDATION_FAILED',
            `${args.file} cannot be classified as given.`,
            problems,
          ),
        );
      }
      const json = {
        items: classified.map((c) => m.toClassificationJson(c.classification)),
        destination: null,
        determinations: [],
        catalogueVersion: (classified[0]?.catalogueVersion ?? []).map((v) => ({
          file: v.file,
          sha256: v.sha256,
        })),
      };
      return ok({ text: m.classifyText(json), json });
    },
  };
}
