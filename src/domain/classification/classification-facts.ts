import type { InterceptionFunctionId } from '../policy/destination-measures.ts';

/**
 * The questions the classification assistant asks. A fact is one technical property of an item
 * ("extracts IMSI over the air interface"); criteria of several entries may share a fact, so an
 * exporter answers each question once. The questions are Cordon's own wording, never legal text:
 * the criterion texts they decide are shown beside them with their status.
 */
export interface Fact {
  readonly id: string;
  readonly question: string;
  /**
   * Phrases in a free description that suggest the answer is yes. A suggestion is evidence to
   * confirm, never an answer: the candidate it supports stays "likely" until answered.
   */
  readonly suggestedBy: readonly RegExp[];
}

/** An answer to a fact's question. `unknown` is a valid answer: it keeps the question open. */
export type Answer = 'yes' | 'no' | 'unknown';

const f = (id: string, question: string, suggestedBy: readonly RegExp[] = []): Fact => ({
  id,
  question,
  suggestedBy,
});

/** Every built-in fact. Entries without a mapped fact get a generated one (see the catalogue). */
export const builtInFacts: readonly Fact[] = [
  // 5A001.j: IP network communications surveillance
  f(
    'carrier-class-ip-network',
    'Is it designed to work on a carrier-class IP network (e.g. a national-grade IP backbone), rather than an enterprise or campus network?',
    [
      /carrier[- ]?(class|grade)/i,
      /national[- ]grade/i,
      /\b(ip|internet|national) backbone/i,
      /tier[- ]?1 (operator|carrier)/i,
    ],
  ),
  f(
    'application-layer-analysis',
    'Does it analyse traffic at the application layer (OSI layer 7), e.g. by decoding web, e-mail, VoIP or messaging protocols?',
    [
      /layer[- ]?7/i,
      /\bl7\b/i,
      /application[- ]layer/i,
      /deep[- ]packet[- ]inspection/i,
      /\bdpi\b/i,
    ],
  ),
  f(
    'extracts-metadata-and-content',
    'Does it extract selected metadata and application content (voice, video, messages, attachments) from the traffic?',
    [
      /content (extraction|capture|reconstruction)/i,
      /extract\w*\s+(of\s+)?(selected\s+)?(metadata\s+and\s+)?(application\s+)?content/i,
      /metadata and (application )?content/i,
      /attachments/i,
    ],
  ),
  f('indexes-extracted-data', 'Does it index the extracted data for retrieval?', [
    /\bindex(ing|es|ed)?\b/i,
  ]),
  f(
    'hard-selector-search',
    "Is it specially designed to search on 'hard selectors': data about an individual such as a name, e-mail address, phone number, street address or group affiliation?",
    [
      /hard[- ]selector/i,
      /search\w*\s+(by|on|for)\s+(e-?mail|phone|telephone|name|address|msisdn|imsi|identifier)/i,
      /target(ed)?[- ](list|identifier|selector)/i,
    ],
  ),
  f(
    'relationship-mapping',
    'Is it specially designed to map the relational network of an individual or of a group of people (who communicates with whom)?',
    [
      /relationship (graph|map|analysis)/i,
      /relational network/i,
      /social (graph|network analysis)/i,
      /link analysis/i,
      /contact (graph|network|chain)/i,
    ],
  ),
  f(
    'designed-for-marketing-qos-qoe',
    'Is it specially designed for marketing purposes, network Quality of Service (QoS) or Quality of Experience (QoE)?',
    [/marketing/i, /advertis/i, /quality of (service|experience)/i, /\bqo[se]\b/i],
  ),
  // 5D001.e: law-enforcement monitoring software
  f(
    'law-enforcement-monitoring-software',
    'Is it software specially designed or modified for monitoring or analysis by law enforcement?',
    [/law[- ]enforcement/i, /lawful[- ]interception/i, /monitoring cent(re|er)/i, /\blemf\b/i],
  ),
  f(
    'handover-interface-data',
    "Does it work on content or metadata acquired from a communications service provider through a 'handover interface' (e.g. ETSI TS 101 671, ETSI TS 101 331, 3GPP TS 33.108)?",
    [/handover interface/i, /\bhi[23]\b/i, /etsi ts 101/i, /33\.108/i],
  ),
  f(
    'movement-tracking',
    'Does it track the movement of targeted individuals based on the results of searches on communications content or metadata?',
    [/track\w* (the )?movement/i, /movement (tracking|profile)/i, /location history/i],
  ),
  f(
    'designed-for-billing-qos-qoe-mediation-payment',
    'Is the software specially designed for billing, network QoS, QoE, mediation devices, or mobile payment or banking?',
    [
      /billing/i,
      /quality of (service|experience)/i,
      /\bqo[se]\b/i,
      /mediation device/i,
      /mobile (payment|banking)/i,
    ],
  ),
  // 5A001.f: mobile interception, jamming and monitoring
  f(
    'air-interface-voice-data-interception',
    'Does it intercept voice or data transmitted over the mobile air interface (between handsets and base stations)?',
    [
      /air[- ]interface/i,
      /off[- ]the[- ]air interception/i,
      /over[- ]the[- ]air interception/i,
      /(gsm|umts|lte|5g) interception/i,
    ],
  ),
  f(
    'air-interface-identifier-extraction',
    'Does it extract subscriber or device identifiers (IMSI, TMSI, IMEI), signalling or other metadata transmitted over the mobile air interface?',
    [
      /\bimsi\b/i,
      /\bimei\b/i,
      /\btmsi\b/i,
      /cell[- ]site simulator/i,
      /stingray/i,
      /fake base station/i,
    ],
  ),
  f(
    'selective-mobile-jamming',
    'Is it jamming equipment specially designed to selectively interfere with, deny, degrade or seduce mobile telecommunication services (e.g. by simulating radio access network equipment or exploiting the mobile protocol)?',
    [/jamm(er|ing)/i],
  ),
  f(
    'detects-mobile-interception-equipment',
    'Is it RF monitoring equipment designed to identify the operation of mobile interception equipment (IMSI catchers) or mobile jammers?',
    [
      /(imsi[- ]catcher|cell[- ]site simulator|fake base station|jammer) detect/i,
      /detect\w* (imsi[- ]catchers|fake base stations|cell[- ]site simulators|jammers)/i,
    ],
  ),
  f(
    'analogue-pmr-or-wlan-only',
    'Is it specially designed only for intercepting analogue Private Mobile Radio (PMR) or IEEE 802.11 WLAN?',
    [/analogue pmr/i, /private mobile radio/i, /\bwlan\b/i, /wi-?fi/i, /802\.11/i],
  ),
  f(
    'designed-for-mobile-network-operators',
    'Is it designed for mobile telecommunications network operators (e.g. for network testing or optimisation)?',
    [/for (mobile )?(network )?operators/i, /drive[- ]test/i, /network optimi[sz]ation/i],
  ),
  f(
    'designed-for-mobile-equipment-development',
    'Is it designed for the development or production of mobile telecommunications equipment or systems?',
    [
      /(development|production|conformance) (and test(ing)? )?of (mobile|base station|handset)/i,
      /protocol tester/i,
    ],
  ),
  // 4A005 / 4D004 / 4E001.c: intrusion software
  f(
    'intrusion-software-tooling',
    "Is it specially designed or modified for the generation, command and control, or delivery of 'intrusion software' (software that avoids monitoring tools or defeats protective countermeasures such as DEP, ASLR or sandboxing, in order to extract data or run externally provided instructions)?",
    [
      /exploit/i,
      /zero[- ]click/i,
      /spyware/i,
      /\bimplant/i,
      /command[- ](and|&)[- ]control/i,
      /\bc2\b/i,
      /remote infection/i,
      /payload delivery/i,
      /\btrojan/i,
    ],
  ),
  f(
    'authorised-update-only',
    "Is the software specially designed and limited to provide software updates or upgrades that run only with the authorisation of the system's owner or administrator, and leave no 4D004 software or 'intrusion software' behind?",
    [/software update/i, /patch management/i, /firmware update/i, /\bota update/i],
  ),
  f(
    'intrusion-software-development-technology',
    "Is it technology (know-how, documentation, training) for the development of 'intrusion software'?",
    [/exploit development/i, /exploit[- ]writing/i, /(training|course|know-how) .*exploit/i],
  ),
  f(
    'vulnerability-disclosure-or-incident-response',
    "Is it limited to 'vulnerability disclosure' or 'cyber incident response'?",
    [/vulnerability disclosure/i, /incident response/i, /bug bounty/i],
  ),
  // 5A004: defeating information security
  f(
    'cryptanalytic-functions',
    'Is it designed or modified to perform cryptanalytic functions: defeating cryptographic mechanisms to derive passwords, keys or clear text (including by reverse engineering)?',
    [
      /cryptanaly/i,
      /password (crack|recovery)/i,
      /key recovery/i,
      /brute[- ]forc\w* (encryption|keys?|passwords?)/i,
    ],
  ),
  f(
    'extracts-raw-data',
    "Does it 'extract raw data' from a computing or communications device: binary data read from RAM, flash or disk without interpretation by the device's operating system or file system?",
    [
      /physical (extraction|acquisition|image)/i,
      /raw data/i,
      /memory dump/i,
      /bit[- ]for[- ]bit/i,
      /full (file system|filesystem) extraction/i,
    ],
  ),
  f(
    'circumvents-device-authentication',
    "Does it circumvent the device's authentication or authorisation controls (lock screen, passcode, PIN) in order to extract that data?",
    [
      /bypass\w*\s+(the\s+)?(lock|passcode|pin|screen[- ]?lock|authentication|encryption)/i,
      /unlock\w*/i,
      /passcode (crack|brute)/i,
      /lock[- ]screen bypass/i,
    ],
  ),
  f(
    'device-development-production',
    'Is it specially designed for the development or production of a computing or communications device?',
  ),
  f('debugger-or-hypervisor', 'Is it a debugger or a hypervisor?', [/debugger/i, /hypervisor/i]),
  f(
    'logical-extraction-only',
    'Is it limited to logical data extraction (data read through the operating system, e.g. backups)?',
    [/logical (extraction|acquisition) only/i, /limited to logical/i],
  ),
  f('chip-off-or-jtag', 'Does it extract data by chip-off or JTAG?', [/chip[- ]off/i, /\bjtag\b/i]),
  f('jailbreak-rooting-only', 'Is it specially designed and limited to jail-breaking or rooting?', [
    /jail[- ]?break/i,
    /\brooting\b/i,
  ]),
  // 5A002: cryptography
  f(
    'cryptography-for-confidentiality',
    "Does it use cryptography for data confidentiality with a 'described security algorithm' (e.g. a symmetric key longer than 56 bits), with information security as a primary function or in a computing, communications or networking item?",
    [/encrypt/i, /\baes\b/i, /\bvpn\b/i, /cryptograph/i],
  ),
  f(
    'mass-market-cryptography',
    'Is it sold to the public from stock at retail without restriction, with cryptography the user cannot easily change, installable by the user without substantial supplier support (the Cryptography Note)?',
    [/mass[- ]market/i, /retail/i, /consumer/i],
  ),
  // 6A003.b.4: thermal cameras
  f(
    'thermal-imaging-fpa',
    "Is it an imaging camera incorporating an infrared 'focal plane array' (a thermal camera)?",
    [/thermal (imag|camera)/i, /infra-?red camera/i, /focal plane array/i, /microbolometer/i],
  ),
  f(
    'camera-excluded-by-note-3',
    'Does the camera meet Note 3 to 6A003.b.4.b (e.g. a maximum frame rate of 9 Hz or less)?',
    [/\b9 ?hz\b/i],
  ),
  // US-only and proposed controls
  f(
    'surreptitious-interception-device',
    "Is it a device primarily useful for the surreptitious interception of wire, oral or electronic communications (a 'bug' or covert wiretap)?",
    [
      /\bbug(ging)? device/i,
      /covert listening/i,
      /wire ?tap/i,
      /hidden microphone/i,
      /surreptitious/i,
    ],
  ),
  f(
    'facial-recognition-mass-surveillance',
    'Is it facial recognition technology specially designed for mass surveillance or crowd scanning?',
    [/facial recognition/i, /face recognition/i, /crowd scanning/i],
  ),
  // EU Article 5: non-listed cyber-surveillance items
  f(
    'covert-surveillance-of-persons',
    'Is it specially designed to enable the covert surveillance of natural persons by monitoring, extracting, collecting or analysing data from information and telecommunication systems?',
    [/covert/i, /surveil/i, /monitor\w* (of )?(individuals|persons|people|citizens|targets)/i],
  ),
];

