import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildControlCatalogue } from '../../domain/classification/build-control-catalogue.ts';
import type { ControlCatalogue } from '../../domain/classification/control-catalogue.ts';
import type { DataFileVersion } from '../../domain/policy/data-version.ts';
import type { DestinationMeasures } from '../../domain/policy/destination-measures.ts';
import type { HumanRightsReference } from '../../domain/policy/human-rights-reference.ts';
import type { LegalTexts } from '../../domain/policy/legal-texts.ts';
import type { CitedText } from '../../domain/policy/text-provenance.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import { JsonCursor, type DataProblem } from './json-cursor.ts';
import { parseControlEntries } from './parse-control-entries.ts';
import {
  parseCountryGroups,
  parseSanctions,
  parseUkInterceptionSchedule,
} from './parse-destination-data.ts';
import { parseEuExtracts } from './parse-eu-extracts.ts';
import { parseSanctionsRegimes } from './parse-sanctions-regimes.ts';
import {
  parseDatasets,
  parseEchri,
  parseEntityListSubset,
  parseLegalTests,
  parseRedFlags,
} from './parse-human-rights-data.ts';

export type { DataProblem } from './json-cursor.ts';

/** The files of `data/regulation/` Cordon reads, by role. */
export const regulationFileNames = {
  controlEntries: 'control_entries_surveillance.json',
  euExtracts: 'eu_2021_821_cyber_surveillance_extracts.json',
  countryGroups: 'ear_country_groups_seed.json',
  sanctions: 'sanctions_embargoes_seed.json',
  ukSchedule: 'uk_interception_monitoring_goods_schedule.json',
  echri: 'echri_code_of_conduct.json',
  legalTests: 'human_rights_licensing_criteria.json',
  redFlags: 'red_flags_due_diligence.json',
  datasets: 'human_rights_datasets_licensing.json',
  entityListSubset: 'bis_entity_list_human_rights_surveillance_subset.json',
  sanctionsRegimes: 'sanctions_regimes.json',
} as const;

/** One file's name and contents, with the SHA-256 of its bytes (its version). */
export interface RegulationFile {
  readonly name: string;
  readonly text: string;
  readonly sha256: string;
}

/**
 * All shipped regulation data, typed and cross-checked: the control catalogue, the destination
 * measures, the human-rights reference data and every citable legal text, with the hash of each
 * file it came from.
 */
export interface RegulationData {
  readonly version: readonly DataFileVersion[];
  readonly texts: LegalTexts;
  readonly catalogue: ControlCatalogue;
  readonly measures: DestinationMeasures;
  readonly humanRights: HumanRightsReference;
}

/**
 * Parses the regulation files (pure: no I/O). Every problem in every file is reported at once,
 * with the file and the JSON pointer of the offending value; nothing partial is returned.
 * `displayDir` is how file paths appear in provenance (`data/regulation`).
 */
