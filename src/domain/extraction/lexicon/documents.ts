import { alternation } from './build';

/**
 * Documents a source speaks through ("the report found", "according to a study by X"): one row per
 * noun as written, and the frames the extractor reads it in. Adding a document noun to a frame is
 * adding its name to the row.
 */

/** A frame a document noun is read in. */
export type DocumentFrame =
  /** Speaks in its own right, so the next sentence of figures is still its own: "…, the report said." */
  | 'speaks'
  /** Names its author after "by/from/of": "a report by the city’s Department of Public Utilities". */
  | 'byline'
  /** Names its author after a participle: "the report, released Tuesday by X", "documents filed by prosecutors". */
  | 'authored'
  /** Names who put it out in a relative clause: "a timeline the city released on Tuesday". */
  | 'released'
  /** Its owner may be named before it: "the trust’s report", "Acme’s filing". */
  | 'owned'
  /** An institution puts it out in its own voice: a statement, a release. */
  | 'issued'
  /** Brings charges: what an indictment says, prosecutors say. */
  | 'charges'
  /** Wraps its author after "according to": "according to a summary released by the board". */
  | 'accordingTo'
  /** The document a source said something in: "Acme said in a regulatory filing". */
  | 'saidIn'
  /** Only says what kind of statement its author made: "the statement from X", "a report by X". */
  | 'wrapper'
  /** Stands as a speaker phrase's head: "the study", "the data". */
  | 'speaking'
  /** Owned with a possessive: "the conference’s report", "the ministry’s own figures". */
  | 'possessed'
  /** Numbers owned without a possessive: "LSEG data", "company filings". */
  | 'counted'
  /** Numbers that need no article to be someone's: "data from the Freight Council". */
  | 'fromSource'
  /** Measures for its owner without "that": "the council’s own valuation puts the sale at £3.1 million". */
  | 'measures'
  /** What a source counts by: "by the authority’s own count", "by her own estimate". */
  | 'byOwn'
  /** States a finding without "that": "the audit found serious failings in 14 of 20 homes". */
  | 'findsWithoutThat';

export type DocumentRow = readonly [noun: string, ...frames: DocumentFrame[]];

export const DOCUMENT_ROWS: readonly DocumentRow[] = [
  ['report', 'speaks', 'byline', 'authored', 'released', 'owned', 'accordingTo', 'saidIn', 'wrapper', 'speaking', 'possessed', 'measures', 'findsWithoutThat'],
  ['study', 'speaks', 'byline', 'authored', 'released', 'owned', 'accordingTo', 'wrapper', 'speaking', 'possessed', 'measures', 'findsWithoutThat'],
  ['survey', 'speaks', 'byline', 'authored', 'released', 'owned', 'accordingTo', 'wrapper', 'speaking', 'possessed', 'measures', 'findsWithoutThat'],
  ['analysis', 'speaks', 'byline', 'authored', 'released', 'owned', 'accordingTo', 'wrapper', 'speaking', 'possessed', 'measures', 'findsWithoutThat'],
  ['audit', 'speaks', 'byline', 'authored', 'released', 'owned', 'speaking', 'possessed', 'measures', 'findsWithoutThat'],
  ['data', 'speaks', 'byline', 'authored', 'released', 'owned', 'accordingTo', 'wrapper', 'speaking', 'possessed', 'counted', 'fromSource', 'measures'],
  ['figures', 'speaks', 'byline', 'authored', 'released', 'owned', 'accordingTo', 'wrapper', 'speaking', 'possessed', 'counted', 'fromSource', 'measures'],
  ['statistics', 'speaks', 'byline', 'speaking', 'possessed', 'counted', 'fromSource', 'measures'],
  ['findings', 'speaks', 'owned', 'wrapper', 'possessed'],
  ['notice', 'speaks', 'byline', 'released', 'owned', 'issued', 'wrapper', 'speaking'],
  ['timeline', 'speaks', 'byline', 'released', 'owned', 'issued', 'speaking'],
  ['filing', 'speaks', 'authored', 'released', 'owned', 'accordingTo', 'saidIn', 'wrapper', 'speaking'],
  ['filings', 'speaks', 'authored', 'counted'],
  ['review', 'byline', 'authored', 'released', 'owned', 'wrapper', 'possessed', 'measures', 'findsWithoutThat'],
  ['poll', 'byline', 'authored', 'accordingTo', 'wrapper', 'speaking', 'findsWithoutThat'],
  ['assessment', 'byline', 'authored', 'wrapper', 'possessed', 'measures', 'findsWithoutThat'],
  ['investigation', 'byline', 'wrapper', 'possessed', 'findsWithoutThat'],
  ['inquiry', 'byline', 'findsWithoutThat'],
  ['summary', 'byline', 'authored', 'released', 'accordingTo', 'wrapper', 'speaking'],
  ['note', 'authored'],
  ['paper', 'authored'],
  ['document', 'released', 'accordingTo', 'wrapper'],
  ['documents', 'authored', 'released', 'wrapper', 'counted'],
  ['records', 'authored', 'released', 'speaking', 'possessed', 'counted', 'measures'],
  ['log', 'authored', 'released', 'wrapper', 'speaking', 'possessed'],
  ['indictment', 'authored', 'charges'],
  ['complaint', 'authored', 'charges'],
  ['lawsuit', 'authored'],
  ['motion', 'authored'],
  ['forecast', 'authored'],
  ['estimate', 'authored', 'accordingTo', 'wrapper', 'byOwn'],
  ['estimates', 'authored', 'accordingTo', 'wrapper', 'speaking', 'possessed', 'counted', 'fromSource', 'measures', 'byOwn'],
  ['memo', 'authored', 'released', 'wrapper'],
  ['letter', 'authored', 'released', 'accordingTo', 'saidIn', 'wrapper'],
  ['statement', 'released', 'issued', 'accordingTo', 'saidIn', 'wrapper', 'speaking', 'possessed'],
  ['update', 'released'],
  ['release', 'issued', 'accordingTo', 'saidIn', 'wrapper'],
  ['press release', 'wrapper'],
  ['announcement', 'issued', 'accordingTo', 'wrapper'],
  ['presentation', 'saidIn'],
  ['post', 'wrapper'],
  ['readout', 'wrapper'],
  ['transcript', 'wrapper'],
  ['briefing', 'wrapper'],
  ['tweet', 'wrapper'],
  ['account', 'wrapper'],
  ['ruling', 'possessed'],
  ['numbers', 'possessed', 'counted', 'fromSource', 'measures'],
  ['count', 'possessed', 'counted', 'measures', 'byOwn'],
  ['tally', 'possessed', 'counted', 'byOwn'],
  ['calculations', 'counted', 'byOwn'],
  ['tallies', 'counted'],
  ['disclosures', 'counted'],
  ['valuation', 'possessed', 'measures'],
  ['map', 'possessed', 'measures'],
  ['register', 'possessed', 'measures'],
  ['accounts', 'possessed', 'measures'],
  ['counts', 'byOwn'],
  ['reckoning', 'byOwn'],
  ['calculation', 'byOwn'],
];

/** The document nouns read in a frame ("the report found" speaks; "a report by X" names its author). */
export const documentsIn = (frame: DocumentFrame): ReadonlySet<string> =>
  new Set(DOCUMENT_ROWS.filter(([, ...frames]) => frames.includes(frame)).map(([noun]) => noun));

/** The document nouns of a frame as a regular-expression alternation, longest first. */
export const documentPattern = (frame: DocumentFrame): string => alternation(documentsIn(frame));