/** The capability tags of the outward contract (spec/README.md). */
export type CapabilityTag =
  | 'facial-recognition'
  | 'biometric-identification'
  | 'communications-interception'
  | 'ip-network-surveillance'
  | 'location-tracking'
  | 'intrusion-software'
  | 'forensic-extraction'
  | 'cryptanalysis'
  | 'deep-packet-inspection'
  | 'social-media-monitoring'
  | 'video-analytics'
  | 'none';

/**
 * What a capability tag tells the assistant: which entries become candidates, which facts it
 * settles, whether the item may be a cyber-surveillance item (EU Art. 2(20)), and which
 * interception and monitoring functions (UK Schedule 3 / EU Venezuela Annex II) it performs.
 */
export interface CapabilityKnowledge {
  readonly tag: CapabilityTag;
  readonly entries: readonly string[];
  /** Facts a tag settles as yes (`deep-packet-inspection` means layer-7 analysis). */
  readonly impliesFacts: readonly string[];
  readonly cyberSurveillance: 'yes' | 'possible' | 'no';
  readonly interceptionFunctions: readonly {
    readonly id: InterceptionFunctionId;
    readonly strength: 'yes' | 'possible';
  }[];
}

const cap = (
  tag: CapabilityTag,
  entries: readonly string[],
  cyberSurveillance: 'yes' | 'possible' | 'no',
  interceptionFunctions: CapabilityKnowledge['interceptionFunctions'] = [],
  impliesFacts: readonly string[] = [],
): CapabilityKnowledge => ({
  tag,
  entries,
  impliesFacts,
  cyberSurveillance,
  interceptionFunctions,
});

