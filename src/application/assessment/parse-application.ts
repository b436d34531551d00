import { capabilityTags } from '../../domain/classification/classification-facts.ts';
import type { PartyRole, PartyType } from '../../domain/classification/licence-requirement.ts';
import { partyRoles, partyTypes } from '../../domain/classification/licence-query.ts';
import { parseCountryCode } from '../../domain/policy/country-code.ts';
import { parseJurisdictionCode } from '../../domain/policy/jurisdiction.ts';
import { cordonError, type CordonError, type FieldProblem } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';

/** A party as the application names it (spec: `parties[]`). */
export interface ApplicationParty {
  readonly role: PartyRole;
  readonly name: string;
  readonly country?: string;
  readonly address?: string;
  readonly type?: PartyType;
  /** Cordon's extension: owned or controlled by the state, or acting for it (a state operator). */
  readonly stateLinked?: boolean;
  /** Cordon's extension: matches a person cleared as not this party, with who and why. */
  readonly matchClearances?: readonly MatchClearanceInput[];
}

/** A cleared match as the application records it: the list entry, who cleared it and why. */
export interface MatchClearanceInput {
  readonly source: string;
  readonly entityId: string;
  readonly clearedBy: string;
  readonly reason: string;
  readonly date?: string;
}

/** An item as the application describes it (spec: `items[]`). */
export interface ApplicationItem {
  readonly description: string;
  readonly controlEntries?: readonly string[];
  readonly capabilities?: readonly string[];
  readonly quantity?: number;
  readonly value?: { readonly amount: number; readonly currency: string };
  /** Answers to the classification assistant's questions, by fact id (optional). */
  readonly answers?: Readonly<Record<string, string>>;
  /** Cordon's extension: country of origin (whether a foreign-made item is subject to the EAR). */
  readonly origin?: string;
  /** Cordon's extension: controlled US-origin content, percent of value (EAR de minimis). */
  readonly usControlledContentPercent?: number;
  /** Cordon's extension: a foreign direct product of US technology or software (15 CFR 734.9). */
  readonly foreignDirectProduct?: boolean;
}

/** Cordon's extension: what the exporter knows of the end use, as EU Art. 4 and 5 ask it. */
export interface EndUseFacts {
  readonly informedByAuthority?: boolean;
  readonly awareOfMisuse?: boolean;
  readonly suspectsMisuse?: boolean;
  readonly militaryEndUse?: 'informed' | 'aware' | 'none';
}

