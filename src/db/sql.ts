/** The two SQL dialects the service speaks. */
export type Dialect = 'sqlite' | 'postgres';

/** A statement being written by hand: binds each value as a placeholder of the dialect. */
export class SqlBuilder {
  readonly params: unknown[] = [];

  constructor(readonly dialect: Dialect) {}

  /** A placeholder for `value`. */
  bind(value: unknown): string {
    this.params.push(value);
    return this.dialect === 'postgres' ? `$${this.params.length}` : '?';
  }

  /** Placeholders for every value, comma-separated. */
  list(values: readonly unknown[]): string {
    return values.map((value) => this.bind(value)).join(', ');
  }
}
