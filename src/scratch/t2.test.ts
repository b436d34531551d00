import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { assessmentDeps } from '../../test/fakes/shipped-human-rights.ts';
import { assessApplication } from '../application/assessment/assess-application.ts';
it('y', async () => {
  for (const [f, j] of [['thermal-camera-to-belarus', 'NO'], ['dpi-to-iranian-state-operator', 'EU']]) {
    const app = JSON.parse(readFileSync(`docs/examples/applications/${f}.json`, 'utf8'));
    const r = await assessApplication({ application: app, jurisdiction: j }, assessmentDeps());
    if (!r.ok) return;
    console.log(f, r.value.recommendation.summary);
    console.log(r.value.licence[j]?.basis.map((b) => `${b.rule} ${b.effect}: ${b.summary}`).join('\n'));
    console.log(JSON.stringify(r.value.items[0]?.classification.map(c=>[c.regime,c.outcome,c.entries])));
  }
});
