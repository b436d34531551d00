import path from 'node:path';
import type { Command } from 'commander';
import type { CatalogueDryRunJson } from '../contracts/proposals.ts';
import type { CatalogueItem } from '../domain/proposals/catalogue-dry-run.ts';
import type { CommandOutput } from '../adapters/cli/output.ts';
import type { ConfigFlags } from '../config/config.ts';
import { cordonError, type CordonError, type FieldProblem } from '../domain/shared/errors.ts';
import { err, ok, type Result } from '../domain/shared/result.ts';
import type { CliContext } from './cli-context.ts';
import type { CommandContext } from './cli-program.ts';
import type { exchangeDepsFor } from './exchange-wiring.ts';

// The work's modules load when a command runs, so that `cordon --help` loads none of them.
const modules = async () => ({
  ...(await import('../adapters/cli/json-file.ts')),
  ...(await import('../application/proposals/check-sync-gaps.ts')),
  ...(await import('../application/proposals/dry-run-catalogue.ts')),
  ...(await import('../application/proposals/dry-run-proposal.ts')),
  ...(await import('../application/proposals/manage-proposals.ts')),
  ...(await import('../application/proposals/proposal-positions.ts')),
  ...(await import('../domain/proposals/adoption-matrix.ts')),
  ...(await import('./cli-actor.ts')),
  ...(await import('./exchange-cli.ts')),
  ...(await import('./exchange-wiring.ts')),
});

// What reading a catalogue file needs, loaded like the rest only when the command runs.
const fileModules = async () => ({
  ...(await import('typebox/value')),
  ...(await import('../adapters/cli/json-file.ts')),
  ...(await import('../adapters/lists/read-delimited.ts')),
  ...(await import('../contracts/proposals.ts')),
});
type FileModules = Awaited<ReturnType<typeof fileModules>>;

type Outcome = Promise<Result<CommandOutput, CordonError>>;

/** A position as `cordon proposals position` takes it. */
export interface PositionArgs {
  readonly id: string;
  readonly version: number;
  readonly position: string;
  readonly reasons?: string;
  readonly entryId?: string;
  readonly instrument?: string;
  readonly effectiveOn?: string;
}

/** The work behind `cordon proposals ...`. */
export interface ProposalsCliHandlers {
  proposalsList(flags: ConfigFlags): Outcome;
  proposalsShow(flags: ConfigFlags, id: string): Outcome;
  proposalsDraft(flags: ConfigFlags, file: string): Outcome;
  proposalsPublish(flags: ConfigFlags, id: string): Outcome;
  proposalsPosition(flags: ConfigFlags, args: PositionArgs): Outcome;
  proposalsDryRun(flags: ConfigFlags, id: string, version?: number): Outcome;
  /** The catalogue dry run: the items of FILE (JSON or CSV) against the proposed entry. */
  proposalsDryRunCatalogue(flags: ConfigFlags, id: string, file: string, version?: number): Outcome;
  proposalsGaps(flags: ConfigFlags): Outcome;
}

