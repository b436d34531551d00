import type { Command } from 'commander';
import { cordonError, type CordonError } from '../../../domain/shared/errors.ts';
import { err, type Result } from '../../../domain/shared/result.ts';
import { readJsonFile } from '../json-file.ts';
import type { CommandOutput } from '../output.ts';
import type { CommandContext } from '../program.ts';

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
