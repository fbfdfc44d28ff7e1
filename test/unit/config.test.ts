import { ConfigError, loadConfig, parseDatabaseUrl } from '../../src/config';

describe('loadConfig', () => {
  it('defaults to an embedded SQLite file under data/ on port 4000 with a quorum of 2', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.reviewQuorum).toBe(2);
    expect(config.database).toEqual({ kind: 'sqlite', file: expect.stringMatching(/data\/claimgraph\.db$/) });
    expect(config.introspection).toBe(true);
  });

  it('extracts claims in 2 worker threads with a minute per article unless told otherwise', () => {
    expect(loadConfig({})).toMatchObject({ extractionWorkers: 2, extractionTimeoutMs: 60_000 });
    expect(loadConfig({ EXTRACTION_WORKERS: '4', EXTRACTION_TIMEOUT_MS: '250' })).toMatchObject({ extractionWorkers: 4, extractionTimeoutMs: 250 });
  });

  it('reads PostgreSQL from DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@localhost:5432/cg' }).database).toEqual({ kind: 'postgres', url: 'postgres://u:p@localhost:5432/cg' });
  });

  it('turns introspection off in production unless asked for', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', INTROSPECTION: 'true' }).introspection).toBe(true);
  });

  it.each([
    ['PORT', 'eighty', /PORT must be an integer/],
    ['PORT', '70000', /PORT must be an integer from 0 to 65535/],
    ['REVIEW_QUORUM', '0', /REVIEW_QUORUM/],
    ['INTROSPECTION', 'maybe', /INTROSPECTION must be true or false/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
    ['DATABASE_URL', 'mysql://localhost/db', /DATABASE_URL must be/],
    ['EXTRACTION_WORKERS', '0', /EXTRACTION_WORKERS must be an integer from 1 to 64/],
    ['EXTRACTION_TIMEOUT_MS', 'soon', /EXTRACTION_TIMEOUT_MS must be an integer/],
  ])('fails fast on %s=%s with a message naming the variable', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('never prints database credentials in its errors', () => {
    expect(() => parseDatabaseUrl('mysql://admin:secret@db/x')).toThrow(/^(?!.*secret)/);
  });
});

describe('admission and shutdown settings', () => {
  it('default to 4 readers, 10 s statements, 5 s waits, 1000 queued writes for 10 s, and 10 s to shut down', () => {
    expect(loadConfig({})).toMatchObject({
      sqliteReaders: 4, dbStatementTimeoutMs: 10_000, dbPoolSize: 10, dbAcquireTimeoutMs: 5_000,
      writeQueueMax: 1000, writeQueueTimeoutMs: 10_000, shutdownTimeoutMs: 10_000,
    });
  });

  it.each(['SQLITE_READERS', 'DB_STATEMENT_TIMEOUT_MS', 'DB_POOL_SIZE', 'DB_ACQUIRE_TIMEOUT_MS', 'WRITE_QUEUE_MAX', 'WRITE_QUEUE_TIMEOUT_MS', 'SHUTDOWN_TIMEOUT_MS'])(
    'fails fast on a malformed %s, naming it',
    (name) => {
      expect(() => loadConfig({ [name]: '-5' })).toThrow(new RegExp(`^${name} must be an integer`));
    },
  );
});
