import type { DataSource, EntityMetadata } from 'typeorm';
import { Dialect, SqlBuilder } from '../db/sql';
import { EXACT_COUNT_UP_TO, LISTS } from '../domain/limits';
import { Article, Claim, ClaimEvent, Evidence, Review, Reviewer, Source } from '../entities';
import { CheckedClaimFilter, claimScan, indexedSearch, windowEnd } from '../services/claim-filter';
import type { PageWindow, TotalCount } from '../services/pagination';
import type { Loaders } from './index';

/** Which relations of the claims on a page the request selects, so the page's one statement fetches exactly those. */
export interface ClaimPageShape {
  article: boolean;
  /** Article bodies are large: fetched only when the operation asks for `body` somewhere. */
  articleBody: boolean;
  source: boolean;
  reviews: boolean;
  reviewers: boolean;
  evidence: boolean;
  history: boolean;
  actors: boolean;
}

export type Row = Record<string, unknown>;

const SQLITE_DATETIME = /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,3}))?)?Z?$/;

const digit = (text: string, at: number): number => {
  const d = text.charCodeAt(at) - 48;
  return d >= 0 && d <= 9 ? d : NaN;
};
const twoDigits = (text: string, at: number): number => digit(text, at) * 10 + digit(text, at + 1);

/**
 * The instant of the two forms stored timestamps take, read by position without a regular expression:
 * `2026-01-02 03:04:05` (the columns' default, `datetime('now')`) and `2026-01-02 03:04:05.678` (a time the
 * service wrote); null for any other form, which SQLITE_DATETIME reads.
 */