export const capabilityKnowledge: Readonly<Record<CapabilityTag, CapabilityKnowledge>> = {
  'facial-recognition': cap('facial-recognition', ['US-PROPOSED-FACIAL-RECOGNITION'], 'possible', [
    { id: 'j', strength: 'possible' },
  ]),
  'biometric-identification': cap('biometric-identification', ['US-CC-BIOMETRIC'], 'possible', [
    { id: 'f', strength: 'possible' },
    { id: 'j', strength: 'possible' },
  ]),
  'communications-interception': cap(
    'communications-interception',
    ['5A001.f', '5A001.j', '5D001.e', '5A980'],
    'yes',
    [
      { id: 'b', strength: 'yes' },
      { id: 'h', strength: 'possible' },
      { id: 'n', strength: 'possible' },
    ],
  ),
  'ip-network-surveillance': cap('ip-network-surveillance', ['5A001.j', '5D001.e'], 'yes', [
    { id: 'a', strength: 'possible' },
    { id: 'b', strength: 'yes' },
    { id: 'i', strength: 'possible' },
  ]),
  'location-tracking': cap('location-tracking', ['5A001.f', '5D001.e'], 'possible', [
    { id: 'g', strength: 'possible' },
    { id: 'h', strength: 'possible' },
  ]),
  'intrusion-software': cap('intrusion-software', ['4A005', '4D004', '4E001.c'], 'yes', [
    { id: 'e', strength: 'yes' },
  ]),
  'forensic-extraction': cap('forensic-extraction', ['5A004'], 'possible', [
    { id: 'k', strength: 'possible' },
  ]),
  cryptanalysis: cap(
    'cryptanalysis',
    ['5A004'],
    'possible',
    [{ id: 'm', strength: 'possible' }],
    ['cryptanalytic-functions'],
  ),
  'deep-packet-inspection': cap(
    'deep-packet-inspection',
    ['5A001.j'],
    'possible',
    [{ id: 'a', strength: 'yes' }],
    ['application-layer-analysis'],
  ),
  'social-media-monitoring': cap('social-media-monitoring', [], 'possible', [
    { id: 'j', strength: 'possible' },
    { id: 'l', strength: 'possible' },
  ]),
  'video-analytics': cap('video-analytics', [], 'possible', [{ id: 'j', strength: 'possible' }]),
  none: cap('none', [], 'no'),
};

