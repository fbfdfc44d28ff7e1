import { InitialSchema1764288000000 } from './1764288000000-initial-schema';

/** Every migration, oldest first; the DataSource runs the pending ones at startup. */
export const MIGRATIONS = [InitialSchema1764288000000];
