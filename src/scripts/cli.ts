import 'reflect-metadata';
import fs from 'node:fs/promises';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { ConfigError, loadConfig } from '../config';
import { Context, createAppContext, createContext } from '../context';
import { Database } from '../db/database';
import { fromGlobalId } from '../domain/global-id';
import { Role } from '../domain/types';
import { Article, Reviewer } from '../entities';
import { AppError, NotFoundError } from '../errors';
import { claimReviewsDocument } from '../exports';

const USAGE = `Usage: npm run cli -- <command>

Commands:
  reviewer add --name NAME --role VIEWER|REVIEWER|EDITOR [--quiet]
      Creates a reviewer and prints its API token once. Only a hash of the token is stored,
      so it cannot be shown again. --quiet prints the token alone, for scripts.
  reviewer list
      Lists every reviewer: id, name, role, and whether the token is revoked.
  reviewer revoke --id ID
      Revokes a reviewer's token at once (ID as shown by "reviewer list"). Their history stays.
  export claim-reviews [--article SLUG] [--out FILE]
      Writes the schema.org ClaimReviews (JSON-LD) of every claim with a final verdict, of one
      article or of all, to FILE or to stdout. Links are built on PUBLIC_BASE_URL.

The database is the one DATABASE_URL names (default sqlite:data/claimgraph.db).
`;

/** Exit codes: 0 done, 1 the command failed, 2 the command line is wrong. */
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

/** A mistake on the command line: reported with the usage, exit code 2. */
class UsageError extends Error {}

const ROLES = Object.values(Role) as string[];

type Output = { out: (text: string) => void; err: (text: string) => void };

/** Runs one CLI command; returns the process exit code. */
export async function runCli(argv: string[], io: Output = defaultOutput()): Promise<number> {
  let command: Command;
  try {
    command = parseCommand(argv);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`error: ${(error as Error).message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    throw error;
  }
  if (command.kind === 'help') {
    io.out(USAGE);
    return 0;
  }

  let db: Database | undefined;
  try {
    const config = loadConfig();
    // Logs go to stderr so stdout carries only what the command prints (a token can be piped).
    const logger = pino({ level: process.env.LOG_LEVEL ? config.logLevel : 'warn', base: { service: 'claimgraph-cli' } }, pino.destination(2));
    db = await Database.open(config.database, { limits: config });
    const ctx = createContext(createAppContext(config, db, logger), null);
    await execute(ctx, command, io);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof AppError) {
      io.err(`error: ${error.message}\n`);
      return EXIT_FAILED;
    }
    io.err(`error: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT_FAILED;
  } finally {
    await db?.close();
  }
}

type Command =
  | { kind: 'help' }
  | { kind: 'add'; name: string; role: Role; quiet: boolean }
  | { kind: 'list' }
  | { kind: 'revoke'; id: number; globalId: string }
  | { kind: 'export-claim-reviews'; slug: string | null; out: string | null };

