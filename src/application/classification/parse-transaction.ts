import {
  classifyItem,
  type ItemClassification,
  type ItemToClassify,
} from '../../domain/classification/classify-item.ts';
import type { ControlCatalogue } from '../../domain/classification/control-catalogue.ts';
import { partyRoles, partyTypes } from '../../domain/classification/licence-query.ts';
import type {
  EndUseKnowledge,
  LicenceQuery,
  PartyScreening,
  ScreeningHit,
} from '../../domain/classification/licence-requirement.ts';
import { parseCountryCode } from '../../domain/policy/country-code.ts';
import { parseJurisdictionCode, type JurisdictionCode } from '../../domain/policy/jurisdiction.ts';
import type { JurisdictionPolicy } from '../../domain/policy/jurisdiction-policy.ts';
import { cordonError, type CordonError, type FieldProblem } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';

/** A party with its screening result, as a caller sends it (codes not yet checked). */
export interface PartyScreeningInput {
  readonly role: string;
  readonly name: string;
  readonly country?: string;
  readonly type?: string;
  readonly hits: readonly ScreeningHit[];
}

/** A transaction as a caller sends it: `cordon controls compare`, `POST /v1/controls/compare`. */
export interface TransactionRequest {
  /** Jurisdictions to determine for (`US`, `GB`, `EU`, `NO`...); every shipped policy when absent. */
  readonly jurisdictions?: readonly string[];
  readonly destination: { readonly country: string; readonly region?: string };
  readonly items: readonly ItemToClassify[];
  readonly parties?: readonly PartyScreeningInput[];
  readonly endUse?: EndUseKnowledge;
}

export interface ParsedTransaction {
  readonly jurisdictions: readonly JurisdictionCode[];
  readonly classifications: readonly ItemClassification[];
  readonly query: LicenceQuery;
}

const label = (i: number, description: string): string => {
  const d = description.trim();
  return `item ${i + 1} ("${d.length > 40 ? `${d.slice(0, 39)}…` : d}")`;
};

/**
 * Checks a transaction and classifies its items: every problem (an unknown jurisdiction, country
 * code, party role or type, and every item problem) comes back at once, each naming its field
 * (`destination.country`, `parties[1].country`, `items[0].answers.foo`).
 */
export function parseTransaction(
  request: TransactionRequest,
  catalogue: ControlCatalogue,
  policies: ReadonlyMap<JurisdictionCode, JurisdictionPolicy>,
): Result<ParsedTransaction, CordonError> {
  const problems: FieldProblem[] = [];
  const jurisdictions: JurisdictionCode[] = [];
  const requested = request.jurisdictions ?? [...policies.keys()];
  requested.forEach((raw, i) => {
    const j = parseJurisdictionCode(raw);
    if (!j.ok) problems.push({ field: `jurisdictions[${i}]`, problem: j.error });
    else if (!policies.has(j.value)) {
      problems.push({
        field: `jurisdictions[${i}]`,
        problem: `Cordon has no policy for ${j.value}; it ships ${[...policies.keys()].join(', ')}`,
      });
    } else if (!jurisdictions.includes(j.value)) jurisdictions.push(j.value);
  });
  if (requested.length === 0)
    problems.push({ field: 'jurisdictions', problem: 'names no jurisdiction' });

  const destination = parseCountryCode(request.destination.country);
  if (!destination.ok) problems.push({ field: 'destination.country', problem: destination.error });

  const parties: PartyScreening[] = [];
  (request.parties ?? []).forEach((p, i) => {
    const at = `parties[${i}]`;
    const role = partyRoles.find((r) => r === p.role);
    if (!role)
      problems.push({
        field: `${at}.role`,
        problem: `"${p.role}" is not one of ${partyRoles.join(', ')}`,
      });
    const type = p.type === undefined ? undefined : partyTypes.find((t) => t === p.type);
    if (p.type !== undefined && !type) {
      problems.push({
        field: `${at}.type`,
        problem: `"${p.type}" is not one of ${partyTypes.join(', ')}`,
      });
    }
    const country = p.country === undefined ? undefined : parseCountryCode(p.country);
    if (country && !country.ok) problems.push({ field: `${at}.country`, problem: country.error });
    if (p.name.trim() === '') problems.push({ field: `${at}.name`, problem: 'is empty' });
    if (role) {
      parties.push({
        role,
        name: p.name,
        ...(country?.ok ? { country: country.value } : {}),
        ...(type ? { type } : {}),
        hits: p.hits,
      });
    }
  });

  if (request.items.length === 0) problems.push({ field: 'items', problem: 'names no item' });
  const classifications: ItemClassification[] = [];
  request.items.forEach((item, i) => {
    const c = classifyItem(catalogue, item);
    if (c.ok) classifications.push(c.value);
    else
      problems.push(
        ...c.error.problems.map((p) => ({ field: `items[${i}].${p.field}`, problem: p.problem })),
      );
  });

  if (problems.length > 0 || !destination.ok) {
    return err(
      cordonError(
        'CORDON_VALIDATION_FAILED',
        'The transaction cannot be assessed as given.',
        problems,
      ),
    );
  }
  const region = request.destination.region?.trim();
  return ok({
    jurisdictions,
    classifications,
    query: {
      destination: { country: destination.value, ...(region ? { region } : {}) },
      items: classifications.map((classification, i) => ({
        label: label(i, request.items[i]?.description ?? ''),
        classification,
      })),
      ...(request.parties !== undefined ? { parties } : {}),
      ...(request.endUse !== undefined ? { endUse: request.endUse } : {}),
    },
  });
}
