// The case-transition fault scenario, shared by test/e2e/faults-cases.e2e.test.ts and
// `npm run bench:faults`: many officers act on many cases at once through one API instance, the
// instance is killed with SIGKILL, and every case must then be as its history and audit say.
import fs from 'node:fs';
import path from 'node:path';
import type { ApiInstance, TestDatabase } from './faults-harness.ts';

const root = path.resolve(import.meta.dirname, '../..');
const application = fs.readFileSync(
  path.join(root, 'test/fixtures/applications/video-analytics-to-xinjiang-police.json'),
  'utf8',
);

const criteria = [
  {
    code: 'UK-SELC-2',
    reason: 'Clear risk that the software would be used for internal repression.',
  },
];

/** The workflow after submission, in order: who acts, and what they send. */
const chain: readonly (readonly [who: string, action: Record<string, unknown>])[] = [
  [
    'hr',
    {
      kind: 'give-advice',
      desk: 'human-rights',
      outcome: 'refuse',
      criteria,
      text: 'Advise refusal.',
    },
  ],
  ['cw', { kind: 'recommend', outcome: 'refused', criteria, text: 'Recommend refusal.' }],
  ['so1', { kind: 'decide', outcome: 'refused', criteria, text: 'The licence is refused.' }],
  ['so2', { kind: 'countersign' }],
];

/** Submitted cases and the tokens of the people who act on them. */
export interface CaseWorkflow {
  readonly db: TestDatabase;
  readonly tokens: Readonly<Record<string, string>>;
  readonly cases: readonly { readonly id: string; readonly submittedVersion: number }[];
}

