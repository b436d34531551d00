/**
 * How Cordon reads each shipped control entry: which facts (questions) decide each criterion,
 * which exclusions the notes create, and where in the stored EU Annex I text each criterion's
 * verbatim wording sits. The wording itself is never copied here: an anchor points into the
 * shipped EU extracts, and the catalogue refuses to build when an anchor does not resolve, so a
 * text is shown as verbatim only when it was cut from the stored official copy.
 */

/** A place in an EU Annex I text of the shipped extracts. */
export interface EuAnchor {
  /** The Annex I key (`5A001.j`, `cat5_part2_note3_cryptography_note_a`); the entry's own by default. */
  readonly entry?: string;
  readonly part: 'text' | 'item' | 'note';
  /** For `item`: the item key (`1`, `a`). */
  readonly item?: string;
  /** For `note`: the note key as in the file (`note`, `notes`, `notes_b`, `technical_notes`, `nb`). */
  readonly note?: string;
  readonly index?: number;
  /** An enumerated sub-item (`a`, `1`) or the `chapeau` before the enumeration. */
  readonly sub?: string;
  /** Keep only the text before this marker (e.g. ` Note:`). */
  readonly before?: string;
  /** Keep only the text after this marker (e.g. `Technical Note: `). */
  readonly after?: string;
}

/** Facts of one criterion (leaf) and where its EU text is. */
export interface CriterionKnowledge {
  readonly facts: readonly string[];
  readonly mode?: 'all' | 'any';
  readonly eu?: EuAnchor;
  /** For EU texts outside Annex I: the id of a legal text (`eu-2021/821:art-2(20)`). */
  readonly legalText?: string;
}

/** A condition stated in a group's chapeau, turned into a leaf of its own. */
export interface ConditionKnowledge extends CriterionKnowledge {
  readonly id: string;
}

export interface ExclusionKnowledge {
  readonly id: string;
  readonly appliesTo?: readonly string[];
  readonly facts: readonly string[];
  /** The index of the exclusion in the compiled seed entry whose text to show outside the EU. */
  readonly seedIndex?: number;
  readonly eu?: EuAnchor;
}

export interface EntryKnowledge {
  /** The EU text to use as the EU entry's title (its chapeau). */
  readonly euTitle?: EuAnchor;
  /** For an entry without a criteria tree in the data: its single criterion. */
  readonly single?: { readonly id: string } & CriterionKnowledge;
  /** Facts per criterion id of the compiled tree. */
  readonly criteria?: Readonly<Record<string, CriterionKnowledge>>;
  /** EU texts of group nodes (chapeaux that are no condition of their own). */
  readonly groupTexts?: Readonly<Record<string, EuAnchor>>;
  /**
   * Conditions hidden in a group's chapeau (`j.1`: "on a carrier class IP network"); the root
   * group is named after the entry id.
   */
  readonly conditions?: Readonly<Record<string, ConditionKnowledge>>;
  readonly exclusions?: readonly ExclusionKnowledge[];
  /** EU notes shown with the entry (N.B.s, technical notes, notes that are no exclusion). */
  readonly euNotes?: readonly EuAnchor[];
}

