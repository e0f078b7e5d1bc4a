/** `npm run bonus-server -- --port 8080`: the bonus service as a process. */
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
