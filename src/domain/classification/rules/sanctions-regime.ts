import type { CountryCode } from '../../policy/country-code.ts';
import type { SanctionsRegimesRule } from '../../policy/jurisdiction-policy.ts';
import type { SanctionsRegime } from '../../policy/sanctions-regime.ts';
import type { CitedText } from '../../policy/text-provenance.ts';
import type {
  BasisEffect,
  LicensableItem,
  LicenceBasis,
  LicenceQuery,
  LicensingReference,
  MissingInformation,
  ReviewOutcome,
  RuleOutput,
} from '../licence-query.ts';
import {
  basisOf,
  isStateParty,
  outcomeIn,
  questionsAsMissing,
  receivingCountries,
  usEccnsOf,
} from './rule-output.ts';

/** Whether a regime's goods cover an item: `yes`, `no`, or `unknown` with the questions to ask. */
type GoodsMatch =
  | { readonly kind: 'yes'; readonly why: string; readonly confirmed: boolean }
  | { readonly kind: 'no'; readonly why: string }
  | { readonly kind: 'unknown'; readonly why: string; readonly missing: MissingInformation[] };

/** Exporter ratings that name a military list entry: EU ML, UK PL 5xxx, US 600 series or USML. */
const militaryRating = /^(ML\d|PL5\d|[0-9][A-E]6\d\d|[0-9][A-E]5\d\d|USML|CAT\s?[IVX]+$)/i;

function goodsMatch(regime: SanctionsRegime, item: LicensableItem, index: number): GoodsMatch {
  const goods = regime.goods;
  switch (goods.kind) {
    case 'all-items':
      return { kind: 'yes', why: 'the measure covers all goods', confirmed: true };
    case 'control-list': {
      const outcome = outcomeIn(item, goods.list);
      if (!outcome)
        return {
          kind: 'unknown',
          why: `${item.label} is not classified under the ${goods.list} list`,
          missing: [],
        };
      switch (outcome.kind) {
        case 'listed':
          return {
            kind: 'yes',
            why: `${item.label} is listed on the ${goods.list} list as ${outcome.entries.join(', ')}`,
            confirmed: outcome.confirmed,
          };
        case 'not-listed':
          return { kind: 'no', why: `${item.label} is not listed on the ${goods.list} list` };
        case 'undetermined':
          return {
            kind: 'unknown',
            why: `whether ${item.label} is listed on the ${goods.list} list is undetermined`,
            missing: questionsAsMissing(index, outcome.missing),
          };
      }
      break;
    }
    case 'ccl-categories': {
      const { eccns, ear99: is99 } = usEccnsOf(item);
      const inScope = eccns.filter((e) => goods.categories.includes(e.charAt(0)));
      if (inScope.length > 0)
        return {
          kind: 'yes',
          why: `${item.label} is rated or classified ${inScope.join(', ')} (CCL Category ${[...new Set(inScope.map((e) => e.charAt(0)))].join(', ')})`,
          confirmed: true,
        };
      if (eccns.length > 0 || is99)
        return {
          kind: 'no',
          why: `${item.label} (${eccns.join(', ') || 'EAR99'}) is in no ECCN of CCL Categories ${goods.categories.join(', ')}`,
        };
      return {
        kind: 'unknown',
        why: `${item.label} has no ECCN on record`,
        missing: [
          {
            field: `items[${index}].controlEntries`,
            question: `What is the ECCN of ${item.label} (or is it EAR99)?`,
          },
        ],
      };
    }
    case 'annex-not-shipped': {
      const covered =
        goods.exceptListedIn === 'us'
          ? usEccnsOf(item).eccns.length > 0
          : goods.exceptListedIn !== undefined &&
            outcomeIn(item, goods.exceptListedIn)?.kind === 'listed';
      if (covered)
        return {
          kind: 'no',
          why: `${item.label} is listed (${goods.exceptListedIn ?? ''}): another provision of the measure governs it`,
        };
      return {
        kind: 'unknown',
        why: `${goods.annex} is not shipped with Cordon: whether ${item.label} is in it cannot be checked`,
        missing: [
          {
            field: `items[${index}]`,
            question: `Is ${item.label} in ${goods.annex}? Check the current annex of ${regime.instrument}.`,
          },
        ],
      };
    }
    case 'interception-functions': {
      const ia = item.classification.interception;
      if (ia.status === 'yes')
        return {
          kind: 'yes',
          why: `${item.label} performs interception or monitoring functions (${ia.functions.map((f) => f.id).join(', ')})`,
          confirmed: true,
        };
      if (ia.status === 'no')
        return { kind: 'no', why: `${item.label} performs no interception or monitoring function` };
      return {
        kind: 'unknown',
        why: `${item.label} may perform interception or monitoring functions`,
        missing: [
          {
            field: `items[${index}].capabilities`,
            question: `Is ${item.label} used primarily for monitoring or intercepting internet or telephone communications?`,
          },
        ],
      };
    }
    case 'military-list': {
      const rating = item.classification.exporterRating.find((r) => militaryRating.test(r.trim()));
      return rating
        ? {
            kind: 'yes',
            why: `${item.label} is rated ${rating}, a military list entry`,
            confirmed: true,
          }
        : {
            kind: 'no',
            why: `${item.label} is not rated as a military item (Cordon does not classify military goods)`,
          };
    }
  }
}

const reviewOf = (regime: SanctionsRegime): ReviewOutcome | undefined =>
  regime.reviewPolicy?.kind === 'denial'
    ? 'denial'
    : regime.reviewPolicy?.kind === 'case-by-case'
      ? 'case-by-case'
      : undefined;