export const entryKnowledge: Readonly<Record<string, EntryKnowledge>> = {
  '5A001.f': {
    euTitle: { part: 'text' },
    criteria: {
      'f.1': { facts: ['air-interface-voice-data-interception'], eu: { part: 'item', item: '1' } },
      'f.2': { facts: ['air-interface-identifier-extraction'], eu: { part: 'item', item: '2' } },
      'f.3': { facts: ['selective-mobile-jamming'], eu: { part: 'item', item: '3' } },
      'f.4': { facts: ['detects-mobile-interception-equipment'], eu: { part: 'item', item: '4' } },
    },
    exclusions: [
      {
        id: 'note',
        appliesTo: ['f.1', 'f.2'],
        facts: [
          'analogue-pmr-or-wlan-only',
          'designed-for-mobile-network-operators',
          'designed-for-mobile-equipment-development',
        ],
        seedIndex: 0,
        eu: { part: 'note', note: 'note' },
      },
    ],
    euNotes: [
      { part: 'note', note: 'nb', index: 0 },
      { part: 'note', note: 'nb', index: 1 },
    ],
  },
  '5A001.j': {
    euTitle: { part: 'text' },
    conditions: {
      'j.1': {
        id: 'j.1.network',
        facts: ['carrier-class-ip-network'],
        eu: { part: 'item', item: '1', sub: 'chapeau' },
      },
    },
    groupTexts: { 'j.2': { part: 'item', item: '2', sub: 'chapeau' } },
    criteria: {
      'j.1.a': { facts: ['application-layer-analysis'], eu: { part: 'item', item: '1', sub: 'a' } },
      'j.1.b': {
        facts: ['extracts-metadata-and-content'],
        eu: { part: 'item', item: '1', sub: 'b' },
      },
      'j.1.c': { facts: ['indexes-extracted-data'], eu: { part: 'item', item: '1', sub: 'c' } },
      'j.2.a': { facts: ['hard-selector-search'], eu: { part: 'item', item: '2', sub: 'a' } },
      'j.2.b': { facts: ['relationship-mapping'], eu: { part: 'item', item: '2', sub: 'b' } },
    },
    exclusions: [
      {
        id: 'note',
        facts: ['designed-for-marketing-qos-qoe'],
        seedIndex: 0,
        eu: { part: 'note', note: 'note' },
      },
    ],
  },
  '5D001.e': {
    euTitle: { part: 'text' },
    conditions: {
      '5D001.e': {
        id: 'e.0',
        facts: ['law-enforcement-monitoring-software'],
        eu: { part: 'text' },
      },
    },
    criteria: {
      'e.1': {
        facts: ['hard-selector-search', 'handover-interface-data'],
        mode: 'all',
        eu: { part: 'item', item: '1' },
      },
      'e.2': {
        facts: ['relationship-mapping', 'movement-tracking'],
        mode: 'any',
        eu: { part: 'item', item: '2' },
      },
    },
    exclusions: [
      {
        id: 'note',
        facts: ['designed-for-billing-qos-qoe-mediation-payment'],
        seedIndex: 0,
        eu: { part: 'note', note: 'note' },
      },
    ],
    euNotes: [
      { part: 'note', note: 'technical_notes', index: 0 },
      { part: 'note', note: 'technical_notes', index: 1 },
    ],
  },
  '4A005': {
    euTitle: { part: 'text' },
    single: { id: '4A005', facts: ['intrusion-software-tooling'], eu: { part: 'text' } },
  },
  '4D004': {
    euTitle: { part: 'text' },
    single: { id: '4D004', facts: ['intrusion-software-tooling'], eu: { part: 'text' } },
    exclusions: [
      {
        id: 'note',
        facts: ['authorised-update-only'],
        seedIndex: 0,
        eu: { part: 'note', note: 'note' },
      },
    ],
  },
  '4E001.c': {
    euTitle: { part: 'text' },
    single: {
      id: '4E001.c',
      facts: ['intrusion-software-development-technology'],
      eu: { part: 'text' },
    },
    exclusions: [
      {
        id: 'note-1',
        facts: ['vulnerability-disclosure-or-incident-response'],
        seedIndex: 0,
        eu: { part: 'note', note: 'notes', index: 0 },
      },
    ],
    euNotes: [{ part: 'note', note: 'notes', index: 1 }],
  },
  '5A002': {
    single: { id: '5A002', facts: ['cryptography-for-confidentiality'] },
    exclusions: [
      {
        id: 'cryptography-note',
        facts: ['mass-market-cryptography'],
        seedIndex: 0,
        eu: { entry: 'cat5_part2_note3_cryptography_note_a', part: 'text' },
      },
    ],
  },
  '5A004': {
    euTitle: { part: 'text' },
    criteria: {
      a: {
        facts: ['cryptanalytic-functions'],
        eu: { part: 'item', item: 'a', before: ' Note:' },
      },
      b: {
        facts: ['extracts-raw-data', 'circumvents-device-authentication'],
        mode: 'all',
        eu: { part: 'item', item: 'b' },
      },
    },
    exclusions: [
      {
        id: 'note-1',
        appliesTo: ['b'],
        facts: ['device-development-production'],
        seedIndex: 0,
        eu: { part: 'note', note: 'notes_b', index: 0 },
      },
      {
        id: 'note-2',
        appliesTo: ['b'],
        facts: [
          'debugger-or-hypervisor',
          'logical-extraction-only',
          'chip-off-or-jtag',
          'jailbreak-rooting-only',
        ],
        seedIndex: 0,
        eu: { part: 'note', note: 'notes_b', index: 1 },
      },
    ],
    euNotes: [{ part: 'note', note: 'technical_note_b' }],
  },
  '6A003.b.4': {
    single: { id: 'b.4', facts: ['thermal-imaging-fpa'] },
    exclusions: [{ id: 'note-3', facts: ['camera-excluded-by-note-3'], seedIndex: 0 }],
  },
  '5A980': { single: { id: '5A980', facts: ['surreptitious-interception-device'] } },
  'US-PROPOSED-FACIAL-RECOGNITION': {
    single: { id: 'scope', facts: ['facial-recognition-mass-surveillance'] },
  },
  'EU-ART5-NONLISTED': {
    single: {
      id: 'art-2(20)',
      facts: ['covert-surveillance-of-persons'],
      legalText: 'eu-2021/821:art-2(20)',
    },
  },
};

/**
 * Definitions with their verbatim EU wording where the shipped extracts hold one outside the
 * Annex I definitions (technical notes inside entries).
 */
export const definitionAnchors: Readonly<Record<string, EuAnchor>> = {
  'handover interface': { entry: '5D001.e', part: 'note', note: 'technical_notes', index: 0 },
  'extract raw data': { entry: '5A004', part: 'note', note: 'technical_note_b' },
  'cryptanalytic functions': {
    entry: '5A004',
    part: 'item',
    item: 'a',
    after: 'Technical Note: ',
  },
};

/**
 * Description words that point at US crime-control ECCNs (members of the `US-CC-BIOMETRIC` group):
 * their generated questions get these suggestions.
 */
export const usCrimeControlSuggestions: Readonly<Record<string, readonly RegExp[]>> = {
  '3A980': [/voice[- ]?print/i, /speaker (identification|recognition)/i],
  '3A981': [/fingerprint/i, /polygraph/i, /\bafis\b/i],
  '4A980': [/fingerprint/i],
  '0A982': [/handcuff/i, /shackle/i, /restraint/i, /leg irons/i],
  '0A983': [/torture/i, /thumbscrew/i],
  '0A503': [/stun (gun|baton)/i, /shock baton/i],
  '1A984': [/tear gas/i, /\bcs gas\b/i],
  '0A979': [/police helmet/i, /riot shield/i],
  '0A977 / 0D977 / 0E977': [/water cannon/i],
};
