import type { ScreeningService } from '../../../../application/screening/screening-service.ts';
import type { CslSearchQuery, CslSearchResponse } from '../../../../contracts/screening.ts';
import type { ListedParty } from '../../../../domain/lists/listed-party.ts';
import { primaryName } from '../../../../domain/lists/listed-party.ts';
import type { ScreeningMatch } from '../../../../domain/screening/screen-name.ts';
import { cordonError, type CordonError } from '../../../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../../../domain/shared/result.ts';
import { subListTag } from '../../../lists/parse-consolidated-screening-list.ts';

type CslResult = CslSearchResponse['results'][number];

// The CSL's names of the lists Cordon imports from their own publishers.
const sourceNames: Readonly<Record<string, string>> = {
  'us-ofac-sdn': 'Specially Designated Nationals (SDN) - Treasury Department',
  'us-bis-entity-list': 'Entity List (EL) - Bureau of Industry and Security',
  'us-bis-dpl': 'Denied Persons List (DPL) - Bureau of Industry and Security',
};

// OFAC's non-SDN lists, told apart by programme, as the CSL names them.
const nonSdnLists: readonly (readonly [RegExp, string])[] = [
  [
    /CMIC/i,
    'Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department',
  ],
  [/FSE/i, 'Foreign Sanctions Evaders (FSE) - Treasury Department'],
  [/EO13662|SSI/i, 'Sectoral Sanctions Identifications List (SSI) - Treasury Department'],
  [/PLC/i, 'Palestinian Legislative Council List (PLC) - Treasury Department'],
  [
    /CAPTA|CAP\b/i,
    'Correspondent Account or Payable-Through Account Sanctions (CAPTA) - Treasury Department',
  ],
  [/MBS/i, 'Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department'],
];

/** The CSL's name of the list a record comes from ("Entity List (EL) - Bureau of Industry and Security"). */
export function cslSourceName(party: ListedParty): string {
  if (party.source === 'us-csl' && party.subList !== undefined) return party.subList;
  const known = sourceNames[party.source];
  if (known !== undefined) return known;
  if (party.source === 'us-ofac-nonsdn') {
    const programmes = party.programmes.join(' ');
    return (
      nonSdnLists.find(([pattern]) => pattern.test(programmes))?.[1] ??
      'Non-SDN Consolidated Sanctions List - Treasury Department'
    );
  }
  return party.subList ?? party.source;
}

const kinds: Readonly<Record<ListedParty['kind'], string | null>> = {
  person: 'Individual',
  organisation: 'Entity',
  vessel: 'Vessel',
  aircraft: 'Aircraft',
  unknown: null,
};

const orNull = (value: string | undefined): string | null =>
  value === undefined || value === '' ? null : value;

/** One record in the CSL API's result shape, with Cordon's score, band and explanation. */
function cslResult(party: ListedParty, match: ScreeningMatch): CslResult {
  const primary = primaryName(party);
  const dateOf = (type: ListedParty['dates'][number]['type']) =>
    party.dates.find((d) => d.type === type)?.value ?? null;
  const ofacNumber =
    party.source.startsWith('us-ofac') ||
    (party.source === 'us-csl' && /^\d+$/.test(party.entityNumber));
  return {
    id: party.source === 'us-csl' ? party.entityNumber : party.entityId,
    source: cslSourceName(party),
    entity_number: ofacNumber ? party.entityNumber : null,
    type: kinds[party.kind],
    programs: [...party.programmes],
    name: primary,
    title: party.positions && party.positions.length > 0 ? party.positions.join('; ') : null,
    addresses: party.addresses.map((a) => ({
      address: orNull(a.text),
      city: orNull(a.city),
      state: orNull(a.region),
      postal_code: orNull(a.postalCode),
      country: orNull(a.country),
    })),
    federal_register_notice: party.citations.length > 0 ? party.citations.join('; ') : null,
    start_date: dateOf('start') ?? dateOf('listed'),
    end_date: dateOf('end'),
    standard_order: null,
    license_requirement: orNull(party.licenceRequirement),
    license_policy: orNull(party.licenceReviewPolicy),
    call_sign: orNull(party.vessel?.callSign),
    vessel_type: orNull(party.vessel?.vesselType),
    gross_tonnage: orNull(party.vessel?.tonnage),
    gross_registered_tonnage: orNull(party.vessel?.grossRegisteredTonnage),
    vessel_flag: orNull(party.vessel?.flag),
    vessel_owner: orNull(party.vessel?.owner),
    remarks: orNull(party.remarks),
    source_list_url: orNull(party.sourceUrl),
    source_information_url: null,
    alt_names: party.names.map((n) => n.value).filter((value) => value !== primary),
    citizenships: [],
    dates_of_birth: party.dates.filter((d) => d.type === 'birth').map((d) => d.value),
    nationalities: [...(party.nationalities ?? [])],
    places_of_birth: [...(party.placesOfBirth ?? [])],
    ids: party.identifiers.map((i) => ({
      type: i.type,
      number: i.value,
      country: orNull(i.country),
    })),
    score: Math.round(match.score * 100),
    matched_name: match.matchedName,
    band: match.band,
    explanation: match.explanation.summary,
  };
}

