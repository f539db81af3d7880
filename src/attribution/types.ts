export type QuoteKind = 'direct' | 'partial' | 'reported';
export type EntityType = 'person' | 'organization' | 'place';

export interface Span {
  start: number;
  end: number;
}

export interface Speaker {
  /** The words that name the speaker where the quote is attributed: a name, a role, a pronoun. */
  mention: string;
  /** Canonical entity name, or the mention itself when it could not be resolved. */
  name: string;
  start: number;
  end: number;
}

export interface Quote {
  text: string;
  start: number;
  end: number;
  kind: QuoteKind;
  /** The reporting expression ("said", "told", "according to"), or null when none was found. */
  cue: string | null;
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
