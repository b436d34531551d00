import {
  monitoringMeasuresOn,
  type InterceptionFunctionId,
} from '../../policy/destination-measures.ts';
import type { MonitoringMeasuresRule } from '../../policy/jurisdiction-policy.ts';
import type { CitedText } from '../../policy/text-provenance.ts';
import type {
  LicenceBasis,
  LicenceQuery,
  LicensingReference,
  MissingInformation,
  RuleOutput,
} from '../licence-query.ts';
import { basisOf, isStateParty, receivingCountries } from './rule-output.ts';

export function monitoringMeasures(
  rule: MonitoringMeasuresRule,
  reference: LicensingReference,
  query: LicenceQuery,
): RuleOutput {
  const countries = receivingCountries(query);
  const measures = countries.flatMap((c) =>
    monitoringMeasuresOn(reference.measures, c, rule.authority),
  );
  if (measures.length === 0) {
    return {
      basis: [
        basisOf(
          rule,
          'not-applicable',
          `no ${rule.authority.toUpperCase()} monitoring-equipment measure on ${countries.join(', ')}`,
        ),
      ],
      missing: [],
    };
  }
  const basis: LicenceBasis[] = [];
  const missing: MissingInformation[] = [];
  // The state receives the goods when an end user or consignee is a government body or is
  // state-linked (a state telecom operator is a "public body or corporation", Art. 1b(2)).
  const receivers = (query.parties ?? []).filter(
    (p) => p.role === 'end-user' || p.role === 'consignee',
  );
  const governmentParty = receivers.some((p) => isStateParty(p) === true);
  const stateUnknown = !governmentParty && receivers.some((p) => isStateParty(p) === undefined);
  for (const measure of measures) {
    const goods = reference.measures.interceptionGoodsLists.find((l) => l.id === measure.goodsList);
    const goodsNote: CitedText[] = goods
      ? []
      : [
          {
            text: `The goods list of this measure (${measure.goodsList}) is not in the shipped data; Cordon matches the item against the near-identical UK Schedule 3 / EU Venezuela Annex II functions.`,
            textStatus: 'seed-unverified',
            source: {
              title: 'Cordon: matching rule for monitoring-equipment measures',
              date: measure.licenceProvision.source.date,
            },
          },
        ];
    query.items.forEach((item, i) => {
      const ia = item.classification.interception;
      const functionText = (id: InterceptionFunctionId) =>
        (goods ?? reference.measures.interceptionGoodsLists[0])?.functions.find((f) => f.id === id)
          ?.text;
      const matched = ia.functions.map((f) => f.id);
      const matchedTexts = matched.flatMap((id) => {
        const t = functionText(id);
        return t ? [t] : [];
      });
      const citations = [
        measure.licenceProvision,
        ...(measure.denialProvision ? [measure.denialProvision] : []),
        ...goodsNote,
        ...matchedTexts,
      ];
      const label = `${item.label} to ${measure.country} (${measure.instrument})`;
      if (ia.status === 'no') {
        basis.push(
          basisOf(
            rule,
            'not-applicable',
            `${label}: the item performs no interception or monitoring function of the list`,
            { item: i, citations: [measure.licenceProvision] },
          ),
        );
        return;
      }
      if (ia.status === 'unknown' || ia.status === 'possible') {
        basis.push(
          basisOf(
            rule,
            'undetermined',
            `${label}: the item may perform monitoring functions (${matched.join(', ') || 'unknown'}) of the list: confirm`,
            { item: i, citations },
          ),
        );
        missing.push({
          field: `items[${i}].capabilities`,
          question: `Can the item perform any of the listed interception or monitoring functions (${matched.map((id) => functionText(id)?.text ?? id).join('; ') || 'deep packet inspection, network interception, IMSI interception, remote infection, ...'})?`,
        });
        return;
      }
      if (!measure.verified || rule.adoption === 'aligned-unverified') {
        basis.push(
          basisOf(
            rule,
            'undetermined',
            `${label}: a monitoring-equipment measure is recorded, but ${!measure.verified ? 'the shipped data has not verified it' : 'whether this jurisdiction applies it is unverified'}: check before exporting`,
            {
              item: i,
              citations,
            },
          ),
        );
        missing.push({
          field: 'jurisdiction',
          question: `Is ${measure.id} in force and applied by this jurisdiction?`,
        });
        return;
      }
      const denial = measure.denialProvision && governmentParty;
      if (measure.denialProvision && stateUnknown)
        missing.push({
          field: 'parties',
          question: `Is the end user or consignee a government body, public body, corporation or agency of ${measure.country}, or acting on its behalf (a state-owned or state-controlled operator)? If so, ${measure.instrument} forbids authorising the export. Give parties[].stateLinked.`,
        });
      basis.push(
        basisOf(
          rule,
          denial ? 'prohibited' : measure.effect,
          denial
            ? `${label}: the item performs monitoring functions (${matched.join(', ')}) and goes to a government or security body: prior authorisation is required and may not be granted where it would be used for monitoring or interception by the state`
            : measure.effect === 'prohibited'
              ? `${label}: the item performs interception or monitoring functions (${matched.join(', ')}): the export is prohibited unless licensed under the sanctions regime`
              : `${label}: the item performs monitoring functions (${matched.join(', ')}): prior authorisation is required`,
          {
            item: i,
            citations,
            ...(measure.denialProvision ? { reviewPolicy: measure.denialProvision } : {}),
          },
        ),
      );
    });
  }
  return { basis, missing };
}
