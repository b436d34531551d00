import type { DatabaseConnection } from '../adapters/db/open-database.ts';
import { runProgram, type CliHandlers } from './cli-program.ts';
import type { CliIo } from '../adapters/cli/output.ts';
import { detectCodeVersion } from '../adapters/runtime/code-version.ts';
import { ok } from '../domain/shared/result.ts';
import { createCliContext, dbModules } from './cli-context.ts';
import { assessCliHandlers } from './assess-cli.ts';
import { indicatorsCliHandlers } from './indicators-cli.ts';
import { batchCliHandlers } from './batch-cli.ts';
import { opsCliHandlers } from './ops-cli.ts';
import { controlsCliHandlers } from './controls-cli.ts';
import { listsCliHandlers } from './lists-cli.ts';
import { peopleCliHandlers } from './people-cli.ts';
import { screeningCliHandlers } from './screening-cli.ts';
import { exchangeCliHandlers, exchangeConfigFrom } from './exchange-cli.ts';
import { proposalsCliHandlers } from './proposals-cli.ts';
import { consultationsCliHandlers } from './consultations-cli.ts';
import { reportCliHandlers } from './report-cli.ts';
import { caseSettingsFrom, casesCliHandlers } from './cases-cli.ts';

/** The CLI's composition root: turns flags into a config, then into adapters, for each command. */
export function cliHandlers(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
  codeVersion: string,
  io: CliIo,
): CliHandlers {
  const context = createCliContext(env, cwd, codeVersion, io);
  const { configFrom, withDatabase } = context;

  return {
    ...listsCliHandlers(context),
    ...peopleCliHandlers(context),
    ...screeningCliHandlers(context),
    ...controlsCliHandlers(context),
    ...assessCliHandlers(context),
    ...indicatorsCliHandlers(context),
    ...batchCliHandlers(context),
    ...opsCliHandlers(context),
    ...exchangeCliHandlers(context),
    ...proposalsCliHandlers(context),
    ...consultationsCliHandlers(context),
    ...reportCliHandlers(context),
    ...casesCliHandlers(context),

    async serve(flags, serveOptions) {
      const config = configFrom(flags);
      if (!config.ok) return config;
      const exchange = exchangeConfigFrom(context, config.value);
      if (!exchange.ok) return exchange;
      // Without CORDON_PUBLIC_URL, letters point at this server: the port of --port, not PORT's.
      const cases = await caseSettingsFrom(context, config.value.http.port);
      if (!cases.ok) return cases;
      const { startServer } = await import('./server.ts');
      const started = await startServer(config.value, {
        codeVersion,
        io,
        adminPassword: env.CORDON_ADMIN_PASSWORD,
        authorityCountry: env.CORDON_AUTHORITY_COUNTRY,
        demo: serveOptions?.demo === true,
        demoPassword: env.CORDON_DEMO_PASSWORD,
        exchange: exchange.value,
        cases: cases.value,
      });
      if (!started.ok) return started;
      const server = started.value;
      io.stderr(
        `Cordon ${codeVersion} listening on ${server.url} (${describeDatabase(server.database)}). Press Ctrl+C to stop.\n`,
      );
      await waitForStopSignal();
      io.stderr('Stopping: finishing in-flight requests...\n');
      await server.stop();
      return ok({ text: 'Cordon stopped.', json: { stopped: true } });
    },

    dbMigrate: (flags) =>
      withDatabase(flags, 'db migrate', async (database) => {
        const { migrateToLatest, ensureInstanceRecord } = await dbModules();
        const migrated = await migrateToLatest(database.db);
        if (!migrated.ok) return migrated;
        await ensureInstanceRecord(database.db, codeVersion);
        const applied = migrated.value;
        return ok({
          text:
            applied.length === 0
              ? `Database ${database.location} is up to date.`
              : `Applied ${applied.length} migration(s) to ${database.location}:\n${applied.map((m) => `  ${m}`).join('\n')}`,
          json: { engine: database.engine, location: database.location, applied },
        });
      }),

    dbStatus: (flags) =>
      withDatabase(flags, 'db status', async (database) => {
        const { migrationStates, readInstanceRecord } = await dbModules();
        const states = await migrationStates(database.db);
        const pending = states.filter((m) => m.executedAt === undefined);
        const instance =
          pending.length < states.length ? await readInstanceRecord(database.db) : undefined;
        const lines = [
          `Engine:     ${describeDatabase(database)}`,
          `Created:    ${instance ? `${instance.createdAt.toISOString()} by Cordon ${instance.createdByVersion}` : 'not initialised'}`,
          `Migrations: ${states.length - pending.length} applied, ${pending.length} pending`,
          ...states.map(
            (m) =>
              `  ${m.executedAt ? 'applied' : 'PENDING'}  ${m.name}${m.executedAt ? `  (${m.executedAt.toISOString()})` : ''}`,
          ),
        ];
        return ok({
          text: lines.join('\n'),
          json: {
            engine: database.engine,
            location: database.location,
            createdAt: instance?.createdAt.toISOString() ?? null,
            createdByVersion: instance?.createdByVersion ?? null,
            migrations: states.map((m) => ({
              name: m.name,
              appliedAt: m.executedAt?.toISOString() ?? null,
            })),
            pending: pending.map((m) => m.name),
          },
        });
      }),
  };
}

const describeDatabase = (database: DatabaseConnection) =>
  database.engine === 'pglite'
    ? `embedded database at ${database.location}`
    : `PostgreSQL at ${database.location}`;

function waitForStopSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.removeListener('SIGINT', stop);
      process.removeListener('SIGTERM', stop);
      // A second signal while stopping means "now".
      process.once('SIGINT', () => process.exit(130));
      process.once('SIGTERM', () => process.exit(143));
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** Entry point of `bin/cordon.js`. */
export async function main(argv: readonly string[]): Promise<number> {
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTty: process.stdout.isTTY,
  };
  const codeVersion = detectCodeVersion();
  return runProgram(
    argv,
    codeVersion,
    cliHandlers(process.env, process.cwd(), codeVersion, io),
    io,
  );
}
