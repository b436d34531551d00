import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  resolveHumanRightsPolicy,
  type HumanRightsPolicy,
} from '../../domain/human-rights/human-rights-policy.ts';
import type { JurisdictionCode } from '../../domain/policy/jurisdiction.ts';
import type { PolicyProblem } from '../../domain/policy/jurisdiction-policy.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import { validateHumanRightsPolicyFile } from './human-rights-policy-schema.ts';
import type { PolicyFile } from './load-jurisdiction-policies.ts';
import type { RegulationData } from './load-regulation-data.ts';

/** Every human-rights policy version shipped, and the current (highest) one per jurisdiction. */
export interface HumanRightsPolicySet {
  readonly current: ReadonlyMap<JurisdictionCode, HumanRightsPolicy>;
  readonly all: readonly HumanRightsPolicy[];
}

const fileName = /^([A-Z]{2})\/human-rights-v(\d+)\.json$/;

/**
 * Parses one human-rights policy file (pure): JSON, then the schema, then the shipped data (every
 * cited text and red flag must exist), then, when `place` is given, the folder and file name.
 */
export function parseHumanRightsPolicy(
  file: { readonly display: string; readonly text: string; readonly sha256: string },
  regulation: Pick<RegulationData, 'texts' | 'humanRights'>,
  place?: { readonly jurisdiction: string; readonly version: string },
): Result<HumanRightsPolicy, readonly PolicyProblem[]> {
  let json: unknown;
  try {
    json = JSON.parse(file.text) as unknown;
  } catch (e) {
    return err([
      { file: file.display, path: '', message: `not valid JSON: ${(e as Error).message}` },
    ]);
  }
  const doc = validateHumanRightsPolicyFile(file.display, json);
  if (!doc.ok) return doc;
  const problems: PolicyProblem[] = [];
  if (place && doc.value.jurisdiction !== place.jurisdiction)
    problems.push({
      file: file.display,
      path: '/jurisdiction',
      message: `is ${doc.value.jurisdiction}, but the file sits in ${place.jurisdiction}/`,
    });
  if (place && String(doc.value.version) !== place.version)
    problems.push({
      file: file.display,
      path: '/version',
      message: `is ${doc.value.version}, but the file name says v${place.version}`,
    });
  if (doc.value.id !== `cordon.${doc.value.jurisdiction}.human-rights`)
    problems.push({
      file: file.display,
      path: '/id',
      message: `must be cordon.${doc.value.jurisdiction}.human-rights`,
    });
  const resolved = resolveHumanRightsPolicy(
    doc.value,
    { texts: regulation.texts, redFlagIds: regulation.humanRights.redFlags.map((f) => f.id) },
    { file: file.display, contentHash: file.sha256 },
  );
  if (!resolved.ok) problems.push(...resolved.error);
  return problems.length > 0 || !resolved.ok ? err(problems) : ok(resolved.value);
}

/** Parses every human-rights policy file and picks the current version per jurisdiction. */
export function parseHumanRightsPolicies(
  files: readonly PolicyFile[],
  regulation: Pick<RegulationData, 'texts' | 'humanRights'>,
  displayDir = 'data/policies',
): Result<HumanRightsPolicySet, readonly PolicyProblem[]> {
  const problems: PolicyProblem[] = [];
  const all: HumanRightsPolicy[] = [];
  for (const f of files) {
    const display = `${displayDir}/${f.path}`;
    const place = fileName.exec(f.path);
    if (!place) {
      problems.push({ file: display, path: '', message: 'expected <J>/human-rights-v<N>.json' });
      continue;
    }
    const parsed = parseHumanRightsPolicy({ display, text: f.text, sha256: f.sha256 }, regulation, {
      jurisdiction: place[1] ?? '',
      version: place[2] ?? '',
    });
    if (parsed.ok) all.push(parsed.value);
    else problems.push(...parsed.error);
  }
  const current = new Map<JurisdictionCode, HumanRightsPolicy>();
  for (const p of all) {
    const prev = current.get(p.jurisdiction);
    if (!prev || p.version > prev.version) current.set(p.jurisdiction, p);
  }
  return problems.length > 0 ? err(problems) : ok({ current, all });
}

/** SHA-256 of bytes, lower-case hex. */
export const sha256Hex = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');

/** Reads every `<J>/human-rights-v<N>.json` under `dir` and parses them. */
export async function loadHumanRightsPolicies(
  dir: string,
  regulation: Pick<RegulationData, 'texts' | 'humanRights'>,
  displayDir = 'data/policies',
): Promise<Result<HumanRightsPolicySet, readonly PolicyProblem[]>> {
  const files: PolicyFile[] = [];
  for (const folder of await readdir(dir, { withFileTypes: true })) {
    if (!folder.isDirectory() || !/^[A-Z]{2}$/.test(folder.name)) continue;
    for (const name of await readdir(join(dir, folder.name))) {
      if (!/^human-rights-v\d+\.json$/.test(name)) continue;
      const path = `${folder.name}/${name}`;
      const bytes = await readFile(join(dir, path));
      files.push({ path, text: new TextDecoder().decode(bytes), sha256: sha256Hex(bytes) });
    }
  }
  files.sort((a, b) => a.path.localeCompare(b.path));
  return parseHumanRightsPolicies(files, regulation, displayDir);
}
