import { Source } from '../../src/entities';
import { SourceKind } from '../../src/domain/types';
import { createTestApp, TestApp } from '../support/app';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

describe('Database.write', () => {
  it('keeps 40 concurrent transactions apart: every committed one is whole, every failed one leaves nothing', async () => {
    const attempts = Array.from({ length: 40 }, (_, i) => i);
    const outcomes = await Promise.allSettled(attempts.map((i) =>
      app.db.write(async (manager) => {
        await manager.insert(Source, { name: `first ${i}`, normalizedName: `first ${i}`, kind: SourceKind.UNKNOWN, affiliation: null });
        // Yield so that, without a lane, other transactions would interleave on the shared connection.
        await new Promise((resolve) => setTimeout(resolve, i % 3));
        await manager.insert(Source, { name: `second ${i}`, normalizedName: `second ${i}`, kind: SourceKind.UNKNOWN, affiliation: null });
        if (i % 4 === 0) throw new Error(`transaction ${i} fails on purpose`);
        return i;
      }),
    ));
    const failed = attempts.filter((i) => i % 4 === 0);
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(failed.length);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') expect(String(outcome.reason)).toMatch(/fails on purpose/);
    }
    const names = new Set((await app.db.reader.getRepository(Source).find()).map((s) => s.name));
    for (const i of attempts) {
      const committed = i % 4 !== 0;
      expect(names.has(`first ${i}`)).toBe(committed);
      expect(names.has(`second ${i}`)).toBe(committed);
    }
  });

  it('lets save() and nested transactions run inside a write without breaking it', async () => {
    await expect(app.db.write(async (manager) => {
      await manager.getRepository(Source).save({ name: 'Saved', normalizedName: 'saved', kind: SourceKind.UNKNOWN, affiliation: null });
      await manager.transaction(async (inner) => {
        await inner.insert(Source, { name: 'Nested', normalizedName: 'nested', kind: SourceKind.UNKNOWN, affiliation: null });
      });
      throw new Error('roll everything back');
    })).rejects.toThrow('roll everything back');
    const rows = await app.db.reader.getRepository(Source).findBy([{ normalizedName: 'saved' }, { normalizedName: 'nested' }]);
    expect(rows).toEqual([]);
  });

  it('never shows a reader what an open transaction has not committed', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const writing = app.db.write(async (manager) => {
      await manager.insert(Source, { name: 'Pending', normalizedName: 'pending', kind: SourceKind.UNKNOWN, affiliation: null });
      await gate;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await app.db.reader.getRepository(Source).countBy({ normalizedName: 'pending' })).toBe(0);
    release();
    await writing;
    expect(await app.db.reader.getRepository(Source).countBy({ normalizedName: 'pending' })).toBe(1);
  });
});
