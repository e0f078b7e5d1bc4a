// A Jest setup file of the workshop's runner. Jest lets a test's
// `process.exit` end the process it runs in, here the whole runner process;
// Vitest fails the test instead. Do as Vitest does, with its message, so a
// learner gets the same rejection under both.
process.exit = ((code?: number | string | null) => {
  throw new Error(`process.exit unexpectedly called with "${code}"`);
}) as typeof process.exit;
