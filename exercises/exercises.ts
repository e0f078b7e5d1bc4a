/**
 * The mocking workshop's catalogue: the exercises in the order a learner
 * meets them, the chaffs their tests must catch and the wheats they must
 * pass.
 *
 * A chaff is a deliberately broken version of a domain module, a wheat a
 * correct one written differently (Examplar's terms). Both are small patches
 * of the real source (`src/domain/salary.ts`, `src/domain/bonus-api.ts`),
 * applied when the module is loaded; the real code is served the same way
 * with no edits, so a test cannot tell the variants apart by path, class
 * chain or project name, only by behaviour. Each `find` is one line's text
 * and must occur exactly once, or the run fails loudly.
 *
 * Each exercise folder holds `README.md` (the task and its Python original),
 * `starter.test.ts` (the TODOs; rejected as it stands) and `solution.test.ts`
 * (accepted: it passes the real code and every wheat, and kills every chaff
 * listed here).
 */
import type { FrameworkName } from '../specs/jest/setup/lesson-conventions.ts';

/** The domain modules a variant can patch. */
export type ChaffTarget = 'salary' | 'bonus-api';

/**
 * One edit of a domain module's source, applied when the module is loaded.
 * `find` must occur exactly once (after the edits before it), so an edit that
 * no longer fits the source fails loudly instead of quietly doing nothing.
 */
export interface Edit {
  find: string;
  replace: string;
}

/** A deliberately broken version of a domain module: a small patch of the real source. */
export interface Chaff {
  /** Stable kebab-case id. */
  id: string;
  /** The bug in words a learner can act on: "Salary calls the API twice". */
  bug: string;
  /** Which domain module the patch applies to. */
  replaces: ChaffTarget;
  patch: Edit[];
}

/**
 * A correct version of a domain module written differently (Examplar's
 * "wheat"): a test must pass on it too, so a test that pins the real code's
 * text, not its behaviour, is rejected.
 */
export interface Wheat {
  id: string;
  /** What is written differently, for the rejection message. */
  change: string;
  replaces: ChaffTarget;
  patch: Edit[];
}

export interface Exercise {
  /** Stable kebab-case id, also the folder name under `exercises/`. */
  id: string;
  title: string;
  /** The test framework its test file runs under. */
  framework: FrameworkName;
  /** Ids from the concept catalogue (`specs/concepts.ts`). */
  concepts: string[];
  /** What the test is about, for "your test fails against the correct ...". */
  subject: string;
  /** File name of the learner's test (the starter is copied to it). */
  testFile: string;
  /** Progressive hints: gentle first, specific last. */
  hints: string[];
  /** Chaff ids; the solution must kill every one of them. */
  chaffs: string[];
}

/** Salary's refused-connection check, which several chaffs change. */
const SALARY_RETHROW = 'if (!isConnectionRefusedError(err)) throw err;';
const SALARY_ASK = 'bonus = await this.bonusApi.bonusPrice(this.year);';

