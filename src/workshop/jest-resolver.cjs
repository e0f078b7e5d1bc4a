// A Jest resolver that swaps one domain module for a chaff. Jest takes a
// resolver by file path only, so the runner writes one tiny file per variant
// that calls `substitute(target, replacement)`.
const path = require('node:path');

exports.substitute = (target, replacement) => (request, options) => {
  const resolved = options.defaultResolver(request, options);
  // The chaff itself extends the real module, so its own import stays real.
  const fromChaff = path.resolve(options.basedir) === path.dirname(replacement);
  return resolved === target && !fromChaff ? replacement : resolved;
};
