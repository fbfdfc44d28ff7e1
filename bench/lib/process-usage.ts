import fs from 'node:fs';

/**
 * Preloaded into a benchmarked process (`node -r …/process-usage.ts`): when it exits, writes to the file
 * named by PROCESS_USAGE_FILE its peak resident set size in bytes and the CPU seconds it used, every
 * thread included (the worker pool, SQLite's thread pool).
 */
const file = process.env.PROCESS_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    fs.writeFileSync(file, JSON.stringify({ peakRssBytes: usage.maxRSS * 1024, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 }));
  });
}