export const chaffs: Chaff[] = [
  {
    id: 'salary-ignores-bonus',
    replaces: 'salary',
    bug: 'Salary asks for the bonus but never adds it',
    patch: [{ find: 'return this.base + bonus;', replace: 'return this.base;' }],
  },
  {
    id: 'salary-wrong-year',
    replaces: 'salary',
    bug: "Salary asks for last year's bonus",
    patch: [
      { find: SALARY_ASK, replace: 'bonus = await this.bonusApi.bonusPrice(this.year - 1);' },
    ],
  },
  {
    id: 'salary-calls-api-twice',
    replaces: 'salary',
    bug: 'Salary calls the API twice',
    // A leftover "warm-up" call before the real one.
    patch: [
      {
        find: 'let bonus: number;',
        replace:
          'await this.bonusApi.bonusPrice(this.year).catch(() => undefined);\n    let bonus: number;',
      },
    ],
  },
  {
    id: 'salary-swallows-every-error',
    replaces: 'salary',
    bug: 'Salary swallows every error, not only a refused connection',
    patch: [{ find: SALARY_RETHROW, replace: '' }],
  },
  {
    id: 'salary-500-as-zero',
    replaces: 'salary',
    bug: 'Salary treats an HTTP 500 as a bonus of 0',
    patch: [
      {
        find: SALARY_RETHROW,
        replace:
          'if (!isConnectionRefusedError(err) && (err as { status?: unknown }).status !== 500) throw err;',
      },
    ],
  },
  {
    id: 'salary-forgets-await',
    replaces: 'salary',
    bug: 'Salary forgets to await the bonus',
    // It adds a Promise to a number; the catch keeps the run free of unhandled rejections.
    patch: [
      {
        find: SALARY_ASK,
        replace:
          'const pending = this.bonusApi.bonusPrice(this.year);\n      Promise.resolve(pending).catch(() => undefined);\n      bonus = pending as unknown as number;',
      },
    ],
  },
  {
    id: 'salary-no-refused-fallback',
    replaces: 'salary',
    bug: 'Salary fails on a refused connection instead of paying no bonus',
    patch: [{ find: SALARY_RETHROW, replace: 'throw err;' }],
  },
  {
    id: 'salary-caches-first-answer',
    replaces: 'salary',
    bug: 'Salary remembers its first answer and never asks again',
    patch: [
      {
        find: 'async calculationSalary(): Promise<number> {',
        replace:
          '#first?: Promise<number>;\n\n  calculationSalary(): Promise<number> {\n    this.#first ??= this.#calculate();\n    return this.#first;\n  }\n\n  async #calculate(): Promise<number> {',
      },
    ],
  },
  {
    id: 'api-wrong-year',
    replaces: 'bonus-api',
    bug: "the API client asks for last year's bonus",
    patch: [
      {
        find: 'encodeURIComponent(String(year))',
        replace: 'encodeURIComponent(String(year - 1))',
      },
    ],
  },
  {
    id: 'api-500-as-zero',
    replaces: 'bonus-api',
    bug: 'the API client treats an HTTP 500 as a bonus of 0',
    patch: [
      {
        find: 'if (!response.ok) {',
        replace: 'if (response.status === 500) return 0;\n      if (!response.ok) {',
      },
    ],
  },
  {
    id: 'api-never-times-out',
    replaces: 'bonus-api',
    bug: 'the API client never times out',
    // 2 ** 31 - 1 ms (about 24.8 days) is the longest delay setTimeout honours.
    patch: [
      {
        find: 'const timer = setTimeout(() => controller.abort(), this.timeoutMs);',
        replace: 'const timer = setTimeout(() => controller.abort(), 2 ** 31 - 1);',
      },
    ],
  },
  {
    id: 'api-default-timeout-30s',
    replaces: 'bonus-api',
    bug: 'the API client waits 30 s by default instead of 3 s',
    patch: [
      {
        find: 'this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;',
        replace: 'this.timeoutMs = options.timeoutMs ?? 30_000;',
      },
    ],
  },
  {
    id: 'api-refused-not-recognised',
    replaces: 'bonus-api',
    bug: 'the API client reports a refused connection as an ordinary API error',
    patch: [
      {
        find: 'if (isConnectionRefused(err)) throw new ConnectionRefusedError(url, { cause: err });',
        replace:
          // biome-ignore lint/suspicious/noTemplateCurlyInString: source text for the patched module
          'if (isConnectionRefused(err)) {\n        throw new BonusApiError(`request failed: connection refused: ${url}`, undefined, { cause: err });\n      }',
      },
    ],
  },
];

/**
 * One wheat per domain module. Each rewrites every line a chaff of its module
 * edits, so a test that tells a chaff from the real code by that text fails
 * on the wheat (the catalogue's tests check this).
 */
