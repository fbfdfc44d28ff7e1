import { InitialSchema1764288000000 } from './1764288000000-initial-schema';
import { ChangeNotifications1796601600000 } from './1796601600000-change-notifications';

/** Every migration, oldest first; the DataSource runs the pending ones at startup. */
export const MIGRATIONS = [InitialSchema1764288000000, ChangeNotifications1796601600000];
