/**
 * Worker thread entry: extracts the claims of one article per message, off the server's event loop.
 * Started by ExtractionPool (extraction-pool.ts); it posts `ready` once loaded, then answers each task.
 */
import { parentPort } from 'node:worker_threads';
import { extractClaimsFor } from './extract-claims';
import type { ExtractionReply, ExtractionTask } from './extraction-pool';

const port = parentPort;
if (!port) throw new Error('extraction.worker runs only as a worker thread');

port.on('message', (task: ExtractionTask) => {
  let reply: ExtractionReply;
  try {
    reply = { claims: extractClaimsFor(task) };
  } catch (error) {
    reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
});
// One small article first: the segmenter's data and the rules' regexes load before any budget runs.
extractClaimsFor({ body: 'The council said on Monday that bus fares rose by 5 percent in 2024.', publisher: null });
port.postMessage({ ready: true });
