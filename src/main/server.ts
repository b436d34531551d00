import { kyselyRateLimitCounter } from '../adapters/db/kysely-rate-limit-counter.ts';
import { fileURLToPath } from 'node:url';
import type { FastifyServerOptions } from 'fastify';
import type { Config } from '../config/config.ts';
import { kyselyDatabaseHealth } from '../adapters/db/database-health.ts';
import { kyselyListSnapshotStore } from '../adapters/db/kysely-list-snapshot-store.ts';
import { parseListFiles } from '../adapters/lists/parse-list-files.ts';
import { nodeContentHasher } from '../adapters/runtime/node-content-hasher.ts';
import { systemClock } from '../adapters/runtime/system-clock.ts';
import { importListSnapshot } from '../application/lists/import-list-snapshot.ts';
import { activateListSnapshot } from '../application/lists/activate-list-snapshot.ts';
import type { ListSnapshot } from '../domain/lists/list-snapshot.ts';
import { createScreeningService } from '../application/screening/screening-service.ts';
import {
  fileRegulationSources,
  shippedRegulationDirs,
} from '../adapters/regulation/file-regulation-sources.ts';
import type { CliIo } from '../adapters/cli/output.ts';
import { serverLoggerOptions } from './logger.ts';
import { openDatabase, type DatabaseConnection } from '../adapters/db/open-database.ts';
import { buildApp, type App, type AppDeps } from '../adapters/http/build-app.ts';
import { cordonError, type CordonError } from '../domain/shared/errors.ts';
import { err, ok, type Result } from '../domain/shared/result.ts';
import { assessApplication } from '../application/assessment/assess-application.ts';
import { assessmentDeps } from './assessment-deps.ts';
import { prepareStore } from './prepare-store.ts';
import { observedScreeningIndexes } from './ops-metrics.ts';
import { caseDepsFor, defaultCaseSettings, type CaseSettings } from './case-wiring.ts';
import { casesWithLiveEvents, liveEventsFor, type LiveEvents } from './live-wiring.ts';
import { kyselyNotificationStore } from '../adapters/db/kysely-notification-store.ts';
import {
  exchangeDepsFor,
  partnerAlertScreening,
  scheduleAuditHeads,
  scheduleExchangeSync,
} from './exchange-wiring.ts';
import { notifyWithdrawnRefusal } from '../application/exchange/notify-withdrawn-refusal.ts';
import { checkAgainstDenials } from '../application/exchange/check-denials.ts';
import type { ExchangeConfig } from '../config/config.ts';
import { seedDemo } from './demo.ts';
import { currentListUpdate } from '../application/batch/rerun-standing-batches.ts';
import { rescreenCases } from '../application/cases/rescreen-cases.ts';
import { randomSecrets } from '../adapters/runtime/random-secrets.ts';
import { bootstrapAdministrator } from '../application/people/manage-people.ts';
import { peopleDepsFor, servingPeople, sha256Text } from './people-wiring.ts';
import { publicConsultationDepsFor } from './public-consultation-wiring.ts';
import { renderTransparencyReportPdf } from '../adapters/documents/transparency-report-pdf.ts';
import { sql } from 'kysely';
import { batchDepsFor } from './batch-wiring.ts';

/** The advisory lock under which an instance checks for, and creates, the first administrator. */
const bootstrapLockKey = 7_150_001;

/** A server that listens, and the one way to stop it cleanly. */
export interface RunningServer {
  readonly url: string;
  readonly app: App;
  readonly database: DatabaseConnection;
  /** Stops accepting connections, finishes in-flight requests, then closes the database. */
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly codeVersion: string;
  /** Overrides the pino options derived from the config (tests pass `false`). */
  readonly logger?: NonNullable<FastifyServerOptions['logger']>;
  /** Where first-start work (creating the store, importing the shipped lists) is reported to a person. */
  readonly io?: CliIo;
  /** The first administrator's password on an empty store (CORDON_ADMIN_PASSWORD); generated when absent. */
  readonly adminPassword?: string | undefined;
  /** The licensing authority's country for the first organisation (CORDON_AUTHORITY_COUNTRY). */
  readonly authorityCountry?: string | undefined;
  /** Load demo organisations, users and cases (once), printing the demo credentials. */
  readonly demo?: boolean;
  /** Every demo user's password (CORDON_DEMO_PASSWORD); generated and printed when absent. */
  readonly demoPassword?: string | undefined;
  /** Exchange with partner states (CORDON_AUTHORITY_ID, CORDON_EXCHANGE_*); absent, the exchange answers not configured. */
  readonly exchange?: ExchangeConfig;
  /** Settings of the licence workflow (CORDON_ATTACHMENT_MAX_BYTES); absent, the defaults. */
  readonly cases?: CaseSettings;
}

