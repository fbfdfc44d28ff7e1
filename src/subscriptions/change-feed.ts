import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { Logger } from '../logger';
import { Change, CHANGE_CHANNEL, parseChange } from './changes';

/** Where committed changes come from: whatever process wrote them. Runs only between start and stop. */
export interface ChangeFeed {
  /** Resolves once every change committed from now on will be published. */
  start(publish: (change: Change) => void): Promise<void>;
  stop(): Promise<void>;
}

// Enough rows per poll to catch up on a large seed run in a few rounds without one huge read.
const POLL_BATCH = 500;

/**
 * SQLite has no notifications, so the feed follows the tables: new `article` and `claim_event` rows by
 * id since the last seen. SQLite has one writer at a time and AUTOINCREMENT ids, so ids grow in commit
 * order and a row committed by any process (a seed run, another server) is found exactly once.
 */
export class SqliteChangeFeed implements ChangeFeed {
  private lastArticle = 0;
  private lastEvent = 0;
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> = Promise.resolve();
  private running = false;

  constructor(private readonly reader: DataSource, private readonly intervalMs: number, private readonly logger: Logger) {}

  async start(publish: (change: Change) => void): Promise<void> {
    const [marks] = (await this.reader.query(
      'SELECT (SELECT COALESCE(MAX(id), 0) FROM article) AS article, (SELECT COALESCE(MAX(id), 0) FROM claim_event) AS event',
    )) as { article: number; event: number }[];
    this.lastArticle = Number(marks.article);
    this.lastEvent = Number(marks.event);
    this.running = true;
    this.schedule(publish, this.intervalMs);
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.polling;
  }

  private schedule(publish: (change: Change) => void, delay: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.polling = this.poll(publish).then(
        (full) => this.schedule(publish, full ? 0 : this.intervalMs),
        (error: unknown) => {
          this.logger.warn({ err: error }, 'change feed: reading new rows failed; retrying');
          this.schedule(publish, this.intervalMs);
        },
      );
    }, delay);
    this.timer.unref();
  }

  /** One round; true when a batch was full and more rows may be waiting. */
  private async poll(publish: (change: Change) => void): Promise<boolean> {
    const articles = (await this.reader.query('SELECT id FROM article WHERE id > ? ORDER BY id LIMIT ?', [this.lastArticle, POLL_BATCH])) as { id: number }[];
    const events = (await this.reader.query(
      `SELECT e.id AS id, e.claim_id AS claim_id, c.article_id AS article_id
         FROM claim_event e JOIN claim c ON c.id = e.claim_id
        WHERE e.id > ? ORDER BY e.id LIMIT ?`,
      [this.lastEvent, POLL_BATCH],
    )) as { id: number; claim_id: number; article_id: number }[];
    if (!this.running) return false;
    // An article is published before the CREATED events of its claims, which its transaction wrote after it.
    for (const row of articles) {
      this.lastArticle = Number(row.id);
      publish({ kind: 'article', articleId: Number(row.id) });
    }
    for (const row of events) {
      this.lastEvent = Number(row.id);
      publish({ kind: 'claimEvent', eventId: Number(row.id), claimId: Number(row.claim_id), articleId: Number(row.article_id) });
    }
    return articles.length === POLL_BATCH || events.length === POLL_BATCH;
  }
}

// Waits before reconnecting a lost LISTEN connection, so a database restart is not hammered.
const RECONNECT_DELAY_MS = 1000;

/**
 * PostgreSQL notifies at commit: triggers on `article` and `claim_event` inserts (migration
 * ChangeNotifications) call pg_notify, so every writer, in any process, is heard on one LISTEN connection.
 */
export class PostgresChangeFeed implements ChangeFeed {
  private client: Client | null = null;
  private running = false;
  private reconnectTimer: NodeJS.Timeout | null = null;

  constructor(private readonly url: string, private readonly logger: Logger) {}

  async start(publish: (change: Change) => void): Promise<void> {
    this.running = true;
    await this.connect(publish);
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(publish: (change: Change) => void): Promise<void> {
    const client = new Client({ connectionString: this.url });
    client.on('notification', (message) => {
      if (message.channel !== CHANGE_CHANNEL) return;
      const change = parseChange(message.payload);
      if (change) publish(change);
      else this.logger.warn({ payload: message.payload }, 'change feed: ignored a malformed notification');
    });
    client.on('error', (error) => this.lost(client, publish, error));
    client.on('end', () => this.lost(client, publish, null));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch (error) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
  }

  // Changes committed while the connection is down are not heard; subscribers are told in the log only.
  private lost(client: Client, publish: (change: Change) => void, error: Error | null): void {
    if (!this.running || this.client !== client) return;
    this.client = null;
    this.logger.error({ err: error }, 'change feed: the LISTEN connection was lost; reconnecting');
    const retry = () => {
      this.reconnectTimer = null;
      if (!this.running) return;
      this.connect(publish).catch((reason: unknown) => {
        this.logger.error({ err: reason }, 'change feed: reconnecting failed');
        this.reconnectTimer = setTimeout(retry, RECONNECT_DELAY_MS);
      });
    };
    this.reconnectTimer = setTimeout(retry, RECONNECT_DELAY_MS);
  }
}
