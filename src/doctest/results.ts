/**
 * The report model: what a run found, in the shape `--reporter json` writes
 * (`{ attempted, failed, skipped, items: [{ name, file, line, ..., examples }] }`),
 * where each item also carries its `text` (see reporters/json.ts).
 */
import type { Flag } from './flags.ts';

export type ExampleStatus = 'passed' | 'failed' | 'skipped';

export interface ExampleResult {
  /** 1-based line of the `>>>` line in the file. */
  line: number;
  source: string;
  want: string;
  /** What the example printed, then its value; for an exception, the output and the traceback. */
  got: string;
  status: ExampleStatus;
  /** The traceback when the example threw, else null. */
  exception: string | null;
  /** The effective option flags (run options and the example's directive). */
  flags: Flag[];
  /** For a failure: `output` (wrong output or exception) or `exception` (unexpected exception). */
  failure?: 'output' | 'exception';
  /** For a skipped example: why. */
  skipReason?: string;
}

export interface ItemResult {
  name: string;
  file: string;
  line: number;
  attempted: number;
  failed: number;
  skipped: number;
  examples: ExampleResult[];
}

export interface Report {
  attempted: number;
  failed: number;
  skipped: number;
  items: ItemResult[];
  /** Items with a doc comment but no examples (shown by the verbose text report only). */
  itemsWithoutTests?: string[];
}

/** Count an item's outcomes from its examples. */
export function tally(item: Omit<ItemResult, 'attempted' | 'failed' | 'skipped'>): ItemResult {
  let attempted = 0;
  let failed = 0;
  let skipped = 0;
  for (const e of item.examples) {
    if (e.status === 'skipped') skipped++;
    else attempted++;
    if (e.status === 'failed') failed++;
  }
  return { ...item, attempted, failed, skipped };
}

/** The run's totals over its items. */
export function summarize(items: ItemResult[], itemsWithoutTests: string[] = []): Report {
  return {
    attempted: items.reduce((n, i) => n + i.attempted, 0),
    failed: items.reduce((n, i) => n + i.failed, 0),
    skipped: items.reduce((n, i) => n + i.skipped, 0),
    items,
    itemsWithoutTests,
  };
}
