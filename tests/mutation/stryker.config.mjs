// Stryker's settings for `make mutation-js`: mutation testing of the search ranking
// (docs/_ext/search_rank.js) with the fast tests that run it in Node (tests/test_search_rank.py).
// Run from the repository's root; the Makefile sets PYTHON to the virtualenv's interpreter.
const python = process.env.PYTHON || "python3";

export default {
  testRunner: "command",
  commandRunner: {
    // Stryker switches mutants through an environment variable that the instrumented code reads
    // from `process`, which Node has and a browser does not: only the Node tests can kill them.
    // The tests of the synonym file read the code's text, which instrumenting changes.
    command:
      `${python} -m pytest -x -q -p no:cacheprovider tests/test_search_rank.py ` +
      `-m "not slow" -k "not eval and not synonym_file"`,
  },
  coverageAnalysis: "off", // the command runner cannot tell which test reaches which mutant
  disableTypeChecks: false, // plain JavaScript: no type checker to silence
  mutate: ["docs/_ext/search_rank.js"],
  // Stryker copies the project into a sandbox per worker: the builds and tools stay out.
  ignorePatterns: ["_build", ".venv", "node_modules", "bench/results", "tests/mutation/js"],
  tempDirName: "_build/mutation-js/tmp",
  cleanTempDir: "always",
  concurrency: 2,
  timeoutMS: 120000,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "_build/mutation-js/index.html" },
  jsonReporter: { fileName: "_build/mutation-js/mutation.json" },
};
