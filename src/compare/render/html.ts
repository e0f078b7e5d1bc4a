/**
 * `reports/compare.html`: one static page with everything inline (no network):
 * the concept × framework table under the course's sections, each concept
 * with its explanation, status colours and text labels, filters by status and
 * framework, cells (or a whole row, by its button) that open on the
 * framework's own output and the test's code, per-framework timing, coverage
 * and mutation score, and a print style. Output wraps instead of widening the
 * page; below 700 px the cells stack.
 */
import { LESSONS } from '../../../specs/concepts.ts';
import type { Cell, ColumnCoverage, CompareReport, MutationScore, Row } from '../model.ts';
import { scoreDetail, scoreText, UNDER_THRESHOLD } from '../mutation.ts';
import { cellLabel, cellNote, LABEL, RUNNER_LABEL, SECTION, seconds } from './labels.ts';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** Catalogue text, escaped, its `inline code` as <code>. */
const prose = (text: string) =>
  escapeHtml(text).replace(/`([^`]+)`/g, (_, code: string) => `<code>${code}</code>`);

const STYLE = `
:root { --pass: #1a7f37; --fail: #a40e26; --skip: #9a6700; --mute: #57606a; --bad: #cf222e; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, sans-serif; margin: 1.5rem; color: #1f2328; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
.summary { margin: 0 0 1rem; }
.ok { color: var(--pass); font-weight: 600; }
.not-ok { color: var(--bad); font-weight: 600; }
form.filters { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin: 0 0 1rem; }
fieldset { border: 1px solid #d0d7de; border-radius: 6px; padding: .25rem .75rem; }
/* Fixed layout: an opened cell grows down, never wider than the window. */
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
table.matrix th.concept { width: 24%; }
th, td { border: 1px solid #d0d7de; padding: .35rem .5rem; vertical-align: top; text-align: left;
  overflow-wrap: anywhere; }
th { background: #f6f8fa; }
tr.section th { background: #eaeef2; font-size: 1.05rem; }
tr.section .about { font-weight: 400; color: var(--mute); font-size: .9rem; }
td.concept .title { font-weight: 600; }
td.concept .id { color: var(--mute); font-size: .8rem; }
td.concept .explanation { font-size: .85rem; margin: .3rem 0; }
code { font-size: .85em; background: #eff1f3; border-radius: 4px; padding: 0 .2em; }
button.open-row { font: inherit; font-size: .8rem; padding: .1rem .5rem; cursor: pointer; }
.status { font-weight: 600; }
.passed .status { color: var(--pass); }
.failed .status { color: var(--fail); }
.skipped .status { color: var(--skip); }
.not-mirrored .status, .not-run .status, .not-available .status { color: var(--mute); font-weight: 400; }
.error .status, .not-found .status { color: var(--bad); }
td.mismatch { background: #ffebe9; outline: 2px solid var(--bad); outline-offset: -2px; }
td.passed:not(.mismatch) { background: #dafbe1; }
td.skipped:not(.mismatch) { background: #fff8c5; }
td.failed:not(.mismatch) { background: #fbefff; }
.note { display: block; font-size: .8rem; color: var(--mute); }
details summary { cursor: pointer; }
details .body { margin-top: .4rem; font-size: .85rem; }
/* Output keeps its line breaks and spacing and wraps at the cell's edge. */
pre { background: #f6f8fa; border: 1px solid #d0d7de; padding: .5rem; white-space: pre-wrap;
  overflow-wrap: anywhere; font-size: .8rem; margin: .25rem 0 .5rem; }
dl { margin: 0; } dt { font-weight: 600; } dd { margin: 0 0 .35rem; }
.hidden-col, tr.hidden-row { display: none !important; }
/* A narrow screen: each row a card, its cells one below the other, each named. */
@media (max-width: 700px) {
  body { margin: .75rem; }
  table.stack, table.stack tbody, table.stack tr, table.stack td, table.stack th { display: block; width: auto; }
  table.stack thead { display: none; }
  table.stack tr { margin: 0 0 .75rem; border: 1px solid #d0d7de; }
  table.stack td[data-label]::before { content: attr(data-label); display: block; font-weight: 600;
    font-size: .8rem; color: var(--mute); }
}
@media print {
  body { margin: 0; font-size: 11px; }
  form.filters, button.open-row { display: none; }
  td, th { break-inside: avoid; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;

const SCRIPT = `
(() => {
  const form = document.querySelector('form.filters');
  const apply = () => {
    const status = form.elements.status.value;
    const shown = new Set([...form.querySelectorAll('input[name=framework]:checked')].map((i) => i.value));
    document.querySelectorAll('[data-column]').forEach((el) => {
      el.classList.toggle('hidden-col', !shown.has(el.dataset.column));
    });
    document.querySelectorAll('tbody tr[data-concept]').forEach((row) => {
      const cells = [...row.querySelectorAll('td[data-column]')].filter((td) => shown.has(td.dataset.column));
      const match = status === 'all' || cells.some((td) =>
        status === 'mismatch' ? td.classList.contains('mismatch') : td.dataset.outcome === status);
      row.classList.toggle('hidden-row', !match);
    });
    document.querySelectorAll('tbody tr.section').forEach((head) => {
      const rows = document.querySelectorAll('tbody tr[data-concept][data-section="' + head.dataset.section + '"]:not(.hidden-row)');
      head.classList.toggle('hidden-row', rows.length === 0);
    });
    document.getElementById('shown-count').textContent =
      document.querySelectorAll('tbody tr[data-concept]:not(.hidden-row)').length;
  };
  form.addEventListener('change', apply);
  // A row's button opens (or closes) every cell of the row.
  document.querySelectorAll('button.open-row').forEach((button) => {
    button.addEventListener('click', () => {
      const details = [...button.closest('tr').querySelectorAll('details')];
      const open = !details.every((d) => d.open);
      details.forEach((d) => { d.open = open; });
      button.setAttribute('aria-expanded', String(open));
      button.textContent = open ? 'close row' : 'open row';
    });
  });
  window.addEventListener('beforeprint', () => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  apply();
})();
`;

function cellHtml(cell: Cell): string {
  const note = cellNote(cell);
  const classes = [cell.outcome, cell.matches ? '' : 'mismatch'].filter(Boolean).join(' ');
  const head = `<span class="status">${escapeHtml(cellLabel(cell))}</span>${
    cell.column === 'python' && cell.file
      ? ` <span class="note">${escapeHtml(cell.framework)}</span>`
      : ''
  }${note ? `<span class="note">${escapeHtml(note)}</span>` : ''}`;
  const attrs = `data-column="${cell.column}" data-label="${cell.column}" data-outcome="${cell.outcome}" class="${classes}"`;
  if (!cell.file) return `<td ${attrs}>${head}</td>`;
  const facts: [string, string | undefined][] = [
    ['test', [cell.file, ...(cell.test ?? [])].join(' › ')],
    ['expected', cell.expected && describeExpected(cell)],
    ['message', cell.message],
    ['duration', cell.durationMs === undefined ? undefined : `${cell.durationMs.toFixed(1)} ms`],
    ['how', cell.how && `${cell.support}: ${cell.how}`],
  ];
  const dl = facts
    .filter((f): f is [string, string] => f[1] !== undefined)
    .map(([k, v]) => `<dt>${k}</dt><dd>${k === 'how' ? prose(v) : escapeHtml(v)}</dd>`)
    .join('');
  const output = cell.output
    ? `<div>${escapeHtml(cell.framework)} said:</div><pre class="output">${escapeHtml(cell.output)}</pre>`
    : '<div class="note">no output for this test</div>';
  const code = cell.code
    ? `<div>the test:</div><pre class="code">${escapeHtml(cell.code)}</pre>`
    : '';
  return `<td ${attrs}><details><summary>${head}</summary><div class="body"><dl>${dl}</dl>${output}${code}</div></details></td>`;
}

function describeExpected(cell: Cell): string {
  const e = cell.expected;
  if (!e) return '';
  return e.outcome === 'pass' ? 'pass' : `${e.outcome}: ${e.reason}`;
}

function rowHtml(row: Row, report: CompareReport): string {
  const opens = report.columns.some((col) => row.cells[col].file);
  const concept = `<td class="concept"><div class="title">${escapeHtml(row.title)}</div><div class="id">${escapeHtml(row.id)}${
    row.demo ? ' · failure demo' : ''
  }</div><p class="explanation">${prose(row.explanation)}</p>${
    opens ? '<button type="button" class="open-row" aria-expanded="false">open row</button>' : ''
  }</td>`;
  const cells = report.columns.map((col) => cellHtml(row.cells[col])).join('');
  return `<tr data-concept="${escapeHtml(row.id)}" data-section="${row.lesson}">${concept}${cells}</tr>`;
}

/** The rows under the course's sections, in the course's order. */
function sectionsHtml(report: CompareReport): string {
  return LESSONS.flatMap((lesson) => {
    const rows = report.rows.filter((r) => r.lesson === lesson);
    if (rows.length === 0) return [];
    const head = `<tr class="section" data-section="${lesson}"><th colspan="${report.columns.length + 1}">${lesson} <span class="about">${escapeHtml(SECTION[lesson])}</span></th></tr>`;
    return [head, ...rows.map((row) => rowHtml(row, report))];
  }).join('\n');
}

function runsHtml(report: CompareReport): string {
  const rows = report.runs.map((run) => {
    const cov = report.coverage.available ? report.coverage.columns[run.column] : undefined;
    const mutation = report.mutation.available ? report.mutation.columns[run.column] : undefined;
    const state = !run.available
      ? `not available: ${run.unavailable}`
      : run.crashed
        ? `crashed: ${run.crashed.split('\n')[0]}`
        : `${run.totals.passed} passed, ${run.totals.failed} failed, ${run.totals.skipped} skipped`;
    const note = report.coverage.available ? report.coverage.notes?.[run.column] : undefined;
    return `<tr data-runner="${run.runner}"><td data-label="framework">${RUNNER_LABEL[run.runner]}</td><td data-label="result">${escapeHtml(state)}</td><td data-label="wall time">${seconds(
      run.wallMs,
    )}</td><td data-label="coverage">${coverageCell(cov, note)}</td>${mutationCell(mutation)}<td data-label="command"><code>${escapeHtml(run.command)}</code></td></tr>`;
  });
  const union = report.coverage.available ? report.coverage.union : undefined;
  const hint = !report.coverage.available
    ? `<p class="note">${escapeHtml(report.coverage.hint)}</p>`
    : union
      ? `<p>Lines of src/domain/ run by any framework (union): ${union.linesPct.toFixed(1)}%.</p>`
      : '';
  const mutationHint = report.mutation.available
    ? ''
    : `<p class="note">${escapeHtml(report.mutation.hint)}</p>`;
  const perFile = report.coverage.available ? coverageHtml(report.coverage.columns, union) : '';
  return `<h2>Runs</h2><table class="runs stack"><thead><tr><th>framework</th><th>result</th><th>wall time</th><th>coverage of src/domain/ (lines)</th><th>mutation score (lesson files)</th><th>command</th></tr></thead><tbody>${rows.join(
    '',
  )}</tbody></table>${hint}${mutationHint}${perFile}`;
}

/** A column's line coverage, with what it measures when that is not src/domain/. */
function coverageCell(cov: ColumnCoverage | undefined, note: string | undefined): string {
  const figure = cov ? `${cov.linesPct.toFixed(1)}%` : note ? '' : '–';
  return `${figure}${note ? ` <span class="note">${escapeHtml(note)}</span>` : ''}`;
}

/** A suite's mutation score, with what it counts as a tooltip; under its threshold it says so. */
function mutationCell(score: MutationScore | undefined): string {
  if (!score) return '<td data-label="mutation score">–</td>';
  const under = score.passed ? '' : ` <span class="not-ok">${UNDER_THRESHOLD}</span>`;
  return `<td class="mutation" data-label="mutation score" title="${escapeHtml(scoreDetail(score))}">${scoreText(score)}${under}</td>`;
}

/** Line coverage of each domain file per framework, with the lines no test ran. */
function coverageHtml(
  columns: Partial<Record<string, ColumnCoverage>>,
  union: ColumnCoverage | undefined,
): string {
  const all: Record<string, ColumnCoverage | undefined> = {
    ...columns,
    ...(union ? { union } : {}),
  };
  const names = Object.keys(all);
  const files = [...new Set(names.flatMap((n) => Object.keys(all[n]?.files ?? {})))].sort();
  if (files.length === 0) return '';
  const cell = (name: string, file: string) => {
    const f = all[name]?.files[file];
    if (!f) return `<td data-label="${escapeHtml(name)}">–</td>`;
    const missing = f.uncoveredLines
      ? ` <span class="note">missing ${escapeHtml(f.uncoveredLines)}</span>`
      : '';
    return `<td data-label="${escapeHtml(name)}">${f.linesPct.toFixed(1)}%${missing}</td>`;
  };
  const rows = files.map(
    (file) =>
      `<tr><td data-label="file"><code>${escapeHtml(file)}</code></td>${names.map((n) => cell(n, file)).join('')}</tr>`,
  );
  const head = names.map((n) => `<th>${escapeHtml(n)}</th>`).join('');
  return `<h2>Coverage by file (lines)</h2><table class="coverage stack"><thead><tr><th>file</th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

export function renderHtml(report: CompareReport): string {
  const statuses = ['all', 'mismatch', ...Object.keys(LABEL)];
  const statusOptions = statuses
    .map(
      (s) =>
        `<option value="${s}">${s === 'all' ? 'all' : s === 'mismatch' ? 'differs from catalogue' : LABEL[s as keyof typeof LABEL].word}</option>`,
    )
    .join('');
  const frameworkBoxes = report.columns
    .map(
      (col) =>
        `<label><input type="checkbox" name="framework" value="${col}" checked> ${col}</label>`,
    )
    .join(' ');
  const verdict = report.ok
    ? `<span class="ok">Every cell matches its expected outcome.</span>`
    : `<span class="not-ok">${report.mismatches.length} cell(s) differ from the catalogue.</span>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>test-dojo: every lesson, side by side</title>
<style>${STYLE}</style>
</head>
<body>
<h1>test-dojo: every lesson, side by side</h1>
<p class="summary">${verdict} ${report.rows.length} concepts${
    report.options.demoFailures ? ' (failure demos)' : ''
  }, generated ${escapeHtml(report.generatedAt)}, wall time ${seconds(report.wallMs)}. Showing <span id="shown-count">${
    report.rows.length
  }</span>. Open a cell to read what the framework said and the test's code, or a whole row with its button.</p>
<form class="filters">
<label>status <select name="status">${statusOptions}</select></label>
<fieldset><legend>frameworks</legend>${frameworkBoxes}</fieldset>
</form>
<table class="matrix stack">
<thead><tr><th class="concept">concept</th>${report.columns.map((c) => `<th data-column="${c}">${c}</th>`).join('')}</tr></thead>
<tbody>
${sectionsHtml(report)}
</tbody>
</table>
${runsHtml(report)}
<script>${SCRIPT}</script>
</body>
</html>
`;
}
