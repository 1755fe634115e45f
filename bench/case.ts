/**
 * Entry point of one benchmark process: `node dist/bench/case.js <name>` prints one JSON line
 * `{name, size, ms, check}`; `node dist/bench/case.js --list` prints the cases. Started by bench/run.js,
 * one fresh process per case.
 */
import { CASES, runCase } from './cases.js';

const arg = process.argv[2];
if (arg === '--list') {
  process.stdout.write(
    `${JSON.stringify(CASES.map((c) => ({ name: c.name, size: c.size, target: c.target, warmup: c.warmup, repeats: c.repeats })))}\n`,
  );
} else {
  const c = CASES.find((x) => x.name === arg);
  if (c === undefined) {
    process.stderr.write(`unknown case ${String(arg)}; known: ${CASES.map((x) => x.name).join(', ')}\n`);
    process.exitCode = 2;
  } else {
    process.stdout.write(`${JSON.stringify(runCase(c))}\n`);
  }
}
