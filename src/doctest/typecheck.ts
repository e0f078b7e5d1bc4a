/**
 * `--typecheck`: type-check the examples as TypeScript in the context of their
 * module, as Deno does. Each file is checked as a virtual copy: its source,
 * then each comment's examples in a block of their own (so declarations do
 * not leak between comments), each example ended by a `;` line. A diagnostic inside an example fails that
 * example; `// @ts-expect-error` in an example works as in normal code.
 */
import path from 'node:path';
import type * as TS from 'typescript';
import type { FoundFile } from './finder.ts';
import { isMarkdown } from './loader-hooks.mjs';
import { type ItemResult, tally } from './results.ts';
import ts, { importedNames, parseExample } from './typescript.ts';

export interface TypeErrorAt {
  /** The file as shown in reports. */
  file: string;
  /** The `>>>` line of the example. */
  line: number;
  message: string;
}

interface Span {
  firstLine: number;
  lineCount: number;
  exampleLine: number;
}

const DEFAULTS: TS.CompilerOptions = {
  target: 99 /* ESNext */,
  module: 199 /* NodeNext */,
  moduleResolution: 99 /* NodeNext */,
  strict: true,
  allowImportingTsExtensions: true,
  resolveJsonModule: true,
  skipLibCheck: true,
  noEmit: true,
};

/** The project's compiler options (the nearest tsconfig.json), else strict NodeNext defaults. */
function compilerOptions(cwd: string): TS.CompilerOptions {
  const configPath = ts.findConfigFile(cwd, ts.sys.fileExists);
  if (!configPath) return DEFAULTS;
  const { config, error } = ts.readConfigFile(configPath, ts.sys.readFile);
  if (error) return DEFAULTS;
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, path.dirname(configPath));
  return { ...parsed.options, noEmit: true };
}

/**
 * An example's `import` declarations as the declarations they bind, since a block
 * cannot hold an `import`: `import a, { b as c } from 'm'` checks as
 * `const { default: a, b: c } = await import('m')`, `import type { T } from 'm'`
 * as `type T = import('m').T`. Each keeps its line count, so errors keep their lines.
 */
export function importsAsDeclarations(source: string): string {
  const sf = parseExample(source);
  if (!sf?.statements.some(ts.isImportDeclaration)) return source;
  let text = source;
  for (const st of [...sf.statements].reverse()) {
    if (!ts.isImportDeclaration(st)) continue;
    const original = text.slice(st.getStart(sf), st.end);
    const replaced = declarationsOf(st, sf);
    const padding = '\n'.repeat(original.split('\n').length - 1);
    text = text.slice(0, st.getStart(sf)) + replaced + padding + text.slice(st.end);
  }
  return text;
}

function declarationsOf(st: TS.ImportDeclaration, sf: TS.SourceFile): string {
  const specifier = st.moduleSpecifier.getText(sf);
  const load = `await import(${specifier})`;
  if (!st.importClause) return `${load};`;
  const names = importedNames(st);
  const values = names.filter((name) => !name.typeOnly);
  const namespace = values.find((name) => name.imported === undefined);
  let declarations: string[] = [];
  if (namespace) {
    const others = values.filter((name) => name !== namespace);
    declarations = [
      `const ${namespace.local} = ${load};`,
      ...others.map(({ local }) => `const ${local} = ${namespace.local}.default;`),
    ];
  } else if (!st.importClause.isTypeOnly) {
    const fields = values.map(({ local, imported }) =>
      imported === local ? local : `${JSON.stringify(imported)}: ${local}`,
    );
    declarations = [`const { ${fields.join(', ')} } = ${load};`];
  }
  // No type alias stands for a namespace (`import type * as ns`): that one binds nothing here.
  const types = names
    .filter((name) => name.typeOnly && name.imported !== undefined)
    .map(({ local, imported }) => `type ${local} = import(${specifier}).${imported};`);
  return [...declarations, ...types].join(' ');
}

/** The module's source with each comment's examples appended in a block. */
export function virtualSource(source: string, found: FoundFile): { text: string; spans: Span[] } {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const spans: Span[] = [];
  lines.push('export {};');
  for (const test of found.tests) {
    if (test.examples.length === 0) continue;
    lines.push('{');
    for (const example of test.examples) {
      const exampleLines = importsAsDeclarations(example.source.replace(/\n$/, '')).split('\n');
      spans.push({
        firstLine: lines.length,
        lineCount: exampleLines.length,
        exampleLine: example.line,
      });
      // A line of its own ends the example's statement: without it ASI would
      // join `const x = f()` and a next example `[x.a]` into `f()[x.a]`.
      lines.push(...exampleLines, ';');
    }
    lines.push('}');
  }
  return { text: lines.join('\n'), spans };
}

/** Type errors inside examples, by file and example line. */
export function typecheckExamples(
  found: FoundFile[],
  sources: string[],
  cwd: string,
): TypeErrorAt[] {
  const options = compilerOptions(cwd);
  const virtual = new Map<string, { text: string; spans: Span[]; shown: string }>();
  found.forEach((f, i) => {
    if (f.tests.some((t) => t.examples.length > 0)) {
      // A Markdown file's examples are checked as an ES module of their own beside it (they run as one).
      const markdown = isMarkdown(f.file);
      virtual.set(path.resolve(markdown ? `${f.file}.mts` : f.file), {
        ...virtualSource(markdown ? '' : (sources[i] ?? ''), f),
        shown: f.shownFile,
      });
    }
  });
  if (virtual.size === 0) return [];
  const host = ts.createCompilerHost(options);
  const { getSourceFile, readFile, fileExists } = host;
  host.fileExists = (name) => virtual.has(path.resolve(name)) || fileExists.call(host, name);
  host.readFile = (name) => virtual.get(path.resolve(name))?.text ?? readFile.call(host, name);
  host.getSourceFile = (name, language, ...rest) => {
    const v = virtual.get(path.resolve(name));
    return v
      ? ts.createSourceFile(name, v.text, language, true)
      : getSourceFile.call(host, name, language, ...rest);
  };
  const program = ts.createProgram([...virtual.keys()], options, host);
  const errors: TypeErrorAt[] = [];
  for (const [file, v] of virtual) {
    const sf = program.getSourceFile(file);
    if (!sf) continue;
    const diagnostics = [
      ...program.getSyntacticDiagnostics(sf),
      ...program.getSemanticDiagnostics(sf),
    ];
    for (const d of diagnostics) {
      if (d.start === undefined) continue;
      const line = sf.getLineAndCharacterOfPosition(d.start).line;
      const span = v.spans.find((s) => line >= s.firstLine && line < s.firstLine + s.lineCount);
      if (!span) continue;
      const where =
        line > span.firstLine ? ` (line ${line - span.firstLine + 1} of the example)` : '';
      const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
      errors.push({
        file: v.shown,
        line: span.exampleLine,
        message: `error TS${d.code}: ${text}${where}`,
      });
    }
  }
  return errors;
}

/** Fail the examples that have type errors, keeping what their run showed. */
export function mergeTypeErrors(items: ItemResult[], errors: TypeErrorAt[]): ItemResult[] {
  if (errors.length === 0) return items;
  return items.map((item) => {
    const examples = item.examples.map((example) => {
      const mine = errors.filter((e) => e.file === item.file && e.line === example.line);
      if (mine.length === 0) return example;
      const typeErrors = mine.map((e) => `${e.message}\n`).join('');
      return {
        ...example,
        status: 'failed' as const,
        failure: 'exception' as const,
        exception: typeErrors + (example.exception ?? ''),
      };
    });
    return tally({ ...item, examples });
  });
}
