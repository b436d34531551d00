import type { ApplicationBody } from '../../src/contracts/assessment.ts';
import type { PartyRole, PartyType } from '../../src/contracts/enumerations.ts';

type ApplicationParty = ApplicationBody['parties'][number];

// The enumerations are the domain's, through the contract: defined once.
export { capabilityTags, partyRoles, partyTypes } from '../../src/contracts/enumerations.ts';

export interface PartyDraft {
  role: PartyRole;
  name: string;
  country: string;
  address: string;
  type: '' | PartyType;
}

/** An answer to a classification question: `unknown` is "I do not know". */
export type FactAnswer = 'yes' | 'no' | 'unknown';

export interface ItemDraft {
  description: string;
  controlEntries: string;
  capabilities: string[];
  quantity: string;
  amount: string;
  currency: string;
  /** Answers to the classification questions, by fact id (`items[i].answers` of the API). */
  answers: Record<string, FactAnswer>;
}

/** What the exporter knows of the end use (`endUseFacts`), asked when a catch-all turns on it. */
export interface EndUseFactsDraft {
  informedByAuthority?: boolean;
  awareOfMisuse?: boolean;
  suspectsMisuse?: boolean;
  militaryEndUse?: 'informed' | 'aware' | 'none';
}

/** The form as typed: strings everywhere, turned into an application by `toApplication`. */
export interface ApplicationDraft {
  jurisdiction: string;
  exporterName: string;
  exporterCountry: string;
  destinationCountry: string;
  destinationRegion: string;
  parties: PartyDraft[];
  items: ItemDraft[];
  endUse: string;
  /** The ids of the red flags chosen from the pick list. */
  redFlags: string[];
  endUseFacts: EndUseFactsDraft;
  dueDiligence: Record<string, string>;
}

export const emptyParty = (role: PartyRole = 'end-user'): PartyDraft => ({
  role,
  name: '',
  country: '',
  address: '',
  type: '',
});

export const emptyItem = (): ItemDraft => ({
  description: '',
  controlEntries: '',
  capabilities: [],
  quantity: '',
  amount: '',
  currency: '',
  answers: {},
});

export const emptyDraft = (): ApplicationDraft => ({
  jurisdiction: '',
  exporterName: '',
  exporterCountry: '',
  destinationCountry: '',
  destinationRegion: '',
  parties: [emptyParty('end-user')],
  items: [emptyItem()],
  endUse: '',
  redFlags: [],
  endUseFacts: {},
  dueDiligence: {},
});

/** One problem with one field of the form; `id` is the input's element id (for the error summary's link). */
export interface FormProblem {
  readonly id: string;
  readonly label: string;
  readonly problem: string;
}

const country = /^[A-Za-z]{2}$/;
const list = (text: string): string[] =>
  text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Checks the whole form at once and names every problem (not only the first). */
export function validateDraft(d: ApplicationDraft): FormProblem[] {
  const problems: FormProblem[] = [];
  const add = (id: string, label: string, problem: string) => problems.push({ id, label, problem });
  if (!/^([A-Za-z]{2}|EU)$/i.test(d.jurisdiction.trim()))
    add('app-jurisdiction', 'Licensing jurisdiction', 'enter a two-letter country code or EU');
  if (!d.exporterName.trim()) add('app-exporter-name', 'Exporter name', 'is required');
  if (!country.test(d.exporterCountry.trim()))
    add('app-exporter-country', 'Exporter country', 'enter a two-letter country code');
  if (!country.test(d.destinationCountry.trim()))
    add('app-destination-country', 'Destination country', 'enter a two-letter country code');
  if (!d.parties.some((p) => p.role === 'end-user'))
    add('add-party', 'Parties', 'name at least one end user');
  d.parties.forEach((p, i) => {
    if (!p.name.trim()) add(`party-${i}-name`, `Party ${i + 1} name`, 'is required');
    if (p.country.trim() && !country.test(p.country.trim()))
      add(`party-${i}-country`, `Party ${i + 1} country`, 'enter a two-letter country code');
  });
  if (d.items.length === 0) add('add-item', 'Items', 'add at least one item');
  d.items.forEach((item, i) => {
    if (!item.description.trim())
      add(`item-${i}-description`, `Item ${i + 1} description`, 'is required');
    if (item.quantity.trim() && !(Number(item.quantity) > 0))
      add(`item-${i}-quantity`, `Item ${i + 1} quantity`, 'must be a positive number');
    if (item.amount.trim() && !(Number(item.amount) >= 0))
      add(`item-${i}-amount`, `Item ${i + 1} value`, 'must be a number');
    if (item.amount.trim() && !/^[A-Za-z]{3}$/.test(item.currency.trim()))
      add(`item-${i}-currency`, `Item ${i + 1} currency`, 'enter a three-letter currency code');
  });
  if (!d.endUse.trim()) add('app-end-use', 'End use', 'describe the end use');
  return problems;
}

/** The application the API takes, from a valid draft. */
export function toApplication(d: ApplicationDraft): ApplicationBody {
  const dueDiligence = Object.fromEntries(
    Object.entries(d.dueDiligence).filter(([, v]) => v.trim() !== ''),
  );
  return {
    jurisdiction: d.jurisdiction.trim().toUpperCase(),
    exporter: { name: d.exporterName.trim(), country: d.exporterCountry.trim().toUpperCase() },
    destination: {
      country: d.destinationCountry.trim().toUpperCase(),
      ...(d.destinationRegion.trim() ? { region: d.destinationRegion.trim() } : {}),
    },
    parties: d.parties.map((p): ApplicationParty => ({
      role: p.role,
      name: p.name.trim(),
      ...(p.country.trim() ? { country: p.country.trim().toUpperCase() } : {}),
      ...(p.address.trim() ? { address: p.address.trim() } : {}),
      ...(p.type ? { type: p.type } : {}),
    })),
    items: d.items.map((item) => {
      const controlEntries = list(item.controlEntries);
      return {
        description: item.description.trim(),
        ...(controlEntries.length > 0 ? { controlEntries } : {}),
        ...(item.capabilities.length > 0 ? { capabilities: [...item.capabilities] } : {}),
        ...(Object.keys(item.answers).length > 0 ? { answers: { ...item.answers } } : {}),
        ...(item.quantity.trim() ? { quantity: Number(item.quantity) } : {}),
        ...(item.amount.trim()
          ? { value: { amount: Number(item.amount), currency: item.currency.trim().toUpperCase() } }
          : {}),
      };
    }),
    endUse: d.endUse.trim(),
    ...(d.redFlags.length > 0 ? { redFlags: [...d.redFlags] } : {}),
    ...(Object.keys(d.endUseFacts).length > 0 ? { endUseFacts: { ...d.endUseFacts } } : {}),
    ...(Object.keys(dueDiligence).length > 0 ? { dueDiligence } : {}),
  };
}