export const capabilityTags = Object.keys(capabilityKnowledge) as readonly CapabilityTag[];

/**
 * Facts whose "yes" settles an interception and monitoring function: an IMSI catcher performs
 * "IMSI, MSISDN, IMEI and TMSI interception and monitoring" (function g) whatever its tags say.
 */
export const factInterceptionFunctions: Readonly<
  Record<string, readonly InterceptionFunctionId[]>
> = {
  'application-layer-analysis': ['a'],
  'extracts-metadata-and-content': ['b'],
  'air-interface-voice-data-interception': ['b', 'h'],
  'air-interface-identifier-extraction': ['g'],
  'selective-mobile-jamming': ['d'],
  'detects-mobile-interception-equipment': ['c'],
  'intrusion-software-tooling': ['e'],
  'relationship-mapping': ['j'],
};

/**
 * Pairs of answers that cannot both be true: answering both is a contradiction the exporter must
 * resolve (a tool cannot be limited to logical extraction and extract raw data).
 */
export const contradictoryFacts: readonly {
  readonly facts: readonly [string, string];
  readonly why: string;
}[] = [
  {
    facts: ['extracts-raw-data', 'logical-extraction-only'],
    why: 'a tool limited to logical extraction does not extract raw data',
  },
  {
    facts: ['extracts-raw-data', 'jailbreak-rooting-only'],
    why: 'a tool limited to jail-breaking or rooting does not extract data',
  },
  {
    facts: ['carrier-class-ip-network', 'analogue-pmr-or-wlan-only'],
    why: 'equipment limited to analogue PMR or WLAN does not work on a carrier-class IP network',
  },
];
