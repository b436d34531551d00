import { listSources, type ListSourceId } from '../../domain/lists/list-source.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import { decodeListText } from './decode-list-text.ts';
import {
  failure,
  type ListFile,
  type ParseFailure,
  type ParsedList,
  type ParseProblem,
  type ParserOutput,
  type TextFile,
} from './list-parse-types.ts';
import { withUniqueEntityIds } from './list-values.ts';
import { parseConsolidatedScreeningList } from './parse-consolidated-screening-list.ts';
import { parseDeniedPersonsList } from './parse-denied-persons-list.ts';
import { parseEntityListEcfr } from './parse-entity-list-ecfr.ts';
import { parseEuFinancialSanctionsXml } from './parse-eu-financial-sanctions-xml.ts';
import { parseOfacLegacyCsv, type OfacLegacyFiles } from './parse-ofac-legacy-csv.ts';
import { parseOfsiConsolidatedCsv } from './parse-ofsi-consolidated-csv.ts';
import { readDelimited } from './read-delimited.ts';

export type { ListFile, ParseFailure, ParsedList, ParseProblem } from './list-parse-types.ts';

/**
 * Parses the files of one list source into normalised records, choosing the parser for the
 * source's official format. Each file must be UTF-8 (OFAC's ASCII is); OFAC's four files are told
 * apart by their names (`sdn.csv`, `alt.csv`, `add.csv`, `sdn_comments.csv`, `cons_prim.csv`, ...,
 * also under a folder) or, for other names, by their content.
 *
 * A failure means nothing may be imported: a missing or unrecognisable file, the wrong format, a
 * missing column, a truncated OFAC file or malformed XML, bytes that are not UTF-8. Each problem
 * names the file, the line or element, and what was expected. Rows that cannot be read in a file
 * that can are returned in `skipped`. Entity ids are unique within the result.
 *
 * `source` is a `ListSourceId`; it is typed `string` so that the function serves as the
 * application's `ListParser`, and an unknown id is a failure.
 */
export function parseListFiles(
  source: string,
  files: readonly ListFile[],
): Result<ParsedList, ParseFailure> {
  if (!isListSourceId(source)) {
    return err(
      failure({
        file: files.map((f) => f.name).join(', ') || '(none)',
        message: `unknown list source "${source}"; expected one of ${listSources.map((s) => s.id).join(', ')}`,
      }),
    );
  }
  if (files.length === 0) {
    return err(failure({ file: '(none)', message: `no files given for ${source}` }));
  }
  const texts: TextFile[] = [];
  const problems: ParseProblem[] = [];
  for (const file of files) {
    const decoded = decodeListText(file.name, file.bytes);
    if (decoded.ok) texts.push({ name: file.name, text: decoded.value });
    else problems.push(decoded.error);
  }
  if (problems.length > 0) return err({ problems });

  const parsed = parseTexts(source, texts);
  if (!parsed.ok) return parsed;
  return ok({ source, ...parsed.value, records: withUniqueEntityIds(parsed.value.records) });
}

function parseTexts(
  source: ListSourceId,
  texts: readonly TextFile[],
): Result<ParserOutput, ParseFailure> {
  switch (source) {
    case 'us-ofac-sdn':
    case 'us-ofac-nonsdn': {
      const files = assignOfacRoles(source, texts);
      return files.ok ? parseOfacLegacyCsv(source, files.value) : files;
    }
    case 'us-csl':
      return single(source, texts, parseConsolidatedScreeningList);
    case 'us-bis-dpl':
      return single(source, texts, parseDeniedPersonsList);
    case 'us-bis-entity-list':
      return single(source, texts, parseEntityListEcfr);
    case 'uk-hmt-ofsi':
      return single(source, texts, parseOfsiConsolidatedCsv);
    case 'eu-fsf':
      return single(source, texts, parseEuFinancialSanctionsXml);
  }
}

const isListSourceId = (source: string): source is ListSourceId =>
  listSources.some((s) => s.id === source);

