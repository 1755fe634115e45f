/**
 * The order in which a hunt's workers take their steps, shared between threads through one SharedArrayBuffer.
 *
 * A hunt goes through the claims in passes: pass p takes one step of every claim, with the seed of step index p
 * (see shardStep), so the steps of a hunt are the same whatever the number of workers; only who takes which
 * differs. Within a pass the claims go longest first, by their mean step time so far (a claim not yet timed counts
 * as longest): a worker that runs out of steps then waits at most for one short step of another, where in the
 * registry's order a 10 s step begun last could keep one core busy long after the other ran dry. The costs are
 * wall times, so the order within a pass (never the set of steps in a whole pass) depends on timing.
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

  /** A new schedule over `claims` claims (at least one), stopping after `steps` steps (null: never). */
  static create(claims: number, steps: number | null): HuntSchedule {
    if (!Number.isInteger(claims) || claims < 1)
      throw new Error(`a hunt needs at least one claim, got ${claims}`);
    const bytes = 4 * (CONTROL_SLOTS + claims) + 8 * 2 * claims;
    const schedule = new HuntSchedule(new SharedArrayBuffer(bytes + 8), claims, steps);
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
  }

  /** The next step, or null when the step limit is reached. */
  take(): ScheduledStep | null {
    return this.locked(() => {
      const taken = this.control[TAKEN]!;
      if (this.steps !== null && taken >= this.steps) return null;
      if (this.control[POSITION] === this.claims) {
        this.control[PASS]!++;
        this.control[POSITION] = 0;
        this.orderLongestFirst();
      }
      const claim = this.order[this.control[POSITION]!]!;
      this.control[POSITION]!++;
      this.control[TAKEN] = taken + 1;
      return { claim, pass: this.control[PASS]! };
    });
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

  /** Claims by mean step time, longest first; untimed claims first of all; ties in claim order (stable sort). */
  private orderLongestFirst(): void {
    const mean = (c: number) =>
      this.timed[c] === 0 ? Number.POSITIVE_INFINITY : this.totalMs[c]! / this.timed[c]!;
    const sorted = Array.from({ length: this.claims }, (_, c) => c).sort((a, b) => {
      const ma = mean(a);
      const mb = mean(b);
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
