/**
 * `npm run bonus-server -- --port 8080`: the bonus service as a process. It
 * prints a URL to try, then one line per request (method, target, status,
 * milliseconds); the service itself prints nothing, the log is this CLI's.
 */
import { startBonusServer } from '../domain/bonus-server.ts';
import { createProgram, integerIn } from './usage.ts';

const program = createProgram('bonus-server', 'Serve GET /bonus?year=YYYY from fixtures/bonus/.')
  .option('-p, --port <port>', 'TCP port (0 = any free port)', integerIn(0, 65535), 8080)
  .option('--host <host>', 'interface to listen on', '127.0.0.1')
  .parse();

const { port, host } = program.opts<{ port: number; host: string }>();
try {
  const server = await startBonusServer({ port, host });
  console.log(`bonus service listening on ${server.url}`);
  // curl reads [ ] as a glob unless told not to (-g): an IPv6 URL has them.
  const globoff = server.url.includes('[') ? '-g ' : '';
  console.log(`try: curl ${globoff}'${server.url}/bonus?year=2017'`);
  // Before the service's own listener, so the time includes its work.
  server.server.prependListener('request', (req, res) => {
    const start = performance.now();
    res.once('finish', () => {
      const ms = (performance.now() - start).toFixed(1);
      // Printed as is: Node answers a target with control or non-ASCII bytes
      // with its own 400 before any 'request' event.
      console.log(`${req.method} ${req.url} ${res.statusCode} ${ms} ms`);
    });
  });
  const stop = async (signal: string) => {
    await server.close();
    console.log(`bonus service stopped (${signal})`);
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (err) {
  console.error(`bonus-server: cannot listen on ${host}:${port}: ${(err as Error).message}`);
  process.exit(1);
}
