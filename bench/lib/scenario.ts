/** The servers a scenario runs against: it may create and drop databases there and use its own Redis keys. */
export interface BenchServers {
  /** A PostgreSQL server URL (any database on it; bench databases are created beside it). */
  serverUrl: string;
  redisUrl: string;
}

/** The command line's `--name value` pairs; each scenario reads the ones it knows, with its own defaults. */
export class Flags {
  private readonly read = new Set<string>();

  private constructor(private readonly values: ReadonlyMap<string, string>) {}

  static parse(argv: readonly string[]): Flags {
    const values = new Map<string, string>();
    argv.forEach((arg, i) => {
      if (!arg.startsWith('--')) return;
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new Error(`${arg} needs a value`);
      values.set(arg.slice(2), value);
    });
    return new Flags(values);
  }

  string(name: string, fallback: string): string {
    this.read.add(name);
    return this.values.get(name) ?? fallback;
  }

  /** A positive integer. */
  count(name: string, fallback: number): number {
    return this.counts(name, [fallback])[0];
  }

  /** Positive integers separated by commas (`--workers 1,2`). */
  counts(name: string, fallback: number[]): number[] {
    this.read.add(name);
    const value = this.values.get(name);
    if (value === undefined) return fallback;
    const list = value.split(',').map(Number);
    if (!list.every((n) => Number.isInteger(n) && n > 0)) {
      throw new Error(`--${name} takes positive whole numbers, separated by commas; got ${value}`);
    }
    return list;
  }

  /** Flags given that nothing has read: a typo, or a flag of another scenario. */
  unread(): string[] {
    return [...this.values.keys()].filter((name) => !this.read.has(name));
  }
}

/** A benchmark scenario: its options from the flags, the run, and its figures as a markdown report. */
export interface Scenario<Options extends object, Result extends object> {
  summary: string;
  options(flags: Flags, servers: BenchServers): Options;
  run(options: Options): Promise<Result>;
  report(result: Result, options: Options): string;
}

/** What run.ts knows of a scenario: the types of its options and result stay inside. */
export interface RegisteredScenario {
  summary: string;
  run(
    flags: Flags,
    servers: BenchServers,
  ): Promise<{ options: object; result: object; report: string }>;
}

export function registerScenario<Options extends object, Result extends object>(
  scenario: Scenario<Options, Result>,
): RegisteredScenario {
  return {
    summary: scenario.summary,
    async run(flags, servers) {
      const options = scenario.options(flags, servers);
      const unknown = flags.unread();
      if (unknown.length > 0)
        throw new Error(`Unknown flags for this scenario: --${unknown.join(', --')}`);
      const result = await scenario.run(options);
      return { options, result, report: scenario.report(result, options) };
    },
  };
}

/** A markdown table; numbers are printed as they are (round them first). */
export function markdownTable(
  headers: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string {
  const line = (cells: readonly (string | number | null)[]) =>
    `| ${cells.map((c) => (c === null ? '–' : String(c))).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}
