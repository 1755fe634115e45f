/**
 * The order in which a hunt's workers take their steps, shared between threads through one SharedArrayBuffer.
 * A step is one claim's p-th step (p = 0, 1, …), with the seed of step index p (see shardStep); each claim takes
 * its steps in order of p, whoever takes them, so the steps of a hunt are the same whatever the number of workers.
 *
 * - Without a step limit (a hunt by time) the claims go in passes: pass p takes step p of every claim. Within a
 *   pass the claims go longest first, by their mean step time so far (a claim not yet timed counts as longest).
 * - With a limit of n steps, claim c takes ⌊n / C⌋ steps, plus one for the first n mod C claims (the steps of
 *   ⌈n / C⌉ passes). Each claim's first step comes first, in claim order; after that each next step is one of the
 *   claim with the longest mean step time among those with steps left (longest processing time first, the classic rule for finishing a fixed set of jobs on parallel
 *   workers early): the long steps run first, side by side, and the hunt ends on short ones. In passes, a claim
 *   whose steps take 7 s (ahw96-single-neuron) started last kept one core busy 4 s after the other ran dry.
 *
 * The costs are wall times, so the order of the steps (never which steps) depends on timing.
 */

/** Slots of the control array. */
const LOCK = 0;
const PASS = 1;
const POSITION = 2;
const TAKEN = 3;
const CONTROL_SLOTS = 4;

export interface ScheduledStep {
  readonly claim: number;
  readonly pass: number;
}

export class HuntSchedule {
  private readonly control: Int32Array;
  private readonly order: Int32Array;
  private readonly totalMs: Float64Array;
  private readonly timed: Float64Array;
  /** Steps taken so far of each claim (with a step limit). */
  private readonly takenOf: Int32Array;

  /** A new schedule over `claims` claims (at least one), stopping after `steps` steps (null: never). */
  static create(claims: number, steps: number | null): HuntSchedule {
    if (!Number.isInteger(claims) || claims < 1)
      throw new Error(`a hunt needs at least one claim, got ${claims}`);
    const schedule = new HuntSchedule(new SharedArrayBuffer(HuntSchedule.bytes(claims)), claims, steps);
    for (let c = 0; c < claims; c++) schedule.order[c] = c;
    return schedule;
  }

  /** The same schedule seen from another thread (the buffer, claim count and step limit it was created with). */
  constructor(
    readonly buffer: SharedArrayBuffer,
    readonly claims: number,
    readonly steps: number | null,
  ) {
    this.control = new Int32Array(buffer, 0, CONTROL_SLOTS);
    this.order = new Int32Array(buffer, 4 * CONTROL_SLOTS, claims);
    // Float64 views need an 8-byte aligned offset.
    const floats = Math.ceil((4 * (CONTROL_SLOTS + claims)) / 8) * 8;
    this.totalMs = new Float64Array(buffer, floats, claims);
    this.timed = new Float64Array(buffer, floats + 8 * claims, claims);
    this.takenOf = new Int32Array(buffer, floats + 16 * claims, claims);
  }

  /** The buffer's size: the control slots and the order (int32), padding to 8 bytes, two float64 and an int32
   *  per claim. */
  private static bytes(claims: number): number {
    return Math.ceil((4 * (CONTROL_SLOTS + claims)) / 8) * 8 + 20 * claims;
  }

  /** The next step, or null when the step limit is reached. */
  take(): ScheduledStep | null {
    return this.locked(() => (this.steps === null ? this.nextInPasses() : this.nextLongestFirst(this.steps)));
  }

  private nextInPasses(): ScheduledStep {
    if (this.control[POSITION] === this.claims) {
      this.control[PASS]!++;
      this.control[POSITION] = 0;
      this.orderLongestFirst();
    }
    const claim = this.order[this.control[POSITION]!]!;
    this.control[POSITION]!++;
    this.control[TAKEN]!++;
    return { claim, pass: this.control[PASS]! };
  }

  private nextLongestFirst(steps: number): ScheduledStep | null {
    if (this.control[TAKEN]! >= steps) return null;
    let best = -1;
    let bestMean = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < this.claims; c++) {
      const quota = Math.floor(steps / this.claims) + (c < steps % this.claims ? 1 : 0);
      if (this.takenOf[c]! >= quota) continue;
      // A claim not yet taken first (to learn its cost), then one still running its first step, then by mean.
      const mean =
        this.takenOf[c] === 0 ? Number.POSITIVE_INFINITY : Math.min(this.mean(c), Number.MAX_VALUE);
      if (mean > bestMean) {
        best = c;
        bestMean = mean;
      }
    }
    const pass = this.takenOf[best]!;
    this.takenOf[best] = pass + 1;
    this.control[TAKEN]!++;
    return { claim: best, pass };
  }

  /** Records how long a step of `claim` took (wall ms). */
  finish(claim: number, ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) return;
    this.locked(() => {
      this.totalMs[claim]! += ms;
      this.timed[claim]!++;
    });
  }

  /** Steps taken so far by all workers. */
  get taken(): number {
    return Atomics.load(this.control, TAKEN);
  }

  /** A claim's mean step time so far (ms), +∞ before its first step ends. */
  private mean(c: number): number {
    return this.timed[c] === 0 ? Number.POSITIVE_INFINITY : this.totalMs[c]! / this.timed[c]!;
  }

  /** Claims by mean step time, longest first; untimed claims first of all; ties in claim order. */
  private orderLongestFirst(): void {
    const sorted = Array.from({ length: this.claims }, (_, c) => c).sort((a, b) => {
      const ma = this.mean(a);
      const mb = this.mean(b);
      return ma === mb ? a - b : mb > ma ? 1 : -1;
    });
    this.order.set(sorted);
  }

  /** Runs `body` holding the schedule's lock (a spin on compareExchange, sleeping in Atomics.wait while held). */
  private locked<T>(body: () => T): T {
    while (Atomics.compareExchange(this.control, LOCK, 0, 1) !== 0) Atomics.wait(this.control, LOCK, 1, 1);
    try {
      return body();
    } finally {
      Atomics.store(this.control, LOCK, 0);
      Atomics.notify(this.control, LOCK, 1);
    }
  }
}
