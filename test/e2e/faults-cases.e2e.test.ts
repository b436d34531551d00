import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../support/engines.ts';
import {
  caseWorkflowPeople,
  caseWorkflowStorm,
  checkCaseConsistency,
  finishCasesOverHttp,
  seedCaseWorkflow,
  type CaseWorkflow,
} from './faults-cases-scenario.ts';
import { runCordon } from '../support/cli-process.ts';
import {
  crash,
  createTestDatabase,
  seedPeople,
  startApi,
  type ApiInstance,
  type CordonChild,
  type TestDatabase,
} from './faults-harness.ts';

describe.skipIf(!testEngines().includes('postgres'))(
  'kill -9 of an API instance during case transitions (PostgreSQL only)',
  () => {
    const children: CordonChild[] = [];
    let db: TestDatabase;
    let workflow: CaseWorkflow;
    let apiA: ApiInstance;
    let apiB: ApiInstance;

    beforeAll(async () => {
      db = await createTestDatabase('cordon_fault_cases');
      // People first: two instances starting at once on an empty database race to create the
      // first administrator.
      const { tokens } = await seedPeople(db.url, caseWorkflowPeople);
      [apiA, apiB] = await Promise.all([startApi(db.env), startApi(db.env)]);
      children.push(apiA, apiB);
      workflow = await seedCaseWorkflow(db, apiA, 8, tokens);
    }, 600_000);

    afterAll(async () => {
      for (const child of children) child.child.kill('SIGKILL');
      await Promise.all(children.map((c) => c.exited));
      await db.drop();
    });

    it('leaves every case in the state its history and audit trail record, with an intact chain, and the workflow carries on through the other instance', async () => {
      // Every case goes through advice, recommendation, decision and countersignature at once,
      // each step sent twice on the same version (one must win, one must get 409); instance A is
      // killed while they are in flight.
      const storm = await caseWorkflowStorm(workflow, apiA, {
        killAfterSuccesses: 12,
        kill: () => crash(apiA),
      });
      expect(storm.killedWithInFlight).toBeGreaterThan(0);
      // Two requests on one version never both win.
      expect(storm.doubleWins).toEqual([]);

      const report = await checkCaseConsistency(db, workflow, apiB);
      expect(report.problems).toEqual([]);
      const verified = await runCordon(['audit', 'verify', '--json'], db.env);
      expect(verified.code, verified.stderr).toBe(0);

      // Nothing is stuck half-way: each case can be taken to its end through instance B.
      const finished = await finishCasesOverHttp(workflow, apiB);
      expect(finished.problems).toEqual([]);
      expect((await checkCaseConsistency(db, workflow, apiB)).problems).toEqual([]);
      expect((await runCordon(['audit', 'verify'], db.env)).code).toBe(0);
    }, 600_000);
  },
);
