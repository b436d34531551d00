import type { DataFileVersion } from '../policy/data-version.ts';
import type { LegalTexts } from '../policy/legal-texts.ts';
import {
  textStatusFrom,
  weakestStatus,
  type CitedText,
  type SourceRef,
} from '../policy/text-provenance.ts';
import { err, ok, type Result } from '../shared/result.ts';
import type {
  CatalogueSource,
  EuAnnexText,
  SeedCriterion,
  SeedRegimeKey,
  SeedRegimeView,
} from './catalogue-source.ts';
import { builtInFacts, type Fact } from './classification-facts.ts';
import type { ControlCatalogue } from './control-catalogue.ts';
import {
  criterionNodes,
  type ControlEntry,
  type CriterionNode,
  type Definition,
  type EntryKind,
  type EntryStatus,
  type Exclusion,
  type Regime,
} from './control-entry.ts';
import {
  definitionAnchors,
  entryKnowledge,
  usCrimeControlSuggestions,
  type CriterionKnowledge,
  type EntryKnowledge,
  type EuAnchor,
  type ExclusionKnowledge,
} from './entry-knowledge.ts';

/** A reason the catalogue cannot be built: where in which file, and what is wrong. */
export interface CatalogueProblem {
  readonly file: string;
  readonly path: string;
  readonly message: string;
}

const regimeOf: Readonly<Record<SeedRegimeKey, Regime>> = {
  WA: 'wassenaar',
  EU: 'eu',
  UK: 'uk',
  US: 'us',
};

/**
 * Splits an enumerated Annex I text ("...all of the following: a. X; b. Y; and c. Z") into its
 * chapeau and items. Every piece is a substring of the input, so a piece of a verbatim text stays
 * verbatim. Returns `undefined` when the text has no enumeration of at least two items.
 *
 * @example
 * splitEnumeration('Having all of: a. One; and b. Two.')
 * // { chapeau: 'Having all of', items: { a: 'One', b: 'Two.' } }
 */
export function splitEnumeration(
  text: string,
): { readonly chapeau: string; readonly items: Readonly<Record<string, string>> } | undefined {
  const marker = /([:;])\s+(?:and\s+|or\s+)?([a-z]|\d{1,2})\.\s+/g;
  const marks: { label: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(marker)) {
    const label = m[2] ?? '';
    const last = marks.at(-1);
    const expected = last ? nextLabel(last.label) : undefined;
    if (!last && (m[1] !== ':' || (label !== 'a' && label !== '1'))) continue;
    if (last && label !== expected) continue;
    marks.push({ label, start: m.index, end: m.index + m[0].length });
  }
  if (marks.length < 2) return undefined;
  const items: Record<string, string> = {};
  marks.forEach((mark, i) => {
    const end = marks[i + 1]?.start ?? text.length;
    items[mark.label] = text
      .slice(mark.end, end)
      .replace(/;\s*(and|or)?\s*$/, '')
      .trim();
  });
  return { chapeau: text.slice(0, marks[0]?.start ?? 0).trim(), items };
}

const nextLabel = (label: string): string =>
  /^\d+$/.test(label) ? String(Number(label) + 1) : String.fromCharCode(label.charCodeAt(0) + 1);

/**
 * Builds the catalogue from the shipped seed and the verbatim EU extracts: one entry per regime
 * that lists it, EU texts verbatim where an anchor resolves into the stored Annex I copy, other
 * texts with the status the data gives them. Fails, naming the file and JSON path, when an anchor
 * no longer resolves (the data changed under the knowledge that reads it).
 */
