/**
 * What the support model knows about the words drafters use for the summary's subjects: groups of words and
 * phrases that mean the same thing in drug-policy drafting ("darknet" / "dark web", "virtual currencies" /
 * "cryptocurrencies", "seized" / "confiscated"). A sentence and a paragraph that use different members of a
 * group still meet on the group.
 *
 * The groups are written from the summary's subjects and from the vocabulary of CND statements and UN
 * reports, not from any test set. A form is matched word by word after the same tokenising and stemming as
 * the rest of the text (so "cryptocurrencies" also covers "cryptocurrency"); stop words inside a form are
 * ignored ("trafficking in persons" is matched as "trafficking persons").
 */
export const CONCEPTS: Readonly<Record<string, readonly string[]>> = {
  crypto: [
    'cryptocurrency',
    'cryptocurrencies',
    'crypto',
    'crypto-assets',
    'crypto assets',
    'cryptoassets',
    'virtual currency',
    'virtual currencies',
    'virtual assets',
    'virtual asset',
    'digital currency',
    'digital currencies',
    'digital assets',
    'bitcoin',
    'bitcoins',
    'monero',
    'altcoins',
  ],
  blockchain: ['blockchain', 'distributed ledger'],
  anonymity: [
    'anonymity',
    'anonymous',
    'anonymously',
    'anonymise',
    'anonymize',
    'untraceable',
    'hide their identity',
    'identities',
  ],
  darkweb: [
    'dark web',
    'darkweb',
    'darknet',
    'dark net',
    'darknet markets',
    'darknet market',
    'cryptomarkets',
    'cryptomarket',
    'hidden services',
    'tor network',
    'onion',
  ],
  clearweb: ['clear web', 'surface web', 'open web', 'visible web', 'deep web'],
  ict: [
    'ict',
    'icts',
    'information and communications technologies',
    'information and communication technologies',
    'information technology',
    'internet',
    'online',
    'cyber',
    'cyberspace',
    'digital',
    'web',
    'websites',
    'website',
    'virtual domains',
    'technology',
    'technologies',
  ],
  ecommerce: [
    'e-commerce',
    'ecommerce',
    'online marketplaces',
    'marketplaces',
    'online shopping',
    'online sales',
    'sold online',
    'selling online',
  ],
  socialmedia: ['social media', 'social networks', 'messaging', 'messaging apps', 'messenger', 'telegram', 'whatsapp'],
  pharmacy: ['online pharmacies', 'internet pharmacies', 'pharmacies', 'pharmacy', 'rogue pharmacies'],
  postal: [
    'postal',
    'post',
    'mail',
    'parcels',
    'parcel',
    'postal services',
    'courier services',
    'express delivery',
    'drops',
    'dead drops',
  ],
  encrypted: [
    'encrypted',
    'encryption',
    'encrypted communication',
    'encrypted platforms',
    'encrypted phones',
    'encrochat',
    'sky ecc',
  ],
  confiscation: [
    'confiscate',
    'confiscated',
    'confiscation',
    'confiscations',
    'seize',
    'seized',
    'seizure',
    'seizures',
    'forfeit',
    'forfeited',
    'forfeiture',
    'freeze',
    'frozen',
    'freezing',
    'recover',
    'recovered',
    'recovery',
    'asset recovery',
    'deprive',
    'deprivation',
  ],
  proceeds: [
    'proceeds',
    'criminal proceeds',
    'proceeds of crime',
    'illicit gains',
    'illicit profits',
    'criminal profits',
    'criminal assets',
    'illicit proceeds',
    'dirty money',
    'illicit money',
    'profits',
    'drug money',
    'ill-gotten',
  ],
  assets: ['assets', 'asset', 'property', 'properties'],
  laundering: [
    'money-laundering',
    'money laundering',
    'laundering',
    'launder',
    'laundered',
    'aml',
    'anti-money laundering',
    'money launderers',
    'washing',
  ],
  iff: ['illicit financial flows', 'iffs', 'iff', 'financial flows', 'illicit flows', 'illicit finance', 'flows of money'],
  fininvestigation: [
    'financial investigation',
    'financial investigations',
    'parallel financial investigations',
    'follow the money',
    'financial intelligence',
    'financial intelligence units',
    'fiu',
    'fius',
    'financial investigators',
    'investigate finances',
  ],
  undergroundbanking: [
    'underground banking',
    'underground financial system',
    'parallel financial system',
    'hawala',
    'informal value transfer',
    'shadow banking',
    'mule accounts',
    'money mules',
    'mules',
    'cash couriers',
    'couriers',
  ],
  outsourcing: [
    'outsourcing',
    'outsource',
    'outsourced',
    'laundering as a service',
    'professional launderers',
    'external expertise',
  ],
  pandemic: [
    'covid-19',
    'covid',
    'pandemic',
    'coronavirus',
    'lockdown',
    'lockdowns',
    'health crisis',
    'sars-cov-2',
    'travel restrictions',
  ],
  humantrafficking: [
    'trafficking in persons',
    'human trafficking',
    'trafficking of persons',
    'trafficking in human beings',
    'trafficked persons',
    'trafficking victims',
    'victims of trafficking',
  ],
  firearms: [
    'firearms',
    'firearm',
    'weapons',
    'weapon',
    'guns',
    'gun',
    'arms',
    'ammunition',
    'armed violence',
    'arms trafficking',
  ],
  terrorism: [
    'terrorism',
    'terrorist',
    'terrorists',
    'terror',
    'financing of terrorism',
    'terrorist financing',
    'militants',
    'violent extremism',
    'extremists',
    'radicalized',
    'radicalised',
  ],
  corruption: ['corruption', 'corrupt', 'corrupted', 'bribery', 'bribes', 'bribe', 'integrity', 'graft'],
  governance: ['governance', 'transparency', 'accountability', 'rule of law', 'state institutions'],
  environment: [
    'environment',
    'environmental',
    'deforestation',
    'forests',
    'forest',
    'natural resources',
    'protected areas',
    'biodiversity',
    'ecosystems',
    'illegal mining',
    'gold mining',
    'mining',
    'environmental crime',
    'crimes that affect the environment',
  ],
  cultivation: ['illicit cultivation', 'cultivation', 'coca', 'crops', 'coca production', 'poppy', 'plantations'],
  data: [
    'data',
    'statistics',
    'statistical',
    'evidence',
    'evidence base',
    'research',
    'figures',
    'information gathering',
    'data gathering',
    'data collection',
    'indicators',
  ],
  arq: ['arq', 'annual report questionnaire', 'annual reports questionnaire', 'focal point', 'focal points'],
  wdr: ['world drug report', 'wdr'],
  cooperation: [
    'cooperation',
    'cooperate',
    'co-operation',
    'collaboration',
    'collaborate',
    'partnership',
    'partnerships',
    'coordination',
    'coordinated',
    'multilateralism',
    'multilateral',
    'joint',
    'bilateral',
    'working together',
    'networks',
  ],
  mla: [
    'mutual legal assistance',
    'mla',
    'mutual legal-aid',
    'legal assistance',
    'extradition',
    'information requests',
    'requests',
  ],
  sharing: ['sharing', 'information sharing', 'exchange', 'exchanging', 'exchanges', 'dissemination', 'disseminate'],
  goodpractice: ['good practices', 'best practices', 'lessons learned', 'experiences', 'practices'],
  privatesector: [
    'private sector',
    'public-private partnerships',
    'public-private',
    'industry',
    'industry partners',
    'companies',
    'businesses',
  ],
  interagency: ['inter-agency', 'interagency', 'whole-of-government', 'multidisciplinary', 'task forces', 'task force'],
  legislation: [
    'legislation',
    'legislations',
    'laws',
    'law',
    'legal frameworks',
    'legal framework',
    'regulatory',
    'regulation',
    'regulations',
    'harmonized',
    'harmonised',
    'harmonization',
    'harmonisation',
  ],
  capacity: [
    'capacity',
    'capacities',
    'capacity-building',
    'capacity building',
    'training',
    'train',
    'skills',
    'skillsets',
    'expertise',
    'equipment',
    'technical assistance',
    'technical support',
  ],
  ai: [
    'artificial intelligence',
    'ai',
    'machine learning',
    'facial recognition',
    'biometric',
    'biometrics',
    'keyword searches',
    'algorithms',
  ],
  victims: ['victims', 'victim', 'compensate', 'compensation', 'compensating', 'restitution', 'reparation'],
  reuse: [
    'reuse',
    're-use',
    'social reuse',
    'repurpose',
    'repurposing',
    'reinvest',
    'reinvested',
    'used for prevention',
    'local communities',
    'communities',
  ],
  conviction: [
    'conviction-based',
    'non-conviction-based',
    'non-conviction based',
    'ncb',
    'civil forfeiture',
    'without a conviction',
  ],
  assetmanagement: [
    'early disposal',
    'interlocutory sale',
    'asset management',
    'administration costs',
    'loss of value',
    'assets value',
    'depreciation',
  ],
  nps: ['new psychoactive substances', 'nps', 'synthetic drugs', 'designer drugs'],
  drugtypes: [
    'heroin',
    'cocaine',
    'cannabis',
    'amphetamine-type stimulants',
    'ats',
    'methamphetamine',
    'stimulants',
    'opioids',
    'fentanyl',
  ],
  aircraft: ['narco-planes', 'narco planes', 'aircraft', 'planes', 'light aircraft', 'landing strips', 'airstrips', 'flights'],
  vessels: ['submarines', 'semi-submersibles', 'drones', 'drone', 'vessels', 'vehicles', 'boats'],
  routes: [
    'routes',
    'trafficking routes',
    'transportation',
    'means of transportation',
    'shipments',
    'containers',
    'cargo',
    'supply chains',
  ],
  border: ['border', 'borders', 'customs', 'border crossings', 'entry points', 'interdiction', 'cross-border'],
  humanrights: ['human rights', 'rights', 'fundamental freedoms', 'dignity'],
  sdg: [
    'sustainable development goal',
    'sustainable development goals',
    'sdg',
    'sdgs',
    'target 16.4',
    '2030 agenda',
    'agenda 2030',
  ],
  organizedcrime: [
    'organized crime',
    'organised crime',
    'transnational organized crime',
    'criminal organizations',
    'criminal organisations',
    'criminal groups',
    'criminal networks',
    'cartels',
    'syndicates',
    'drug syndicates',
    'gangs',
    'mafia',
  ],
  profit: ['profit-driven', 'profit', 'profits', 'lucrative', 'revenue', 'revenues', 'income'],
  lawenforcement: [
    'law enforcement',
    'police',
    'policing',
    'investigators',
    'officers',
    'prosecutors',
    'authorities',
    'agencies',
  ],
  participation: [
    'registrations',
    'registered',
    'participants',
    'hybrid',
    'in-person',
    'livestreamed',
    'livestream',
    'webcast',
    'virtual participation',
    'online participation',
  ],
  panel: ['panel', 'panellists', 'panelists', 'panellist', 'panelist', 'panel discussion', 'experts', 'expert', 'speakers'],
  background: ['background note', 'background paper', 'background document', 'secretariat'],
  workplan: [
    'workplan',
    'work plan',
    'multi-year workplan',
    'multiyear workplan',
    'next thematic',
    'next year',
    'sixty-fifth',
    '65th',
  ],
  declaration2019: ['ministerial declaration', '2019 ministerial declaration', 'ministerial declaration of 2019'],
  conventions: ['conventions', 'convention', 'treaties', 'international drug control conventions', 'drug control conventions'],
  commitments: ['commitments', 'commitment', 'pledges', 'obligations'],
  violence: ['violence', 'homicides', 'homicide', 'killings', 'violent', 'threaten', 'intimidate', 'intimidation', 'disputes'],
  surge: [
    'surge',
    'increase',
    'increased',
    'increasing',
    'rise',
    'rising',
    'grew',
    'growth',
    'expanded',
    'expansion',
    'spreading',
    'spread',
  ],
  low: [
    'low',
    'remains low',
    'remained low',
    'small fraction',
    'tiny fraction',
    'only a fraction',
    'insufficient',
    'limited',
    'scarce',
  ],
  exploitation: ['exploited', 'exploitation', 'exploit', 'forced labour', 'coerced', 'coercion'],
  identification: ['early identification', 'identification', 'identify', 'identified', 'screening'],
  protection: ['protection', 'assistance', 'support services', 'protect', 'shelter'],
  predicate: ['predicate offences', 'predicate offense', 'predicate crime', 'predicate crimes', 'predicate offence'],
  modusoperandi: ['modus operandi', 'methods', 'techniques', 'tactics', 'ways', 'typologies', 'schemes'],
  opportunity: ['opportunities', 'opportunity', 'adapt', 'adapted', 'adapting', 'adept', 'exploit the crisis', 'resilient'],
  monitoring: ['monitoring', 'monitor', 'tracking', 'track', 'traced', 'trace', 'tracing', 'traceability', 'oversight'],
  payment: ['payment', 'payments', 'pay', 'paid', 'transfer', 'transfers', 'transactions'],
  funding: [
    'funds',
    'funding',
    'funded',
    'fund',
    'financial resources',
    'financing',
    'finance',
    'financed',
    'raise money',
    'resources',
  ],
  trafficking: [
    'trafficking',
    'trafficked',
    'traffickers',
    'trade',
    'drug trade',
    'smuggling',
    'smuggled',
    'smugglers',
    'illicit trade',
  ],
};