export function parseRegulationData(
  files: readonly RegulationFile[],
  displayDir = 'data/regulation',
): Result<RegulationData, readonly DataProblem[]> {
  const problems: DataProblem[] = [];
  const byName = new Map(files.map((f) => [f.name, f]));
  const roots = {} as Record<keyof typeof regulationFileNames, JsonCursor>;
  for (const [role, name] of Object.entries(regulationFileNames) as [
    keyof typeof regulationFileNames,
    string,
  ][]) {
    const file = byName.get(name);
    let value: unknown;
    if (!file) problems.push({ file: name, path: '', message: 'file missing' });
    else {
      try {
        value = JSON.parse(file.text) as unknown;
      } catch (e) {
        problems.push({ file: name, path: '', message: `not valid JSON: ${(e as Error).message}` });
      }
    }
    roots[role] = JsonCursor.root(name, value, problems);
  }
  if (problems.length > 0) return err(problems);

  const path = (name: string) => `${displayDir}/${name}`;
  const seed = parseControlEntries(roots.controlEntries, path(regulationFileNames.controlEntries));
  const eu = parseEuExtracts(roots.euExtracts, path(regulationFileNames.euExtracts));
  const groups = parseCountryGroups(roots.countryGroups, path(regulationFileNames.countryGroups));
  const sanctions = parseSanctions(roots.sanctions, path(regulationFileNames.sanctions));
  const uk = parseUkInterceptionSchedule(roots.ukSchedule, path(regulationFileNames.ukSchedule));
  const echri = parseEchri(roots.echri, path(regulationFileNames.echri));
  const tests = parseLegalTests(roots.legalTests, path(regulationFileNames.legalTests));
  const flags = parseRedFlags(roots.redFlags, path(regulationFileNames.redFlags));
  const datasets = parseDatasets(roots.datasets);
  const listings = parseEntityListSubset(roots.entityListSubset);
  const regimes = parseSanctionsRegimes(
    roots.sanctionsRegimes,
    path(regulationFileNames.sanctionsRegimes),
    displayDir,
  );

  const texts = new Map<string, CitedText>();
  for (const [id, text] of [
    ...eu.texts,
    ...groups.texts,
    ...sanctions.texts,
    ...uk.texts,
    ...echri.texts,
    ...tests.texts,
    ...flags.texts,
    ...regimes.texts,
  ]) {
    if (texts.has(id)) {
      problems.push({
        file: text.source.file ?? '',
        path: text.source.pointer ?? '',
        message: `duplicate legal text id ${id}`,
      });
    }
    texts.set(id, text);
  }
  if (problems.length > 0) return err(problems);

  const version: DataFileVersion[] = Object.values(regulationFileNames).map((name) => ({
    file: path(name),
    sha256: byName.get(name)?.sha256 ?? '',
  }));
  const catalogueVersion = version.filter(
    (v) =>
      v.file.endsWith(regulationFileNames.controlEntries) ||
      v.file.endsWith(regulationFileNames.euExtracts),
  );
  const catalogue = buildControlCatalogue({ seed, euAnnex: eu.euAnnex }, texts, catalogueVersion);
  if (!catalogue.ok) {
    return err(
      catalogue.error.map((p) => ({
        file: p.file.split('/').pop() ?? p.file,
        path: p.path,
        message: p.message,
      })),
    );
  }

  return ok({
    version,
    texts,
    catalogue: catalogue.value,
    measures: {
      countryGroups: groups.groups,
      armsEmbargoes: sanctions.armsEmbargoes,
      monitoringMeasures: sanctions.monitoringMeasures,
      interceptionGoodsLists: [uk.list, ...sanctions.goodsLists],
      sanctionsRegimes: regimes.regimes,
    },
    humanRights: {
      echri: echri.code,
      legalTests: tests.tests,
      dueDiligenceSteps: flags.steps,
      redFlags: flags.redFlags,
      datasets,
      entityListHumanRightsListings: listings,
    },
  });
}

/** SHA-256 of a file's bytes, lower-case hex. */
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Reads the regulation files from `dir` (e.g. `data/regulation`) and parses them. A missing or
 * unreadable file is a problem like any other, named by file.
 */
export async function loadRegulationData(
  dir: string,
  displayDir = 'data/regulation',
): Promise<Result<RegulationData, readonly DataProblem[]>> {
  const problems: DataProblem[] = [];
  const files: RegulationFile[] = [];
  await Promise.all(
    Object.values(regulationFileNames).map(async (name) => {
      try {
        const bytes = await readFile(join(dir, name));
        files.push({ name, text: new TextDecoder().decode(bytes), sha256: sha256(bytes) });
      } catch (e) {
        problems.push({ file: name, path: '', message: `cannot read: ${(e as Error).message}` });
      }
    }),
  );
  if (problems.length > 0) return err(problems);
  return parseRegulationData(files, displayDir);
}

/** A problem as one line: `file /json/pointer: message`. */
export const formatDataProblem = (p: DataProblem): string =>
  `${p.file} ${p.path || '/'}: ${p.message}`;