/**
 * The server's composition root: opens the database (migrating the embedded one on first start),
 * builds the app with its adapters, and listens. Nothing is left open when it fails.
 */
export async function startServer(
  config: Config,
  options: StartOptions,
): Promise<Result<RunningServer, CordonError>> {
  const opened = await openDatabase(config.database, { command: 'serve' });
  if (!opened.ok) return opened;
  const database = opened.value;
  try {
    const started = await startOn(database, config, options);
    if (!started.ok) await database.close();
    return started;
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** The steps of a start on an open database; the caller closes it when they fail. */
async function startOn(
  database: DatabaseConnection,
  config: Config,
  options: StartOptions,
): Promise<Result<RunningServer, CordonError>> {
  const prepared = await prepareStore(database, {
    codeVersion: options.codeVersion,
    ...(options.io ? { io: options.io } : {}),
  });
  if (!prepared.ok && database.engine === 'pglite') return prepared;
  // On PostgreSQL with pending migrations the server still starts: /readyz says what is missing.
  const { people, authenticator } = servingPeople(database.db, {
    authCacheMs: config.auth.tokenCacheMs,
  });
  if (prepared.ok) {
    const admin = await ensureFirstAdministrator(database, options);
    if (!admin.ok) return admin;
  }
  const log = lateAppLog();
  const services = await wireServices(database, config, options);
  if (options.demo === true && prepared.ok) {
    const demo = await loadDemo(people, services.cases, options);
    if (!demo.ok) return demo;
  }
  const batches = batchesFor(database, config, log);
  const afterActivation = reactToListActivation(services, batches, log);
  const app = await buildApp(
    appDepsOf(
      { database, config, options, services, people, authenticator, batches },
      afterActivation,
    ),
    {
      logger: loggerOf(config, options),
      bodyLimitBytes: config.http.bodyLimitBytes,
      trustProxy: config.http.trustProxy,
    },
  );
  log.bind(app);
  const listening = await listenOn(app, config);
  if (!listening.ok) return listening;
  const url = listening.value;
  database.lock?.announce(url);
  const stopBackground = await startBackgroundWork(app, services, batches, people, options);
  return ok(runningServer(url, app, database, stopBackground));
}

/** The pino options derived from the config, unless the caller gave its own. */
function loggerOf(
  config: Config,
  options: StartOptions,
): NonNullable<FastifyServerOptions['logger']> {
  return options.logger ?? serverLoggerOptions(config.logLevel);
}

/**
 * Creates the first administrator on an empty store and says so. Instances started together on an
 * empty PostgreSQL database take turns (an advisory lock), so exactly one creates the first
 * administrator and the others find it.
 */
async function ensureFirstAdministrator(
  database: DatabaseConnection,
  options: StartOptions,
): Promise<Result<void, CordonError>> {
  const admin = await database.db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${bootstrapLockKey})`.execute(connection);
    try {
      return await bootstrapAdministrator(peopleDepsFor(connection), {
        password: options.adminPassword,
        country: options.authorityCountry,
      });
    } finally {
      await sql`select pg_advisory_unlock(${bootstrapLockKey})`.execute(connection);
    }
  });
  if (!admin.ok) return admin;
  if (admin.value !== undefined) {
    options.io?.stderr(
      admin.value.password === undefined
        ? `Created the first administrator "${admin.value.username}" with the password from CORDON_ADMIN_PASSWORD; it must be changed at first sign-in.\n`
        : `Created the first administrator "${admin.value.username}". One-time password (shown once; it must be changed at first sign-in): ${admin.value.password}\n`,
    );
  }
  return ok(undefined);
}

/** The app's logger, for wiring made before the app exists (it logs only once the app is built). */
interface LateAppLog {
  bind(app: App): void;
  readonly current: () => App['log'] | undefined;
}

function lateAppLog(): LateAppLog {
  let bound: App['log'] | undefined;
  return {
    bind(app) {
      bound = app.log;
    },
    current: () => bound,
  };
}

/** The services the routes share: lists, regulation, screening, assessment, exchange and cases. */
interface Services {
  readonly listStore: ReturnType<typeof kyselyListSnapshotStore>;
  readonly regulation: ReturnType<typeof fileRegulationSources>;
  readonly screening: ReturnType<typeof createScreeningService>;
  readonly screeningIndexes: ReturnType<typeof observedScreeningIndexes>;
  readonly assessment: ReturnType<typeof assessmentDeps>;
  readonly exchange: Awaited<ReturnType<typeof exchangeDepsFor>>;
  readonly cases: ReturnType<typeof caseDepsFor>;
  /** Live updates: LISTEN/NOTIFY on PostgreSQL, in process on the embedded database. */
  readonly live: LiveEvents;
}

/** Wires the services; the shipped regulation data is read now, so a broken installation fails at start. */
async function wireServices(
  database: DatabaseConnection,
  config: Config,
  options: StartOptions,
): Promise<Services> {
  const listStore = kyselyListSnapshotStore(database.db);
  const regulation = fileRegulationSources(shippedRegulationDirs);
  // Read the shipped regulation data now, so a broken installation fails at start, not on a request.
  await regulation.load();
  // One index cache, watched so that /metrics can report its size without touching it.
  // Partners' threat alerts are screened beside the lists, re-indexed when a message changes them.
  const partnerAlerts = partnerAlertScreening(database.db);
  const screeningIndexes = observedScreeningIndexes(listStore, systemClock, partnerAlerts);
  // One screening service (one index, the deployment's thresholds) for screening and assessment.
  const screening = createScreeningService({
    store: listStore,
    thresholds: config.screening.thresholds,
    clock: systemClock,
    indexes: screeningIndexes.indexes,
  });
  const assessment = assessmentDeps(listStore, screening, options.codeVersion, {
    database,
    clock: systemClock,
    listMaxAgeDays: config.assessment.listMaxAgeDays,
  });
  const exchange = await exchangeDepsFor(database.db, options.exchange, partnerAlerts, regulation);
  const warn = (message: string) => options.io?.stderr(`${message}\n`);
  const live = await liveEventsFor(database, config.database, warn);
  const cases = casesWithLiveEvents(
    casesWithExchange(caseDepsFor(database.db, assessment, options.cases), exchange, options),
    live,
    warn,
  );
  return { listStore, regulation, screening, screeningIndexes, assessment, exchange, cases, live };
}

/** The licence workflow told about the exchange: the no-undercut check and withdrawn refusals. */
function casesWithExchange(
  cases: ReturnType<typeof caseDepsFor>,
  exchange: Services['exchange'],
  options: StartOptions,
): ReturnType<typeof caseDepsFor> {
  return {
    ...cases,
    // The no-undercut check: partners' denials this application essentially repeats.
    denialCheck: (application, frozen, licenceCase) =>
      checkAgainstDenials(exchange, application, frozen, licenceCase),
    // The case policy says when a withdrawal under a pending refusal is told to partners.
    notifyWithdrawnRefusal: async (record, requestId) => {
      const sent = await notifyWithdrawnRefusal(exchange, record, requestId);
      if (!sent.ok) {
        options.io?.stderr(
          `Case ${record.licenceCase.reference} was withdrawn under a pending refusal, but partners were not told: ${sent.error.message}\n`,
        );
      }
    },
  };
}

/**
 * `serve --demo`: loads the demo organisations, users and cases once, printing their passwords
 * (or that they are CORDON_DEMO_PASSWORD). A CORDON_DEMO_PASSWORD that breaks the rules fails the start.
 */
async function loadDemo(
  people: ServingPeople['people'],
  cases: Services['cases'],
  options: Pick<StartOptions, 'io' | 'demoPassword'>,
): Promise<Result<void, CordonError>> {
  const { io, demoPassword } = options;
  io?.stderr('Loading demo data (organisations, users and cases marked [DEMO])...\n');
  const seeded = await seedDemo(people, cases, demoPassword);
  if (!seeded.ok) return seeded;
  const credentials = seeded.value;
  io?.stderr(
    credentials === undefined
      ? 'Demo data is already loaded; its passwords were printed when it was created.\n'
      : [
          demoPassword === undefined
            ? 'Demo users (passwords shown once; each must be changed at first sign-in):'
            : 'Demo users (password from CORDON_DEMO_PASSWORD; each must change it at first sign-in):',
          ...credentials.map(
            (c) =>
              `  ${c.username.padEnd(16)} ${demoPassword === undefined ? c.password : '(CORDON_DEMO_PASSWORD)'}  (${c.roles.join(', ')})`,
          ),
          '',
        ].join('\n'),
  );
  return ok(undefined);
}

type ServingPeople = ReturnType<typeof servingPeople>;
type Batches = ReturnType<typeof batchDepsFor> | undefined;

/** Batches and list updates travel on the job queue of the shared PostgreSQL database. */
function batchesFor(database: DatabaseConnection, config: Config, log: LateAppLog): Batches {
  return config.database.engine === 'postgres'
    ? batchDepsFor(database.db, config.database.url, (error) => {
        log.current()?.warn(`job queue error: ${error.message}`);
      })
    : undefined;
}

/** Re-screens open cases and issued licences against the active lists, raising alerts. */
function rescreenOf(services: Services): () => ReturnType<typeof rescreenCases> {
  return () =>
    rescreenCases({
      store: services.cases.store,
      screener: services.assessment.screener,
      clock: systemClock,
      secrets: randomSecrets,
    });
}

/**
 * What follows a newly active snapshot (an import or a roll-back): re-screen open cases and
 * issued licences (and, on PostgreSQL, re-run the standing batches) in the background. On
 * PostgreSQL the update goes on the job queue, where one instance takes it.
 */
function reactToListActivation(
  services: Services,
  batches: Batches,
  log: LateAppLog,
): (snapshot: ListSnapshot) => void {
  const rescreen = rescreenOf(services);
  return (snapshot) => {
    const done = batches
      ? currentListUpdate(services.listStore, snapshot).then((update) =>
          batches.announceListUpdate(update),
        )
      : rescreen().then(() => undefined);
    done.catch((error: unknown) => {
      log.current()?.error({ err: error }, 're-screening after a list activation failed');
    });
  };
}

/** Everything `startServer` composes, as the app's dependencies are built from it. */
interface Wired {
  readonly database: DatabaseConnection;
  readonly config: Config;
  readonly options: StartOptions;
  readonly services: Services;
  readonly people: ServingPeople['people'];
  readonly authenticator: ServingPeople['authenticator'];
  readonly batches: Batches;
}

/** The app's dependencies: every route area's ports and use cases. */
function appDepsOf(wired: Wired, afterActivation: (snapshot: ListSnapshot) => void): AppDeps {
  const { database, options, services, people, batches } = wired;
  return {
    version: options.codeVersion,
    databaseHealth: kyselyDatabaseHealth(database.db),
    lists: listRoutesDeps(wired, afterActivation),
    assessments: { assess: (request) => assessApplication(request, services.assessment) },
    cases: services.cases,
    live: {
      notifications: kyselyNotificationStore(database.db),
      clock: systemClock,
      events: services.live,
    },
    redFlags: { humanRights: services.assessment.humanRights },
    exchange: services.exchange,
    proposals: services.exchange.proposals,
    controls: {
      catalogue: services.regulation,
      reference: services.regulation,
      policies: services.regulation,
    },
    // Batch screening needs the shared database that `cordon worker` processes reach.
    ...(batches ? { batches } : {}),
    // The annual transparency report, printed on the letters' fonts under the authority's name.
    transparencyReports: {
      authority: options.authorityCountry ?? 'GB',
      renderPdf: (report) =>
        renderTransparencyReportPdf(
          report,
          (options.cases ?? defaultCaseSettings).letters.authorityName,
        ),
    },
    // Public consultations, on a policy version or on one of the proposals in the proposal store.
    publicConsultations: {
      consultations: publicConsultationDepsFor(database.db, {
        authority: options.authorityCountry ?? 'GB',
        attachmentLimitBytes: services.cases.attachmentLimitBytes,
        proposals: services.exchange.proposals.proposals,
      }),
    },
    // The index is built on the first screening request and rebuilt after an import.
    screening: { screening: services.screening, now: () => systemClock.now() },
    metrics: { gauges: services.screeningIndexes.gauges },
    // The built web UI (npm run build:web; npm start builds it when missing).
    webUi: { root: fileURLToPath(new URL('../../web/dist', import.meta.url)) },
    auth: {
      authenticator: wired.authenticator,
      people,
      audit: { audit: people.audit, sha256: sha256Text },
      rateLimits: kyselyRateLimitCounter(database.db),
    },
  };
}

/** `/v1/lists`: imports and activations, each followed by the re-screening of cases. */
function listRoutesDeps(
  { config, options, services, people }: Wired,
  afterActivation: (snapshot: ListSnapshot) => void,
): AppDeps['lists'] {
  const store = services.listStore;
  return {
    store,
    clock: systemClock,
    maxFileBytes: 200 * 1024 * 1024,
    importSnapshot: async (request) => {
      const imported = await importListSnapshot(
        { ...request, importerVersion: options.codeVersion },
        {
          store,
          parse: parseListFiles,
          hasher: nodeContentHasher,
          clock: systemClock,
          shrinkPolicy: config.lists,
          audit: people.audit,
        },
      );
      if (imported.ok && (imported.value.kind === 'imported' || imported.value.reactivated)) {
        afterActivation(imported.value.snapshot);
      }
      return imported;
    },
    activateSnapshot: async (request) => {
      const activated = await activateListSnapshot(
        { store, audit: people.audit, shrinkPolicy: config.lists },
        request,
      );
      if (activated.ok && activated.value.changed) afterActivation(activated.value.snapshot);
      return activated;
    },
  };
}

/** Listens on the configured address; a port in use is an expected failure (the app is closed). */
async function listenOn(app: App, config: Config): Promise<Result<string, CordonError>> {
  try {
    return ok(await app.listen({ host: config.http.host, port: config.http.port }));
  } catch (error) {
    await app.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      return err(
        cordonError(
          'CORDON_PORT_IN_USE',
          `Cannot listen on ${config.http.host}:${config.http.port}: the address is in use. Choose another with PORT or --port.`,
        ),
      );
    }
    throw error;
  }
}

/**
 * Starts the work done beside the requests: list updates from the job queue (every instance takes
 * them; each update is handled by one), the exchange sync and the publication of audit heads.
 * Resolves with the function that stops them all.
 */
async function startBackgroundWork(
  app: App,
  services: Services,
  batches: Batches,
  people: ServingPeople['people'],
  options: StartOptions,
): Promise<() => Promise<void>> {
  const stopListUpdates = await takeListUpdates(app, services, batches);
  const warn = (message: string): void => {
    app.log.warn(message);
  };
  const stopExchangeSync = scheduleExchangeSync(
    services.exchange,
    options.exchange?.syncIntervalSeconds ?? 0,
    warn,
  );
  const stopAuditHeads = scheduleAuditHeads(
    services.exchange,
    people.audit,
    options.exchange?.auditHeadSeconds ?? 0,
    warn,
  );
  return async () => {
    stopExchangeSync();
    stopAuditHeads();
    await stopListUpdates?.();
    await services.live.close();
  };
}

/** Takes list updates from the queue (PostgreSQL): re-runs standing batches, re-screens cases. */
async function takeListUpdates(
  app: App,
  services: Services,
  batches: Batches,
): Promise<(() => Promise<void>) | undefined> {
  const rescreen = rescreenOf(services);
  try {
    return await batches?.workListUpdates(async (update, reruns) => {
      if (reruns.length > 0)
        app.log.info(
          `list update ${update.key}: re-running ${reruns.length} standing batch(es): ${reruns.map((r) => r.batchId).join(', ')}`,
        );
      // This instance's index asks for the active snapshots at most once a second: wait that
      // long, so the cases are screened against the update, not the lists before it.
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      await rescreen();
    });
  } catch (error) {
    // The API still serves; list updates wait on the queue for an instance that can take them.
    app.log.warn(`cannot take list updates from the job queue: ${(error as Error).message}`);
    return undefined;
  }
}

/** The running server: `stop` stops the background work, closes the app, then the database. */
function runningServer(
  url: string,
  app: App,
  database: DatabaseConnection,
  stopBackground: () => Promise<void>,
): RunningServer {
  let stopping: Promise<void> | undefined;
  return {
    url,
    app,
    database,
    stop() {
      stopping ??= (async () => {
        try {
          await stopBackground();
          await app.close();
        } finally {
          await database.close();
        }
      })();
      return stopping;
    },
  };
}