export const wheats: Wheat[] = [
  {
    id: 'salary-rewritten',
    replaces: 'salary',
    change: 'Salary with its bonus lookup in a private method and a renamed helper',
    patch: [
      {
        find: 'function isConnectionRefusedError(err: unknown): boolean {',
        replace: 'function wasRefused(err: unknown): boolean {',
      },
      {
        find: 'async calculationSalary(): Promise<number> {',
        replace:
          'calculationSalary(): Promise<number> {\n    return this.#withBonus();\n  }\n\n  async #withBonus(): Promise<number> {',
      },
      // Before `let bonus = 0` below, which contains this text too.
      { find: 'bonus = 0;', replace: '' },
      { find: 'let bonus: number;', replace: 'let bonus = 0;' },
      {
        find: SALARY_ASK,
        replace: 'const { bonusApi, year } = this;\n      bonus = await bonusApi.bonusPrice(year);',
      },
      {
        find: SALARY_RETHROW,
        replace: 'if (wasRefused(err) === false) {\n        throw err;\n      }',
      },
      {
        find: 'return this.base + bonus;',
        replace: 'const total = this.base + bonus;\n    return total;',
      },
    ],
  },
  {
    id: 'api-rewritten',
    replaces: 'bonus-api',
    change: 'the API client with its URL, timer and checks written another way',
    patch: [
      {
        find: 'function isConnectionRefused(err: unknown): boolean {',
        replace: 'function refusedConnection(err: unknown): boolean {',
      },
      {
        find: 'this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;',
        replace:
          'const { timeoutMs } = options;\n    this.timeoutMs = timeoutMs ?? DEFAULT_TIMEOUT_MS;',
      },
      {
        find: 'encodeURIComponent(String(year))',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: source text for the patched module
        replace: 'encodeURIComponent(`${year}`)',
      },
      {
        find: 'const timer = setTimeout(() => controller.abort(), this.timeoutMs);',
        replace:
          'const abortLater = () => controller.abort();\n    const timer = setTimeout(abortLater, this.timeoutMs);',
      },
      { find: 'if (!response.ok) {', replace: 'const failed = !response.ok;\n      if (failed) {' },
      {
        find: 'if (isConnectionRefused(err)) throw new ConnectionRefusedError(url, { cause: err });',
        replace:
          'if (refusedConnection(err)) {\n        throw new ConnectionRefusedError(url, { cause: err });\n      }',
      },
    ],
  },
];

