import { ensureConsoleBuilt } from './console-build';

// Once before every worker starts: the HTTP and browser tests serve the built console bundles.
export default function globalSetup(): void {
  ensureConsoleBuilt();
}
