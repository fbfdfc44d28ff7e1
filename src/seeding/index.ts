/** Loading articles from files: the seed formats and the loop that ingests them, one transaction each. */
export { parsePlainArticle, parseSeedJson, readSeedFile, SeedError } from './format';
export { loadSeeds, SEEDS_DIR, seedFiles, seedIfEmpty, type SeedOutcome, type SeedSummary } from './loader';
