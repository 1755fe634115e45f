import * as highsModule from 'highs';
import { UserError } from '../../errors.js';
import type { DenseMatrix } from '../../linalg/index.js';

/**
 * Linear and convex quadratic programs through HiGHS (the `highs` WebAssembly package: a maintained, exact
 * simplex / interior-point / active-set solver, far better than one we would write). The model is passed as
 * CPLEX LP text. Loading the WebAssembly module is asynchronous: call `loadHighs()` once (claims do it in
 * their `prepare` hook); `solveProgram` itself is synchronous.
 */

// The package's typings describe an ES default export but are read as CommonJS under NodeNext; at run time
// the ES entry (build/highs.mjs) has the loader as its default export, which is what this picks.
const highsLoader = highsModule.default as unknown as typeof highsModule.default.default;
type HighsModule = Awaited<ReturnType<typeof highsLoader>>;
let loaded: HighsModule | null = null;
let loading: Promise<HighsModule> | null = null;

/** Load the solver (idempotent). */
export async function loadHighs(): Promise<void> {
  loading ??= highsLoader();
  loaded = await loading;
}

export function highsLoaded(): boolean {
  return loaded !== null;
}

/** A linear or convex quadratic program: minimise ½xᵀQx + cᵀx subject to rows and bounds. */
export interface Program {
  /** Number of variables. */
  readonly n: number;
  /** Symmetric positive semidefinite n×n (null: a linear program). */
  readonly Q: DenseMatrix | null;
  readonly c: Float64Array;
  readonly rows: readonly {
    readonly a: Float64Array;
    readonly op: '<=' | '>=' | '=';
    readonly rhs: number;
  }[];
  /** Per-variable bounds; absent: free variables. Use ±Infinity for one-sided bounds. */
  readonly lower?: Float64Array;
  readonly upper?: Float64Array;
}

export interface ProgramSolution {
  readonly status: 'optimal' | 'infeasible' | 'unbounded' | 'other';
  /** HiGHS's own status text. */
  readonly statusText: string;
  readonly x: Float64Array | null;
  readonly objective: number | null;
}

/**
 * Coefficients at or below this magnitude are dropped by HiGHS (its option small_matrix_value, whose
 * smallest allowed value we use): data in [−10, 10] never gets there except through genuine zeros.
 */
const SMALL_MATRIX_VALUE = 1e-12;

function term(coefficient: number, name: string, first: boolean): string {
  const sign = coefficient < 0 ? '-' : '+';
  const magnitude = Math.abs(coefficient);
  return `${first && sign === '+' ? '' : `${sign} `}${magnitude} ${name}`;
}

function linearText(a: Float64Array): string {
  const parts: string[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== 0) parts.push(term(a[i]!, `x${i}`, parts.length === 0));
  return parts.length === 0 ? '0 x0' : parts.join(' ');
}

/** The program as CPLEX LP text. */
export function programText(p: Program): string {
  if (p.c.length !== p.n) throw new UserError(`objective has ${p.c.length} coefficients, expected ${p.n}`);
  const lines = ['Minimize', ` obj: ${linearText(p.c)}`];
  if (p.Q !== null) {
    if (p.Q.rows !== p.n || p.Q.cols !== p.n)
      throw new UserError(`Q is ${p.Q.rows}×${p.Q.cols}, expected ${p.n}×${p.n}`);
    const quad: string[] = [];
    for (let i = 0; i < p.n; i++) {
      for (let j = i; j < p.n; j++) {
        const q = i === j ? p.Q.data[i * p.n + i]! : p.Q.data[i * p.n + j]! + p.Q.data[j * p.n + i]!;
        if (q === 0) continue;
        quad.push(term(q, i === j ? `x${i}^2` : `x${i} * x${j}`, quad.length === 0));
      }
    }
    if (quad.length > 0) lines[1] += ` + [ ${quad.join(' ')} ] / 2`;
  }
  lines.push('Subject To');
  p.rows.forEach((row, k) => {
    if (row.a.length !== p.n)
      throw new UserError(`constraint ${k} has ${row.a.length} coefficients, expected ${p.n}`);
    lines.push(` c${k}: ${linearText(row.a)} ${row.op} ${row.rhs}`);
  });
  lines.push('Bounds');
  for (let i = 0; i < p.n; i++) {
    const lo = p.lower?.[i] ?? Number.NEGATIVE_INFINITY;
    const hi = p.upper?.[i] ?? Number.POSITIVE_INFINITY;
    if (lo === Number.NEGATIVE_INFINITY && hi === Number.POSITIVE_INFINITY) lines.push(` x${i} free`);
    else
      lines.push(
        ` ${lo === Number.NEGATIVE_INFINITY ? '-inf' : lo} <= x${i} <= ${hi === Number.POSITIVE_INFINITY ? 'inf' : hi}`,
      );
  }
  lines.push('End');
  return lines.join('\n');
}

