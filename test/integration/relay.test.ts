import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SCHEMA_FILE } from '../../src/graphql/schema';

const COMPILER = path.resolve(__dirname, '../../node_modules/relay-compiler/cli.js');

/** Runs relay-compiler over the fixture fragments against a schema; returns its exit status and output. */
function compile(schema: string): { status: number; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-relay-'));
  try {
    fs.mkdirSync(path.join(dir, 'src', '__generated__'), { recursive: true });
    fs.copyFileSync(path.resolve(__dirname, '../fixtures/relay/connections.ts'), path.join(dir, 'src', 'connections.ts'));
    fs.writeFileSync(path.join(dir, 'schema.graphql'), schema);
    fs.writeFileSync(path.join(dir, 'relay.config.json'), JSON.stringify({
      src: './src', schema: './schema.graphql', language: 'typescript', artifactDirectory: './src/__generated__',
    }));
    try {
      const output = execFileSync(process.execPath, [COMPILER], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
      return { status: 0, output };
    } catch (error) {
      const failed = error as { status: number; stdout: string; stderr: string };
      return { status: failed.status, output: `${failed.stdout}${failed.stderr}` };
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('Relay', () => {
  it('compiles paginated fragments over every connection of the committed schema', () => {
    const result = compile(fs.readFileSync(SCHEMA_FILE, 'utf8'));
    expect(result.output).toContain('Compilation completed');
    expect(result.status).toBe(0);
  });

  it('would reject a connection without pageInfo.endCursor, so the check above can fail', () => {
    const broken = fs.readFileSync(SCHEMA_FILE, 'utf8').replace(/^ {2}endCursor: String\n/m, '');
    const result = compile(broken);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/pageInfo \{ endCursor \}/);
  });
});