const splitList = (raw: string | undefined): string[] =>
  (raw ?? '')
    .split(',')
    .map((part) => part.trim().toUpperCase())
    .filter((part) => part !== '');

/** Every query word matched a listed word exactly: what `fuzzy_name=false` asks for. */
const everyWordExact = (match: ScreeningMatch): boolean =>
  match.explanation.alignment.every((line) => line.query === null || line.kind === 'exact');

/**
 * Answers a CSL-style search: screens the name (floor 0.70 with `fuzzy_name`, else any score
 * with every word exact), keeps the records of the requested sources and countries (a listing
 * repeated in several sources is shown from the first one requested), and pages the results.
 */
export async function cslSearch(
  screening: ScreeningService,
  query: CslSearchQuery,
  now: Date,
): Promise<Result<CslSearchResponse, CordonError>> {
  const sources = splitList(query.sources);
  const countries = splitList(query.countries);
  const badCountry = countries.find((c) => !/^[A-Z]{2}$/.test(c));
  if (badCountry !== undefined) {
    return err(
      cordonError('CORDON_VALIDATION_FAILED', 'Invalid query string.', [
        { field: 'querystring.countries', problem: `"${badCountry}" is not an ISO alpha-2 code` },
      ]),
    );
  }
  const fuzzy = query.fuzzy_name === true;
  const found = await screening.search(
    { name: query.name },
    { limit: 100, review: fuzzy ? 0.7 : 0.5 },
  );
  if (!found.ok) return found;
  const results: CslResult[] = [];
  const seen = new Set<string>();
  for (const match of found.value.matches) {
    if (!fuzzy && !everyWordExact(match)) continue;
    const records = [match.entityId, ...match.alsoListed.map((a) => a.entityId)]
      .map((id) => found.value.party(id))
      .filter((party): party is ListedParty => party !== undefined);
    const party = records.find(
      (p) => sources.length === 0 || sources.includes(subListTag(cslSourceName(p)).toUpperCase()),
    );
    if (!party || seen.has(party.entityId)) continue;
    if (countries.length > 0 && !party.countries.some((c) => countries.includes(c))) continue;
    seen.add(party.entityId);
    results.push(cslResult(party, match));
  }
  const offset = query.offset ?? 0;
  const size = query.size ?? 10;
  return ok({
    total: results.length,
    search_performed_at: now.toISOString(),
    sources_used: found.value.snapshot.map((id) => {
      const [source = id, rest = ''] = id.split('@');
      return {
        source,
        source_last_updated: /^\d{4}-\d{2}-\d{2}/.exec(rest)?.[0] ?? null,
        last_imported: null,
        snapshot: id,
      };
    }),
    results: results.slice(offset, offset + size),
  });
}