function single(
  source: ListSourceId,
  texts: readonly TextFile[],
  parse: (file: TextFile) => Result<ParserOutput, ParseFailure>,
): Result<ParserOutput, ParseFailure> {
  const [file, ...others] = texts;
  if (file === undefined || others.length > 0) {
    return err(
      failure({
        file: texts.map((t) => t.name).join(', '),
        message: `${source} is imported from exactly one file (${formatOf(source)}); got ${texts.length}`,
      }),
    );
  }
  return parse(file);
}

const formatOf = (source: ListSourceId): string =>
  listSources.find((s) => s.id === source)?.format ?? source;

type OfacRole = keyof OfacLegacyFiles;

/** The roles by file name; the SDN and the non-SDN list use different names for the same roles. */
const roleNames: Readonly<Record<string, OfacRole>> = {
  'sdn.csv': 'primary',
  'alt.csv': 'aliases',
  'add.csv': 'addresses',
  'sdn_comments.csv': 'comments',
  'cons_prim.csv': 'primary',
  'cons_alt.csv': 'aliases',
  'cons_add.csv': 'addresses',
  'cons_comments.csv': 'comments',
};

const roleDescriptions: Readonly<Record<OfacRole, string>> = {
  primary: 'the entities (sdn.csv or cons_prim.csv)',
  aliases: 'the aliases (alt.csv or cons_alt.csv)',
  addresses: 'the addresses (add.csv or cons_add.csv)',
  comments: 'the remarks overflow (sdn_comments.csv or cons_comments.csv)',
};

/**
 * Which OFAC file is which: by base name, else by the shape of the first row (12 fields: the
 * entities; 5 with an alias type: the aliases; 6: the addresses; 2: the remarks overflow).
 */
function assignOfacRoles(
  source: ListSourceId,
  texts: readonly TextFile[],
): Result<OfacLegacyFiles, ParseFailure> {
  const assigned = new Map<OfacRole, TextFile>();
  for (const file of texts) {
    const base = (file.name.split(/[\\/]/).pop() ?? file.name).toLowerCase();
    const role = roleNames[base] ?? sniffOfacRole(file.text);
    if (role === undefined) {
      return err(
        failure({
          file: file.name,
          line: 1,
          message: `cannot tell which OFAC file this is; expected sdn.csv, alt.csv, add.csv and sdn_comments.csv (or cons_prim.csv, cons_alt.csv, cons_add.csv, cons_comments.csv) in OFAC's legacy CSV layout`,
        }),
      );
    }
    const earlier = assigned.get(role);
    if (earlier !== undefined) {
      return err(
        failure({
          file: file.name,
          message: `both ${earlier.name} and ${file.name} look like ${roleDescriptions[role]}; give one of each`,
        }),
      );
    }
    assigned.set(role, file);
  }
  const primary = assigned.get('primary');
  const aliases = assigned.get('aliases');
  const addresses = assigned.get('addresses');
  const comments = assigned.get('comments');
  const missing = (['primary', 'aliases', 'addresses'] as const).filter(
    (role) => !assigned.has(role),
  );
  if (primary === undefined || aliases === undefined || addresses === undefined) {
    return err({
      problems: missing.map((role) => ({
        file: texts.map((t) => t.name).join(', '),
        message: `missing ${roleDescriptions[role]}: ${source} is imported from OFAC's entity, alias and address files together`,
      })),
    });
  }
  return ok({ primary, aliases, addresses, ...(comments !== undefined ? { comments } : {}) });
}

function sniffOfacRole(text: string): OfacRole | undefined {
  const firstLine = text.slice(0, Math.max(0, text.indexOf('\n')) || Math.min(text.length, 4000));
  const fields = readDelimited(firstLine, ',').records[0]?.fields ?? [];
  if (!/^\d+$/.test(fields[0]?.trim() ?? '')) return undefined;
  if (fields.length === 12) return 'primary';
  if (fields.length === 5 && /^(aka|fka|nka)$/i.test(fields[2]?.trim() ?? '')) return 'aliases';
  if (fields.length === 6) return 'addresses';
  if (fields.length === 2) return 'comments';
  return undefined;
}
