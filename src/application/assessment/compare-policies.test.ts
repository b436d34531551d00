import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assessmentDeps } from '../../../test/fakes/shipped-human-rights.ts';
import { comparePolicies } from './compare-policies.ts';

const dir = join(import.meta.dirname, '..', '..', '..', 'docs', 'examples', 'applications');
const example = (name: string) => ({
  name,
  application: JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown,
});

describe(comparePolicies.name, () => {
  it('shows where the UK and the EU would decide differently, and the law each applies', async () => {
    const c = await comparePolicies(
      {
        a: 'GB',
        b: 'EU',
        applications: [
          example('thermal-camera-to-russia.json'),
          example('video-analytics-to-xinjiang-police.json'),
        ],
      },
      assessmentDeps(),
    );
    expect(c.policies).toContainEqual({
      aspect: 'human-rights catch-all for non-listed items',
      a: 'no',
      b: 'yes',
    });
    expect(c.policies.find((p) => p.aspect === 'sanctions regimes')?.b).toContain(
      'eu-833/2014:art-2',
    );
    const russia = c.applications.find((x) => x.name === 'thermal-camera-to-russia.json');
    expect(russia).toMatchObject({ a: { outcome: 'prohibited' }, b: { outcome: 'prohibited' } });
    expect(russia?.differences).toContainEqual(
      expect.stringMatching(
        /^only EU: prohibited: Council Regulation \(EU\) No 833\/2014, Art\. 2\(1\)/,
      ),
    );
    const xinjiang = c.applications.find(
      (x) => x.name === 'video-analytics-to-xinjiang-police.json',
    );
    expect(xinjiang?.differ).toBe(true);
    expect(xinjiang?.a?.outcome).toBe('no-licence-required');
    expect(c.differing).toBe(1);
  });

  it('compares Germany with the EU block it belongs to: the same law, so the same decisions', async () => {
    const c = await comparePolicies(
      { a: 'DE', b: 'EU', applications: [example('thermal-camera-to-russia.json')] },
      assessmentDeps(),
    );
    expect(c.differing).toBe(0);
    expect(c.policies.map((p) => p.aspect)).not.toContain('sanctions regimes');
  });
});
