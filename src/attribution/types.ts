/**
 * direct: the content is in quotation marks; mixed: part of it is (a quoted phrase in a reported clause);
 * indirect: reported without quotation marks (speech, thought, intention, finding).
 */
export type QuoteKind = 'direct' | 'indirect' | 'mixed';
export type EntityType = 'person' | 'organization' | 'place';
export type SpeakerType = EntityType | 'unknown';

export interface Span {
  start: number;
  end: number;
}

export interface Speaker {
  /** The words that name the speaker where the quote is attributed: a name, a role, a pronoun. */
  mention: string;
  /** Canonical entity name, or the mention itself when it could not be resolved. */
  name: string;
  /** Where the source is written: the span of `mention`. */
  start: number;
  end: number;
  /** What the speaker is: the resolved entity's type, else a guess from the mention ("officials", "the poll"). */
  type: SpeakerType;
  /** The speaker's role or title as written ("Deputy Foreign Minister", "the spokesman"), or null. */
  role: string | null;
}

/** One attribution: what was said, thought or found (content), how it is introduced (cue), and by whom (speaker). */
export interface Quote {
  /** The content, from its first to its last part: `text === input.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  /** The content's parts: one, or several when the cue interrupts it (“A,” she said, “B.”). */
  parts: Span[];
  kind: QuoteKind;
  /** The cue as written, lower case ("said", "according to", "shows", "wants"), or null when none was found. */
  cue: string | null;
  cueSpan: Span | null;
  /** The source and who it resolves to; null when the text names none. */
  speaker: Speaker | null;
}

export interface Entity {
  name: string;
  type: EntityType;
  /** Titles and roles as written next to the name ("NATO Secretary General"). */
  roles: string[];
  mentions: Span[];
  count: number;
}

export interface AttributionResult {
  lang: string;
  supported: boolean;
  /** Why the language is not supported; absent when it is. */
  reason?: string;
  quotes: Quote[];
  entities: Entity[];
}

export interface AttributeOptions {
  /** BCP 47 language tag of the text; only English ("en", "en-GB", ...) is supported. Default "en". */
  lang?: string;
  /**
   * Run compromise's part-of-speech tagger on names that rules and its lexicon leave undecided. Default true;
   * false is about twice as fast and loses a little speaker accuracy.
   */
  tagger?: boolean;
}
