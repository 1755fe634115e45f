#!/usr/bin/env node
// The `landscape` command: runs the compiled CLI (npm ci builds it through the `prepare` script).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    'landscape: the CLI is not built yet; run `npm run build` (npm ci does it for you).\n',
  );
  process.exit(2);
}
// A hunt runs in a child process on V8 without its helper threads (`--single-threaded`: no concurrent compiler, no
// parallel or concurrent garbage collector). The flag is process-wide and fixed at start (set later, V8 aborts).
// Measured on 2 cores with the bench's fixed hunt: one worker keeps the same wall time (36.4–39.5 s against 36.9 s)
// on 37 CPU-s instead of 42, and two workers gain 8 % (20.4–20.6 s against 22.3 s), since with helper threads one
// worker already keeps 1.14 cores busy and two workers' helpers compete for the same two cores.
// LANDSCAPE_V8_THREADS=1 keeps V8's defaults (to compare).
if (
  process.argv[2] === 'hunt' &&
  !process.execArgv.includes('--single-threaded') &&
  process.env.LANDSCAPE_V8_THREADS !== '1'
) {
  const { spawn } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const child = spawn(
    process.execPath,
    ['--single-threaded', ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  // Ctrl-C reaches the child with the rest of the terminal's process group (it stops after its current step);
  // this process only waits for it. A signal sent to this process alone is passed on.
  process.on('SIGINT', () => {});
  for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    process.stderr.write(`landscape: could not start the hunt: ${error.message}\n`);
    process.exit(70);
  });
  child.on('exit', (code, signal) => {
    if (signal !== null) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    }
    process.exit(code ?? 70);
  });
} else {
  await run();
}

async function run() {
  // `landscape list | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const { main } = await import(entry.href);
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(
      `landscape: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 70;
  }
}
