/** `--watch`: run once, then again whenever a watched file changes (Ctrl-C stops). */
import { watch as chokidarWatch } from 'chokidar';

const DEBOUNCE_MS = 100;

export function watch(paths: string[], run: () => Promise<number>): Promise<number> {
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
    process.once('SIGINT', () => {
      void watcher.close().then(() => resolve(0));
    });
    again();
  });
}
