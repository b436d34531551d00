import type {
  SeedCatalogue,
  SeedCriterion,
  SeedEntry,
  SeedRegimeKey,
  SeedRegimeView,
} from '../../domain/classification/catalogue-source.ts';
import type { JsonCursor } from './json-cursor.ts';

const regimeKeys: readonly SeedRegimeKey[] = ['WA', 'EU', 'UK', 'US'];

/**
 * Reads `control_entries_surveillance.json` (the compiled seed of surveillance-relevant entries)
 * into its typed shape. Unknown regime keys and malformed fields are problems at their path.
 */
export function parseControlEntries(root: JsonCursor, file: string): SeedCatalogue {
  const meta = root.at('meta');
  const compiled = meta.at('compiled').string() ?? 'unknown';
  const definitions = root.at('definitions');
  return {
    source: {
      title: meta.at('title').optionalString() ?? 'Surveillance-relevant control-list entries',
      date: compiled,
      file,
      ...(meta.at('licence').optionalString()
        ? { licence: meta.at('licence').string() ?? '' }
        : {}),
    },
    definitions: definitions.keys().map((term) => {
      const d = definitions.at(term);
      return {
        term,
        text: d.at('text').string() ?? '',
        notes: d.at('notes').strings(),
        status: d.at('text_status').string() ?? 'unknown',
        pointer: d.path,
      };
    }),
    entries: root.at('entries').items().map(parseEntry),
  };
}

function parseEntry(c: JsonCursor): SeedEntry {
  const regimes: Partial<Record<SeedRegimeKey, SeedRegimeView>> = {};
  const r = c.at('regimes');
  for (const key of r.keys()) {
    if (!(regimeKeys as readonly string[]).includes(key)) {
      r.at(key).problem(`unknown regime "${key}"; expected one of ${regimeKeys.join(', ')}`);
      continue;
    }
    regimes[key as SeedRegimeKey] = parseRegimeView(r.at(key));
  }
  const criteria = c.at('criteria').exists ? parseCriterion(c.at('criteria')) : undefined;
  const inlineDefinitions = c.at('definitions');
  const category = c.at('category').optionalString();
  const group = c.at('group').optionalString();
  return {
    id: c.at('id').string() ?? '',
    title: c.at('title').string() ?? '',
    itemKind: c.at('item_kind').string() ?? 'equipment',
    ...(category !== undefined ? { category } : {}),
    ...(group !== undefined ? { group } : {}),
    regimes,
    surveillanceTags: c.at('surveillance_tags').strings(),
    ...(criteria ? { criteria } : {}),
    exclusions: c
      .at('exclusions')
      .optionalItems()
      .map((x) => {
        const status = x.at('text_status').optionalString();
        return {
          appliesTo: x.at('applies_to').strings(),
          text: x.at('text').string() ?? '',
          ...(status !== undefined ? { status } : {}),
        };
      }),
    definitions: inlineDefinitions.exists
      ? inlineDefinitions
          .keys()
          .map((term) => ({ term, text: inlineDefinitions.at(term).string() ?? '' }))
      : [],
    definitionRefs: c.at('definitions_ref').strings(),
    related: c.at('related').strings(),
    status: c.at('text_status').string() ?? 'unknown',
    verifyAt: c.at('verify_at').strings(),
    pointer: c.path,
  };
}

function parseCriterion(c: JsonCursor): SeedCriterion | undefined {
  if (!c.isObject()) {
    c.problem('expected a criterion object');
    return undefined;
  }
  const id = c.at('id').optionalString();
  for (const [key, combinator] of [
    ['any_of', 'any-of'],
    ['all_of', 'all-of'],
  ] as const) {
    if (!c.at(key).exists) continue;
    const text = c.at(`${key}_text`).optionalString();
    return {
      ...(id !== undefined ? { id } : {}),
      ...(text !== undefined ? { text } : {}),
      combinator,
      children: c
        .at(key)
        .items()
        .flatMap((child) => {
          const parsed = parseCriterion(child);
          return parsed ? [parsed] : [];
        }),
    };
  }
  const textKey = ['text', 'summary', 'definition_verbatim'].find((k) => c.at(k).exists);
  if (!textKey) {
    c.problem('a criterion needs any_of, all_of, text, summary or definition_verbatim');
    return undefined;
  }
  return { ...(id !== undefined ? { id } : {}), text: c.at(textKey).string() ?? '' };
}

/** Keys of a regime view with a meaning of their own; every other key is kept as a labelled note. */
const structuralKeys = new Set([
  'ref',
  'eu_cyber_surveillance_listed',
  'reasons_for_control',
  'reasons_for_control_verbatim',
  'reporting_verbatim',
  'members',
  'related',
]);

function parseRegimeView(c: JsonCursor): SeedRegimeView {
  const notes: { label: string; text: string }[] = [];
  for (const key of c.keys()) {
    if (structuralKeys.has(key)) continue;
    const v = c.at(key);
    const label = key.replace(/_/g, ' ');
    if (Array.isArray(v.value)) for (const s of v.strings()) notes.push({ label, text: s });
    else {
      const s = v.string();
      if (s !== undefined) notes.push({ label, text: s });
    }
  }
  const ref = c.at('ref').optionalString();
  const listed = c.at('eu_cyber_surveillance_listed').optionalBoolean();
  const verbatimNotes = [
    ...c
      .at('reasons_for_control_verbatim')
      .optionalItems()
      .map((x) => ({ label: 'reasons for control', text: x.string() ?? '', pointer: x.path })),
    ...(c.at('reporting_verbatim').exists
      ? [
          {
            label: 'reporting',
            text: c.at('reporting_verbatim').string() ?? '',
            pointer: c.at('reporting_verbatim').path,
          },
        ]
      : []),
  ];
  for (const text of c.at('related').strings()) notes.push({ label: 'related', text });
  return {
    ...(ref !== undefined ? { ref } : {}),
    ...(listed !== undefined ? { cyberSurveillanceListed: listed } : {}),
    reasonsForControl: c.at('reasons_for_control').strings(),
    verbatimNotes,
    notes,
    members: c
      .at('members')
      .optionalItems()
      .map((m) => ({ id: m.at('eccn').string() ?? '', text: m.at('text').string() ?? '' })),
  };
}