/**
 * Wall-clock limit of one solve, in seconds. The region LPs and basin QPs here solve in milliseconds; HiGHS's QP
 * solver was seen to cycle for ever on a semidefinite 12-variable basin program, and a limit turns that into an
 * undecided solve (status 'other') instead of a hung run.
 */
export const SOLVE_TIME_LIMIT_SECONDS = 20;

const utf8 = new TextEncoder();

/**
 * The LP text as UTF-8 bytes. HiGHS's `solve` writes its model argument to a file of its in-memory file system
 * (`FS.writeFile`), which takes a string or bytes; a string goes through emscripten's `intArrayFromString`, a
 * byte-at-a-time JavaScript array that took a fifth of km-1d-regions' main job (42 s of 205 in a profile, with
 * the copy into a typed array). The bytes are the same ones (the text is ASCII), so the solver reads the same
 * file; highs.test.ts checks that bytes and text give the same solution.
 */
export function programBytes(p: Program): Uint8Array {
  return utf8.encode(programText(p));
}

/** Solve a program (synchronous; `loadHighs()` must have resolved). Time-limited solves come back as 'other'. */
export function solveProgram(
  p: Program,
  options: { readonly timeLimitSeconds?: number } = {},
): ProgramSolution {
  if (loaded === null)
    throw new Error('HiGHS is not loaded: await loadHighs() first (a claim does it in prepare())');
  let result: ReturnType<HighsModule['solve']>;
  try {
    result = loaded.solve(programBytes(p) as unknown as string, {
      small_matrix_value: SMALL_MATRIX_VALUE,
      time_limit: options.timeLimitSeconds ?? SOLVE_TIME_LIMIT_SECONDS,
    });
  } catch (error) {
    // HiGHS 1.15.3's WebAssembly QP path aborts with "memory access out of bounds" on some small convex QPs
    // (~12% of random 2-variable QPs with a dense Hessian here; ~0.2% of basin-shaped ones). The module stays
    // usable afterwards (checked in highs.test.ts), so this is reported as an undecided solve, never a result.
    return {
      status: 'other',
      statusText: `HiGHS failed: ${(error as Error).message}`,
      x: null,
      objective: null,
    };
  }
  const statusText = String(result.Status);
  const status =
    statusText === 'Optimal'
      ? 'optimal'
      : statusText === 'Infeasible'
        ? 'infeasible'
        : statusText === 'Unbounded' || statusText === 'Primal infeasible or unbounded'
          ? 'unbounded'
          : 'other';
  if (status !== 'optimal') return { status, statusText, x: null, objective: null };
  const columns = result.Columns as Record<string, { Primal?: number }>;
  const x = Float64Array.from({ length: p.n }, (_, i) => columns[`x${i}`]?.Primal ?? 0);
  return { status, statusText, x, objective: Number(result.ObjectiveValue) };
}
