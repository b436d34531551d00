import { Command, CommanderError, Option } from 'commander';
import type { ConfigFlags } from '../config/config.ts';
import { cordonError, type CordonError } from '../domain/shared/errors.ts';
import type { Result } from '../domain/shared/result.ts';
import { registerAssessCommands, type AssessCliHandlers } from './assess-cli.ts';
import { registerBatchCommands, type BatchCliHandlers } from './batch-cli.ts';
import { registerControlsCommands, type ControlsCliHandlers } from './controls-cli.ts';
import { registerListsCommands, type ListsCliHandlers } from './lists-cli.ts';
import { registerOpsCommands, type OpsCliHandlers } from './ops-cli.ts';
import { registerPeopleCommands, type PeopleCliHandlers } from './people-cli.ts';
import { registerExchangeCommands, type ExchangeCliHandlers } from './exchange-cli.ts';
import { registerProposalCommands, type ProposalsCliHandlers } from './proposals-cli.ts';
import {
  registerConsultationsCommands,
  type ConsultationsCliHandlers,
} from './consultations-cli.ts';
import { registerReportCommands, type ReportCliHandlers } from './report-cli.ts';
import { registerIndicatorsCommands, type IndicatorsCliHandlers } from './indicators-cli.ts';
import { registerScreeningCommands, type ScreeningCliHandlers } from './screening-cli.ts';
import { registerRoutingCommands, type RoutingCliHandlers } from './cases-cli.ts';
import {
  exitCodeFor,
  exitCodes,
  printError,
  printOutput,
  type CliIo,
  type CommandOutput,
  type ExitCode,
} from '../adapters/cli/output.ts';

/** The work behind each command, supplied by the composition root (`src/main/cli.ts`). */
export interface CliHandlers
  extends
    ListsCliHandlers,
    ControlsCliHandlers,
    ScreeningCliHandlers,
    AssessCliHandlers,
    BatchCliHandlers,
    OpsCliHandlers,
    ExchangeCliHandlers,
    ProposalsCliHandlers,
    ConsultationsCliHandlers,
    ReportCliHandlers,
    RoutingCliHandlers,
    IndicatorsCliHandlers,
    PeopleCliHandlers {
  /** Runs the server until it is asked to stop; resolves with the outcome of the whole run. */
  serve(
    flags: ConfigFlags,
    options?: { readonly demo?: boolean },
  ): Promise<Result<CommandOutput, CordonError>>;
  dbMigrate(flags: ConfigFlags): Promise<Result<CommandOutput, CordonError>>;
  dbStatus(flags: ConfigFlags): Promise<Result<CommandOutput, CordonError>>;
}

/** What a command module needs from the program: global flags, and how to run and print. */
export interface CommandContext {
  /** The configuration flags given on the command line, global ones included. */
  readonly flags: (command: Command) => ConfigFlags;
  /** Runs a handler, prints its output (JSON with `json`) or its error, and sets the exit code. */
  readonly run: (
    json: boolean,
    action: () => Promise<Result<CommandOutput, CordonError>>,
  ) => Promise<void>;
  readonly io: CliIo;
}

interface GlobalOptions {
  dataDir?: string;
  databaseUrl?: string;
  logLevel?: string;
}

/**
 * Builds the `cordon` command line. Every command has `--help`; results go to stdout (JSON with
 * `--json`), errors to stderr in one line. Exit codes: 0 success, 1 failure, 2 usage error.
 */
