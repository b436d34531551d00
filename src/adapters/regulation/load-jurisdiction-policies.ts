import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listSources } from '../../domain/lists/list-source.ts';
import type { JurisdictionCode } from '../../domain/policy/jurisdiction.ts';
import {
  effectivePolicy,
  resolveJurisdictionPolicy,
  type JurisdictionPolicy,
  type PolicyProblem,
} from '../../domain/policy/jurisdiction-policy.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import { validatePolicyFile } from './jurisdiction-policy-schema.ts';
import type { RegulationData } from './load-regulation-data.ts';

/** A policy file: where it sits (`GB/policy-v1.json`), its text and the SHA-256 of its bytes. */
export interface PolicyFile {
  /** Relative to the policies folder: `<jurisdiction>/policy-v<version>.json`. */
  readonly path: string;
  readonly text: string;
  readonly sha256: string;
}

/** Every policy version shipped, and the current (highest) version per jurisdiction. */
export interface PolicySet {
  readonly current: ReadonlyMap<JurisdictionCode, JurisdictionPolicy>;
  readonly all: readonly JurisdictionPolicy[];
}

const fileName = /^([A-Z]{2})\/policy-v(\d+)\.json$/;

/**
 * Parses policy files (pure): each is checked against the JSON Schema, then against the shipped
 * regulation data (every cited text, country, country group and list source must exist), then
 * against its place (the folder names the jurisdiction, the file name the version). Finally every
 * current policy must compose (a member state needs its block). All problems are reported at once.
 */
export function parseJurisdictionPolicies(
  files: readonly PolicyFile[],
  regulation: Pick<RegulationData, 'texts' | 'measures'>,
  displayDir = 'data/policies',
): Result<PolicySet, readonly PolicyProblem[]> {
  const problems: PolicyProblem[] = [];
  const all: JurisdictionPolicy[] = [];
  const context = {
    texts: regulation.texts,
    measures: regulation.measures,
    listSources: listSources.map((s) => s.id),
  };
  for (const f of files) {
    const display = `${displayDir}/${f.path}`;
    const place = fileName.exec(f.path);
    if (!place) {
      problems.push({
        file: display,
        path: '',
        message: 'expected <JURISDICTION>/policy-v<N>.json (e.g. GB/policy-v1.json)',
      });
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(f.text) as unknown;
    } catch (e) {
      problems.push({
        file: display,
        path: '',
        message: `not valid JSON: ${(e as Error).message}`,
      });
      continue;
    }
    const doc = validatePolicyFile(display, json);
    if (!doc.ok) {
      problems.push(...doc.error);
      continue;
    }
    if (doc.value.jurisdiction !== place[1]) {
      problems.push({
        file: display,
        path: '/jurisdiction',
        message: `is ${doc.value.jurisdiction}, but the file sits in ${place[1] ?? ''}/`,
      });
    }
    if (String(doc.value.version) !== place[2]) {
      problems.push({
        file: display,
        path: '/version',
        message: `is ${doc.value.version}, but the file name says v${place[2] ?? ''}`,
      });
    }
    const resolved = resolveJurisdictionPolicy(doc.value, context, {
      file: display,
      contentHash: f.sha256,
    });
    if (!resolved.ok) problems.push(...resolved.error);
    else all.push(resolved.value);
  }

  const current = new Map<JurisdictionCode, JurisdictionPolicy>();
  for (const p of all) {
    const prev = current.get(p.jurisdiction);
    if (prev && prev.id !== p.id) {
      problems.push({
        file: p.file,
        path: '/id',
        message: `is ${p.id}, but version ${prev.version} of ${p.jurisdiction} is ${prev.id}`,
      });
    }
    if (!prev || p.version > prev.version) current.set(p.jurisdiction, p);
  }
  for (const p of current.values()) {
    const composed = effectivePolicy(p, p.memberOf ? current.get(p.memberOf) : undefined);
    if (!composed.ok) problems.push({ file: p.file, path: '/memberOf', message: composed.error });
  }
  return problems.length > 0 ? err(problems) : ok({ current, all });
}

/** Reads every `<J>/policy-v<N>.json` under `dir` and parses them. */
export async function loadJurisdictionPolicies(
  dir: string,
  regulation: Pick<RegulationData, 'texts' | 'measures'>,
  displayDir = 'data/policies',
): Promise<Result<PolicySet, readonly PolicyProblem[]>> {
  const files: PolicyFile[] = [];
  const problems: PolicyProblem[] = [];
  const folders = await readdir(dir, { withFileTypes: true });
  for (const folder of folders) {
    if (!folder.isDirectory() || !/^[A-Z]{2}$/.test(folder.name)) continue;
    for (const name of await readdir(join(dir, folder.name))) {
      // Only policy versions: other files in the folder belong to other readers.
      if (!/^policy-v\d+\.json$/.test(name)) continue;
      const path = `${folder.name}/${name}`;
      try {
        const bytes = await readFile(join(dir, path));
        files.push({
          path,
          text: new TextDecoder().decode(bytes),
          sha256: createHash('sha256').update(bytes).digest('hex'),
        });
      } catch (e) {
        problems.push({
          file: `${displayDir}/${path}`,
          path: '',
          message: `cannot read: ${(e as Error).message}`,
        });
      }
    }
  }
  if (problems.length > 0) return err(problems);
  files.sort((a, b) => a.path.localeCompare(b.path));
  return parseJurisdictionPolicies(files, regulation, displayDir);
}
