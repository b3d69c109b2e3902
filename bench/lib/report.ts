/** The pieces a scenario contributes to the results file. */

/** One target of issue 8 or 13 and how this run did against it. */
export interface Check {
  /** e.g. `scenario 1 (node): Keel, logging off >= 0.97x plain Fastify (JSON Schema)`. */
  target: string;
  /** The measured figure, formatted. */
  measured: string;
  met: boolean;
}

/** A titled block of markdown (a table and its notes) plus the targets it checked. */
export interface Section {
  title: string;
  markdown: string;
  checks: Check[];
}

/** Everything the scenarios share: settings, runtimes and the progress log. */
export interface ScenarioContext {
  log: (line: string) => void;
}

/** A section that only says why a scenario did not run. */
export function skippedSection(title: string, reason: string): Section {
  return { title, markdown: `Skipped: ${reason}.`, checks: [] };
}
