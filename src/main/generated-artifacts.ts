import fs from 'node:fs';
import path from 'node:path';
import { buildApp, type App, type AppDeps } from '../adapters/http/build-app.ts';
import type { PublicConsultationDeps } from '../application/public-consultation/public-consultation-deps.ts';
import { declaredRoutesOf, type DeclaredRoute } from '../adapters/http/route-access.ts';
import { roles } from '../domain/people/role.ts';
import type { ListSnapshotStore } from '../application/ports/list-snapshot-store.ts';
import type { ScreeningService } from '../application/screening/screening-service.ts';
import type { AuditLog } from '../application/ports/audit-log.ts';
import type { PeopleDeps } from '../application/people/people-deps.ts';
import type { ProposalDeps } from '../application/proposals/proposal-deps.ts';
import type { ExchangeDeps } from '../application/exchange/exchange-deps.ts';
import type { CaseDeps } from '../application/cases/case-deps.ts';
import type { BatchStore } from '../application/batch/batch-store.ts';
import { exitCodeFor } from '../adapters/cli/output.ts';
import { httpStatusOf } from '../adapters/http/error-status.ts';
import { errorCatalogue, type ErrorCode } from '../domain/shared/errors.ts';
import { repositoryRoot } from '../adapters/runtime/code-version.ts';
import { wordFrequencyModule } from '../adapters/screening/word-frequency-corpus.ts';
import { confusablesTableModule } from './confusables-table-module.ts';
import { givenNameGroupsModule, japaneseNameReadingsModule } from './name-tables-module.ts';
import {
  xinjiangTibetPlacesModule,
  xinjiangTibetPlacesModulePath,
} from './xinjiang-tibet-places-module.ts';
import { wadeGilesTableModule, wadeGilesTableModulePath } from './wade-giles-table-module.ts';

/**
 * The files generated from code or shipped data and committed: the OpenAPI document, the error
 * catalogue, the authorisation matrix, and the screening tables the pure domain imports (word frequencies, confusables,
 * Xinjiang and Tibet places, given-name groups, Japanese name readings). `npm run generate`
 * writes them; `npm run check` fails when the committed copies drift.
 */
export async function generatedArtifacts(): Promise<Readonly<Record<string, string>>> {
  const app = await offlineApp();
  try {
    return {
      'docs/openapi.json': openApiDocument(app),
      'docs/errors.md': errorCatalogueMarkdown(),
      'docs/authorisation.md': authorisationMatrixMarkdown(declaredRoutesOf(app)),
      'src/domain/screening/word-frequency-table.ts': wordFrequencyModule(repositoryRoot),
      [xinjiangTibetPlacesModulePath]: xinjiangTibetPlacesModule(repositoryRoot),
      [wadeGilesTableModulePath]: wadeGilesTableModule(repositoryRoot),
      'src/domain/screening/given-name-groups.ts': givenNameGroupsModule(repositoryRoot),
      'src/domain/screening/japanese-name-readings.ts': japaneseNameReadingsModule(repositoryRoot),
      'src/domain/screening/confusables-table.ts': confusablesTableModule(
        fs.readFileSync(path.join(repositoryRoot, 'data/screening/unicode/confusables.txt')),
      ),
    };
  } finally {
    await app.close();
  }
}

/** Route dependencies that are never called: the document only needs the routes' schemas. */
const unused = () => Promise.reject(new Error('not available while generating documents'));

/** Keys Fastify reads from a plugin's options; a stand-in must not answer them. */
const pluginOptionKeys = new Set(['prefix', 'logLevel', 'logSerializers', 'then']);

