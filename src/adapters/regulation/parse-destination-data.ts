import { parseCountryCode, type CountryCode } from '../../domain/policy/country-code.ts';
import type {
  ArmsEmbargo,
  Confidence,
  CountryGroup,
  InterceptionFunctionId,
  InterceptionGoodsList,
  MonitoringMeasure,
} from '../../domain/policy/destination-measures.ts';
import { interceptionFunctionIds } from '../../domain/policy/destination-measures.ts';
import {
  textStatusFrom,
  type CitedText,
  type SourceRef,
} from '../../domain/policy/text-provenance.ts';
import { firstIsoDate, type JsonCursor } from './json-cursor.ts';

type Texts = [string, CitedText][];

const country = (c: JsonCursor): CountryCode | undefined => {
  const raw = c.string();
  if (raw === undefined) return undefined;
  const parsed = parseCountryCode(raw);
  if (parsed.ok) return parsed.value;
  c.problem(parsed.error);
  return undefined;
};

/**
 * Reads `ear_country_groups_seed.json`. Every group is `seed-unverified` (the A groups come from a
 * third-party copy of the eCFR table, the D and E groups from memory); the footnotes are verbatim.
 */
export function parseCountryGroups(
  root: JsonCursor,
  file: string,
): { readonly groups: readonly CountryGroup[]; readonly texts: Texts } {
  const meta = root.at('meta');
  const compiled = meta.at('compiled').string() ?? 'unknown';
  const source: SourceRef = {
    title: 'EAR Country Groups (15 CFR part 740, Supplement No. 1), compiled seed',
    date: compiled,
    file,
    url: 'https://www.ecfr.gov/current/title-15/part-740/appendix-Supplement%20No.%201%20to%20Part%20740',
  };
  const texts: Texts = meta
    .at('footnotes_verbatim')
    .optionalItems()
    .map((c, i) => [
      `ear:740-supp-1:footnote-${i + 1}`,
      {
        text: c.string() ?? '',
        textStatus: 'verbatim',
        source: { ...source, title: '15 CFR 740 Supp. No. 1, footnotes', pointer: c.path },
        statusNote: 'footnotes_verbatim (from a third-party reproduction verified against eCFR)',
      },
    ]);
  const groupsCursor = root.at('groups');
  const groups = groupsCursor.keys().map((id): CountryGroup => {
    const g = groupsCursor.at(id);
    const confidence = g.at('confidence').string() ?? 'unknown';
    const note = [g.at('note').optionalString(), ...g.at('evidence').strings()]
      .filter((s): s is string => s !== undefined)
      .join(' ');
    return {
      id,
      name: g.at('name').string() ?? id,
      members: g
        .at('members')
        .items()
        .flatMap((m) => {
          const c = country(m);
          return c ? [c] : [];
        }),
      confidence: (['high', 'medium', 'low'].includes(confidence)
        ? confidence
        : 'unknown') as Confidence,
      textStatus: 'seed-unverified',
      source: { ...source, pointer: g.path },
      ...(note !== '' ? { note } : {}),
    };
  });
  return { groups, texts };
}

/** `CN (1989 Madrid declaration, ...)` → CN with its scope; `AM/AZ (OSCE 1992)` → both. */
function embargoTargets(raw: string): { countries: readonly string[]; scope: string } | undefined {
  const m = /^([A-Z]{2}(?:\/[A-Z]{2})*)(?:\s*\((.*)\))?\s*$/.exec(raw.trim());
  if (!m) return undefined;
  return { countries: (m[1] ?? '').split('/'), scope: m[2] ?? 'full' };
}

/** What the sanctions seed gives: embargoes, monitoring-equipment measures, the EU Annex II list. */
export interface ParsedSanctions {
  readonly armsEmbargoes: readonly ArmsEmbargo[];
  readonly monitoringMeasures: readonly MonitoringMeasure[];
  readonly goodsLists: readonly InterceptionGoodsList[];
  readonly texts: Texts;
}

/** `art_1b_2` → `art-1b(2)`, `art_1c_1_c` → `art-1c(1)(c)`, `art_3_a` → `art-3(a)`. */
export function articleId(key: string): string | undefined {
  const m = /^art_(\d+[a-z]?)_(\d+|[a-z])(?:_([a-z]))?$/.exec(key);
  if (!m) return undefined;
  return `art-${m[1] ?? ''}(${m[2] ?? ''})${m[3] ? `(${m[3]})` : ''}`;
}

/**
 * Reads `sanctions_embargoes_seed.json`. The UN and EU arms embargoes and the unverified EU
 * monitoring bans are `seed-unverified`; the EU Iran (359/2011) and Venezuela (2017/2063)
 * provisions are verbatim (`eu-359/2011:art-1b(1)`, `eu-2017/2063:art-6(1)` ...).
 */
