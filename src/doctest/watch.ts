/** `--watch`: run once, then again whenever a watched file changes (Ctrl-C, or `signal`, stops). */
import { watch as chokidarWatch } from 'chokidar';

const DEBOUNCE_MS = 100;

export function watch(
  paths: string[],
  run: () => Promise<number>,
  signal?: AbortSignal,
): Promise<number> {
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    let running = Promise.resolve(0);
    const again = () => {
      running = running.then(async () => {
        const code = await run();
        process.stdout.write(`[tsdoctest] watching ${paths.join(' ')} (Ctrl-C to stop)\n`);
        return code;
      });
    };
    const watcher = chokidarWatch(paths, { ignoreInitial: true, ignored: /node_modules|\.git/ });
    watcher.on('all', () => {
      clearTimeout(timer);
      timer = setTimeout(again, DEBOUNCE_MS);
    });
    const stop = () => {
      clearTimeout(timer);
      process.off('SIGINT', stop);
      void watcher.close().then(() => running.then(() => resolve(0)));
    };
    process.once('SIGINT', stop);
    signal?.addEventListener('abort', stop, { once: true });
    // The first run starts once the watcher is ready, so no change during it goes unseen.
    watcher.once('ready', again);
  });
}
