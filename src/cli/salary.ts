/**
 * `npm run salary -- --year 2017 [--base 100] [--api URL]`: compute a salary.
 * With no API given anywhere, it starts the bonus service in-process on a
 * free port, so it works out of the box. A year the service does not know
 * (a 404) is reported with the service's own message and the years it lists.
 */
import {
  BonusApiError,
  ConnectionRefusedError,
  ThirdPartyBonusRestApi,
} from '../domain/bonus-api.ts';
import { startBonusServer } from '../domain/bonus-server.ts';
import { Salary } from '../domain/salary.ts';
import { printable } from './printable.ts';
import { createProgram, finiteNumber, httpUrl, integerIn } from './usage.ts';

const program = createProgram('salary', 'Base salary plus the bonus the bonus API reports.')
  .option('--year <year>', 'year of the bonus', integerIn(1900, 2100), 2017)
  .option('--base <amount>', 'base salary', finiteNumber, 100)
  .option(
    '--api <url>',
    'bonus API base URL (default: $BONUS_API_URL, else an embedded service)',
    httpUrl,
  )
  .parse();

const opts = program.opts<{ year: number; base: number; api?: string }>();

/** What a service said in an error answer: `{"error": ..., "years": [...]}`, as far as it said it. */
function serviceSaid(body: string | undefined): { error?: string; years?: number[] } {
  let data: { error?: unknown; years?: unknown } | null;
  try {
    data = JSON.parse(body ?? '');
  } catch {
    return {};
  }
  return {
    ...(typeof data?.error === 'string' ? { error: data.error } : {}),
    ...(Array.isArray(data?.years) ? { years: data.years.filter(Number.isInteger) } : {}),
  };
}

/** The failure in one line, after `salary: `. */
function failure(err: unknown): string {
  if (err instanceof BonusApiError && err.status === 404) {
    const { error, years } = serviceSaid(err.body);
    const known = years?.length ? `; known years: ${years.join(', ')}` : '';
    return `no bonus for ${opts.year}: ${printable(error ?? err.message)}${known}`;
  }
  const cause = (err as Error).cause;
  const message =
    err instanceof BonusApiError || !cause
      ? String((err as Error).message ?? err)
      : `${(err as Error).message} (${(cause as Error).message ?? cause})`;
  return `the bonus API failed: ${message}`;
}
const configured = opts.api ?? process.env.BONUS_API_URL;
const embedded = configured ? undefined : await startBonusServer({ port: 0 });
const baseUrl = configured ?? embedded?.url;

try {
  const api = new ThirdPartyBonusRestApi({ baseUrl });
  console.log(`bonus API: ${api.baseUrl}${embedded ? ' (embedded bonus service)' : ''}`);
  // Ask once ourselves so an unreachable API can be named before the fallback.
  let reachable = true;
  const salary = new Salary({
    base: opts.base,
    year: opts.year,
    bonusApi: {
      bonusPrice: async (year) => {
        try {
          return await api.bonusPrice(year);
        } catch (err) {
          if (err instanceof ConnectionRefusedError) reachable = false;
          throw err;
        }
      },
    },
  });
  const total = await salary.calculationSalary();
  if (!reachable) {
    console.log(`bonus API unreachable (connection refused): bonus counted as 0`);
  }
  console.log(`salary for ${opts.year}: ${total} (base ${opts.base} + bonus ${total - opts.base})`);
} catch (err) {
  console.error(`salary: ${failure(err)}`);
  process.exitCode = 1;
} finally {
  await embedded?.close();
}
