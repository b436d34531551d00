import { regimes as controlLists, type Regime } from '../../domain/classification/control-entry.ts';
import { parseCountryCode, type CountryCode } from '../../domain/policy/country-code.ts';
import {
  sanctionsAuthorities,
  type SanctionsAuthority,
  type SanctionsGoods,
  type SanctionsRegime,
} from '../../domain/policy/sanctions-regime.ts';
import {
  textStatuses,
  type CitedText,
  type SourceRef,
  type TextStatus,
} from '../../domain/policy/text-provenance.ts';
import type { JsonCursor } from './json-cursor.ts';

type Texts = [string, CitedText][];

/**
 * Reads `sanctions_regimes.json`: its sources (each verbatim text names the stored file it was cut
 * from, under `data/regulation/sources/`), its texts (registered as citable legal texts) and its
 * regimes, whose every text id, country and control list must resolve. `dir` is how the data
 * directory appears in provenance (`data/regulation`).
 */
export function parseSanctionsRegimes(
  root: JsonCursor,
  file: string,
  dir: string,
): {
  readonly regimes: readonly SanctionsRegime[];
  readonly texts: Texts;
  readonly version: number;
} {
  const version = root.at('meta').at('version').value;
  if (typeof version !== 'number')
    root.at('meta').at('version').problem('expected a version number');

  const sourcesCursor = root.at('sources');
  const sources = new Map<string, SourceRef>();
  for (const id of sourcesCursor.keys()) {
    const s = sourcesCursor.at(id);
    const fileName = s.at('file').optionalString();
    const url = s.at('url').optionalString();
    const licence = s.at('licence').optionalString();
    sources.set(id, {
      title: s.at('title').string() ?? id,
      date: s.at('date').string() ?? 'unknown',
      ...(fileName !== undefined ? { file: `${dir}/${fileName}` } : { file }),
      ...(url !== undefined ? { url } : {}),
      ...(licence !== undefined ? { licence } : {}),
    });
  }

  const texts: Texts = [];
  const byId = new Map<string, CitedText>();
  for (const t of root.at('texts').items()) {
    const id = t.at('id').string();
    const sourceId = t.at('source').string();
    const status = t.at('status').string();
    const text = t.at('text').string();
    const locator = t.at('locator').string();
    const source = sourceId !== undefined ? sources.get(sourceId) : undefined;
    if (sourceId !== undefined && !source) t.at('source').problem(`no source "${sourceId}"`);
    if (status !== undefined && !(textStatuses as readonly string[]).includes(status))
      t.at('status').problem(`"${status}" is not ${textStatuses.join(', ')}`);
    if (status === 'verbatim' && source && source.file === file)
      t.at('status').problem('a verbatim text must name the stored source file it was cut from');
    if (id === undefined || text === undefined || !source || status === undefined) continue;
    const cited: CitedText = {
      text,
      textStatus: status as TextStatus,
      source: {
        ...source,
        title: `${source.title}, ${locator ?? ''}`,
        ...(source.file === file ? { pointer: t.path } : {}),
      },
    };
    texts.push([id, cited]);
    byId.set(id, cited);
  }
  const ref = (c: JsonCursor): CitedText | undefined => {
    const id = c.string();
    if (id === undefined) return undefined;
    const found = byId.get(id);
    if (!found) c.problem(`no text "${id}" in this file`);
    return found;
  };
  const list = (c: JsonCursor): Regime | undefined => {
    const raw = c.string();
    if (raw !== undefined && (controlLists as readonly string[]).includes(raw))
      return raw as Regime;
    c.problem(`expected one of ${controlLists.join(', ')}`);
    return undefined;
  };

  const regimes = root
    .at('regimes')
    .items()
    .flatMap((r): SanctionsRegime[] => {
      const authority = r.at('authority').string();
      if (
        authority !== undefined &&
        !(sanctionsAuthorities as readonly string[]).includes(authority)
      )
        r.at('authority').problem(`"${authority}" is not ${sanctionsAuthorities.join(', ')}`);
      const countries = r
        .at('countries')
        .items()
        .flatMap((c): CountryCode[] => {
          const parsed = parseCountryCode(c.string() ?? '');
          if (parsed.ok) return [parsed.value];
          c.problem(parsed.error);
          return [];
        });
      const goods = parseGoods(r.at('goods'), list, ref);
      const effect = r.at('effect').string();
      if (effect !== 'prohibited' && effect !== 'licence-required')
        r.at('effect').problem('expected prohibited or licence-required');
      const inForce = r.at('inForce').string();
      if (inForce !== 'in-force' && inForce !== 'to-verify')
        r.at('inForce').problem('expected in-force or to-verify');
      const review = r.at('reviewPolicy');
      const reviewKind = review.exists ? review.at('kind').string() : undefined;
      const reviewText = review.exists ? ref(review.at('text')) : undefined;
      const texts = r
        .at('texts')
        .items()
        .flatMap((c) => {
          const t = ref(c);
          return t ? [t] : [];
        });
      const derogations = r
        .at('derogations')
        .optionalItems()
        .flatMap((d) => {
          const id = d.at('id').string();
          const question = d.at('question').string();
          const text = ref(d.at('text'));
          return id && question && text ? [{ id, question, text }] : [];
        });
      const noGrant = r.at('noGrant').exists ? ref(r.at('noGrant')) : undefined;
      const noGrantWhen = r.at('noGrantWhen').optionalString();
      if (noGrantWhen !== undefined && noGrantWhen !== 'state-end-user')
        r.at('noGrantWhen').problem('expected state-end-user');
      const id = r.at('id').string();
      const instrument = r.at('instrument').string();
      const provision = r.at('provision').string();
      const title = r.at('title').string();
      if (
        !id ||
        !instrument ||
        !provision ||
        !title ||
        !goods ||
        texts.length === 0 ||
        (effect !== 'prohibited' && effect !== 'licence-required') ||
        (inForce !== 'in-force' && inForce !== 'to-verify') ||
        !(sanctionsAuthorities as readonly string[]).includes(authority ?? '')
      )
        return [];
      return [
        {
          id,
          authority: authority as SanctionsAuthority,
          instrument,
          provision,
          title,
          countries,
          goods,
          effect,
          ...(reviewText && (reviewKind === 'denial' || reviewKind === 'case-by-case')
            ? { reviewPolicy: { kind: reviewKind, text: reviewText } }
            : {}),
          inForce,
          usPersonsOnly: r.at('usPersonsOnly').optionalBoolean() ?? false,
          texts,
          derogations,
          ...(noGrant ? { noGrant } : {}),
          ...(noGrantWhen === 'state-end-user' ? { noGrantWhen } : {}),
        },
      ];
    });
  return { regimes, texts, version: typeof version === 'number' ? version : 0 };
}

function parseGoods(
  c: JsonCursor,
  list: (c: JsonCursor) => Regime | undefined,
  ref: (c: JsonCursor) => CitedText | undefined,
): SanctionsGoods | undefined {
  const kind = c.at('kind').string();
  switch (kind) {
    case 'control-list': {
      const l = list(c.at('list'));
      return l ? { kind, list: l } : undefined;
    }
    case 'ccl-categories': {
      const later = c.at('laterScope').exists ? ref(c.at('laterScope')) : undefined;
      return {
        kind,
        categories: c.at('categories').strings(),
        ...(later ? { laterScope: later } : {}),
      };
    }
    case 'annex-not-shipped': {
      const annex = c.at('annex').string();
      const except = c.at('exceptListedIn').exists ? list(c.at('exceptListedIn')) : undefined;
      return annex ? { kind, annex, ...(except ? { exceptListedIn: except } : {}) } : undefined;
    }
    case 'interception-functions':
    case 'military-list':
    case 'all-items':
      return { kind };
    default:
      c.at('kind').problem(`"${kind ?? ''}" is not a kind of goods Cordon knows`);
      return undefined;
  }
}