/** Registers `cordon proposals list|show|draft|publish|position|dry-run|gaps`. */
export function registerProposalCommands(
  program: Command,
  handlers: ProposalsCliHandlers,
  context: CommandContext,
): void {
  const proposals = program
    .command('proposals')
    .description(
      'control proposals shared with partner states: draft, publish, positions, impact, sync gaps (server stopped)',
    );
  const simple = (
    name: string,
    description: string,
    run: (flags: ConfigFlags, id: string) => Outcome,
  ) =>
    proposals
      .command(name)
      .description(description)
      .option('--json', 'print the result as JSON')
      .action(async (id: string, opts: { json?: boolean }, command: Command) => {
        await context.run(opts.json === true, () => run(context.flags(command), id));
      });
  proposals
    .command('list')
    .description('our proposals (drafts included) and those partners published')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }, command: Command) => {
      await context.run(opts.json === true, () => handlers.proposalsList(context.flags(command)));
    });
  simple('show <id>', 'one proposal: versions, positions and the adoption matrix', (f, id) =>
    handlers.proposalsShow(f, id),
  );
  simple(
    'draft <file>',
    'draft a proposal from a JSON file ({ title, entry, rationale, evidence, reasonsForControl })',
    (f, file) => handlers.proposalsDraft(f, file),
  );
  simple('publish <id>', 'publish a draft to every partner (signed)', (f, id) =>
    handlers.proposalsPublish(f, id),
  );
  proposals
    .command('position <id>')
    .description('record our position on a version, sent to every partner (signed)')
    .requiredOption('--version <n>', 'the version the position is on')
    .requiredOption('--position <position>', 'studying | support | oppose | adopted | not-adopting')
    .option('--reasons <text>', 'required to oppose or not adopt')
    .option('--entry-id <id>', 'adopted: the national entry id')
    .option('--instrument <text>', 'adopted: the legal instrument')
    .option('--effective-on <YYYY-MM-DD>', 'adopted: the date it takes effect')
    .option('--json', 'print the result as JSON')
    .action(
      async (
        id: string,
        opts: {
          version: string;
          position: string;
          reasons?: string;
          entryId?: string;
          instrument?: string;
          effectiveOn?: string;
          json?: boolean;
        },
        command: Command,
      ) => {
        await context.run(opts.json === true, () =>
          handlers.proposalsPosition(context.flags(command), {
            id,
            version: Number(opts.version),
            position: opts.position,
            ...(opts.reasons === undefined ? {} : { reasons: opts.reasons }),
            ...(opts.entryId === undefined ? {} : { entryId: opts.entryId }),
            ...(opts.instrument === undefined ? {} : { instrument: opts.instrument }),
            ...(opts.effectiveOn === undefined ? {} : { effectiveOn: opts.effectiveOn }),
          }),
        );
      },
    );
  proposals
    .command('dry-run <id>')
    .description(
      'which of our applications and licences the proposed entry would capture; with --catalogue, which items of a catalogue',
    )
    .option('--version <n>', 'the version to test (default: the current one)')
    .option(
      '--catalogue <file>',
      'items to test instead of our cases: a JSON array of items (as in an application) or a CSV file with the columns ref, description, controlEntries, capabilities, answers (lists separated by ";", answers as fact=yes)',
    )
    .option('--json', 'print the result as JSON')
    .action(
      async (
        id: string,
        opts: { version?: string; catalogue?: string; json?: boolean },
        command: Command,
      ) => {
        const version = opts.version === undefined ? undefined : Number(opts.version);
        await context.run(opts.json === true, () =>
          opts.catalogue === undefined
            ? handlers.proposalsDryRun(context.flags(command), id, version)
            : handlers.proposalsDryRunCatalogue(
                context.flags(command),
                id,
                opts.catalogue,
                version,
              ),
        );
      },
    );
  proposals
    .command('gaps')
    .description('sync-gap alerts: open cases a control a partner adopted would capture')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }, command: Command) => {
      await context.run(opts.json === true, () => handlers.proposalsGaps(context.flags(command)));
    });
}

const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

const catalogueColumns = ['ref', 'description', 'controlEntries', 'capabilities', 'answers'];

const refused = (name: string, problems: readonly FieldProblem[]) =>
  err(
    cordonError(
      'CORDON_VALIDATION_FAILED',
      `${name} has ${problems.length === 1 ? 'a problem' : `${String(problems.length)} problems`}; nothing was tested.`,
      problems,
    ),
  );

/**
 * The items of a catalogue file for `cordon proposals dry-run --catalogue`: a `.csv` file (a
 * header naming some of the columns ref, description, controlEntries, capabilities, answers;
 * lists separated by ";", answers as `fact=yes`), else JSON (an array of items as in an
 * application, or `{ "items": [...] }`). Every bad row is named by its line (CSV) or index (JSON)
 * and nothing is tested; what a well-formed item says (an unknown capability tag) is for the dry
 * run to judge, item by item.
 *
 * @example
 * await parseCatalogueFile('items.csv', 'ref,description\nFR-200,\n')
 * // err: items.csv has a problem ... [{ field: 'line 2: description', problem: 'is empty: ...' }]
 */
export async function parseCatalogueFile(
  name: string,
  text: string,
): Promise<Result<readonly CatalogueItem[], CordonError>> {
  const m = await fileModules();
  return name.toLowerCase().endsWith('.csv')
    ? parseCatalogueCsv(m, name, text)
    : parseCatalogueJson(m, name, text);
}

