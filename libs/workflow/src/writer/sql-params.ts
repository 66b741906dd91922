/**
 * Collects the parameters of one hand-written statement: each value goes in once and is referred to by its
 * number, cast to its type, so PostgreSQL never has to guess a parameter's type from where it stands.
 */
export class SqlParams {
  readonly values: unknown[] = [];

  ref(value: unknown, type: string): string {
    this.values.push(value);
    return `$${this.values.length}::${type}`;
  }
}
