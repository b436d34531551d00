import { it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { buildPartyMatch, fakePartyScreener } from '../../test/fakes/fake-party-screener.ts';
import { assessmentDeps } from '../../test/fakes/shipped-human-rights.ts';
import { assessApplication } from '../application/assessment/assess-application.ts';
const el = (name: string, policy: string) => buildPartyMatch({ name, licenceRequirement: 'For all items subject to the EAR. (See § 744.11 of the EAR)', licenceReviewPolicy: policy });
const screener = fakePartyScreener({
  'NSO Group': [el('NSO Group', 'Presumption of denial')],
  'Intellexa S.A.': [el('Intellexa S.A.', 'Presumption of denial'), buildPartyMatch({ name: 'INTELLEXA S.A.', source: 'us-ofac-sdn', entityId: 'us-ofac-sdn:99999', programmes: ['CYBER2'] })],
  'Aksu District Public Security Bureau': [el('Aksu District Public Security Bureau', 'Case-by-case review for ECCNs 1A004.c, 1A004.d, 1A995, 1A999.a, 1D003, 2A983, 2D983, and 2E983, and for EAR99 items described in the Note to ECCN 1A995; case-by-case review for items necessary to detect, identify and treat infectious disease; and presumption of denial for all other items subject to the EAR')],
});
it('x', async () => {
  const dir = 'docs/examples/applications';
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const app = JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'));
    const line: string[] = [];
    for (const j of ['US', 'GB', 'EU', 'DE', 'NO', 'CA']) {
      const r = await assessApplication({ application: app, jurisdiction: j }, assessmentDeps(screener));
      if (!r.ok) { line.push(`${j}:ERR ${JSON.stringify(r.error).slice(0,200)}`); continue; }
      const a = r.value;
      const b = a.licence[j]?.basis.filter((x) => ['prohibited','licence-required'].includes(x.effect)).map((x) => x.regime?.id ?? x.rule);
      line.push(`${j}:${a.recommendation.outcome}/${a.humanRights.risk}/${a.licence[j]?.status}[${[...new Set(b)].join(',')}]`);
    }
    console.log(f, '\n   ', line.join('\n    '));
  }
});