/**
 * Phrases that frame a citation rather than say anything about the paragraph ("as reflected in the Chair's
 * summary", "my delegation welcomes"); removed before a sentence is compared with the paragraphs.
 */
export const FRAME_PATTERNS: readonly RegExp[] = [
  /\b(?:as\s+)?(?:is\s+|was\s+|are\s+|were\s+)?(?:duly\s+|rightly\s+|also\s+|clearly\s+|well\s+)?(?:reflected|recorded|noted|stated|mentioned|set\s+out|described|captured|summari[sz]ed|reported|highlighted|recalled|underlined|acknowledged|referred\s+to)\s+(?:in|by)\s+(?:the\s+)?(?:Chair['’]?s?\s+|present\s+|this\s+)?summary\b/giu,
  /\b(?:the\s+)?Chair['’]?s?\s+summary\s+(?:of\s+the\s+(?:2021\s+)?thematic\s+discussions\s+)?(?:rightly\s+|also\s+|duly\s+|clearly\s+)?(?:records|notes|reflects|recalls|mentions|states|says|reports|highlights|underlines|captures|observes|points\s+out|shows|describes|indicates)\b(?:\s+that)?/giu,
  /\b(?:the\s+)?(?:Chair['’]?s?\s+)?summary\b/giu,
  /\b(?:my|our|the)\s+delegation(?:s)?\b/giu,
  /\b(?:we|I)\s+(?:would\s+like\s+to|wish\s+to|want\s+to)\b/giu,
];

/**
 * Words that say who spoke or how a drafter frames a point, not what was said: the summary uses some of them
 * everywhere ("speakers", "highlighted"), and drafters add the others ("delegation", "welcomes"). They count
 * for little whatever their frequency.
 */
export const FRAME_WORDS: ReadonlySet<string> = new Set(
  (
    'speaker speakers delegate delegates delegation delegations participant participants member state states ' +
    'number several many some various one another also further noted note notes noting stressed stress stresses ' +
    'emphasized emphasised emphasize emphasise highlighted highlight highlights underlined underline underscored ' +
    'mentioned mention reported report reports reiterated reiterate said say stated state explained explain ' +
    'observed observe pointed point shared share welcome welcomes welcomed recall recalls recalled recognize ' +
    'recognise recognized recognised acknowledge acknowledged concur concurred agreed agree expressed express ' +
    'importance important regard regards regarding respect context view among others including particular ' +
    'particularly thereby therefore thus however moreover furthermore addition additionally example instance ' +
    'discussion discussions discussed discuss meeting deliberations chair chairs chair’s summary paragraph ' +
    'paragraphs para paras record records recorded reflect reflects reflected refer referred referring ' +
    'wish would like take takes taken firmly strongly fully clearly indeed particularly notably ' +
    // The meeting's own name: every draft about the summary says it.
    'commission narcotic thematic cnd intersessional'
  ).split(' '),
);

/**
 * Words that carry no subject of their own, beyond the search's stop words: the support model skips them
 * ("through", "both", "not"), so that a paragraph is not preferred for sharing them.
 */
export const SUPPORT_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'about above across after again against all almost already although always am among amongst any anyone ' +
    'anything around because before behind below beside besides between beyond both cannot did do does doing ' +
    'done down during each either else even ever every everyone everything few first further furthermore got ' +
    'here hereby herein how however itself just least less many more most much must my myself neither never ' +
    'no nobody none nor not nothing now off often once only onto or ought ours ourselves out over own per ' +
    'perhaps quite rather really same seem seemed seems several shall since some somehow something sometimes ' +
    'still through throughout thus till too toward towards under unless until up upon us very via was what ' +
    'whatever when whenever where whereas wherever whether whichever whose why within without yet you your ' +
    'mr mrs ms madam dear distinguished excellency excellencies colleagues ladies gentlemen thank thanks'
  ).split(' '),
);

/**
 * Reporting verbs: a body named just before one of them ("INCB stressed", "Europol has reported") is said
 * to have made the point. Simple past and present perfect; a present tense ("Mexico welcomes") is a
 * delegation speaking for itself, not an attribution.
 */
export const REPORTING_VERBS: ReadonlySet<string> = new Set(
  (
    'noted stressed emphasized emphasised highlighted underlined underscored mentioned reported reiterated said ' +
    'stated explained observed pointed shared warned recalled presented described indicated informed called ' +
    'urged argued suggested proposed recommended cautioned confirmed announced estimated found showed shown ' +
    'referred expressed raised addressed outlined introduced welcomed recognized recognised acknowledged ' +
    'identified underscored drew flagged concluded added insisted affirmed represented participated attended ' +
    'spoke delivered chaired nominated featured contributed provided made gave took'
  ).split(' '),
);

/** Nouns that make "<noun> of/from <body>" an attribution: "the representative of Nigeria", "a panellist from INCB". */
export const SPEAKER_NOUNS: ReadonlySet<string> = new Set(
  (
    'representative representatives delegate delegates delegation panellist panelist panellists panelists ' +
    'expert experts speaker observer observers chief head director ambassador spokesperson presentation ' +
    'presentations statement intervention officials official executive deputy secretary general permanent ' +
    'senior special mission government authorities'
  ).split(' '),
);
