import { parentPort, workerData } from 'node:worker_threads';
import { type AnyClaim, ClaimRegistry } from '../claims/index.js';
import { UserError } from '../errors.js';
import { checkClaim } from './check.js';
import type { CheckReply, CheckTask, CheckWorkerData } from './checkPool.js';
import { loadClaimsFile } from './loadClaims.js';
import { setProjectRoot } from './paths.js';

/**
 * A worker of `landscape check`'s pool (checkPool.ts): loads the claims as the main thread did, prepares them,
 * then checks one claim per task with checkClaim, printing into a buffer that goes back with the row.
 */
async function start(): Promise<void> {
  const port = parentPort;
  if (port === null) return;
  const data = workerData as CheckWorkerData;
  setProjectRoot(data.claimsModule?.root);
  const claims: readonly AnyClaim[] =
    data.claimsModule === null
      ? (await import('../../properties/index.js')).allClaims
      : (await loadClaimsFile(data.claimsModule.file, data.claimsModule.root)).claims;
  const registry = new ClaimRegistry(claims);
  await Promise.all(registry.claims.map((claim) => claim.prepare?.()));
  port.on('message', (task: CheckTask) => {
    let reply: CheckReply;
    const lines: string[] = [];
    try {
      const claim = registry.get(task.id);
      if (claim === undefined) throw new Error(`check worker: no claim '${task.id}'`);
      const io = {
        out: (text: string) => lines.push(text),
        err: (text: string) => lines.push(text),
        interactive: false,
      };
      const { row, value } = checkClaim(registry, claim, data.options, io);
      const valueJson = data.options.json && value !== undefined ? (JSON.stringify(value) ?? null) : null;
      reply = { type: 'done', index: task.index, row, valueJson, lines };
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      reply = {
        type: 'failed',
        index: task.index,
        message: e.message,
        stack: e.stack ?? e.message,
        user: e instanceof UserError,
      };
    }
    port.postMessage(reply);
  });
}

if (parentPort !== null) void start();