function parseCatalogueJson(
  m: FileModules,
  name: string,
  text: string,
): Result<readonly CatalogueItem[], CordonError> {
  const parsed = m.parseJsonText(name, text);
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  const items: unknown =
    typeof value === 'object' && value !== null && !Array.isArray(value) && 'items' in value
      ? value.items
      : value;
  if (!Array.isArray(items)) {
    return refused(name, [
      { field: '(the file)', problem: 'must be a JSON array of items, or { "items": [...] }' },
    ]);
  }
  const problems = items.flatMap((item: unknown, i) =>
    [...m.Value.Errors(m.CatalogueItemSchema, item)].map((issue) => ({
      field: `items[${String(i)}]${issue.instancePath.replace(/\//g, '.')}`,
      problem: issue.message,
    })),
  );
  if (items.length === 0) problems.push({ field: 'items', problem: 'is empty' });
  return problems.length > 0 ? refused(name, problems) : ok(items as CatalogueItem[]);
}

function parseCatalogueCsv(
  m: FileModules,
  name: string,
  text: string,
): Result<readonly CatalogueItem[], CordonError> {
  const { records, unterminated } = m.readDelimited(text.replace(/^\uFEFF/, ''), ',');
  const header = records[0]?.fields.map((f) => f.trim());
  if (header === undefined) return refused(name, [{ field: 'line 1', problem: 'no header line' }]);
  const problems: FieldProblem[] = [];
  header.forEach((column, i) => {
    if (!catalogueColumns.includes(column)) {
      problems.push({
        field: `line 1: column ${String(i + 1)}`,
        problem: `"${column}" is not a column of a catalogue (${catalogueColumns.join(', ')})`,
      });
    } else if (header.indexOf(column) !== i) {
      problems.push({ field: `line 1: ${column}`, problem: 'the column appears twice' });
    }
  });
  if (!header.includes('description'))
    problems.push({ field: 'line 1', problem: 'the description column is missing' });
  if (problems.length > 0) return refused(name, problems);
  const items: CatalogueItem[] = [];
  const list = (cell: string) =>
    cell
      .split(';')
      .map((x) => x.trim())
      .filter((x) => x !== '');
  for (const record of records.slice(1)) {
    if (record.fields.every((f) => f.trim() === '')) continue;
    const at = `line ${String(record.line)}`;
    if (record.fields.length !== header.length) {
      problems.push({
        field: at,
        problem: `has ${String(record.fields.length)} cells; the header has ${String(header.length)}`,
      });
      continue;
    }
    const cell = (column: string) => record.fields[header.indexOf(column)]?.trim() ?? '';
    const description = cell('description');
    if (description === '')
      problems.push({
        field: `${at}: description`,
        problem: 'is empty: describe what the item is and does',
      });
    const answers: Record<string, string> = {};
    for (const pair of list(cell('answers'))) {
      const [fact, answer, ...rest] = pair.split('=').map((x) => x.trim());
      if (fact === undefined || fact === '' || answer === undefined || rest.length > 0) {
        problems.push({
          field: `${at}: answers`,
          problem: `"${pair}" is not fact=answer (e.g. facial-recognition-mass-surveillance=yes)`,
        });
      } else answers[fact] = answer;
    }
    const ref = cell('ref');
    const controlEntries = list(cell('controlEntries'));
    const capabilities = list(cell('capabilities'));
    items.push({
      ...(ref === '' ? {} : { ref }),
      description,
      ...(controlEntries.length > 0 ? { controlEntries } : {}),
      ...(capabilities.length > 0 ? { capabilities } : {}),
      ...(Object.keys(answers).length > 0 ? { answers } : {}),
    });
  }
  if (unterminated !== undefined)
    problems.push({
      field: `line ${String(unterminated.line)}`,
      problem: 'a quoted cell is never closed: the file ends inside it',
    });
  if (problems.length === 0 && items.length === 0)
    problems.push({ field: 'line 2', problem: 'no item: the file has only its header' });
  return problems.length > 0 ? refused(name, problems) : ok(items);
}