const storedInstant = (text: string): number | null => {
  const millis = text.length === 23 && text.charCodeAt(19) === 46;
  if ((text.length !== 19 && !millis) || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 32
    || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return null;
  const instant = Date.UTC(
    twoDigits(text, 0) * 100 + twoDigits(text, 2), twoDigits(text, 5) - 1, twoDigits(text, 8),
    twoDigits(text, 11), twoDigits(text, 14), twoDigits(text, 17), millis ? digit(text, 20) * 100 + twoDigits(text, 21) : 0,
  );
  return Number.isNaN(instant) ? null : instant;
};

/** The instant of any other text form SQLite gives (`2026-01-02T03:04:05.6Z`, `2026-01-02 03:04`), or null. */
const sqliteInstant = (text: string): number | null => {
  const parts = SQLITE_DATETIME.exec(text);
  if (!parts) return null;
  const [, year, month, day, hour, minute, second, millis] = parts;
  return Date.UTC(+year, +month - 1, +day, +hour, +minute, +(second ?? 0), millis ? +millis.padEnd(3, '0') : 0);
};

/**
 * A stored timestamp that keeps its text (`2026-01-02 03:04:05.678`, UTC): `toISOString`, which the DateTimeISO
 * scalar and JSON call for every date of a response, rewrites that text instead of formatting the instant again,
 * for as long as the instant is the one read.
 */
export class StoredDate extends Date {
  constructor(private readonly instant: number, private readonly text: string) {
    super(instant);
  }

  override toISOString(): string {
    return this.getTime() === this.instant ? `${this.text.slice(0, 10)}T${this.text.slice(11)}Z` : super.toISOString();
  }
}

type Constructor<T> = { new (): T; prototype: T };

/**
 * Builds entities from raw rows (or JSON objects keyed by column) without TypeORM's hydration: column
 * names to properties, and dates converted by the driver's own rule so values are identical.
 */
export class RowMapper<T extends object> {
  readonly columns: { database: string; property: string; isDate: boolean; isSqliteDate: boolean; metadata: EntityMetadata['columns'][number] }[];

  constructor(private readonly source: DataSource, private readonly entity: Constructor<T>, omit: string[] = []) {
    this.columns = source.getMetadata(entity).columns
      .filter((column) => !omit.includes(column.propertyName))
      .map((column) => ({
        database: column.databaseName,
        property: column.propertyName,
        isDate: column.type === 'datetime' || column.type === 'timestamptz' || column.type === Date,
        isSqliteDate: column.type === 'datetime',
        metadata: column,
      }));
  }

  map(row: Row): T {
    const entity = Object.create(this.entity.prototype) as Record<string, unknown>;
    for (const column of this.columns) {
      const value = row[column.database];
      entity[column.property] = column.isDate && value != null ? this.date(value, column) : value;
    }
    return entity as T;
  }

  /**
   * SQLite's own text forms (`2026-01-02 03:04:05.678`, UTC) read field by field, the same instant the
   * driver's rule gives (it adds the T and the Z, then has Date parse the text) at a fraction of the cost;
   * any other form (PostgreSQL's, with its zone) goes to the driver.
   */
  private date(value: unknown, column: RowMapper<T>['columns'][number]): unknown {
    if (!column.isSqliteDate || typeof value !== 'string') return this.source.driver.prepareHydratedValue(value, column.metadata);
    const stored = storedInstant(value);
    // Only the full form (with milliseconds) is the ISO text but for the T and the Z.
    if (stored !== null) return value.length === 23 ? new StoredDate(stored, value) : new Date(stored);
    const instant = sqliteInstant(value);
    return instant !== null ? new Date(instant) : this.source.driver.prepareHydratedValue(value, column.metadata);
  }

  /** The database names of the columns mapped. */
  columnNames(): string[] {
    return this.columns.map((column) => column.database);
  }

  /** A JSON object of this entity's columns from the row aliased `alias`, extra members appended. */
  jsonObject(dialect: Dialect, alias: string, extra: string[] = []): string {
    const members = this.columns.flatMap((column) => [`'${column.database}'`, `${alias}.${column.database}`]).concat(extra);
    return `${dialect === 'postgres' ? 'json_build_object' : 'json_object'}(${members.join(', ')})`;
  }
}

/**
 * Newest `limit` rows of `table` whose `column` equals `parent`, as a JSON array oldest first. The rows read
 * only the columns the JSON object names (a table's other columns, such as an event's snapshot, are never
 * copied through the subquery), and `join` adds a parent to each (see `jsonParent`).
 */
function jsonChildren(dialect: Dialect, table: string, alias: string, column: string, parent: string, limit: number, columns: string[], object: string, join = ''): string {
  const recent = `(SELECT ${columns.join(', ')} FROM ${table} WHERE ${column} = ${parent} ORDER BY id DESC LIMIT ${limit}) ${alias}${join}`;
  return dialect === 'postgres'
    ? `(SELECT COALESCE(json_agg(${object} ORDER BY ${alias}.id), '[]'::json) FROM ${recent})`
    : `(SELECT json_group_array(${object} ORDER BY ${alias}.id) FROM ${recent})`;
}

/**
 * A parent row (a review's reviewer, an event's actor) joined to each child row instead of read by a subquery
 * per child: SQLite would hand a subquery's JSON back as text and re-parse it to nest it. Null without one.
 */
function jsonParent(dialect: Dialect, mapper: RowMapper<object>, table: string, alias: string, key: string): { join: string; value: string } {
  return {
    join: ` LEFT JOIN ${table} ${alias} ON ${alias}.id = ${key}`,
    value: `CASE WHEN ${alias}.id IS NULL THEN NULL ELSE ${mapper.jsonObject(dialect, alias)} END`,
  };
}

/** A JSON value from a subquery, kept as JSON inside an enclosing JSON object. */
function nested(dialect: Dialect, subquery: string): string {
  return dialect === 'postgres' ? subquery : `json(${subquery})`;
}

export function parsed<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/**
 * Reads pages of claims with the relations a request selects in ONE statement (JSON aggregation:
 * SQLite's json_group_array, PostgreSQL's json_agg), and primes the request's loaders with them, so the
 * field resolvers find everything loaded.
 */
export class ClaimRows {
  private readonly claim: RowMapper<Claim>;
  private readonly article: RowMapper<Article>;
  private readonly articleWithoutBody: RowMapper<Article>;
  private readonly source: RowMapper<Source>;
  private readonly review: RowMapper<Review>;
  private readonly reviewer: RowMapper<Reviewer>;
  private readonly evidence: RowMapper<Evidence>;
  private readonly event: RowMapper<ClaimEvent>;
  private readonly selectLists = new Map<string, string>();

  constructor(private readonly reader: DataSource, readonly dialect: Dialect) {
    this.claim = new RowMapper(reader, Claim);
    this.article = new RowMapper(reader, Article);
    this.articleWithoutBody = new RowMapper(reader, Article, ['body']);
    this.source = new RowMapper(reader, Source);
    this.review = new RowMapper(reader, Review);
    this.reviewer = new RowMapper(reader, Reviewer);
    this.evidence = new RowMapper(reader, Evidence);
    // The snapshot (the claim's columns after the event, a copy of its text and quote) is only for time
    // travel, which reads its own events; no field shows it, and a page's history leaves it behind.
    this.event = new RowMapper(reader, ClaimEvent, ['snapshot']);
  }

  /**
   * Up to `first + 1` claims after the window's cursor, in id order, with the selected relations loaded into
   * `loaders`; and, when a bounded scan (a short search) stopped before the end without filling the page,
   * the id of the last claim it scanned, which the next page resumes after. With `withTotal` the count of
   * every match rides along in the same statement (an uncorrelated subquery: run once, not per row) whenever
   * it can: `total` is null when the page came back empty or the count needs more than one statement.
   */
  async page(filter: CheckedClaimFilter, window: PageWindow, shape: ClaimPageShape, loaders: Loaders, withTotal = false): Promise<{ claims: Claim[]; scannedTo: number | null; total: TotalCount | null }> {
    const { dialect } = this;
    const sql = new SqlBuilder(dialect);
    // Placeholders are bound in the order they appear in the text: the count's in the select list first.
    const counted = withTotal ? this.countQuery(sql, filter) : null;
    const scan = claimScan(sql, filter, window.afterId);
    const rows = await this.reader.query(`SELECT ${this.selectList(shape)}${counted ? `, (${counted.sql}) AS total_count` : ''} FROM ${scan.from}
      ${scan.where.length > 0 ? `WHERE ${scan.where.join(' AND ')}` : ''} ORDER BY ${scan.orderBy} LIMIT ${sql.bind(window.first + 1)}`, sql.params) as Row[];
    const claims = rows.map((row) => this.prime(row, shape, loaders));
    const scannedTo = scan.bounded && claims.length <= window.first ? await this.windowEnd(filter, window.afterId) : null;
    const total = counted && rows.length > 0 ? counted.total(Number(rows[0].total_count)) : null;
    return { claims, scannedTo, total };
  }

  /** The last id of a short search's scan window after `afterId`, or null when the window reached the end. */
  private async windowEnd(filter: CheckedClaimFilter, afterId: number | null): Promise<number | null> {
    const sql = new SqlBuilder(this.dialect);
    const rows = await this.reader.query(windowEnd(sql, filter, afterId), sql.params) as { id: number | string }[];
    return rows.length === 2 ? Number(rows[0].id) : null;
  }

  /** The columns and JSON-aggregated relations a page of this shape selects: built once per shape. */
  private selectList(shape: ClaimPageShape): string {
    const key = JSON.stringify(shape);
    let list = this.selectLists.get(key);
    if (list === undefined) {
      list = this.buildSelectList(shape);
      this.selectLists.set(key, list);
    }
    return list;
  }

  private buildSelectList(shape: ClaimPageShape): string {
    const { dialect } = this;
    const select = ['c.*'];
    const article = shape.articleBody ? this.article : this.articleWithoutBody;
    if (shape.article) select.push(`(SELECT ${article.jsonObject(dialect, 'a')} FROM article a WHERE a.id = c.article_id) AS article_json`);
    if (shape.source) select.push(`(SELECT ${this.source.jsonObject(dialect, 's')} FROM source s WHERE s.id = c.source_id) AS source_json`);
    if (shape.reviews) {
      const extra: string[] = [];
      const reviewer = shape.reviewers ? jsonParent(dialect, this.reviewer, 'reviewer', 'v', 'r.reviewer_id') : null;
      if (reviewer) extra.push(`'reviewer'`, reviewer.value);
      if (shape.evidence) {
        extra.push(`'evidence'`, nested(dialect, jsonChildren(dialect, 'evidence', 'e', 'review_id', 'r.id', LISTS.evidencePerReview,
          this.evidence.columnNames(), this.evidence.jsonObject(dialect, 'e'))));
      }
      select.push(`${jsonChildren(dialect, 'review', 'r', 'claim_id', 'c.id', LISTS.reviewsShown,
        this.review.columnNames(), this.review.jsonObject(dialect, 'r', extra), reviewer?.join)} AS reviews_json`);
    }
    if (shape.history) {
      const actor = shape.actors ? jsonParent(dialect, this.reviewer, 'reviewer', 'v', 'h.actor_id') : null;
      select.push(`${jsonChildren(dialect, 'claim_event', 'h', 'claim_id', 'c.id', LISTS.historyShown,
        this.event.columnNames(), this.event.jsonObject(dialect, 'h', actor ? [`'actor'`, actor.value] : []), actor?.join)} AS history_json`);
    }
    return select.join(', ');
  }

  /**
   * Maps a row of the page and primes the loaders with it. A parent shared by several claims of the page (an
   * article, a source, a reviewer on many reviews) comes once per claim in the row and is mapped only the
   * first time: a loader keeps the first value primed, and every copy comes from the same statement.
   */
  private prime(row: Row, shape: ClaimPageShape, loaders: Loaders): Claim {
    const claim = this.claim.map(row);
    loaders.claim.prime(claim.id, claim);
    if (shape.article && !loaders.article.holds(claim.articleId)) {
      const article = (shape.articleBody ? this.article : this.articleWithoutBody).map(parsed<Row>(row.article_json));
      loaders.article.prime(article.id, article);
    }
    if (shape.source && !loaders.source.holds(claim.sourceId)) {
      const source = this.source.map(parsed<Row>(row.source_json));
      loaders.source.prime(source.id, source);
    }
    if (shape.reviews) {
      const reviews = parsed<Row[]>(row.reviews_json).map((json) => {
        const review = this.review.map(json);
        if (shape.reviewers && !loaders.reviewer.holds(review.reviewerId)) loaders.reviewer.prime(review.reviewerId, this.reviewer.map(json.reviewer as Row));
        if (shape.evidence) loaders.evidenceByReview.prime(review.id, (json.evidence as Row[]).map((e) => this.evidence.map(e)));
        return review;
      });
      loaders.reviewsByClaim.prime(claim.id, reviews);
    }
    if (shape.history) {
      const events = parsed<Row[]>(row.history_json).map((json) => {
        const event = this.event.map(json);
        if (shape.actors && event.actorId !== null && !loaders.reviewer.holds(event.actorId)) {
          loaders.reviewer.prime(event.actorId, this.reviewer.map(json.actor as Row));
        }
        return event;
      });
      loaders.eventsByClaim.prime(claim.id, events);
    }
    return claim;
  }

  /**
   * How many claims match: from the (state, stance) tally when the filter is only states and stances,
   * exactly over one article's index range, otherwise counted up to EXACT_COUNT_UP_TO and no further.
   */
  async count(filter: CheckedClaimFilter): Promise<TotalCount> {
    const sql = new SqlBuilder(this.dialect);
    const counted = this.countQuery(sql, filter);
    if (counted) {
      const [{ n }] = await this.reader.query(`SELECT (${counted.sql}) AS n`, sql.params) as { n: number | string }[];
      return counted.total(Number(n));
    }
    // A short search: its count is a lower bound when its window stops before the last claim.
    const scan = claimScan(sql, filter);
    const [{ n }] = await this.reader.query(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${scan.from} WHERE ${scan.where.join(' AND ')}
      LIMIT ${EXACT_COUNT_UP_TO + 1}) capped`, sql.params) as { n: number | string }[];
    const count = Number(n);
    if (count > EXACT_COUNT_UP_TO) return { count: EXACT_COUNT_UP_TO, exact: false };
    return { count, exact: (await this.windowEnd(filter, null)) === null };
  }

  /**
   * The count as one scalar subquery and how to read its value, or null for a short search (a bounded scan,
   * whose exactness takes a second statement).
   */
  private countQuery(sql: SqlBuilder, filter: CheckedClaimFilter): { sql: string; total: (n: number) => TotalCount } | null {
    const exact = (count: number): TotalCount => ({ count, exact: true });
    if (filter.articleId === null && filter.sourceId === null && filter.search === null) {
      const where: string[] = [];
      if (filter.states !== null) where.push(filter.states.length === 0 ? '1 = 0' : `state IN (${sql.list(filter.states)})`);
      if (filter.stances !== null) where.push(filter.stances.length === 0 ? '1 = 0' : `stance IN (${sql.list(filter.stances)})`);
      return { sql: `SELECT COALESCE(SUM(n), 0) FROM claim_tally ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`, total: exact };
    }
    if (filter.search !== null && filter.articleId === null && !indexedSearch(filter.search)) return null;
    const scan = claimScan(sql, filter);
    const where = scan.where.join(' AND ');
    if (filter.articleId !== null) return { sql: `SELECT COUNT(*) FROM ${scan.from} WHERE ${where}`, total: exact };
    return {
      sql: `SELECT COUNT(*) FROM (SELECT 1 FROM ${scan.from} WHERE ${where} LIMIT ${EXACT_COUNT_UP_TO + 1}) capped`,
      total: (count) => (count > EXACT_COUNT_UP_TO ? { count: EXACT_COUNT_UP_TO, exact: false } : { count, exact: true }),
    };
  }
}
