// One assessment in process with warm indexes: p50/p99 of `assessApplication` over the spec
// examples, screening every party through the screening service (one index of all the shipped
// lists, the default thresholds), as `cordon serve` and `cordon assess` do.
// Run: node bin/run-ts.js bench/assessment.ts   (target: p99 < 20 ms)
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseListFiles } from '../src/adapters/lists/parse-list-files.ts';
import { readShippedListFiles, shippedListManifest } from '../src/adapters/lists/shipped-lists.ts';
import { systemClock } from '../src/adapters/runtime/system-clock.ts';
import { assessApplication } from '../src/application/assessment/assess-application.ts';
import { assessmentPartyScreener } from '../src/application/assessment/assessment-party-screener.ts';
import { createScreeningService } from '../src/application/screening/screening-service.ts';
import { defaultThresholds } from '../src/domain/screening/score-names.ts';
import { inMemoryListSnapshotStore } from '../test/fakes/in-memory-list-snapshot-store.ts';
import { assessmentDeps } from '../test/fakes/shipped-human-rights.ts';

const root = path.resolve(import.meta.dirname, '..');
const store = inMemoryListSnapshotStore();
let records = 0;
for (const list of shippedListManifest) {
  const parsed = parseListFiles(list.source, readShippedListFiles(root, list));
  if (!parsed.ok) throw new Error(`cannot parse the shipped ${list.source}`);
  records += parsed.value.records.length;
  await store.saveAndActivate(
    {
      id: `${list.source}@bench`,
      source: list.source,
      dataDate: '2026-07-23',
      importedAt: new Date('2026-11-30T00:00:00Z'),
      contentHash: list.source,
      files: [],
      entryCount: parsed.value.records.length,
      skippedCount: 0,
      problems: [],
      importerVersion: 'bench',
      provenance: 'bench',
    },
    parsed.value.records,
  );
}
// As the server wires it: the active snapshots are re-checked at most once a second.
const screening = createScreeningService({
  store,
  thresholds: defaultThresholds,
  clock: systemClock,
});
await screening.warm();
const deps = assessmentDeps(assessmentPartyScreener({ screening, store }));
const applications = ['ip-surveillance-to-telecom', 'office-equipment-to-university'].map(
  (n) =>
    JSON.parse(
      readFileSync(path.join(root, 'test/fixtures/applications', `${n}.json`), 'utf8'),
    ) as unknown,
);
for (let i = 0; i < 100; i++)
  for (const a of applications) await assessApplication({ application: a }, deps);
// Wall time, and this thread's CPU time (on a machine shared with other work the wall time's
// tail is mostly time spent waiting for a core; the CPU time is what an assessment costs).
const wall: number[] = [];
const cpu: number[] = [];
for (let i = 0; i < 1000; i++) {
  for (const a of applications) {
    const t = performance.now();
    const c = process.cpuUsage();
    const r = await assessApplication({ application: a }, deps);
    const used = process.cpuUsage(c);
    wall.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
    if (!r.ok) throw new Error(r.error.message);
  }
}
const q = (times: number[], p: number) => {
  const sorted = [...times].sort((a, b) => a - b);
  const at = sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return Math.round(at * 1000) / 1000;
};
console.log(
  JSON.stringify({
    listRecords: records,
    runs: wall.length,
    p50Ms: q(wall, 0.5),
    p99Ms: q(wall, 0.99),
    maxMs: q(wall, 1),
    cpuP50Ms: q(cpu, 0.5),
    cpuP99Ms: q(cpu, 0.99),
    loadAverage: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
  }),
);