async function call(
  api: ApiInstance,
  token: string | undefined,
  method: string,
  url: string,
  body?: unknown,
): Promise<{ readonly status: number; readonly json: Record<string, unknown> }> {
  const response = await fetch(`${api.url}${url}`, {
    method,
    headers: {
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = { text };
  }
  return { status: response.status, json };
}

/** The people who act on the cases (seed them before the first instance starts: see `seedPeople`). */
export const caseWorkflowPeople = [
  ['exa', 'exporter', 'exporter'],
  ['hr', 'advisor'],
  ['cw', 'caseworker'],
  ['so1', 'senior-officer'],
  ['so2', 'senior-officer'],
  ['aud', 'auditor'],
] as const;

/** Submits `count` applications (refusal-bound, routed for advice) through `api`. */
export async function seedCaseWorkflow(
  db: TestDatabase,
  api: ApiInstance,
  count: number,
  tokens: Readonly<Record<string, string>>,
): Promise<CaseWorkflow> {
  const cases: { id: string; submittedVersion: number }[] = [];
  for (let i = 0; i < count; i++) {
    const created = await call(api, tokens['exa'], 'POST', '/v1/cases', JSON.parse(application));
    if (created.status !== 201) throw new Error(`create: ${JSON.stringify(created.json)}`);
    const id = String(created.json['id']);
    const submitted = await call(api, tokens['exa'], 'POST', `/v1/cases/${id}/submit`, {
      expectedVersion: created.json['version'],
    });
    if (submitted.status !== 200) throw new Error(`submit: ${JSON.stringify(submitted.json)}`);
    cases.push({ id, submittedVersion: Number(submitted.json['version']) });
  }
  return { db, tokens, cases };
}

/** What happened while the instance was killed under load. */
export interface StormReport {
  readonly succeeded: number;
  readonly conflicts: number;
  readonly failedInFlight: number;
  /** Requests in flight at the moment of the kill. */
  readonly killedWithInFlight: number;
  /** Steps where both requests on one version succeeded (must be none). */
  readonly doubleWins: readonly string[];
  readonly killedAtMs: number;
}

/**
 * Drives every case through the workflow at once through `api`, each step sent twice on the same
 * version, and calls `kill` once `killAfterSuccesses` steps have succeeded.
 */
export async function caseWorkflowStorm(
  workflow: CaseWorkflow,
  api: ApiInstance,
  options: { readonly killAfterSuccesses: number; readonly kill: () => Promise<void> },
): Promise<StormReport> {
  let succeeded = 0;
  let conflicts = 0;
  let failedInFlight = 0;
  let inFlight = 0;
  let killedWithInFlight = -1;
  let killing: Promise<void> | undefined;
  // A function, not a test of `killing`: other cases' steps start the kill between two awaits here.
  const killStarted = () => killing !== undefined;
  const started = Date.now();
  let killedAtMs = -1;
  const doubleWins: string[] = [];
  const send = async (token: string | undefined, url: string, body: unknown) => {
    inFlight += 1;
    try {
      return await call(api, token, 'POST', url, body);
    } catch {
      failedInFlight += 1;
      return undefined;
    } finally {
      inFlight -= 1;
    }
  };
  await Promise.all(
    workflow.cases.map(async (c) => {
      let version = c.submittedVersion;
      for (const [who, action] of chain) {
        if (killing) return;
        const url = `/v1/cases/${c.id}/actions`;
        const body = { ...action, expectedVersion: version };
        const answers = await Promise.all([
          send(workflow.tokens[who], url, body),
          send(workflow.tokens[who], url, body),
        ]);
        const won = answers.filter((a) => a?.status === 200);
        conflicts += answers.filter((a) => a?.status === 409).length;
        if (won.length > 1)
          doubleWins.push(`${c.id} ${String(action['kind'])} v${String(version)}`);
        const winner = won[0];
        if (winner === undefined) return;
        succeeded += 1;
        version = Number(winner.json['version']);
        if (succeeded >= options.killAfterSuccesses && !killStarted()) {
          killedWithInFlight = inFlight;
          killedAtMs = Date.now() - started;
          killing = options.kill();
        }
      }
    }),
  );
  await killing;
  return { succeeded, conflicts, failedInFlight, killedWithInFlight, doubleWins, killedAtMs };
}

interface EventRow {
  readonly version: number;
  readonly event: string;
}

/**
 * Compares every case with its history and audit trail: versions consecutive and ending at the
 * case's version, the stage the last event led to, one audit entry per event, a decision document
 * exactly when the case is countersigned, and the API answering the same. Returns the problems.
 */
export async function checkCaseConsistency(
  db: TestDatabase,
  workflow: CaseWorkflow,
  api: ApiInstance,
): Promise<{
  readonly problems: readonly string[];
  readonly stages: Readonly<Record<string, number>>;
}> {
  const problems: string[] = [];
  const stages: Record<string, number> = {};
  for (const c of workflow.cases) {
    const row = (
      await db.pool.query<{ version: number; stage: string }>(
        'select version, stage from licence_case where id = $1',
        [c.id],
      )
    ).rows[0];
    if (row === undefined) {
      problems.push(`${c.id}: missing`);
      continue;
    }
    stages[row.stage] = (stages[row.stage] ?? 0) + 1;
    const events = (
      await db.pool.query<EventRow>(
        'select version, event from case_event where case_id = $1 order by version',
        [c.id],
      )
    ).rows;
    const versions = events.map((e) => e.version);
    if (versions.some((v, i) => i > 0 && v !== (versions[i - 1] ?? 0) + 1)) {
      problems.push(`${c.id}: event versions not consecutive: ${versions.join(',')}`);
    }
    if (versions.at(-1) !== row.version) {
      problems.push(
        `${c.id}: at version ${String(row.version)} but its last event is ${String(versions.at(-1))}`,
      );
    }
    const last = events.at(-1);
    const lastStage = last && (JSON.parse(last.event) as { toStage?: string }).toStage;
    if (lastStage !== row.stage) {
      problems.push(`${c.id}: stage ${row.stage} but its last event led to ${String(lastStage)}`);
    }
    const audited = (
      await db.pool.query<{ action: string; details: string }>(
        `select action, details from audit_entry where object_type = 'case' and object_id = $1 order by seq`,
        [c.id],
      )
    ).rows;
    const auditedVersions = audited
      .filter((a) => a.action.startsWith('cases.'))
      .map((a) => (JSON.parse(a.details) as { version?: number }).version)
      .filter((v): v is number => v !== undefined)
      .sort((a, b) => a - b);
    if (auditedVersions.join(',') !== versions.join(',')) {
      problems.push(
        `${c.id}: events at versions ${versions.join(',')} but audit entries for ${auditedVersions.join(',')}`,
      );
    }
    const documents = await db.count('select count(*) as n from case_document where case_id = $1', [
      c.id,
    ]);
    const documentAudits = audited.filter((a) => a.action === 'documents.issue').length;
    const countersigned = events.some(
      (e) => (JSON.parse(e.event) as { action?: string }).action === 'countersign',
    );
    if (countersigned !== documents > 0 || documents !== documentAudits || documents > 1) {
      problems.push(
        `${c.id}: ${countersigned ? 'countersigned' : 'not countersigned'} with ${String(documents)} document(s) and ${String(documentAudits)} document audit entr(ies)`,
      );
    }
    const seen = await call(api, workflow.tokens['cw'], 'GET', `/v1/cases/${c.id}`);
    if (
      seen.status !== 200 ||
      seen.json['version'] !== row.version ||
      seen.json['stage'] !== row.stage
    ) {
      problems.push(
        `${c.id}: the API answers ${String(seen.status)} v${String(seen.json['version'])} ${String(seen.json['stage'])}, the database has v${String(row.version)} ${row.stage}`,
      );
    }
  }
  return { problems, stages };
}

/** Takes every case to the end of the workflow through `api`, from wherever it stands. */
export async function finishCasesOverHttp(
  workflow: CaseWorkflow,
  api: ApiInstance,
): Promise<{ readonly problems: readonly string[] }> {
  const problems: string[] = [];
  for (const c of workflow.cases) {
    const done = new Set(
      (
        await workflow.db.pool.query<{ event: string }>(
          'select event from case_event where case_id = $1',
          [c.id],
        )
      ).rows.map((r) => (JSON.parse(r.event) as { action?: string }).action),
    );
    const current = await call(api, workflow.tokens['cw'], 'GET', `/v1/cases/${c.id}`);
    let version = Number(current.json['version']);
    for (const [who, action] of chain) {
      if (done.has(String(action['kind']))) continue;
      const answer = await call(api, workflow.tokens[who], 'POST', `/v1/cases/${c.id}/actions`, {
        ...action,
        expectedVersion: version,
      });
      if (answer.status !== 200) {
        problems.push(
          `${c.id} ${String(action['kind'])}: ${String(answer.status)} ${JSON.stringify(answer.json)}`,
        );
        break;
      }
      version = Number(answer.json['version']);
    }
    const final = await call(api, workflow.tokens['cw'], 'GET', `/v1/cases/${c.id}`);
    if (final.json['stage'] !== 'finalised') {
      problems.push(`${c.id}: ends at ${String(final.json['stage'])}, not finalised`);
    }
  }
  return { problems };
}