export const exercises: Exercise[] = [
  {
    id: 'return-value',
    title: 'Stub the bonus with vi.fn and a return value',
    framework: 'vitest',
    concepts: ['mock-return-value'],
    subject: 'Salary',
    testFile: 'salary.test.ts',
    hints: [
      'Salary takes its bonus source as the `bonusApi` option: hand it an object whose `bonusPrice` is a vi.fn.',
      'bonusPrice is async, so the stub must resolve: `vi.fn().mockResolvedValue(1)`.',
      'With base 100 and a bonus of 1, `await salary.calculationSalary()` must be exactly 101 (`toBe(101)`).',
    ],
    chaffs: ['salary-ignores-bonus', 'salary-forgets-await'],
  },
  {
    id: 'call-args',
    title: 'Check how often and with what the API was called (Jest)',
    framework: 'jest',
    concepts: ['mock-call-args'],
    subject: 'Salary',
    testFile: 'salary.test.ts',
    hints: [
      'A stub records every call: after calculationSalary(), ask it how it was called.',
      'Jest has `toHaveBeenCalledTimes(n)` and `toHaveBeenCalledWith(...args)`.',
      'Assert `toHaveBeenCalledTimes(1)` and `toHaveBeenCalledWith(2017)` on the jest.fn you injected.',
    ],
    chaffs: ['salary-wrong-year', 'salary-calls-api-twice'],
  },
  {
    id: 'sinon-stub',
    title: 'The same with a sinon stub',
    framework: 'vitest',
    concepts: ['mock-return-value', 'mock-call-args'],
    subject: 'Salary',
    testFile: 'salary.test.ts',
    hints: [
      'sinon.stub() makes a function you can program and inspect, like MagicMock.',
      '`sinon.stub().resolves(1)` answers 1 asynchronously; `sinon.assert` has call checks.',
      'Check the total and `sinon.assert.calledOnceWithExactly(stub, 2017)`.',
    ],
    chaffs: ['salary-ignores-bonus', 'salary-wrong-year', 'salary-calls-api-twice'],
  },
  {
    id: 'patch-decorator',
    title: 'Patch the API class for one test (Jest spyOn)',
    framework: 'jest',
    concepts: ['mock-patch-decorator'],
    subject: 'Salary',
    testFile: 'salary.test.ts',
    hints: [
      'This time do not inject anything: `new Salary()` builds its own ThirdPartyBonusRestApi.',
      'Patch the method on the class prototype: `jest.spyOn(ThirdPartyBonusRestApi.prototype, "bonusPrice")`.',
      'Make the spy resolve 1, expect 101, and expect the spy to have been called with 2017.',
    ],
    chaffs: ['salary-ignores-bonus', 'salary-wrong-year'],
  },
  {
    id: 'patch-with',
    title: 'Patch inside a block and restore it (vi.spyOn)',
    framework: 'vitest',
    concepts: ['mock-patch-with'],
    subject: 'Salary',
    testFile: 'salary.test.ts',
    hints: [
      "Python's `with mock.patch(...)` undoes the patch when the block ends; do the same with try/finally.",
      'Inside the block, `vi.spyOn(ThirdPartyBonusRestApi.prototype, "bonusPrice").mockResolvedValue(1)`; in finally, `spy.mockRestore()`.',
      'Inside: expect 101 and exactly one call. After the block: the prototype method is the original again.',
    ],
    chaffs: ['salary-ignores-bonus', 'salary-calls-api-twice'],
  },
  {
    id: 'patch-start-stop',
    title: 'Start a patch in beforeEach, stop it in afterEach (sinon, Jest)',
    framework: 'jest',
    concepts: ['mock-patch-start-stop'],
    subject: 'Salary',
    testFile: 'salary.test.ts',
    hints: [
      "patcher.start() / patcher.stop() in setUp / tearDown is sinon's stub + restore in beforeEach / afterEach.",
      'In beforeEach: `stub = sinon.stub(ThirdPartyBonusRestApi.prototype, "bonusPrice").resolves(1)`; in afterEach: `sinon.restore()`.',
      'Test the total for 2017 and `sinon.assert.calledWith(stub, 2017)`; a second test with another year keeps you honest.',
    ],
    chaffs: ['salary-ignores-bonus', 'salary-wrong-year'],
  },
  {
    id: 'side-effect-function',
    title: 'A stand-in that computes its answer (side effect as a function)',
    framework: 'vitest',
    concepts: ['mock-side-effect-function'],
    subject: 'Salary',
    testFile: 'salary.test.ts',
    hints: [
      "Python's `side_effect = f` makes the mock call f; Vitest's is `mockImplementation(f)`.",
      'Let the bonus depend on the year: `async (year) => year + 1000`.',
      'For 2017 the salary is then 100 + 3017 = 3117; any other year gives another number.',
    ],
    chaffs: ['salary-wrong-year', 'salary-ignores-bonus'],
  },
  {
    id: 'side-effect-exception',
    title: 'A stand-in that throws (Jest)',
    framework: 'jest',
    concepts: ['mock-side-effect-exception'],
    subject: 'Salary',
    testFile: 'salary.test.ts',
    hints: [
      'Salary must pay no bonus when the connection is refused, and must NOT hide other failures.',
      '`jest.fn().mockRejectedValue(new ConnectionRefusedError(url))` for the first test; a `BonusApiError` with status 500 for the second.',
      'Expect 100 for the refused connection, and `await expect(salary.calculationSalary()).rejects.toThrow(BonusApiError)` for the 500.',
    ],
    chaffs: ['salary-no-refused-fallback', 'salary-swallows-every-error', 'salary-500-as-zero'],
  },
  {
    id: 'side-effect-sequence',
    title: 'A stand-in with a script of answers (side effect as a sequence, sinon)',
    framework: 'vitest',
    concepts: ['mock-side-effect-sequence'],
    subject: 'Salary',
    testFile: 'salary.test.ts',
    hints: [
      "Python's `side_effect = [1, ConnectionRefusedError]` answers differently per call; sinon has onFirstCall / onSecondCall.",
      'Program one stub: first call resolves 1, second call rejects with a ConnectionRefusedError; ask the same Salary twice.',
      'Expect 101, then 100, and `sinon.assert.calledTwice(stub)`.',
    ],
    chaffs: ['salary-calls-api-twice', 'salary-caches-first-answer'],
  },
  {
    id: 'spec-class',
    title: 'Replace the whole API class with a spec-shaped mock (jest.mock)',
    framework: 'jest',
    concepts: ['mock-spec-class'],
    subject: 'Salary',
    testFile: 'salary.test.ts',
    hints: [
      "`@mock.patch('salary.ThirdPartyBonusRestApi', spec=True)` is Jest's automock: `jest.mock(path)` at the top of the file, called on the global `jest` so SWC hoists it.",
      'The automocked class keeps its shape; its methods are jest.fn returning undefined. Program `ThirdPartyBonusRestApi.prototype.bonusPrice`.',
      '`jest.mocked(ThirdPartyBonusRestApi.prototype.bonusPrice).mockResolvedValue(1)`, expect 101, and expect exactly one call with 2017.',
    ],
    chaffs: ['salary-ignores-bonus', 'salary-calls-api-twice'],
  },
  {
    id: 'nock-query',
    title: 'Intercept the HTTP request, query string and all (nock)',
    framework: 'vitest',
    concepts: ['http-intercept-query', 'http-error-status'],
    subject: 'ThirdPartyBonusRestApi',
    testFile: 'bonus-api.test.ts',
    hints: [
      'Mock one level lower: keep the real client and intercept its HTTP request with nock.',
      '`nock(base).get("/bonus").query({ year: "2017" }).reply(200, { year: 2017, price: 1 })`; call `nock.disableNetConnect()` so nothing leaks out.',
      'Expect 1 for 2017, and add a test where the service answers 500: the client must reject with BonusApiError.',
    ],
    chaffs: ['api-wrong-year', 'api-500-as-zero'],
  },
  {
    id: 'nock-refused',
    title: 'A refused connection, end to end (nock, Jest)',
    framework: 'jest',
    concepts: ['http-refused-connection', 'mock-pitfall-realm'],
    subject: 'Salary',
    testFile: 'salary.test.ts',
    hints: [
      'nock can fail a request the way a closed port does: `.replyWithError({ code: "ECONNREFUSED" })`.',
      'Check the client first: it must reject with ConnectionRefusedError (match the name; Jest runs in another realm).',
      'Then the whole chain: a Salary using the real client on that URL is 100.',
    ],
    chaffs: ['api-refused-not-recognised', 'salary-no-refused-fallback'],
  },
  {
    id: 'nock-timeout',
    title: 'A slow service and fake timers: test a timeout without waiting',
    framework: 'vitest',
    concepts: ['http-timeout'],
    subject: 'ThirdPartyBonusRestApi',
    testFile: 'bonus-api.test.ts',
    hints: [
      'A real 3-second wait makes a slow test; fake timers make time a thing your test moves.',
      '`vi.useFakeTimers()`, a nock reply with `.delay(5000)`, and a client with `timeoutMs: 100`. Attach the expectation before moving time.',
      'Start the call and attach `const check = expect(p).rejects.toThrow(BonusApiError)`, noting in a `.finally` that it settled; `await vi.advanceTimersByTimeAsync(200)` (past the timeout, short of the reply), expect it settled, then `await check`.',
    ],
    chaffs: ['api-never-times-out'],
  },
  {
    id: 'fake-timers',
    title: 'The default timeout on a sinon fake clock (Jest)',
    framework: 'jest',
    concepts: ['http-timeout'],
    subject: 'ThirdPartyBonusRestApi',
    testFile: 'bonus-api.test.ts',
    hints: [
      'The client must give up on its own after DEFAULT_TIMEOUT_MS (3000) when no timeoutMs is given. Waiting 3 real seconds is not a test.',
      '`clock = sinon.useFakeTimers()` in beforeEach, `clock.restore()` in afterEach; the stubbed fetch should take 10_000 ms.',
      'Attach `const check = expect(api.bonusPrice(2017)).rejects.toMatchObject({ name: "BonusApiError" })`, then `await Promise.all([check, clock.tickAsync(11_000)])` (past the answer).',
    ],
    chaffs: ['api-never-times-out', 'api-default-timeout-30s'],
  },
];