/**
 * Applies the sanctions and embargo regimes the policy names (its own authority's law only) to
 * every item going to or through a country they cover. A prohibition gives `prohibited` with the
 * instrument and article; a licence requirement carries its review policy (EAR 746.8(b): denial);
 * derogations are asked, never assumed; a measure the data cannot vouch for (`to-verify`), goods
 * of an annex Cordon does not ship, or an unknown classification give `undetermined`.
 *
 * @example
 * // 6A003.b.4 thermal camera to a Russian company under the EU policy:
 * // { effect: 'prohibited', regime: { id: 'eu-833/2014:art-2', provision: 'Art. 2(1)' } }
 */
export function sanctionsRegimes(
  rule: SanctionsRegimesRule,
  reference: LicensingReference,
  query: LicenceQuery,
): RuleOutput {
  // "To any person in Russia or for use in Russia": the destination, every receiving party's
  // country, and the purchaser's (a sale to a buyer in Russia is caught wherever the goods go).
  const purchasers = (query.parties ?? [])
    .filter((p) => p.role === 'purchaser' && p.country !== undefined)
    .map((p) => p.country as CountryCode);
  const countries = [...new Set([...receivingCountries(query), ...purchasers])];
  const regimes = reference.measures.sanctionsRegimes.filter(
    (r) => rule.regimes.includes(r.id) && r.countries.some((c) => countries.includes(c)),
  );
  if (regimes.length === 0) {
    return {
      basis: [
        basisOf(
          rule,
          'not-applicable',
          `no sanctions or embargo regime applied by this authority covers ${countries.join(', ')}`,
        ),
      ],
      missing: [],
    };
  }
  const basis: LicenceBasis[] = [];
  const missing: MissingInformation[] = [];
  for (const regime of regimes) {
    const where = regime.countries.filter((c) => countries.includes(c)).join(', ');
    const label = `${regime.instrument}, ${regime.provision}`;
    const tag = { id: regime.id, instrument: regime.instrument, provision: regime.provision };
    const titled = { ...rule, title: regime.title };
    const derogationTexts: CitedText[] = regime.derogations.map((d) => d.text);
    query.items.forEach((item, i) => {
      const match = goodsMatch(regime, item, i);
      const at = (effect: BasisEffect, summary: string, extra: readonly CitedText[] = []) =>
        basisOf(titled, effect, summary, {
          item: i,
          citations: [...regime.texts, ...extra],
          regime: tag,
          ...(regime.reviewPolicy ? { reviewPolicy: regime.reviewPolicy.text } : {}),
        });
      if (match.kind === 'no') {
        basis.push(at('not-applicable', `${label}: ${match.why}`));
        return;
      }
      if (match.kind === 'unknown') {
        basis.push(at('undetermined', `${label} (${where}): ${match.why}`));
        missing.push(...match.missing);
        return;
      }
      if (regime.inForce === 'to-verify') {
        basis.push(
          at(
            'undetermined',
            `${label} may cover ${item.label} to ${where}: the shipped data records the measure but cannot vouch for its scope or wording; check it before any export`,
          ),
        );
        missing.push({
          field: 'jurisdiction',
          question: `Does ${regime.instrument} (${regime.provision}) prohibit or license this export to ${where}?`,
        });
        return;
      }
      if (regime.usPersonsOnly && query.exporter?.country !== 'US') {
        basis.push(
          at(
            'undetermined',
            `${label} binds US persons and exports from the United States: whether one is involved is not stated`,
          ),
        );
        missing.push({
          field: 'exporter',
          question: `Is the export made from the United States, or by or with the involvement of a US person (${regime.instrument})?`,
        });
        return;
      }
      const inferred = match.confirmed
        ? ''
        : ' (the classification rests on tags or the description: confirm it)';
      if (regime.noGrantWhen === 'state-end-user') {
        const receivers = (query.parties ?? []).filter(
          (p) => p.role === 'end-user' || p.role === 'consignee',
        );
        const state = receivers.map(isStateParty);
        if (state.includes(true)) {
          basis.push(
            at(
              'prohibited',
              `${label}: ${match.why}${inferred}, and a state body receives it: an authorisation may not be granted`,
              regime.noGrant ? [regime.noGrant] : [],
            ),
          );
          return;
        }
        if (state.includes(undefined) || receivers.length === 0) {
          missing.push({
            field: 'parties',
            question:
              'Is the end user or consignee a government body, public body, corporation or agency, or acting on their behalf (e.g. a state-owned operator)? Give parties[].stateLinked.',
          });
        }
      }
      if (regime.effect === 'prohibited') {
        basis.push(
          at(
            'prohibited',
            `${label}: ${match.why}${inferred}; the export to ${where} is prohibited${regime.derogations.length > 0 ? ' unless a derogation applies (see the questions)' : ''}${regime.noGrant ? '; no authorisation may be granted for a military end user or end use' : ''}`,
            [...derogationTexts, ...(regime.noGrant ? [regime.noGrant] : [])],
          ),
        );
      } else {
        const review = reviewOf(regime);
        basis.push({
          ...at(
            'licence-required',
            `${label}: ${match.why}${inferred}; a licence is required for ${where}${review === 'denial' ? ', reviewed under a policy of denial' : ''}`,
            [
              ...derogationTexts,
              ...(regime.goods.kind === 'ccl-categories' && regime.goods.laterScope
                ? [regime.goods.laterScope]
                : []),
            ],
          ),
          ...(review ? { review } : {}),
        });
      }
      missing.push(
        ...regime.derogations.map((d) => ({
          field: `sanctions.${regime.id}`,
          question: d.question,
        })),
      );
    });
  }
  return { basis, missing };
}
