import type { EuAnnexSource, EuAnnexText } from '../../domain/classification/catalogue-source.ts';
import type { CitedText, SourceRef } from '../../domain/policy/text-provenance.ts';
import { firstIsoDate, type JsonCursor } from './json-cursor.ts';

/** What the EU extracts file gives: the Annex I texts for the catalogue, and citable legal texts. */
export interface ParsedEuExtracts {
  readonly euAnnex: EuAnnexSource;
  readonly texts: readonly (readonly [string, CitedText])[];
}

const officialUrl = 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:02021R0821-20230526';

/**
 * Reads `eu_2021_821_cyber_surveillance_extracts.json`: verbatim articles of Regulation (EU)
 * 2021/821 (as `eu-2021/821:art-5(1)` ...), its Annex I entries (`eu-2021/821:annex-i:5A001.j`,
 * `...:5A001.j.1`, `...:5A001.j:note`) and definitions (`eu-2021/821:annex-i:def:hard selectors`).
 * Every text here is verbatim: the compiler read it in the stored consolidated text of 2023-05-26.
 */
export function parseEuExtracts(root: JsonCursor, file: string): ParsedEuExtracts {
  const meta = root.at('meta');
  const sourceNote = meta.at('source').string() ?? '';
  const source: SourceRef = {
    title:
      'Regulation (EU) 2021/821, consolidated text (Annex I as replaced by Delegated Regulation (EU) 2023/996)',
    date:
      /dated (\d{4}-\d{2}-\d{2})/.exec(sourceNote)?.[1] ??
      firstIsoDate(meta.at('retrieved').string()) ??
      'unknown',
    file,
    url: officialUrl,
    ...(meta.at('licence').optionalString() ? { licence: meta.at('licence').string() ?? '' } : {}),
  };
  const texts: [string, CitedText][] = [];
  const add = (id: string, text: string | undefined, pointer: string) => {
    if (text !== undefined) {
      texts.push([id, { text, textStatus: 'verbatim', source: { ...source, pointer } }]);
    }
  };

  const articles = root.at('articles');
  for (const key of articles.keys()) {
    const a = articles.at(key);
    if (typeof a.value === 'string') add(`eu-2021/821:art-${key}`, a.string(), a.path);
    else if (Array.isArray(a.value)) {
      let paragraph = '';
      a.items().forEach((line) => {
        const text = line.string() ?? '';
        const numbered = /^(\d+)\.\s/.exec(text);
        const point = /^\(([a-z])\)\s/.exec(text);
        if (numbered) paragraph = numbered[1] ?? '';
        const id = point ? `${key}(${paragraph})(${point[1] ?? ''})` : `${key}(${paragraph})`;
        add(`eu-2021/821:art-${id}`, text, line.path);
      });
    } else {
      for (const p of a.keys()) add(`eu-2021/821:art-${key}(${p})`, a.at(p).string(), a.at(p).path);
    }
  }

  const annex = root.at('annex_I_entries');
  const entries: EuAnnexText[] = annex.keys().map((id) => {
    const e = annex.at(id);
    if (typeof e.value === 'string') {
      const text = e.string() ?? '';
      add(`eu-2021/821:annex-i:${id}`, text, e.path);
      return { id, text, textPointer: e.path, items: {}, notes: {}, pointer: e.path };
    }
    const text = e.at('text').string() ?? '';
    add(`eu-2021/821:annex-i:${id}`, text, e.at('text').path);
    const items: Record<string, string> = {};
    const itemsCursor = e.at('items');
    if (itemsCursor.exists) {
      for (const k of itemsCursor.keys()) {
        const t = itemsCursor.at(k).string();
        if (t === undefined) continue;
        items[k] = t;
        add(`eu-2021/821:annex-i:${id}.${k}`, t, itemsCursor.at(k).path);
      }
    }
    const notes: Record<string, { text: string; pointer: string }[]> = {};
    for (const k of e.keys()) {
      if (k === 'text' || k === 'items') continue;
      const n = e.at(k);
      const list = Array.isArray(n.value)
        ? n.items().map((c) => ({ text: c.string() ?? '', pointer: c.path }))
        : [{ text: n.string() ?? '', pointer: n.path }];
      notes[k] = list;
      list.forEach((note, i) => {
        const suffix = list.length > 1 ? `-${i + 1}` : '';
        add(`eu-2021/821:annex-i:${id}:${k}${suffix}`, note.text, note.pointer);
      });
    }
    return { id, text, textPointer: e.at('text').path, items, notes, pointer: e.path };
  });

  const defs = root.at('annex_I_definitions');
  const definitions = defs.keys().map((term) => {
    const d = defs.at(term);
    if (typeof d.value === 'string') {
      add(`eu-2021/821:annex-i:def:${term}`, d.string(), d.path);
      return { term, text: d.string() ?? '', notes: [], pointer: d.path };
    }
    const text = d.at('text').string() ?? '';
    add(`eu-2021/821:annex-i:def:${term}`, text, d.at('text').path);
    return {
      term,
      text,
      notes: ['notes', 'technical_notes'].flatMap((k) =>
        d
          .at(k)
          .optionalItems()
          .map((n) => ({ text: n.string() ?? '', pointer: n.path })),
      ),
      pointer: d.at('text').path,
    };
  });

  return { euAnnex: { source, entries, definitions }, texts };
}
