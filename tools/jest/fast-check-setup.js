// Property tests (fast-check) run short and reproducible inside `npm test` (fixed seed), and long with a
// fresh seed under `npm run fuzz` (FUZZ_RUNS, optional FUZZ_SEED). A failure prints its seed and path to replay it.
const fc = require('fast-check');

const runs = Number(process.env.FUZZ_RUNS || 0);
if (runs > 0) {
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() ^ (Math.random() * 0x100000000);
  fc.configureGlobal({ numRuns: runs, seed, endOnFailure: true });
} else {
  fc.configureGlobal({ numRuns: 100, seed: 20261202 });
}