/** The catalogue dry run as text: the counts, then one line per item in the catalogue's order. */
export function catalogueDryRunText(run: CatalogueDryRunJson): string {
  return [
    `${run.proposalId} v${String(run.version)} (${run.entryId}): ${String(run.examined)} items, ${String(run.counts.captured)} captured, ${String(run.counts['possibly-captured'])} possibly, ${String(run.counts['not-captured'])} not captured, ${String(run.counts.unclassifiable)} unclassifiable; ${String(run.newlyControlled)} listed by no current entry`,
    ...run.items.map(
      (i) =>
        `  ${String(i.position).padStart(3)} ${(i.ref ?? '-').padEnd(12)} ${i.capture.padEnd(17)} ${i.reason}${i.alreadyListedUnder.length > 0 ? ` (already listed under ${i.alreadyListedUnder.join(', ')})` : ''}`,
    ),
  ].join('\n');
}

/** The CLI handlers of `cordon proposals ...`, on the store directly (the server stopped). */
export function proposalsCliHandlers(context: CliContext): ProposalsCliHandlers {
  const withProposals = (
    flags: ConfigFlags,
    command: string,
    work: (deps: Awaited<ReturnType<typeof exchangeDepsFor>>['proposals']) => Outcome,
  ): Outcome => {
    const config = context.configFrom(flags);
    if (!config.ok) return Promise.resolve(config);
    return (async () => {
      const m = await modules();
      const exchange = m.exchangeConfigFrom(context, config.value);
      if (!exchange.ok) return exchange;
      return context.withReadyDatabase(flags, command, async (database) =>
        work((await m.exchangeDepsFor(database.db, exchange.value)).proposals),
      );
    })();
  };
  const show = async (
    deps: Awaited<ReturnType<typeof exchangeDepsFor>>['proposals'],
    id: string,
  ) => {
    const { adoptionMatrix } = await modules();
    const p = await deps.proposals.proposal(id);
    if (p === undefined) return err(cordonError('CORDON_NOT_FOUND', `No control proposal ${id}.`));
    const positions = await deps.proposals.positions(id);
    const partners = (await deps.exchange.store.partners()).map((x) => x.id);
    const matrix = adoptionMatrix(
      p.versions.filter((v) => v.publishedAt !== undefined).map((v) => v.version),
      partners,
      positions.map((x) => ({ ...x, authority: x.partner })),
    );
    const cell = (c: (typeof matrix)[number]['cells'][number]) =>
      c.position === undefined
        ? '-'
        : c.position.position +
          (c.position.adoption
            ? ` as ${c.position.adoption.nationalEntryId} from ${c.position.adoption.effectiveOn}`
            : '');
    const current = p.versions.find((v) => v.version === p.currentVersion);
    return ok({
      text: [
        `${p.id}  ${p.title}`,
        `  by ${p.authority}, ${p.status}, version ${String(p.currentVersion)}; entry ${current?.content.entry.entryId ?? '?'}`,
        ...(current ? [`  ${current.content.entry.text}`] : []),
        'Adoption matrix:',
        ...matrix.map(
          (row) =>
            `  ${row.authority.padEnd(12)} ${row.cells.map((c) => `v${String(c.version)}: ${cell(c)}`).join('  ')}`,
        ),
      ].join('\n'),
      json: plain({ ...p, positions, matrix }),
    });
  };
  return {
    proposalsList: (flags) =>
      withProposals(flags, 'proposals list', async (deps) => {
        const all = await deps.proposals.proposals();
        return ok({
          text:
            all.length === 0
              ? 'No control proposals.'
              : all
                  .map(
                    (p) =>
                      `${p.id}  ${p.status.padEnd(9)} v${String(p.currentVersion)}  ${p.title}`,
                  )
                  .join('\n'),
          json: plain({ proposals: all }),
        });
      }),
    proposalsShow: (flags, id) => withProposals(flags, 'proposals show', (deps) => show(deps, id)),
    proposalsDraft: (flags, file) =>
      withProposals(flags, 'proposals draft', async (deps) => {
        const m = await modules();
        const input = await m.readJsonFile(path.resolve(context.cwd, file));
        if (!input.ok) return input;
        const drafted = await m.draftProposal(deps, m.cliActor(), input.value);
        return drafted.ok ? show(deps, drafted.value.id) : drafted;
      }),
    proposalsPublish: (flags, id) =>
      withProposals(flags, 'proposals publish', async (deps) => {
        const m = await modules();
        const published = await m.publishProposal(deps, m.cliActor(), { proposalId: id });
        return published.ok ? show(deps, id) : published;
      }),
    proposalsPosition: (flags, args) =>
      withProposals(flags, 'proposals position', async (deps) => {
        const m = await modules();
        if (!Number.isInteger(args.version) || args.version < 1)
          return err(cordonError('CORDON_USAGE', '--version must be a version number (1, 2 ...).'));
        const adopting =
          args.entryId !== undefined ||
          args.instrument !== undefined ||
          args.effectiveOn !== undefined;
        const recorded = await m.recordPosition(deps, m.cliActor(), {
          proposalId: args.id,
          version: args.version,
          position: args.position,
          ...(args.reasons === undefined ? {} : { reasons: args.reasons }),
          ...(adopting
            ? {
                adoption: {
                  nationalEntryId: args.entryId,
                  legalInstrument: args.instrument,
                  effectiveOn: args.effectiveOn,
                },
              }
            : {}),
        });
        return recorded.ok ? show(deps, args.id) : recorded;
      }),
    proposalsDryRun: (flags, id, version) =>
      withProposals(flags, 'proposals dry-run', async (deps) => {
        const m = await modules();
        const ran = await m.dryRunProposal(deps, {
          proposalId: id,
          ...(version === undefined ? {} : { version }),
        });
        if (!ran.ok) return ran;
        const r = ran.value.report;
        return ok({
          text: [
            `${id} v${String(ran.value.version)} (${r.entryId}): ${String(r.examined)} cases read, ${String(r.captured)} captured, ${String(r.possiblyCaptured)} possibly, ${String(r.newlyControlled)} listed by no current entry`,
            ...r.byDestination.map(
              (t) =>
                `  to ${t.key}: ${String(t.captured)} captured, ${String(t.possiblyCaptured)} possibly`,
            ),
            ...r.byEndUserType.map(
              (t) =>
                `  end user ${t.key}: ${String(t.captured)} captured, ${String(t.possiblyCaptured)} possibly`,
            ),
            ...r.cases.map((c) => `  ${c.reference} (${c.stage}, ${c.destination}): ${c.capture}`),
          ].join('\n'),
          json: plain(ran.value),
        });
      }),
    proposalsDryRunCatalogue: async (flags, id, file, version) => {
      const m = await modules();
      const bytes = await m.readFileBytes(path.resolve(context.cwd, file));
      if (!bytes.ok) return bytes;
      const items = await parseCatalogueFile(file, new TextDecoder().decode(bytes.value));
      if (!items.ok) return items;
      const config = context.configFrom(flags);
      if (!config.ok) return config;
      const output = (run: CatalogueDryRunJson) => ({
        text: catalogueDryRunText(run),
        json: run,
      });
      return context.withReadyDatabase(
        flags,
        'proposals dry-run',
        async (database) => {
          // Through a server (an exporter's token, say) the node's identity is the server's.
          const exchange = m.exchangeConfigFrom(context, config.value);
          if (!exchange.ok) return exchange;
          const deps = (await m.exchangeDepsFor(database.db, exchange.value)).proposals;
          const ran = await m.dryRunCatalogue(deps, {
            proposalId: id,
            ...(version === undefined ? {} : { version }),
            items: items.value,
            audience: 'staff',
          });
          if (!ran.ok) return ran;
          const { proposalId, version: tested, result } = ran.value;
          return ok(
            output(plain({ proposalId, version: tested, ...result }) as CatalogueDryRunJson),
          );
        },
        {
          readOnly: true,
          viaServer: {
            request: {
              method: 'POST',
              path: `/v1/proposals/${encodeURIComponent(id)}/dry-run/catalogue`,
              body: { ...(version === undefined ? {} : { version }), items: items.value },
            },
            output: (answer) => output(answer as CatalogueDryRunJson),
          },
        },
      );
    },
    proposalsGaps: (flags) =>
      withProposals(flags, 'proposals gaps', async (deps) => {
        const alerts = await deps.proposals.gapAlerts();
        return ok({
          text:
            alerts.length === 0
              ? 'No sync-gap alerts.'
              : alerts
                  .map(
                    (a) =>
                      `${a.caseReference}: ${a.partner} controls it as ${a.nationalEntryId} from ${a.effectiveOn} (${a.proposalId} v${String(a.version)}, ${a.capture}); we do not`,
                  )
                  .join('\n'),
          json: plain({ alerts }),
        });
      }),
  };
}
