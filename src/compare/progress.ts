/**
 * Progress while the frameworks run: on a terminal, one live line per
 * framework (spinner, state, elapsed time) redrawn with log-update; otherwise
 * (a pipe, a file, CI=true) plain lines as each framework starts and ends.
 */
import { createLogUpdate } from 'log-update';
import type { createColors } from 'picocolors';
import type { RunnerId, RunResult } from './model.ts';
import { RUNNER_LABEL, seconds } from './render/labels.ts';

export interface Progress {
  start(runner: RunnerId): void;
  done(result: RunResult): void;
  stop(): void;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

function outcome(result: RunResult): string {
  if (!result.available) return `not available: ${result.unavailable}`;
  if (result.crashed) return `crashed: ${result.crashed.split('\n')[0]}`;
  const count = (s: string) => result.tests.filter((t) => t.status === s).length;
  return `${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped in ${seconds(result.wallMs)}`;
}

export function plainProgress(write: (line: string) => void): Progress {
  return {
    start: (runner) => write(`${RUNNER_LABEL[runner]}: running`),
    done: (result) => write(`${RUNNER_LABEL[result.runner]}: ${outcome(result)}`),
    stop: () => {},
  };
}

export function liveProgress(
  stream: NodeJS.WriteStream,
  runners: RunnerId[],
  c: ReturnType<typeof createColors>,
): Progress {
  const update = createLogUpdate(stream);
  const state = new Map<RunnerId, { started?: number; line?: string }>(runners.map((r) => [r, {}]));
  let frame = 0;
  const nameWidth = Math.max(...runners.map((r) => RUNNER_LABEL[r].length)) + 1;
  const draw = () => {
    frame = (frame + 1) % FRAMES.length;
    const lines = [...state].map(([runner, s]) => {
      const name = RUNNER_LABEL[runner].padEnd(nameWidth);
      if (s.line) return `${c.green('✔')} ${name}${s.line}`;
      if (s.started === undefined) return `${c.dim('·')} ${name}${c.dim('waiting')}`;
      return `${c.cyan(FRAMES[frame] ?? '')} ${name}running ${c.dim(seconds(performance.now() - s.started))}`;
    });
    update(lines.join('\n'));
  };
  const timer = setInterval(draw, 100);
  draw();
  return {
    start: (runner) => {
      state.set(runner, { started: performance.now() });
      draw();
    },
    done: (result) => {
      state.set(result.runner, { line: outcome(result) });
      draw();
    },
    stop: () => {
      clearInterval(timer);
      draw();
      update.done();
    },
  };
}