export function buildControlCatalogue(
  source: CatalogueSource,
  legalTexts: LegalTexts,
  version: readonly DataFileVersion[],
): Result<ControlCatalogue, readonly CatalogueProblem[]> {
  const problems: CatalogueProblem[] = [];
  const euById = new Map(source.euAnnex.entries.map((e) => [e.id, e]));
  const euFile = source.euAnnex.source.file ?? 'eu extracts';
  const seedFile = source.seed.source.file ?? 'control entries';

  const euText = (anchor: EuAnchor, ownId: string, where: string): CitedText | undefined => {
    const resolved = resolveAnchor(anchor, ownId, euById);
    if (!resolved.ok) {
      problems.push({ file: seedFile, path: where, message: `EU anchor: ${resolved.error}` });
      return undefined;
    }
    return {
      text: resolved.value.text,
      textStatus: 'verbatim',
      source: { ...source.euAnnex.source, pointer: resolved.value.pointer },
    };
  };

  const facts = new Map<string, Fact>(builtInFacts.map((fact) => [fact.id, fact]));
  const generatedFact = (id: string, question: string, suggestedBy: readonly RegExp[] = []) => {
    if (!facts.has(id)) facts.set(id, { id, question, suggestedBy });
    return id;
  };

  const definitions = buildDefinitions(source, euById, legalTexts, problems);
  const entries: ControlEntry[] = [];

  for (const seed of source.seed.entries) {
    const knowledge: EntryKnowledge = entryKnowledge[seed.id] ?? {};
    for (const key of ['WA', 'EU', 'UK', 'US'] as const) {
      const view = seed.regimes[key];
      if (!view) continue;
      const regime = regimeOf[key];
      const useEu = regime === 'eu';
      const seedSource: SourceRef = { ...source.seed.source, pointer: seed.pointer };
      const seedText = (text: string, status = seed.status): CitedText => ({
        text,
        textStatus: textStatusFrom(status),
        source: seedSource,
        statusNote: status,
      });
      const where = `${seed.pointer} (${regime})`;
      const textFor = (fallback: string, k: CriterionKnowledge | undefined): CitedText => {
        if (useEu && k?.eu) return euText(k.eu, seed.id, where) ?? seedText(fallback);
        if (useEu && k?.legalText) return legalTexts.get(k.legalText) ?? seedText(fallback);
        return seedText(fallback);
      };

      const leaf = (id: string, fallbackText: string, k: CriterionKnowledge | undefined) => {
        const fallbackFact = generatedFact(
          `${seed.id}#${id}`,
          `Does the item meet this criterion of ${seed.id}: "${fallbackText}"?`,
          usCrimeControlSuggestions[id] ?? [],
        );
        return {
          kind: 'leaf' as const,
          id,
          text: textFor(fallbackText, k),
          facts: k?.facts ?? [fallbackFact],
          factMode: k?.mode ?? 'all',
        };
      };

      const convert = (node: SeedCriterion, fallbackId: string): CriterionNode => {
        const id = node.id ?? fallbackId;
        if (!node.children || !node.combinator) {
          return leaf(id, node.text ?? seed.title, knowledge.criteria?.[id] ?? knowledge.single);
        }
        const condition = knowledge.conditions?.[id];
        const children = node.children.map((c, i) => convert(c, `${id}.${i + 1}`));
        const groupAnchor = knowledge.groupTexts?.[id];
        // A chapeau that states a condition becomes that condition's leaf, not the group's text.
        const groupText = condition
          ? undefined
          : useEu && groupAnchor
            ? euText(groupAnchor, seed.id, where)
            : node.text !== undefined
              ? seedText(node.text)
              : undefined;
        return {
          kind: node.combinator,
          id,
          ...(groupText ? { text: groupText } : {}),
          children: condition
            ? [leaf(condition.id, node.text ?? seed.title, condition), ...children]
            : children,
        };
      };

      let criteria: CriterionNode | undefined;
      if (seed.criteria) {
        criteria = convert(seed.criteria, knowledge.single?.id ?? seed.id);
      } else if (view.members.length > 0) {
        criteria = {
          kind: 'any-of',
          id: seed.id,
          children: view.members.map((m) => leaf(m.id, m.text, undefined)),
        };
      } else if (knowledge.single) {
        criteria = leaf(knowledge.single.id, seed.title, knowledge.single);
      }

      const exclusionKnowledge: readonly ExclusionKnowledge[] =
        knowledge.exclusions ??
        seed.exclusions.map((_, i) => ({ id: `note-${i + 1}`, facts: [], seedIndex: i }));
      const exclusions: Exclusion[] = exclusionKnowledge.map((x) => {
        const seedExclusion = x.seedIndex === undefined ? undefined : seed.exclusions[x.seedIndex];
        const fallback = seedExclusion?.text ?? '';
        const text =
          useEu && x.eu
            ? (euText(x.eu, seed.id, where) ?? seedText(fallback, seedExclusion?.status))
            : seedText(fallback, seedExclusion?.status);
        const factIds =
          x.facts.length > 0
            ? x.facts
            : [
                generatedFact(
                  `${seed.id}#${x.id}`,
                  `Does this note of ${seed.id} apply to the item: "${fallback}"?`,
                ),
              ];
        return {
          id: x.id,
          appliesTo: x.appliesTo ?? seedExclusion?.appliesTo ?? [],
          text,
          facts: factIds,
        };
      });

      const title =
        useEu && knowledge.euTitle
          ? (euText(knowledge.euTitle, seed.id, where) ?? seedText(seed.title))
          : seedText(seed.title);

      const notes: CitedText[] = [
        ...view.verbatimNotes.map((n): CitedText => ({
          text: n.text,
          textStatus: 'verbatim',
          source: { ...source.seed.source, pointer: n.pointer },
          statusNote: `${n.label}: a field marked verbatim in the data (entry status: ${seed.status})`,
        })),
        ...view.notes.map((n) => seedText(`${n.label}: ${n.text}`)),
        ...(useEu
          ? (knowledge.euNotes ?? []).flatMap((a) => {
              const t = euText(a, seed.id, where);
              return t ? [t] : [];
            })
          : []),
      ];

      const ruleTexts = [
        title,
        ...criterionNodes(criteria).flatMap((n) => (n.text ? [n.text] : [])),
        ...exclusions.map((x) => x.text),
      ];
      const lowerTexts = ruleTexts.map((t) => t.text.toLowerCase()).join(' ');
      const linked = new Set<string>([
        ...seed.definitionRefs.map(termOf),
        ...seed.definitions.map((d) => termOf(d.term)),
      ]);
      for (const term of definitions.keys()) if (lowerTexts.includes(term)) linked.add(term);

      const usedEu = ruleTexts.some((t) => t.source.file === euFile);
      entries.push({
        key: `${regime}:${seed.id}`,
        id: seed.id,
        regime,
        ref: view.ref ?? seed.id,
        title,
        kind: kindOf(seed.itemKind),
        status: statusOf(seed.itemKind),
        ...(seed.category !== undefined ? { category: seed.category } : {}),
        ...(seed.group !== undefined ? { group: seed.group } : {}),
        ...(criteria ? { criteria } : {}),
        exclusions,
        notes,
        definitions: [...linked].filter((t) => definitions.has(t)).sort(),
        reasonsForControl: regime === 'us' ? reasonCodes(view) : [],
        related: seed.related,
        cyberSurveillance: view.cyberSurveillanceListed ?? false,
        surveillanceTags: seed.surveillanceTags,
        textStatus: weakestStatus(ruleTexts.map((t) => t.textStatus)),
        source: usedEu ? { ...source.euAnnex.source, pointer: seed.pointer } : seedSource,
        verifyAt: seed.verifyAt,
      });
    }
  }

  for (const entry of entries) {
    for (const term of entry.definitions) {
      if (!definitions.has(term)) {
        problems.push({
          file: seedFile,
          path: entry.key,
          message: `links the undefined term "${term}"`,
        });
      }
    }
  }
  const keys = new Set<string>();
  for (const entry of entries) {
    if (keys.has(entry.key)) {
      problems.push({ file: seedFile, path: entry.key, message: 'duplicate entry for a regime' });
    }
    keys.add(entry.key);
  }

  return problems.length > 0 ? err(problems) : ok({ entries, definitions, facts, version });
}