export function buildProgram(
  version: string,
  handlers: CliHandlers,
  io: CliIo,
  setExitCode: (code: ExitCode) => void,
): Command {
  const program = new Command('cordon')
    .description(
      'Cordon keeps surveillance technology out of the hands of those who use it against human rights:\nscreening, classification, human-rights assessment and licensing.',
    )
    .version(version, '-v, --version', 'print the version')
    .option(
      '--data-dir <dir>',
      'embedded database directory (env CORDON_DATA_DIR; default ./.cordon/data)',
    )
    .option(
      '--database-url <url>',
      'use PostgreSQL instead of the embedded database (env DATABASE_URL)',
    )
    .addOption(
      new Option('--log-level <level>', 'log level (env LOG_LEVEL)').choices([
        'fatal',
        'error',
        'warn',
        'info',
        'debug',
        'trace',
        'silent',
      ]),
    )
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (text) => {
        io.stdout(text);
      },
      writeErr: (text) => {
        io.stderr(text);
      },
    })
    .exitOverride();

  const globalFlags = (command: Command): ConfigFlags => {
    const opts = command.optsWithGlobals<GlobalOptions & { port?: string; host?: string }>();
    return {
      dataDir: opts.dataDir,
      databaseUrl: opts.databaseUrl,
      logLevel: opts.logLevel,
      port: opts.port,
      host: opts.host,
    };
  };

  const run = async (
    json: boolean,
    action: () => Promise<Result<CommandOutput, CordonError>>,
  ): Promise<void> => {
    const result = await action();
    if (result.ok) {
      printOutput(io, result.value, json);
      setExitCode(exitCodes.ok);
    } else {
      printError(io, result.error, json);
      setExitCode(exitCodeFor(result.error));
    }
  };

  const context: CommandContext = { flags: globalFlags, run, io };

  program
    .command('serve')
    .description('run the HTTP API and web UI (default 127.0.0.1:8080)')
    .option('-p, --port <port>', 'port to listen on (env PORT; 0 picks a free port)')
    .option('--host <host>', 'address to listen on (env HOST)')
    .option(
      '--demo',
      'load demo organisations, users (credentials printed) and cases, marked [DEMO]',
    )
    .action(async (opts: { demo?: boolean }, command: Command) => {
      await run(false, () => handlers.serve(globalFlags(command), { demo: opts.demo === true }));
    });

  const db = program.command('db').description('manage the database schema');
  db.command('migrate')
    .description('apply pending migrations')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }, command: Command) => {
      await run(opts.json === true, () => handlers.dbMigrate(globalFlags(command)));
    });
  db.command('status')
    .description('show the database engine, location and migrations')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }, command: Command) => {
      await run(opts.json === true, () => handlers.dbStatus(globalFlags(command)));
    });

  registerListsCommands(program, handlers, context);
  registerScreeningCommands(program, handlers, context);
  registerControlsCommands(program, handlers, context);
  registerAssessCommands(program, handlers, context);
  registerIndicatorsCommands(program, handlers, context);
  registerPeopleCommands(program, handlers, context);
  registerBatchCommands(program, handlers, context);
  registerOpsCommands(program, handlers, context);
  registerExchangeCommands(program, handlers, context);
  registerProposalCommands(program, handlers, context);
  registerConsultationsCommands(program, handlers, context);
  registerReportCommands(program, handlers, context);
  registerRoutingCommands(program, handlers, context);
  return program;
}

/**
 * Parses and runs a command line; returns the exit code. Commander's own usage errors (unknown
 * command or option, missing argument) exit with 2; `--help` and `--version` exit with 0.
 */
export async function runProgram(
  argv: readonly string[],
  version: string,
  handlers: CliHandlers,
  io: CliIo,
): Promise<ExitCode> {
  let exitCode: ExitCode = exitCodes.ok;
  const program = buildProgram(version, handlers, io, (code) => {
    exitCode = code;
  });
  for (const command of allCommands(program)) command.exitOverride();
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') {
        return exitCodes.ok;
      }
      if (error.code === 'commander.executeSubCommandAsync') return exitCodes.failure;
      return exitCodes.usage;
    }
    throw error;
  }
  return exitCode;
}

function* allCommands(command: Command): Generator<Command> {
  yield command;
  for (const sub of command.commands) yield* allCommands(sub);
}

/** A usage error raised by a handler (a bad combination of flags that commander cannot see). */
export const usageError = (message: string): CordonError => cordonError('CORDON_USAGE', message);
