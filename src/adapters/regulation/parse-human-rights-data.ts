import { parseCountryCode, type CountryCode } from '../../domain/policy/country-code.ts';
import type {
  DueDiligenceStep,
  EchriCode,
  EntityListHumanRightsListing,
  IndicatorDatasetLicence,
  LegalTest,
  LegalTestPart,
  RedFlag,
} from '../../domain/policy/human-rights-reference.ts';
import {
  textStatusFrom,
  type CitedText,
  type SourceRef,
} from '../../domain/policy/text-provenance.ts';
import { firstIsoDate, type JsonCursor } from './json-cursor.ts';

type Texts = [string, CitedText][];

const countryOf = (c: JsonCursor): CountryCode | undefined => {
  const raw = c.string();
  if (raw === undefined) return undefined;
  const parsed = parseCountryCode(raw);
  if (parsed.ok) return parsed.value;
  c.problem(parsed.error);
  return undefined;
};

/**
 * Reads `echri_code_of_conduct.json`: the six commitments (the State Department's wording of 30
 * March 2023, verbatim, cited as `echri:ECHRI-1` ...) and the subscribing states.
 */
export function parseEchri(
  root: JsonCursor,
  file: string,
): { readonly code: EchriCode; readonly texts: Texts } {
  const initiative = root.at('initiative');
  const released = initiative.at('code_of_conduct_released').string() ?? 'unknown';
  const source: SourceRef = {
    title:
      'US State Department media note: ECHRI Code of Conduct released at the Summit for Democracy',
    date: released,
    file,
    url: 'https://www.state.gov/',
    licence: 'US Government work (public domain)',
  };
  const texts: Texts = [];
  const commitments = root
    .at('commitments')
    .items()
    .map((c) => {
      const id = c.at('id').string() ?? '';
      const text: CitedText = {
        text: c.at('text').string() ?? '',
        textStatus: 'verbatim',
        source: { ...source, pointer: c.at('text').path },
        statusNote: "the State Department's summary bullets of the Code, not the full Code text",
      };
      texts.push([`echri:${id}`, text]);
      return { id, text, platformUse: c.at('platform_use').optionalString() ?? '' };
    });
  const codes = (c: JsonCursor) =>
    c.items().flatMap((x) => {
      const cc = countryOf(x);
      return cc ? [cc] : [];
    });
  return {
    code: {
      launched: initiative.at('launched').string() ?? 'unknown',
      codeReleased: released,
      foundingStates: codes(initiative.at('founding_states')),
      subscribingStates: root
        .at('subscribing_states_2023_03_30')
        .items()
        .flatMap((s) => {
          const cc = countryOf(s.at('iso2'));
          return cc ? [{ country: cc, name: s.at('name').string() ?? cc }] : [];
        }),
      commitments,
    },
    texts,
  };
}

/**
 * Reads `human_rights_licensing_criteria.json`: the legal tests (EU Art. 5 and 15, CP 2008/944
 * Criterion 2, UK SELC, ATT, Canada EIPA 7.3, EAR 742.7, 742.11, 742.13, 744.11), each part with
 * its own status, cited as `hr:<test id>` or `hr:<test id>:<part>`.
 */
export function parseLegalTests(
  root: JsonCursor,
  file: string,
): { readonly tests: readonly LegalTest[]; readonly texts: Texts } {
  const compiled = root.at('meta').at('compiled').string() ?? 'unknown';
  const texts: Texts = [];
  const tests = root
    .at('criteria')
    .items()
    .map((c): LegalTest => {
      const id = c.at('id').string() ?? '';
      const instrument = c.at('instrument').string() ?? id;
      const status = c.at('text_status').optionalString();
      const cite = (text: string, partStatus: string | undefined, pointer: string): CitedText => {
        const raw = partStatus ?? status ?? 'unknown';
        return {
          text,
          textStatus: textStatusFrom(raw),
          source: { title: instrument, date: firstIsoDate(raw) ?? compiled, file, pointer },
          statusNote: raw,
        };
      };
      const parts: LegalTestPart[] = [];
      if (c.at('text').exists) {
        parts.push({
          id: 'text',
          text: cite(c.at('text').string() ?? '', undefined, c.at('text').path),
        });
      }
      for (const p of c.at('paragraphs').optionalItems()) {
        parts.push({
          id: p.at('para').string() ?? '',
          text: cite(p.at('text').string() ?? '', p.at('text_status').optionalString(), p.path),
        });
      }
      for (const t of c.at('tests').optionalItems()) {
        const threshold = t.at('threshold').optionalString();
        const outcome = t.at('outcome').optionalString();
        parts.push({
          id: t.at('id').string() ?? '',
          text: cite(t.at('text').string() ?? '', undefined, t.path),
          ...(threshold !== undefined ? { threshold } : {}),
          ...(outcome !== undefined ? { outcome } : {}),
        });
      }
      c.at('values_seen')
        .optionalItems()
        .forEach((v, i) => {
          parts.push({ id: `value-${i + 1}`, text: cite(v.string() ?? '', undefined, v.path) });
        });
      if (c.at('internal_repression_definition').exists) {
        const d = c.at('internal_repression_definition');
        parts.push({
          id: 'internal-repression-definition',
          text: cite(d.string() ?? '', undefined, d.path),
        });
      }
      for (const part of parts) {
        texts.push([part.id === 'text' ? `hr:${id}` : `hr:${id}:${part.id}`, part.text]);
      }
      const binding = c.at('binding').value;
      const scope = c.at('scope').optionalString();
      const test = c.at('test').optionalString();
      const outcome = c.at('outcome').optionalString();
      return {
        id,
        jurisdiction: c.at('jurisdiction').string() ?? '',
        instrument,
        binding:
          typeof binding === 'boolean'
            ? binding
            : typeof binding === 'string'
              ? binding
              : 'unknown',
        ...(scope !== undefined ? { scope } : {}),
        ...(test !== undefined ? { test } : outcome !== undefined ? { test: outcome } : {}),
        texts: parts,
      };
    });
  return { tests, texts };
}