/** `intrusion software`, also for `cybersecurity items (US EAR 772.1)`. */
const termOf = (raw: string): string =>
  raw
    .replace(/\s*\(.*\)\s*$/, '')
    .trim()
    .toLowerCase();

const kindOf = (itemKind: string): EntryKind => {
  switch (itemKind) {
    case 'software':
    case 'technology':
    case 'group':
    case 'proposed':
      return itemKind;
    case 'catch_all':
      return 'catch-all';
    default:
      return 'equipment';
  }
};

const statusOf = (itemKind: string): EntryStatus =>
  itemKind === 'catch_all' ? 'catch-all' : itemKind === 'proposed' ? 'proposed' : 'in-force';

/** `NS`, `AT`, `SL` from the data's reasons (`CC (Column 1/2/3 per ECCN)` gives `CC`). */
function reasonCodes(view: SeedRegimeView): readonly string[] {
  const codes = new Set<string>();
  const pattern = /\b(NS|AT|EI|SL|CC|RS|MT|NP|CB|FC|SS|CW|UN)\b/g;
  for (const r of view.reasonsForControl)
    for (const m of r.matchAll(pattern)) codes.add(m[1] ?? '');
  for (const n of [...view.notes, ...view.verbatimNotes]) {
    if (!/reasons?_for_control|^RS|reason/i.test(n.label)) continue;
    for (const m of n.text.matchAll(pattern)) codes.add(m[1] ?? '');
  }
  codes.delete('');
  return [...codes];
}

