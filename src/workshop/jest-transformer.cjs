// The workshop's Jest transformer: serves a variant's text of the domain
// modules at their real paths, then compiles with SWC like the lesson suites.
// Every variant, the real code included, goes through it; only its `served`
// option differs (module text by absolute path). The text is part of SWC's
// cache key, so variants never share a cached compile.
const swcJest = require('@swc/jest');

module.exports = {
  createTransformer({ served, swc }) {
    const inner = swcJest.createTransformer(swc);
    const text = (source, file) => served[file] ?? source;
    return {
      process: (source, file, options) => inner.process(text(source, file), file, options),
      getCacheKey: (source, file, options) => inner.getCacheKey(text(source, file), file, options),
    };
  },
};