export function parseSanctions(root: JsonCursor, file: string): ParsedSanctions {
  const meta = root.at('meta');
  const compiled = meta.at('compiled').string() ?? 'unknown';
  const status = meta.at('status').string() ?? 'seed';
  const seedSource: SourceRef = {
    title: 'Arms embargoes and surveillance-equipment bans (compiled seed)',
    date: compiled,
    file,
  };
  const seed = (text: string, pointer: string): CitedText => ({
    text,
    textStatus: 'seed-unverified',
    source: { ...seedSource, pointer },
    statusNote: status,
  });

  const armsEmbargoes: ArmsEmbargo[] = [];
  for (const [key, authority] of [
    ['un_arms_embargoes', 'un'],
    ['eu_arms_embargoes', 'eu'],
  ] as const) {
    for (const row of root.at(key).items()) {
      const target = row.at('target').string() ?? '';
      const parsed = embargoTargets(target);
      if (!parsed) continue; // groups such as "ISIL/Al-Qaida": not a destination country
      for (const code of parsed.countries) {
        const cc = parseCountryCode(code);
        if (!cc.ok) {
          row.at('target').problem(cc.error);
          continue;
        }
        armsEmbargoes.push({
          authority,
          country: cc.value,
          scope: row.at('scope').optionalString() ?? parsed.scope,
          textStatus: 'seed-unverified',
          source: { ...seedSource, pointer: row.path },
        });
      }
    }
  }

  const texts: Texts = [];
  const verified = root.at('eu_monitoring_equipment_regimes_verified');
  const licence = verified.at('licence').optionalString();
  const measures: MonitoringMeasure[] = [];
  const goodsLists: InterceptionGoodsList[] = [];
  const instruments = {
    IR: {
      id: 'eu-359/2011',
      licence: 'art_1b_1',
      denial: 'art_1b_2',
      goods: 'eu-359/2011:annex-iv',
    },
    VE: {
      id: 'eu-2017/2063',
      licence: 'art_6_1',
      denial: 'art_6_2',
      goods: 'eu-2017/2063:annex-ii',
    },
  } as const;
  for (const cc of ['IR', 'VE'] as const) {
    const row = verified.at(cc);
    if (!row.exists) {
      row.problem(`the verified EU monitoring-equipment provisions for ${cc} are missing`);
      continue;
    }
    // "Council Regulation (EU) No 359/2011 (Iran human-rights regime), consolidated text in ..."
    const instrument = (row.at('instrument').string() ?? instruments[cc].id).replace(/,.*$/, '');
    const source: SourceRef = {
      title: instrument,
      date: compiled,
      file,
      ...(licence ? { licence } : {}),
      url: `https://eur-lex.europa.eu/eli/reg/${instruments[cc].id.replace('eu-', '')}`,
    };
    const registered = new Map<string, CitedText>();
    for (const key of row.keys()) {
      const art = articleId(key);
      if (!art) continue;
      const text: CitedText = {
        text: row.at(key).string() ?? '',
        textStatus: 'verbatim',
        source: { ...source, pointer: row.at(key).path },
      };
      registered.set(key, text);
      texts.push([`${instruments[cc].id}:${art}`, text]);
    }
    const licenceText = registered.get(instruments[cc].licence);
    const denialText = registered.get(instruments[cc].denial);
    if (!licenceText) {
      row.problem(`missing ${instruments[cc].licence}, the provision that requires authorisation`);
      continue;
    }
    measures.push({
      id: `eu:${cc}:${instruments[cc].id.replace('eu-', '')}`,
      authority: 'eu',
      country: cc as CountryCode,
      instrument,
      goodsList: instruments[cc].goods,
      licenceProvision: licenceText,
      ...(denialText ? { denialProvision: denialText } : {}),
      effect: 'licence-required',
      verified: true,
    });
    if (cc === 'VE') {
      const list = row.at('annex_II_A_items');
      goodsLists.push({
        id: 'eu-2017/2063:annex-ii',
        title:
          'Regulation (EU) 2017/2063, Annex II (equipment, technology and software for monitoring)',
        ...(row.at('annex_II_scope_note').exists
          ? {
              chapeau: {
                text: row.at('annex_II_scope_note').string() ?? '',
                textStatus: 'verbatim' as const,
                source: { ...source, pointer: row.at('annex_II_scope_note').path },
              },
            }
          : {}),
        functions: list.items().flatMap((item, i) => {
          const id = interceptionFunctionIds[i];
          const text = item.string() ?? '';
          if (!id) {
            item.problem('more Annex II items than the fourteen known functions');
            return [];
          }
          return [
            {
              id,
              text: {
                text,
                // The compiler inferred the first item from the UK list instead of reading it.
                textStatus: /inferred|not captured/i.test(text)
                  ? ('paraphrase' as const)
                  : ('verbatim' as const),
                source: { ...source, pointer: item.path },
              },
            },
          ];
        }),
        software: row
          .at('annex_II_D_E')
          .optionalItems()
          .map((c) => ({
            text: c.string() ?? '',
            textStatus: 'verbatim' as const,
            source: { ...source, pointer: c.path },
          })),
      });
      for (const key of ['annex_II_scope_note', 'annex_II_monitoring_definition']) {
        const c = row.at(key);
        if (c.exists) {
          texts.push([
            `eu-2017/2063:${key.replace('annex_II_', 'annex-ii:').replace(/_/g, '-')}`,
            {
              text: c.string() ?? '',
              textStatus: 'verbatim',
              source: { ...source, pointer: c.path },
            },
          ]);
        }
      }
    }
  }

  for (const row of root.at('eu_internal_repression_or_monitoring_equipment_bans').items()) {
    const cc = country(row.at('target'));
    if (!cc || measures.some((m) => m.authority === 'eu' && m.country === cc)) continue;
    const measureText = row.at('measure').string() ?? '';
    measures.push({
      id: `eu:${cc}:seed`,
      authority: 'eu',
      country: cc,
      instrument: /\(Reg[^)]*\)/.exec(measureText)?.[0].slice(1, -1) ?? 'EU restrictive measures',
      goodsList: 'unspecified',
      licenceProvision: seed(measureText, row.path),
      effect: 'licence-required',
      verified: false,
    });
  }

  const uk = root.at('uk_interception_monitoring_bans');
  const ukStatus = uk.at('status').string() ?? '';
  for (const target of uk.at('targets').items()) {
    const cc = country(target);
    if (!cc) continue;
    const guidanceDate = ukStatus.includes('17 Oct 2023') ? '2023-10-17' : compiled;
    measures.push({
      id: `uk:${cc}:interception-monitoring`,
      authority: 'uk',
      country: cc,
      instrument: 'UK sanctions regulations: interception and monitoring prohibitions',
      goodsList: 'uk-si-2019/135:sch-3',
      licenceProvision: {
        text: `UK sanctions on this destination prohibit the export of interception and monitoring goods and technology (the Schedule 3 list), unless licensed under the sanctions regime.`,
        textStatus: 'paraphrase',
        source: {
          title:
            'gov.uk, Interception and monitoring prohibitions in sanctions: technical guidance',
          date: guidanceDate,
          url: 'https://www.gov.uk/government/publications/interception-and-monitoring-prohibitions-in-sanctions-technical-guidance',
          file,
          pointer: target.path,
        },
        statusNote: `target list: ${ukStatus}; prohibition wording is Cordon's summary`,
      },
      effect: 'prohibited',
      verified: textStatusFrom(ukStatus) === 'verbatim',
    });
  }

  return { armsEmbargoes, monitoringMeasures: measures, goodsLists, texts };
}

