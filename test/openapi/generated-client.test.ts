import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const documentPath = new URL('../../docs/openapi.json', import.meta.url);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cordon-openapi-client-'));
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

// A client program written the way an integrator would, against the generated types alone: it
// posts an application and reads the recommendation's outcome, with no cast anywhere.
const client = `
import type { paths } from './schema.ts';

type Assess = paths['/v1/assessments']['post'];
type Application = Assess['requestBody']['content']['application/json'];
type Assessment = Assess['responses'][200]['content']['application/json'];

declare function post(path: '/v1/assessments', body: Application): Promise<Assessment>;

const application: Application = {
  jurisdiction: 'GB',
  exporter: { name: 'Acme Ltd', country: 'GB' },
  destination: { country: 'FR' },
  parties: [{ role: 'end-user', name: 'Example SA', type: 'commercial' }],
  items: [{ description: 'Network probe', controlEntries: ['5A001.j'] }],
};

export async function outcomeOf(): Promise<
  'no-licence-required' | 'approve' | 'approve-with-provisos' | 'refer' | 'refuse' | 'prohibited'
> {
  const assessment = await post('/v1/assessments', application);
  const firstMatch: string | undefined = assessment.parties[0]?.matches[0]?.entityId;
  const risk: 'low' | 'medium' | 'high' | 'unacceptable' = assessment.humanRights.risk;
  void firstMatch;
  void risk;
  return assessment.recommendation.outcome;
}

// @ts-expect-error -- the outcome is one of six words, not any string
export const notAnOutcome: Assessment['recommendation']['outcome'] = 'maybe';
// @ts-expect-error -- a party role outside the enumeration is refused
export const badRole: Application['parties'][number]['role'] = 'friend';
`;

describe('a client generated from docs/openapi.json with openapi-typescript', () => {
  it('compiles a program that posts an application and reads recommendation.outcome, with no cast', async () => {
    const document = JSON.parse(fs.readFileSync(documentPath, 'utf8')) as Parameters<
      typeof openapiTS
    >[0];
    fs.writeFileSync(path.join(dir, 'schema.ts'), astToString(await openapiTS(document)));
    fs.writeFileSync(path.join(dir, 'client.ts'), client);
    expect(client).not.toMatch(/\sas\s+\w/);

    const program = ts.createProgram([path.join(dir, 'client.ts')], {
      strict: true,
      noEmit: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      allowImportingTsExtensions: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2022.d.ts'],
      types: [],
      skipLibCheck: true,
    });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(problems).toEqual([]);
  });
});
