/**
 * Word lists for English news attribution. Kept as plain data so the rules that use them stay short.
 */

/** Verbs and phrases that introduce speech. `needsClause` verbs report speech only when a clause follows ("announced that"). */
export const REPORTING_VERBS: readonly string[] = [
  'said', 'says', 'say', 'told', 'tells', 'tell', 'warned', 'warns', 'noted', 'notes', 'pointed out', 'points out',
  'stated', 'states', 'added', 'adds', 'explained', 'explains', 'claimed', 'claims', 'argued', 'argues',
  'insisted', 'insists', 'stressed', 'stresses', 'emphasized', 'emphasised', 'emphasizes', 'emphasises',
  'wrote', 'writes', 'recalled', 'recalls', 'acknowledged', 'acknowledges', 'admitted', 'admits',
  'confirmed', 'confirms', 'declared', 'declares', 'urged', 'urges', 'suggested', 'suggests', 'predicted',
  'predicts', 'maintained', 'maintains', 'contended', 'contends', 'testified', 'tweeted', 'replied',
  'responded', 'remarked', 'observed', 'commented', 'reiterated', 'reiterates', 'underlined', 'underscored',
  'asserted', 'asserts', 'conceded', 'concedes', 'cautioned', 'cautions', 'announced', 'announces',
  'revealed', 'reveals', 'believes', 'believed', 'thinks', 'hopes', 'hoped', 'estimated', 'estimates',
  'continued', 'agreed', 'agrees', 'complained', 'complains', 'joked', 'told reporters', 'wrote on Twitter',
  'assured', 'assures', 'boasted', 'mused', 'shouted', 'yelled', 'recounted', 'described', 'describes',
  'accused', 'accuses', 'denied', 'denies', 'reported', 'reports', 'indicated', 'indicates', 'hinted', 'quipped',
  'ordered', 'chanted', 'saying', 'adding', 'telling', 'warning', 'noting', 'arguing', 'claiming', 'insisting',
  'stressing', 'explaining', 'accusing', 'describing', 'denying', 'asking', 'declaring', 'acknowledging', 'confessed',
  'announcing', 'admitting', 'asked', 'asks', 'threatened', 'vowed', 'vows', 'pledged',
  'promised', 'promises', 'questioned', 'disputed', 'objected', 'protested', 'alleged', 'alleges', 'shouts',
  'yells', 'screamed', 'cried', 'whispered', 'orders',
];

/** Reporting verbs that report a statement only when followed by "that", a colon or a quotation. */
export const CLAUSE_ONLY_VERBS = new Set([
  'announced', 'announces', 'revealed', 'reveals', 'confirmed', 'confirms', 'described', 'describes',
  'continued', 'agreed', 'agrees', 'believes', 'believed', 'thinks', 'hopes', 'hoped', 'estimated', 'estimates',
  'urged', 'urges', 'recalled', 'recalls', 'acknowledged', 'acknowledges', 'reported', 'reports', 'indicated',
  'indicates', 'asked', 'asks', 'asking', 'threatened', 'vowed', 'vows', 'pledged', 'promised', 'promises',
  'questioned', 'disputed', 'objected', 'protested', 'describing', 'announcing', 'acknowledging', 'observed',
  'responded', 'continued', 'maintained', 'maintains',
]);

/** Nouns that head a descriptive speaker phrase: "an airport official", "Bolivia's public defender's office". */
export const SOURCE_NOUNS: readonly string[] = [
  'office', 'statement', 'release', 'report', 'study', 'paper', 'survey', 'filing', 'letter', 'post', 'tweet',
  'official', 'officials', 'journalist', 'journalists', 'doctor', 'doctors', 'source', 'sources', 'people',
  'person', 'expert', 'experts', 'analyst', 'analysts', 'adviser', 'advisers', 'advisor', 'advisors',
  'executive', 'executives', 'trader', 'traders', 'investor', 'investors', 'resident', 'residents', 'witness',
  'witnesses', 'user', 'users', 'fan', 'fans', 'critic', 'critics', 'researchers', 'scientists', 'authors',
  'group', 'groups', 'company', 'companies', 'firm', 'ministry', 'government', 'department', 'agency', 'police',
  'military', 'army', 'union', 'unions', 'committee', 'court', 'prosecutors', 'investigators', 'authorities',
  'lawmakers', 'legislators', 'leaders', 'teachers', 'students', 'protesters', 'officers', 'deportee', 'man',
  'woman', 'men', 'women', 'family', 'relatives', 'spokesperson', 'spokesman', 'spokeswoman', 'organisers',
  'organizers', 'campaign', 'team', 'club', 'league', 'network', 'newspaper', 'outlet', 'website', 'data',
  'documents', 'records', 'figures', 'estimates', 'calculations', 'observers', 'diplomats', 'parents',
  'others', 'some', 'many', 'most',
];