/**
 * Reads `uk_interception_monitoring_goods_schedule.json`: the verbatim UK Schedule 3 list of
 * interception and monitoring functions (a)–(n), and its software and technology paragraphs.
 */
export function parseUkInterceptionSchedule(
  root: JsonCursor,
  file: string,
): { readonly list: InterceptionGoodsList; readonly texts: Texts } {
  const meta = root.at('meta');
  const sourceText = meta.at('source').string() ?? '';
  const source: SourceRef = {
    title: 'UK statutory instrument SI 2019/135, Schedule 3 (interception and monitoring goods)',
    date: firstIsoDate(sourceText) ?? meta.at('retrieved').string() ?? 'unknown',
    file,
    url: 'https://legislation.gov.uk/uksi/2019/135/schedule/3',
    ...(meta.at('licence').optionalString() ? { licence: meta.at('licence').string() ?? '' } : {}),
  };
  const verbatim = (c: JsonCursor): CitedText => ({
    text: c.string() ?? '',
    textStatus: 'verbatim',
    source: { ...source, pointer: c.path },
  });
  const p1 = root.at('paragraph_1_goods');
  const texts: Texts = [];
  const functions = p1
    .at('functions')
    .items()
    .flatMap((f) => {
      const id = f.at('id').string();
      if (!id || !(interceptionFunctionIds as readonly string[]).includes(id)) {
        f.at('id').problem(`expected a function id a–n, found ${String(id)}`);
        return [];
      }
      const text = verbatim(f.at('text'));
      texts.push([`uk-si-2019/135:sch-3:para-1(${id})`, text]);
      return [{ id: id as InterceptionFunctionId, text }];
    });
  const chapeau = verbatim(p1.at('chapeau'));
  const software = [
    verbatim(root.at('paragraph_2_software')),
    verbatim(root.at('paragraph_3_software_technology')),
  ];
  texts.push(
    ['uk-si-2019/135:sch-3:para-1', chapeau],
    ['uk-si-2019/135:sch-3:para-2', software[0] ?? chapeau],
    ['uk-si-2019/135:sch-3:para-3', software[1] ?? chapeau],
  );
  if (functions.length !== interceptionFunctionIds.length) {
    p1.at('functions').problem(`expected the 14 functions (a)–(n), found ${functions.length}`);
  }
  return {
    list: {
      id: 'uk-si-2019/135:sch-3',
      title:
        'UK list of interception and monitoring goods and technology (SI 2019/135, Schedule 3)',
      chapeau,
      functions,
      software,
    },
    texts,
  };
}
