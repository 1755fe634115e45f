/**
 * Entry point of one benchmark process, started by bench/run.js:
 * - `node dist/bench/case.js --list` prints the cases;
 * - `node dist/bench/case.js --serve <name>` builds the case's inputs, runs its warm-up, prints
 *   `{"ready": true}`, then answers each stdin line `R` with one JSON line `{ms, check}`: the median of R timed
 *   calls. The launcher alternates such batches with the numpy twin's (ours, numpy, ours, numpy, …), so a busy
 *   machine slows both sides of a pair alike.
 * `BENCH_FULL_GRID=1` in the environment selects the phase-transition case's full grid (bench/phase_transition.ts).
 */
import { createInterface } from 'node:readline';
import { CASES, timeBatch } from './cases.js';

const arg = process.argv[2];
if (arg === '--list') {
  process.stdout.write(
    `${JSON.stringify(
      CASES.map((c) => ({
        name: c.name,
        size: c.size,
        target: c.target,
        warmup: c.warmup,
        batch: c.batch,
        pairs: c.pairs,
      })),
    )}\n`,
  );
} else if (arg === '--serve') {
  const c = CASES.find((x) => x.name === process.argv[3]);
  if (c === undefined) {
    process.stderr.write(
      `unknown case ${String(process.argv[3])}; known: ${CASES.map((x) => x.name).join(', ')}\n`,
    );
    process.exitCode = 2;
  } else {
    const thunk = c.setup();
    for (let i = 0; i < c.warmup; i++) thunk();
    process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
    const lines = createInterface({ input: process.stdin });
    lines.on('line', (line) => {
      const repeats = Number.parseInt(line, 10);
      if (!Number.isInteger(repeats) || repeats < 1) {
        lines.close();
        return;
      }
      process.stdout.write(`${JSON.stringify(timeBatch(thunk, repeats))}\n`);
    });
  }
} else {
  process.stderr.write('usage: case.js --list | --serve <name>\n');
  process.exitCode = 2;
}
