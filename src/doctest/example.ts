/** One interactive example: CPython's `doctest.Example`. */
import type { OptionChange } from './flags.ts';

export interface Example {
  /** The code after `>>> ` / `... `, one line per source line, ending in `\n`. */
  source: string;
  /** The expected output, ending in `\n` unless empty. */
  want: string;
  /** When an exception is expected: its `Name: message` text, ending in `\n`; else null. */
  excMsg: string | null;
  /** 1-based line of the `>>>` line in the file. */
  line: number;
  /** Columns of indentation before the prompt (relative to the comment's text). */
  indent: number;
  /** The option changes from the example's `// doctest:` directive. */
  changes: OptionChange[];
  /** Set when the directive is malformed; the example then fails with this message. */
  error?: string;
}
