import { SourceKind, SourceRef } from './types';

// The extractor owns the name rules (titles, surnames, metonyms); everything else uses them from here.
export { normalizeSourceName, sameSource } from './extraction/sources';

/** A source with its name trimmed and its kind defaulted. */
export function cleanSourceRef(source: SourceRef): SourceRef {
  const affiliation = source.affiliation?.trim();
  return {
    name: source.name.trim().replace(/\s+/g, ' '),
    kind: source.kind ?? SourceKind.UNKNOWN,
    affiliation: affiliation ? affiliation : null,
  };
}