function parseCommand(argv: string[]): Command {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      name: { type: 'string' },
      role: { type: 'string' },
      id: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      article: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length === 0 || positionals[0] === 'help') return { kind: 'help' };
  const [group, action, ...extra] = positionals;
  if (group === 'export') return parseExport(action, extra, values);
  if (group !== 'reviewer') throw new UsageError(`unknown command "${group}"`);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const allowed: Record<string, string[]> = { add: ['name', 'role', 'quiet'], list: [], revoke: ['id'] };
  if (action === undefined) throw new UsageError('say what to do: reviewer add, reviewer list or reviewer revoke');
  if (!(action in allowed)) throw new UsageError(`unknown command "reviewer ${action}"`);
  const stray = Object.keys(values).find((option) => option !== 'help' && !allowed[action].includes(option));
  if (stray) throw new UsageError(`"reviewer ${action}" takes no --${stray}`);

  if (action === 'add') {
    const name = values.name?.trim();
    if (!name) throw new UsageError('reviewer add needs --name NAME');
    const role = values.role?.trim().toUpperCase();
    if (!role) throw new UsageError(`reviewer add needs --role ${ROLES.join('|')}`);
    if (!ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}, not "${values.role}"`);
    return { kind: 'add', name, role: role as Role, quiet: values.quiet === true };
  }
  if (action === 'list') return { kind: 'list' };
  const globalId = values.id?.trim();
  if (!globalId) throw new UsageError('reviewer revoke needs --id ID (see reviewer list)');
  const decoded = fromGlobalId(globalId);
  if (!decoded || decoded.type !== 'Reviewer') throw new UsageError(`"${globalId}" is not a reviewer id; copy one from reviewer list`);
  return { kind: 'revoke', id: decoded.id, globalId };
}

function parseExport(action: string | undefined, extra: string[], values: Record<string, string | boolean | undefined>): Command {
  if (action !== 'claim-reviews') throw new UsageError(action === undefined ? 'say what to export: export claim-reviews' : `unknown command "export ${action}"`);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const stray = Object.keys(values).find((option) => !['help', 'article', 'out'].includes(option));
  if (stray) throw new UsageError(`"export claim-reviews" takes no --${stray}`);
  const slug = typeof values.article === 'string' ? values.article.trim() : null;
  const out = typeof values.out === 'string' ? values.out.trim() : null;
  if (slug === '') throw new UsageError('--article needs a slug');
  if (out === '') throw new UsageError('--out needs a file name');
  return { kind: 'export-claim-reviews', slug, out };
}

async function execute(ctx: Context, command: Exclude<Command, { kind: 'help' }>, io: Output): Promise<void> {
  const reviewers = ctx.services.reviewers;
  switch (command.kind) {
    case 'add': {
      const { reviewer, token } = await reviewers.create(ctx, { name: command.name, role: command.role });
      if (command.quiet) {
        io.out(`${token}\n`);
        return;
      }
      io.out(
        `Created ${reviewer.role} "${reviewer.name}" with id ${reviewer.globalId}.\n` +
        `API token (shown only this once; only its hash is stored, so keep it somewhere safe):\n\n` +
        `  ${token}\n\n` +
        `Send it with every request as the header  Authorization: Bearer <token>\n`,
      );
      return;
    }
    case 'list': {
      const rows = (await reviewers.list(ctx)).map((r) => [
        r.globalId, r.name, r.role, r.revokedAt ? `revoked ${r.revokedAt.toISOString()}` : 'active',
      ]);
      if (rows.length === 0) {
        io.out('No reviewers yet. Create one with: npm run cli -- reviewer add --name NAME --role ROLE\n');
        return;
      }
      io.out(table([['ID', 'NAME', 'ROLE', 'TOKEN'], ...rows]));
      return;
    }
    case 'revoke': {
      const before = await ctx.db.reader.getRepository(Reviewer).findOneBy({ id: command.id });
      if (!before) throw new NotFoundError('Reviewer', command.globalId);
      const reviewer = await reviewers.revoke(ctx, command.id);
      io.out(before.revokedAt
        ? `${reviewer.name}'s token was already revoked (${before.revokedAt.toISOString()}).\n`
        : `Revoked ${reviewer.role} "${reviewer.name}" (${command.globalId}); requests with their token now fail with UNAUTHENTICATED.\n`);
      return;
    }
    case 'export-claim-reviews': {
      let articles: Article[] | undefined;
      if (command.slug !== null) {
        const article = await ctx.db.reader.getRepository(Article).findOneBy({ slug: command.slug });
        if (!article) throw new NotFoundError('Article with slug', command.slug);
        articles = [article];
      }
      const document = await claimReviewsDocument(ctx.db.reader, ctx.config, articles);
      const json = `${JSON.stringify(document, null, 2)}\n`;
      if (command.out === null) {
        io.out(json);
        return;
      }
      await fs.writeFile(command.out, json, 'utf8');
      const count = Array.isArray(document['@graph']) ? document['@graph'].length : 0;
      io.err(`Wrote ${count} ClaimReview${count === 1 ? '' : 's'} to ${command.out}\n`);
      return;
    }
  }
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd()).join('\n') + '\n';
}

function defaultOutput(): Output {
  return { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) };
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`error: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = EXIT_FAILED;
    },
  );
}