/**
 * A stand-in for a dependency object whose every member rejects when called (the document needs
 * only the routes' schemas). It answers Fastify's own plugin options with `undefined`.
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the port it stands in for
export const unavailable = <T extends object>(reject: () => Promise<never> = unused): T =>
  new Proxy({} as T, {
    get: (_target, key) =>
      typeof key === 'string' && pluginOptionKeys.has(key) ? undefined : reject,
  });
const offlineLists = {
  store: unavailable<ListSnapshotStore>(),
  clock: { now: () => new Date(0) },
  importSnapshot: unused,
  maxFileBytes: 1,
};

const offlineControls = {
  catalogue: { controlCatalogue: unused },
  reference: { licensingReference: unused },
  policies: { currentPolicies: unused },
};

/** The whole API on dependencies that are never called: routes and schemas only. */
async function offlineApp(): Promise<App> {
  const offline = {
    ping: () => Promise.resolve(undefined),
    pendingMigrations: () => Promise.resolve([]),
  };
  const app = await buildApp(
    {
      version: 'generated',
      databaseHealth: offline,
      lists: offlineLists,
      screening: {
        screening: unavailable<ScreeningService>(),
        now: () => new Date(0),
      },
      controls: offlineControls,
      exchange: unavailable<ExchangeDeps>(),
      proposals: unavailable<ProposalDeps>(),
      cases: unavailable<CaseDeps>(),
      live: unavailable<NonNullable<AppDeps['live']>>(),
      redFlags: unavailable<NonNullable<AppDeps['redFlags']>>(),
      metrics: { gauges: [] },
      batches: { store: unavailable<BatchStore>(), submit: unused, maxFileBytes: 1 },
      publicConsultations: { consultations: unavailable<PublicConsultationDeps>() },
      transparencyReports: { authority: 'GB', renderPdf: unused },
      auth: {
        authenticator: { bearer: unused, session: unused },
        people: unavailable<PeopleDeps>(),
        audit: { audit: unavailable<AuditLog>(), sha256: () => '' },
      },
    },
    { logger: false, bodyLimitBytes: 1024 },
  );
  await app.ready();
  return app;
}

function openApiDocument(app: App): string {
  const document = app.swagger() as { info: { version: string } };
  document.info.version = 'see /healthz';
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * docs/authorisation.md: every `/v1` route with the roles it admits, from the routes' own
 * declarations (the matrix test checks the running app against the same declarations), and what
 * no role can do alone.
 */
export function authorisationMatrixMarkdown(routes: readonly DeclaredRoute[]): string {
  const sorted = [...routes].sort(
    (a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method),
  );
  const rows = sorted.map((route) => {
    const cells = roles.map((role) =>
      'public' in route.access ? 'public' : route.access.roles.includes(role) ? 'yes' : '',
    );
    const note = 'public' in route.access ? route.access.reason : '';
    return `| \`${route.method} ${route.url}\` | ${cells.join(' | ')} | ${note.replace(/\|/g, '\\|')} |`;
  });
  return [
    '# Authorisation matrix',
    '',
    "<!-- Generated from the routes' `config.access` declarations by `npm run generate`; do not edit by hand. -->",
    '',
    'Who may call each `/v1` route. Anonymous callers get 401 on every route not marked public, a',
    'role not listed gets 403 (`test/architecture/authorisation-matrix.test.ts` checks every cell',
    'against the running app). A role admits a caller to a route; the use case behind it still',
    "checks what the caller may do there: an exporter sees only its own organisation's cases,",
    "a partner authority's users none of this authority's; separation of duties keeps the",
    'advisor, recommender, decider and countersigner of one case four different people; grants of',
    'users, roles and credentials take a second administrator; a session whose password someone',
    'else set may only change it. See docs/security.md.',
    '',
    `| route | ${roles.join(' | ')} | public because |`,
    `| --- | ${roles.map(() => ':---:').join(' | ')} | --- |`,
    ...rows,
    '',
  ].join('\n');
}

/** docs/errors.md: every code, the HTTP status it maps to, and when it fires. */
export function errorCatalogueMarkdown(): string {
  const rows = (Object.keys(errorCatalogue) as ErrorCode[]).map(
    (code) =>
      `| \`${code}\` | ${httpStatusOf[code] === 'cli-only' ? '(CLI only)' : httpStatusOf[code]} | ${exitCodeFor({ code, message: '' })} | ${errorCatalogue[code].replace(/\|/g, '\\|')} |`,
  );
  return [
    '# Error catalogue',
    '',
    '<!-- Generated from src/domain/shared/errors.ts by `npm run generate`; do not edit by hand. -->',
    '',
    'Every error Cordon returns, over HTTP or from the CLI with `--json`, carries one of these stable',
    'codes. HTTP responses have the shape `{ "error": { "code", "message", "requestId", "fields"? } }`;',
    '`fields` lists every offending input field at once. Codes never change meaning; new ones are added.',
    'The CLI prints the message on stderr (or the error as JSON with `--json`) and exits with the code shown.',
    '',
    '| code | HTTP status | CLI exit | when it fires |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
