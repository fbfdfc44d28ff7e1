import type { DataSource } from 'typeorm';
import { Dialect, SqlBuilder } from '../db/sql';
import { Article, Claim } from '../entities';
import { CheckedClaimFilter, claimScan } from '../services/claim-filter';
import type { PageWindow } from '../services/pagination';
import { parsed, Row, RowMapper } from './claim-rows';

/** A page of one article's claims to read along with the article. */
export interface ArticleClaimsRequest {
  /** Conditions within the article (its own articleId, if any, is one more condition). */
  filter: CheckedClaimFilter;
  window: PageWindow;
}

/** One article as read, with up to `first + 1` of its claims in id order and how many the filter matches in it. */
export interface ArticleRead {
  article: Article;
  claims: Claim[] | null;
  total: number | null;
}

/**
 * Reads one article and a page of its claims in ONE statement (the claims as a JSON array: SQLite's
 * json_group_array, PostgreSQL's json_agg), mapped without TypeORM's hydration; the body only when asked for.
 */
export class ArticleRows {
  private readonly article: RowMapper<Article>;
  private readonly articleWithoutBody: RowMapper<Article>;
  private readonly claim: RowMapper<Claim>;
  /** The parts of the statement that never change, built once: the article's columns, a claim as JSON. */
  private readonly articleColumns: { withBody: string[]; withoutBody: string[] };
  private readonly claimObject: string;

  constructor(private readonly reader: DataSource, private readonly dialect: Dialect) {
    this.article = new RowMapper(reader, Article);
    this.articleWithoutBody = new RowMapper(reader, Article, ['body']);
    this.claim = new RowMapper(reader, Claim);
    const columns = (mapper: RowMapper<Article>) => mapper.columns.map((column) => `a.${column.database}`);
    this.articleColumns = { withBody: columns(this.article), withoutBody: columns(this.articleWithoutBody) };
    this.claimObject = this.claim.jsonObject(dialect, 'c');
  }

  /** The article with this id or slug (null if none), with the page of claims `claims` asks for. */
  async one(where: { id: number } | { slug: string }, withBody: boolean, claims: ArticleClaimsRequest | null): Promise<ArticleRead | null> {
    const { dialect } = this;
    const sql = new SqlBuilder(dialect);
    const mapper = withBody ? this.article : this.articleWithoutBody;
    const select = [...(withBody ? this.articleColumns.withBody : this.articleColumns.withoutBody)];
    if (claims) {
      // Placeholders are bound in the order they appear in the text: the page, the count, then the article.
      const page = claimScan(sql, claims.filter, claims.window.afterId);
      const rows = `(SELECT * FROM claim c WHERE ${['c.article_id = a.id', ...page.where].join(' AND ')} ORDER BY c.id LIMIT ${claims.window.first + 1}) c`;
      const object = this.claimObject;
      select.push(dialect === 'postgres'
        ? `(SELECT COALESCE(json_agg(${object} ORDER BY c.id), '[]'::json) FROM ${rows}) AS claims_json`
        : `(SELECT json_group_array(${object} ORDER BY c.id) FROM ${rows}) AS claims_json`);
      // Exact and cheap: the article's range of its (article_id, id) index.
      const all = claimScan(sql, claims.filter);
      select.push(`(SELECT COUNT(*) FROM claim c WHERE ${['c.article_id = a.id', ...all.where].join(' AND ')}) AS claims_total`);
    }
    const condition = 'id' in where ? `a.id = ${sql.bind(where.id)}` : `a.slug = ${sql.bind(where.slug)}`;
    const [row] = await this.reader.query(`SELECT ${select.join(', ')} FROM article a WHERE ${condition}`, sql.params) as Row[];
    if (!row) return null;
    return {
      article: mapper.map(row),
      claims: claims ? parsed<Row[]>(row.claims_json).map((json) => this.claim.map(json)) : null,
      total: claims ? Number(row.claims_total) : null,
    };
  }
}