/** Words that may stand between a speaker and the reporting verb: "has repeatedly stated", "said earlier". */
export const VERB_ADVERBS = new Set([
  'has', 'have', 'had', 'also', 'earlier', 'previously', 'repeatedly', 'already', 'later', 'then', 'again',
  'further', 'once', 'reportedly', 'recently', 'publicly', 'separately', 'similarly', 'first', 'would',
  'will', 'could', 'did', 'does', 'do', 'not', 'never', 'had',
  'often', 'frequently', 'simply', 'just', 'even', 'still', 'always', 'now', 'flatly', 'openly', 'privately',
  'specifically', 'explicitly', 'in', 'turn', 'himself', 'herself', 'itself', 'themselves', 'ultimately',
  'quickly', 'finally', 'subsequently', 'immediately', 'however', 'too', 'twice', 'today', 'yesterday', 'tonight',
  'also', 'repeatedly', 'consistently', 'reportedly', 'has', 'have', 'had', 'previously', 'on', 'monday', 'tuesday',
  'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);

/** Person role nouns, lower case, longest first so that multi-word roles win. */
export const PERSON_ROLES: readonly string[] = [
  'secretary general', 'secretary-general', 'secretary of state', 'deputy foreign minister', 'foreign minister',
  'prime minister', 'deputy prime minister', 'vice president', 'vice-president', 'attorney general',
  'chief executive officer', 'chief executive', 'chief operating officer', 'chief financial officer',
  'chief technology officer', 'executive director', 'managing director', 'press secretary', 'police chief',
  'head coach', 'general manager', 'defense secretary', 'defence secretary', 'interior minister',
  'finance minister', 'foreign secretary', 'home secretary', 'national security adviser', 'ambassador',
  'minister', 'president', 'chancellor', 'spokesman', 'spokeswoman', 'spokesperson', 'senator', 'sen.',
  'representative', 'rep.', 'governor', 'gov.', 'mayor', 'ceo', 'cfo', 'coo', 'cto', 'chairman', 'chairwoman',
  'chair', 'director', 'founder', 'co-founder', 'cofounder', 'coach', 'judge', 'justice', 'attorney', 'lawyer',
  'officer', 'official', 'general', 'gen.', 'commander', 'leader', 'head', 'king', 'queen', 'prince', 'princess',
  'pope', 'professor', 'prof.', 'doctor', 'analyst', 'economist', 'researcher', 'scientist', 'author', 'actor',
  'actress', 'singer', 'player', 'captain', 'manager', 'editor', 'reporter', 'correspondent', 'colleague',
  'chief', 'secretary', 'commissioner', 'sheriff', 'detective', 'sergeant', 'sgt.', 'lieutenant', 'lt.',
  'colonel', 'col.', 'speaker', 'strategist', 'investor', 'partner', 'engineer', 'astronomer', 'physicist',
  'quarterback', 'striker', 'forward', 'goalkeeper', 'defenseman', 'center', 'owner', 'producer', 'writer',
  'director-general', 'premier', 'diplomat', 'envoy', 'deputy', 'congressman', 'congresswoman', 'lawmaker',
  'prosecutor', 'chief of staff', 'adviser', 'advisor', 'consultant', 'administrator', 'superintendent',
  'co-author', 'lead author', 'study author', 'vice chairman', 'executive', 'spokesman for', 'student',
  'teacher', 'nurse', 'mother', 'father', 'wife', 'husband', 'son', 'daughter', 'designer', 'star', 'host',
].slice().sort((a, b) => b.length - a.length);

/** Plural or collective speakers that stay unresolved but are still speakers: "officials said". */
export const GROUP_SPEAKERS: readonly string[] = [
  'officials', 'police', 'authorities', 'analysts', 'experts', 'researchers', 'scientists', 'investigators',
  'prosecutors', 'witnesses', 'residents', 'critics', 'sources', 'economists', 'lawmakers', 'officers',
  'organizers', 'organisers', 'doctors', 'authors', 'the company', 'the ministry', 'the government',
  'the department', 'the agency', 'the firm', 'the report', 'the study', 'the statement', 'the white house',
  'the kremlin', 'the pentagon', 'the police', 'the court', 'the group', 'the team', 'the club', 'the league',
  'the bank', 'the network', 'the paper', 'the newspaper', 'the spokesperson', 'the campaign',
];

/** Last words that make a capitalised name an organisation. */
export const ORG_HEADS = new Set([
  'ministry', 'department', 'agency', 'administration', 'bank', 'times', 'post', 'journal', 'news', 'inc',
  'corp', 'corporation', 'company', 'co', 'group', 'university', 'college', 'council', 'committee',
  'commission', 'party', 'army', 'navy', 'police', 'office', 'institute', 'foundation', 'association',
  'union', 'court', 'senate', 'congress', 'house', 'parliament', 'service', 'organization', 'organisation',
  'authority', 'bureau', 'network', 'airlines', 'airways', 'motors', 'technologies', 'labs', 'studios',
  'club', 'league', 'federation', 'fund', 'reuters', 'bloomberg', 'ltd', 'llc', 'plc', 'ag', 'gmbh',
  'school', 'hospital', 'centre', 'center', 'forces', 'guard', 'ministry.', 'kremlin', 'pentagon', 'nasa',
  'fbi', 'cia', 'nato', 'osce', 'un', 'eu', 'who', 'imf', 'opec', 'telegraph', 'guardian', 'herald', 'tribune',
  'magazine', 'press', 'cnn', 'bbc', 'nbc', 'cbs', 'abc', 'fox', 'msnbc', 'apple', 'google', 'microsoft',
  'amazon', 'facebook', 'twitter', 'tesla', 'boeing', 'airbus', 'alibaba', 'samsung', 'sony', 'nintendo',
  'associated', 'institution', 'board', 'cabinet', 'assembly', 'secretariat', 'alliance', 'coalition',
  'team', 'giants', 'browns', 'steelers', 'wild',
]);

/** Capitalised words that start sentences or label dates and never name an entity on their own. */
export const NOT_NAMES = new Set([
  'the', 'a', 'an', 'however', 'but', 'and', 'or', 'in', 'on', 'at', 'for', 'this', 'that', 'these', 'those',
  'it', 'he', 'she', 'they', 'we', 'i', 'you', 'later', 'next', 'earlier', 'last', 'as', 'if', 'when', 'while',
  'after', 'before', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'there', 'here', 'what', 'who', 'why',
  'how', 'where', 'meanwhile', 'also', 'still', 'yet', 'so', 'then', 'now', 'today', 'yesterday', 'tomorrow',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february',
  'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'with',
  'from', 'by', 'to', 'of', 'no', 'not', 'yes', 'all', 'some', 'many', 'most', 'one', 'two', 'three', 'both',
  'each', 'every', 'such', 'moscow\'s', 'mr', 'mrs', 'ms', 'dr', 'according', 'despite', 'although', 'because',
  'since', 'until', 'during', 'under', 'over', 'about', 'among', 'between', 'into', 'through', 'without',
  'leave', 'reply', 'read', 'more', 'click', 'share', 'related', 'photo', 'image', 'video', 'advertisement',
  'just', 'even', 'only', 'please', 'thank', 'thanks', 'well', 'oh', 'let', 'do', 'does', 'did', 'is', 'are',
  'was', 'were', 'be', 'been', 'has', 'have', 'had', 'can', 'could', 'will', 'would', 'should', 'must', 'might',
  'our', 'us.', 'ok', 'okay', 'new', 'first', 'second', 'third', 'according', 'other', 'another', 'any',
]);

/** Honorifics: stripped from names, and telling gender where they can. */
export const HONORIFICS: Record<string, 'male' | 'female' | 'unknown'> = {
  'mr': 'male', 'mr.': 'male', 'mrs': 'female', 'mrs.': 'female', 'ms': 'female', 'ms.': 'female',
  'miss': 'female', 'sir': 'male', 'lady': 'female', 'lord': 'male', 'dr': 'unknown', 'dr.': 'unknown',
  'madam': 'female', 'dame': 'female',
};

/** Words joining capitalised words inside one name ("Secretary of State", "Bank of England"). */
export const NAME_CONNECTORS = new Set(['of', 'de', 'del', 'da', 'van', 'von', 'der', 'den', 'la', 'le', 'du', 'bin', 'al', 'el', 'for', 'y', 'di']);

/** Place names too short or too ambiguous for the tagger to be trusted alone. */
export const KNOWN_PLACES = new Set([
  'us', 'u.s.', 'usa', 'uk', 'u.k.', 'ussr', 'russia', 'ukraine', 'china', 'india', 'europe', 'america',
  'moscow', 'washington', 'beijing', 'london', 'paris', 'berlin', 'kiev', 'kyiv', 'brussels', 'west',
  'germany', 'france', 'japan', 'iran', 'iraq', 'syria', 'israel', 'turkey', 'canada', 'mexico', 'brazil',
  'hong kong', 'new york', 'california', 'texas', 'florida', 'afghanistan', 'pakistan', 'italy', 'spain',
  'bolivia', 'britain', 'great britain', 'taiwan', 'korea', 'south korea', 'north korea', 'australia',
]);

export const MALE_PRONOUNS = new Set(['he', 'him', 'his']);
export const FEMALE_PRONOUNS = new Set(['she', 'her']);