function resolveAnchor(
  anchor: EuAnchor,
  ownId: string,
  euById: ReadonlyMap<string, EuAnnexText>,
): Result<{ text: string; pointer: string }, string> {
  const id = anchor.entry ?? ownId;
  const entry = euById.get(id);
  if (!entry) return err(`no Annex I text "${id}" in the EU extracts`);
  let text: string | undefined;
  let pointer = entry.pointer;
  switch (anchor.part) {
    case 'text':
      text = entry.text;
      pointer = entry.textPointer;
      break;
    case 'item':
      text = entry.items[anchor.item ?? ''];
      pointer += `/items/${anchor.item ?? ''}`;
      break;
    case 'note': {
      const note = entry.notes[anchor.note ?? '']?.[anchor.index ?? 0];
      text = note?.text;
      pointer = note?.pointer ?? pointer;
      break;
    }
  }
  if (text === undefined || text === '') {
    return err(`${id} has no ${anchor.part} ${anchor.item ?? anchor.note ?? ''}`.trim());
  }
  if (anchor.sub) {
    const parts = splitEnumeration(text);
    const piece = anchor.sub === 'chapeau' ? parts?.chapeau : parts?.items[anchor.sub];
    if (!piece) return err(`${id} ${anchor.item ?? ''} has no enumerated part "${anchor.sub}"`);
    text = piece;
  }
  if (anchor.after) {
    const at = text.indexOf(anchor.after);
    if (at < 0) return err(`${id}: marker "${anchor.after}" not found`);
    text = text.slice(at + anchor.after.length);
  }
  if (anchor.before) {
    const at = text.indexOf(anchor.before);
    if (at < 0) return err(`${id}: marker "${anchor.before}" not found`);
    text = text.slice(0, at);
  }
  return ok({ text: text.trim(), pointer });
}

function buildDefinitions(
  source: CatalogueSource,
  euById: ReadonlyMap<string, EuAnnexText>,
  legalTexts: LegalTexts,
  problems: CatalogueProblem[],
): ReadonlyMap<string, Definition> {
  const euSource = source.euAnnex.source;
  const seedSource = source.seed.source;
  const collected = new Map<string, { texts: CitedText[]; notes: CitedText[] }>();
  const slot = (term: string) => {
    let s = collected.get(term);
    if (!s) {
      s = { texts: [], notes: [] };
      collected.set(term, s);
    }
    return s;
  };

  for (const d of source.euAnnex.definitions) {
    const s = slot(termOf(d.term));
    s.texts.push({
      text: d.text,
      textStatus: 'verbatim',
      source: { ...euSource, pointer: d.pointer },
    });
    for (const note of d.notes) {
      s.notes.push({
        text: note.text,
        textStatus: 'verbatim',
        source: { ...euSource, pointer: note.pointer },
      });
    }
  }
  for (const [term, anchor] of Object.entries(definitionAnchors)) {
    const resolved = resolveAnchor(anchor, anchor.entry ?? '', euById);
    if (!resolved.ok) {
      problems.push({
        file: euSource.file ?? 'eu extracts',
        path: `definition "${term}"`,
        message: resolved.error,
      });
      continue;
    }
    slot(term).texts.push({
      text: resolved.value.text,
      textStatus: 'verbatim',
      source: { ...euSource, pointer: resolved.value.pointer },
    });
  }
  for (const d of source.seed.definitions) {
    const s = slot(termOf(d.term));
    const status = textStatusFrom(d.status);
    const src = { ...seedSource, pointer: d.pointer };
    s.texts.push({ text: d.text, textStatus: status, source: src, statusNote: d.status });
    if (s.notes.length === 0) {
      for (const note of d.notes) {
        s.notes.push({ text: note, textStatus: status, source: src, statusNote: d.status });
      }
    }
  }
  for (const entry of source.seed.entries) {
    for (const d of entry.definitions) {
      slot(termOf(d.term)).texts.push({
        text: d.text,
        textStatus: textStatusFrom(entry.status),
        source: { ...seedSource, pointer: `${entry.pointer}/definitions` },
        statusNote: entry.status,
      });
    }
  }
  const art220 = legalTexts.get('eu-2021/821:art-2(20)');
  if (art220) slot('cyber-surveillance items').texts.push(art220);

  const definitions = new Map<string, Definition>();
  for (const [term, { texts, notes }] of collected) {
    const best = texts.find((t) => t.textStatus === 'verbatim') ?? texts[0];
    if (!best) continue;
    definitions.set(term, {
      term,
      text: best,
      notes,
      alternatives: texts.filter((t) => t !== best),
    });
  }
  return definitions;
}