/** An application (the outward contract's input), checked field by field. */
export interface Application {
  readonly jurisdiction: string;
  readonly exporter: { readonly name: string; readonly country: string };
  readonly destination: { readonly country: string; readonly region?: string };
  readonly parties: readonly ApplicationParty[];
  readonly items: readonly ApplicationItem[];
  readonly endUse: string;
  readonly redFlags: readonly string[];
  /** Exporter's answers to the due-diligence steps, by step id (`DD-5`): Cordon's extension. */
  readonly dueDiligence: Readonly<Record<string, string>>;
  readonly endUseFacts: EndUseFacts;
  /** Cordon's extension: licences from sanctions authorities the applicant cites. */
  readonly sanctionsLicences: readonly { readonly authority: string; readonly reference: string }[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks an application as received (parsed JSON) and returns it typed, or one validation error
 * naming every offending field at once (`parties[2].role`, `items[0].capabilities[1]`).
 * `jurisdiction` may be left out when the caller names one (`--jurisdiction`).
 */
export function parseApplication(
  raw: unknown,
  context: { readonly redFlagIds: readonly string[]; readonly jurisdiction?: string },
): Result<Application, CordonError> {
  const problems: FieldProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, problem: message });
  if (!isObject(raw)) {
    return err(
      cordonError('CORDON_VALIDATION_FAILED', 'The application must be a JSON object.', [
        { field: '(root)', problem: 'is not an object' },
      ]),
    );
  }
  const str = (v: unknown, field: string, required = true): string | undefined => {
    if (v === undefined && !required) return undefined;
    if (typeof v !== 'string') {
      problem(field, v === undefined ? 'is missing' : 'must be a string');
      return undefined;
    }
    if (required && v.trim() === '') problem(field, 'is empty');
    return v;
  };
  const country = (v: unknown, field: string, required = true): string | undefined => {
    const s = str(v, field, required);
    if (s === undefined) return undefined;
    const c = parseCountryCode(s);
    if (!c.ok) problem(field, c.error);
    return c.ok ? c.value : undefined;
  };
  const bool = (v: unknown, field: string): boolean | undefined => {
    if (v === undefined) return undefined;
    if (typeof v !== 'boolean') problem(field, 'must be true or false');
    return typeof v === 'boolean' ? v : undefined;
  };
  const strings = (v: unknown, field: string): string[] | undefined => {
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) {
      problem(field, 'must be an array of strings');
      return undefined;
    }
    return v.flatMap((x, i) => {
      if (typeof x === 'string') return [x];
      problem(`${field}[${i}]`, 'must be a string');
      return [];
    });
  };

  let jurisdiction = context.jurisdiction ?? raw['jurisdiction'];
  const jurisdictionField = context.jurisdiction !== undefined ? '--jurisdiction' : 'jurisdiction';
  if (typeof jurisdiction !== 'string') {
    problem(jurisdictionField, jurisdiction === undefined ? 'is missing' : 'must be a string');
    jurisdiction = '';
  } else {
    const j = parseJurisdictionCode(jurisdiction);
    if (!j.ok) problem(jurisdictionField, j.error);
    else jurisdiction = j.value;
  }

  const exporterRaw = raw['exporter'];
  let exporter = { name: '', country: '' };
  if (!isObject(exporterRaw))
    problem('exporter', exporterRaw === undefined ? 'is missing' : 'must be an object');
  else
    exporter = {
      name: str(exporterRaw['name'], 'exporter.name') ?? '',
      country: country(exporterRaw['country'], 'exporter.country') ?? '',
    };

  const destRaw = raw['destination'];
  let destination: Application['destination'] = { country: '' };
  if (!isObject(destRaw))
    problem('destination', destRaw === undefined ? 'is missing' : 'must be an object');
  else {
    const region = str(destRaw['region'], 'destination.region', false)?.trim();
    destination = {
      country: country(destRaw['country'], 'destination.country') ?? '',
      ...(region ? { region } : {}),
    };
  }

  const parties: ApplicationParty[] = [];
  const partiesRaw = raw['parties'];
  if (!Array.isArray(partiesRaw))
    problem('parties', partiesRaw === undefined ? 'is missing' : 'must be an array');
  else
    partiesRaw.forEach((p, i) => {
      const at = `parties[${i}]`;
      if (!isObject(p)) {
        problem(at, 'must be an object');
        return;
      }
      const roleRaw = str(p['role'], `${at}.role`);
      const role = partyRoles.find((r) => r === roleRaw);
      if (roleRaw !== undefined && !role)
        problem(`${at}.role`, `"${roleRaw}" is not one of ${partyRoles.join(', ')}`);
      const typeRaw = str(p['type'], `${at}.type`, false);
      const type = partyTypes.find((t) => t === typeRaw);
      if (typeRaw !== undefined && !type)
        problem(`${at}.type`, `"${typeRaw}" is not one of ${partyTypes.join(', ')}`);
      const name = str(p['name'], `${at}.name`);
      const c = country(p['country'], `${at}.country`, false);
      const address = str(p['address'], `${at}.address`, false);
      const stateLinked = bool(p['stateLinked'], `${at}.stateLinked`);
      const clearancesRaw = p['matchClearances'];
      const matchClearances: MatchClearanceInput[] = [];
      if (clearancesRaw !== undefined && !Array.isArray(clearancesRaw))
        problem(`${at}.matchClearances`, 'must be an array');
      else
        (clearancesRaw ?? []).forEach((c: unknown, j: number) => {
          const cat = `${at}.matchClearances[${j}]`;
          if (!isObject(c)) {
            problem(cat, 'must be an object');
            return;
          }
          const source = str(c['source'], `${cat}.source`);
          const entityId = str(c['entityId'], `${cat}.entityId`);
          const clearedBy = str(c['clearedBy'], `${cat}.clearedBy`);
          const reason = str(c['reason'], `${cat}.reason`);
          const date = str(c['date'], `${cat}.date`, false);
          if (source && entityId && clearedBy && reason)
            matchClearances.push({
              source,
              entityId,
              clearedBy,
              reason,
              ...(date !== undefined ? { date } : {}),
            });
        });
      if (role && name !== undefined)
        parties.push({
          role,
          name,
          ...(c ? { country: c } : {}),
          ...(address !== undefined ? { address } : {}),
          ...(type ? { type } : {}),
          ...(stateLinked !== undefined ? { stateLinked } : {}),
          ...(matchClearances.length > 0 ? { matchClearances } : {}),
        });
    });

  const items: ApplicationItem[] = [];
  const itemsRaw = raw['items'];
  if (!Array.isArray(itemsRaw))
    problem('items', itemsRaw === undefined ? 'is missing' : 'must be an array');
  else if (itemsRaw.length === 0) problem('items', 'names no item');
  else
    itemsRaw.forEach((item, i) => {
      const at = `items[${i}]`;
      if (!isObject(item)) {
        problem(at, 'must be an object');
        return;
      }
      const description = str(item['description'], `${at}.description`) ?? '';
      const controlEntries = strings(item['controlEntries'], `${at}.controlEntries`);
      const capabilities = strings(item['capabilities'], `${at}.capabilities`);
      capabilities?.forEach((c, j) => {
        if (!(capabilityTags as readonly string[]).includes(c))
          problem(`${at}.capabilities[${j}]`, `"${c}" is not one of ${capabilityTags.join(', ')}`);
      });
      const quantity = item['quantity'];
      if (quantity !== undefined && (typeof quantity !== 'number' || !(quantity > 0)))
        problem(`${at}.quantity`, 'must be a positive number');
      const value = item['value'];
      let parsedValue: ApplicationItem['value'];
      if (value !== undefined) {
        if (
          !isObject(value) ||
          typeof value['amount'] !== 'number' ||
          typeof value['currency'] !== 'string'
        )
          problem(`${at}.value`, 'must be { amount: number, currency: string }');
        else parsedValue = { amount: value['amount'], currency: value['currency'] };
      }
      const answers = item['answers'];
      if (
        answers !== undefined &&
        (!isObject(answers) || Object.values(answers).some((a) => typeof a !== 'string'))
      )
        problem(`${at}.answers`, 'must map question ids to yes, no or unknown');
      const origin = country(item['origin'], `${at}.origin`, false);
      const usContent = item['usControlledContentPercent'];
      if (
        usContent !== undefined &&
        (typeof usContent !== 'number' || !(usContent >= 0 && usContent <= 100))
      )
        problem(`${at}.usControlledContentPercent`, 'must be a number from 0 to 100');
      const fdp = bool(item['foreignDirectProduct'], `${at}.foreignDirectProduct`);
      items.push({
        ...(origin ? { origin } : {}),
        ...(typeof usContent === 'number' ? { usControlledContentPercent: usContent } : {}),
        ...(fdp !== undefined ? { foreignDirectProduct: fdp } : {}),
        description,
        ...(controlEntries ? { controlEntries } : {}),
        ...(capabilities ? { capabilities } : {}),
        ...(typeof quantity === 'number' ? { quantity } : {}),
        ...(parsedValue ? { value: parsedValue } : {}),
        ...(isObject(answers) ? { answers: answers as Record<string, string> } : {}),
      });
    });

  const endUse = str(raw['endUse'], 'endUse', false) ?? '';
  const redFlags = strings(raw['redFlags'], 'redFlags') ?? [];
  redFlags.forEach((f, i) => {
    if (!context.redFlagIds.includes(f))
      problem(
        `redFlags[${i}]`,
        `"${f}" is not a red flag of the shipped data (${context.redFlagIds.join(', ')})`,
      );
  });
  const ddRaw = raw['dueDiligence'];
  const dueDiligence: Record<string, string> = {};
  if (ddRaw !== undefined) {
    if (!isObject(ddRaw)) problem('dueDiligence', 'must map step ids (DD-1 ...) to answers');
    else
      for (const [k, v] of Object.entries(ddRaw)) {
        if (typeof v !== 'string') problem(`dueDiligence.${k}`, 'must be a string');
        else dueDiligence[k] = v;
      }
  }

  const factsRaw = raw['endUseFacts'];
  let endUseFacts: EndUseFacts = {};
  if (factsRaw !== undefined && !isObject(factsRaw)) problem('endUseFacts', 'must be an object');
  else if (isObject(factsRaw)) {
    const informed = bool(factsRaw['informedByAuthority'], 'endUseFacts.informedByAuthority');
    const aware = bool(factsRaw['awareOfMisuse'], 'endUseFacts.awareOfMisuse');
    const suspects = bool(factsRaw['suspectsMisuse'], 'endUseFacts.suspectsMisuse');
    const military = factsRaw['militaryEndUse'];
    if (
      military !== undefined &&
      military !== 'informed' &&
      military !== 'aware' &&
      military !== 'none'
    )
      problem('endUseFacts.militaryEndUse', 'must be informed, aware or none');
    endUseFacts = {
      ...(informed !== undefined ? { informedByAuthority: informed } : {}),
      ...(aware !== undefined ? { awareOfMisuse: aware } : {}),
      ...(suspects !== undefined ? { suspectsMisuse: suspects } : {}),
      ...(military === 'informed' || military === 'aware' || military === 'none'
        ? { militaryEndUse: military }
        : {}),
    };
  }
  const licencesRaw = raw['sanctionsLicences'];
  const sanctionsLicences: { authority: string; reference: string }[] = [];
  if (licencesRaw !== undefined && !Array.isArray(licencesRaw))
    problem('sanctionsLicences', 'must be an array');
  else
    (licencesRaw ?? []).forEach((l: unknown, i: number) => {
      if (!isObject(l)) {
        problem(`sanctionsLicences[${i}]`, 'must be an object');
        return;
      }
      const authority = str(l['authority'], `sanctionsLicences[${i}].authority`);
      const reference = str(l['reference'], `sanctionsLicences[${i}].reference`);
      if (authority && reference) sanctionsLicences.push({ authority, reference });
    });

  if (problems.length > 0)
    return err(
      cordonError(
        'CORDON_VALIDATION_FAILED',
        'The application cannot be assessed as given.',
        problems,
      ),
    );
  return ok({
    jurisdiction: jurisdiction as string,
    exporter,
    destination,
    parties,
    items,
    endUse,
    redFlags,
    dueDiligence,
    endUseFacts,
    sanctionsLicences,
  });
}
