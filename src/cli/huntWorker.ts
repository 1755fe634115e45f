import { parentPort, workerData } from 'node:worker_threads';
import { allClaims } from '../../properties/index.js';
import { ClaimRegistry, type NearMiss } from '../claims/index.js';
import { huntLoop } from './huntLoop.js';
import { HuntSchedule } from './huntSchedule.js';

/** The data a hunt worker starts with (see hunt.ts). */
export interface HuntWorkerData {
  readonly ids: readonly string[];
  readonly seed: number;
  readonly shard: { readonly index: number; readonly count: number };
  readonly worker: number;
  readonly archive: string;
  readonly deadline: number;
  readonly schedule: SharedArrayBuffer;
  readonly steps: number | null;
  readonly pools: Record<string, NearMiss[]>;
  readonly stop: SharedArrayBuffer;
  readonly write: boolean;
  readonly files: SharedArrayBuffer;
  readonly maxFiles: number | null;
}

async function start(): Promise<void> {
  const data = workerData as HuntWorkerData;
  const port = parentPort;
  if (port === null) return;
  const registry = new ClaimRegistry(allClaims);
  // Only the hunted claims are prepared: start-up counts against the hunt's deadline on every worker.
  const claims = registry.select(data.ids);
  await Promise.all(claims.map((claim) => claim.prepare?.()));
  const pools = new Map(Object.entries(data.pools));
  await huntLoop({
    claims,
    seed: data.seed,
    shard: data.shard,
    worker: data.worker,
    archive: data.archive,
    deadline: data.deadline,
    schedule: new HuntSchedule(data.schedule, claims.length, data.steps),
    pools,
    stop: new Int32Array(data.stop),
    write: data.write,
    files: new Int32Array(data.files),
    maxFiles: data.maxFiles,
    report: (progress) => port.postMessage(progress),
  });
  port.postMessage({ type: 'done', worker: data.worker, pools: Object.fromEntries(pools) });
}

if (parentPort !== null) void start();