/**
 * Reads `red_flags_due_diligence.json`: due-diligence steps and red flags. The flags are all
 * paraphrases or derived (`text_status_note`), cited as `red-flag:KYC-01` ...
 */
export function parseRedFlags(
  root: JsonCursor,
  file: string,
): {
  readonly steps: readonly DueDiligenceStep[];
  readonly redFlags: readonly RedFlag[];
  readonly texts: Texts;
} {
  const compiled = root.at('meta').at('compiled').string() ?? 'unknown';
  const sources = root.at('sources');
  const titleOf = (id: string) =>
    sources
      .at(id.split('|')[0] ?? id)
      .at('title')
      .optionalString() ?? id;
  const texts: Texts = [];
  const steps = root
    .at('due_diligence_steps')
    .items()
    .map((s) => {
      const id = s.at('id').string() ?? '';
      const raw = s.at('text_status').string() ?? 'unknown';
      const step: CitedText = {
        text: s.at('step').string() ?? '',
        textStatus: textStatusFrom(raw),
        source: {
          title: 'Cordon due-diligence steps (compiled)',
          date: compiled,
          file,
          pointer: s.path,
        },
        statusNote: raw,
      };
      texts.push([`dd:${id}`, step]);
      return { id, step, sources: s.at('sources').strings() };
    });
  const note = root.at('text_status_note').optionalString() ?? 'paraphrase';
  const redFlags = root
    .at('red_flags')
    .items()
    .map((f) => {
      const id = f.at('id').string() ?? '';
      const source = f.at('source').string() ?? '';
      const text: CitedText = {
        text: f.at('text').string() ?? '',
        textStatus: 'paraphrase',
        source: { title: titleOf(source), date: compiled, file, pointer: f.path },
        statusNote: note,
      };
      texts.push([`red-flag:${id}`, text]);
      return { id, source, category: f.at('category').string() ?? 'other', text };
    });
  const dos = sources.at('DOS-2020');
  for (const key of ['purpose_verbatim', 'misuse_patterns_verbatim']) {
    const c = dos.at(key);
    if (!c.exists) continue;
    const raw = /quoted at/i.test(c.string() ?? '')
      ? 'verbatim as quoted by a secondary source'
      : 'verbatim';
    texts.push([
      `dos-2020:${key.replace('_verbatim', '').replace(/_/g, '-')}`,
      {
        text: c.string() ?? '',
        textStatus: textStatusFrom(raw),
        source: {
          title: dos.at('title').string() ?? 'DOS-2020',
          date: '2020-09-30',
          file,
          pointer: c.path,
        },
        statusNote: raw,
      },
    ]);
  }
  return { steps, redFlags, texts };
}

/** Reads `human_rights_datasets_licensing.json`: which indicator datasets may be shipped. */
export function parseDatasets(root: JsonCursor): readonly IndicatorDatasetLicence[] {
  return root
    .at('datasets')
    .items()
    .map((d) => {
      const ship = d.at('ship').string() ?? 'no';
      return {
        id: d.at('id').string() ?? '',
        name: d.at('name').string() ?? '',
        provider: d.at('provider').string() ?? '',
        licence: d.at('licence').string() ?? '',
        ship,
        mayShip: /^yes/i.test(ship),
        textStatus: d.at('evidence').exists ? 'paraphrase' : 'seed-unverified',
      };
    });
}

/** Reads `bis_entity_list_human_rights_surveillance_subset.json`: 71 human-rights listings. */
export function parseEntityListSubset(root: JsonCursor): readonly EntityListHumanRightsListing[] {
  return root
    .at('entries')
    .items()
    .map((e) => ({
      name: e.at('name').string() ?? '',
      aliases: e.at('aliases').strings(),
      country: e.at('country').string() ?? '',
      entryText: e.at('entry_text').string() ?? '',
      licenceRequirement: e.at('license_requirement').string() ?? '',
      licenceReviewPolicy: e.at('license_review_policy').string() ?? '',
      citations: e
        .at('federal_register')
        .optionalItems()
        .map((f) => `${f.at('citation').string() ?? ''}, ${f.at('date').string() ?? ''}`),
      basis: e
        .at('hr_basis')
        .optionalItems()
        .map((b) => ({
          tag: b.at('tag').string() ?? '',
          citation: b.at('citation').string() ?? '',
          note: b.at('note').optionalString() ?? '',
          confidence: b.at('basis_confidence').string() ?? 'unknown',
        })),
    }));
}
