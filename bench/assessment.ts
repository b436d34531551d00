// One assessment in process with warm indexes: p50/p99 of `assessApplication` over the spec
// examples and a few scenarios, screening against a real index of the shipped Entity List.
// Run: node bin/run-ts.js bench/assessment.ts   (target: p99 < 20 ms)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseListFiles } from '../src/adapters/lists/parse-list-files.ts';
import { readShippedListFiles, shippedListManifest } from '../src/adapters/lists/shipped-lists.ts';
import { assessApplication } from '../src/application/assessment/assess-application.ts';
import type { PartyScreener } from '../src/application/ports/party-screener.ts';
import { buildScreeningIndex } from '../src/domain/screening/screening-index.ts';
import { screenName } from '../src/domain/screening/screen-name.ts';
import { ok } from '../src/domain/shared/result.ts';
import { assessmentDeps } from '../test/fakes/shipped-human-rights.ts';

const root = path.resolve(import.meta.dirname, '..');
const manifest = shippedListManifest.find((m) => m.source === 'us-bis-entity-list');
if (!manifest) throw new Error('no shipped Entity List');
const parsed = parseListFiles(manifest.source, readShippedListFiles(root, manifest));
if (!parsed.ok) throw new Error('cannot parse the Entity List');
const index = buildScreeningIndex(parsed.value.records);
const screener: PartyScreener = {
  screenParties: (parties) =>
    Promise.resolve(
      ok({
        snapshots: [
          { id: 'us-bis-entity-list@bench', source: 'us-bis-entity-list', dataDate: '2026-07-23' },
        ],
        parties: parties.map((p) => ({
          matches: screenName(index, { name: p.name }).matches.map((m) => ({
            entityId: m.entityId,
            source: m.source,
            name: m.name,
            matchedName: m.matchedName,
            score: m.score,
            band: m.band,
            explanation: m.explanation.summary,
            programmes: m.programmes,
            snapshot: { id: 'us-bis-entity-list@bench', dataDate: '2026-07-23' },
          })),
        })),
      }),
    ),
};
const deps = assessmentDeps(screener);
const applications = ['ip-surveillance-to-telecom', 'office-equipment-to-university'].map(
  (n) =>
    JSON.parse(
      readFileSync(path.join(root, 'test/fixtures/applications', `${n}.json`), 'utf8'),
    ) as unknown,
);
for (let i = 0; i < 50; i++)
  for (const a of applications) await assessApplication({ application: a }, deps);
const times: number[] = [];
for (let i = 0; i < 500; i++) {
  for (const a of applications) {
    const t = performance.now();
    const r = await assessApplication({ application: a }, deps);
    times.push(performance.now() - t);
    if (!r.ok) throw new Error(r.error.message);
  }
}
times.sort((a, b) => a - b);
const q = (p: number) =>
  Math.round((times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0) * 1000) / 1000;
console.log(JSON.stringify({ runs: times.length, p50Ms: q(0.5), p99Ms: q(0.99), maxMs: q(1) }));
