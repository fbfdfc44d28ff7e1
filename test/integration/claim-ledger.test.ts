import fs from 'node:fs';
import path from 'node:path';
import { Role, Stance } from '../../src/domain/types';
import { Article, Claim, ClaimEvent, Source } from '../../src/entities';
import { ClaimLedger } from '../../src/services/claim-ledger';
import { createTestApp, TestApp } from '../support/app';

const SRC = path.join(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(path.join(dir, entry.name)) : entry.name.endsWith('.ts') ? [path.join(dir, entry.name)] : []);
}

describe('the claim ledger', () => {
  it('is the only code that writes claims, their events and their term index', () => {
    const writers = sourceFiles(SRC).filter((file) =>
      /\b(into|update|from)\((Claim|ClaimEvent|ClaimTerm)\)|getRepository\((Claim|ClaimEvent|ClaimTerm)\)\.(insert|update|save|delete|remove)\(|insertRows\(\w+, (Claim|ClaimEvent|ClaimTerm)\b/.test(fs.readFileSync(file, 'utf8')));
    expect(writers.map((file) => path.relative(SRC, file))).toEqual([path.join('services', 'claim-ledger.ts')]);
  });

  it('keeps services free of the GraphQL context: they take the small request context', () => {
    const importers = sourceFiles(path.join(SRC, 'services')).concat(sourceFiles(path.join(SRC, 'auth')))
      .filter((file) => /from '\.\.\/context'/.test(fs.readFileSync(file, 'utf8')));
    expect(importers).toEqual([]);
  });

  describe('create', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await createTestApp();
    });
    afterAll(async () => {
      await app.close();
    });

    it('returns the new claims\' ids in the order given, each claim at version 1 with one CREATED event by the actor', async () => {
      const { reviewer: editor } = await app.reviewer(Role.EDITOR, 'Ledger Editor');
      const texts = Array.from({ length: 250 }, (_, i) => `Statement number ${i}`);
      const body = texts.join('. ');
      const ledger = new ClaimLedger();
      const ids = await app.db.write(async (manager) => {
        await manager.getRepository(Article).insert({ slug: 'ledger', title: 'Ledger', body, contentHash: 'x'.repeat(64), language: 'en' });
        const article = await manager.getRepository(Article).findOneByOrFail({ slug: 'ledger' });
        await manager.getRepository(Source).insert({ name: 'Desk', normalizedName: 'desk', kind: 'UNKNOWN' as never, affiliation: null });
        const source = await manager.getRepository(Source).findOneByOrFail({ normalizedName: 'desk' });
        let at = 0;
        return ledger.create(manager, texts.map((text) => {
          const start = body.indexOf(text, at);
          at = start + text.length;
          return { articleId: article.id, sourceId: source.id, assigneeId: null, text, quoteExact: text, quotePrefix: '', quoteSuffix: '',
            quoteStart: start, quoteEnd: start + text.length, stance: Stance.ASSERTS, checkworthiness: null, anchorRevision: 1 };
        }), editor.id);
      });
      const stored = new Map((await app.db.reader.getRepository(Claim).find()).map((claim) => [claim.id, claim]));
      const created = ids.map((id) => stored.get(id)!);
      expect(created.map((claim) => claim.text)).toEqual(texts);
      expect(created.every((claim) => claim.version === 1 && claim.state === 'UNVERIFIED')).toBe(true);
      const events = await app.db.reader.getRepository(ClaimEvent).find({ order: { claimId: 'ASC' } });
      expect(events.map((e) => [e.claimId, e.version, e.kind, e.actorId])).toEqual(created.map((c) => [c.id, 1, 'CREATED', editor.id]));
      expect(await app.db.reader.getRepository(Claim).count()).toBe(250);
    });
  });
});
