/**
 * `@fast-check/vitest` for mutation runs only (vitest.mutation.config.ts aliases the package here; `npm test` uses
 * the real one). Same `test.prop` / `it.prop` / `fc`, same behaviour: `fc.assert` of an async property, the seed
 * from fast-check's global configuration (test/setup.ts sets it from LANDSCAPE_SEED) or fast-check's own, the suite's
 * beforeEach/afterEach hooks around every generated case but the first. Two differences, both for Stryker:
 *
 * - Importing it is cheap. The package's `buildTest` walks every chain of vitest 4's test modifiers (skip, only,
 *   concurrent, …) to copy `.prop` onto each: measured at 5 to 10 s per import on this machine, mostly garbage
 *   collection. Stryker's vitest runner starts a fresh worker for every mutant, so every mutant paid it.
 * - The test name does not carry the seed. The package names a property test `<name> (with seed=<seed>)`, the seed
 *   drawn afresh in each worker when LANDSCAPE_SEED is unset; Stryker selects a mutant's tests by the names of its
 *   dry run, so in every later worker the property tests matched nothing and were silently skipped. A failure still
 *   prints its seed and path (fast-check's own message).
 *
 * Only `.prop` on `test`/`it` itself is provided (`test.skip.prop` and the like are not used in the mutated
 * scopes' tests); everything else is vitest's own `test`.
 */
import fc from 'fast-check';
import { test as base, type TestContext, TestRunner } from 'vitest';

export { fc };

type Hook = (context: TestContext, suite: unknown) => unknown;
type SuiteLike = { suite?: SuiteLike; file?: SuiteLike; filepath?: string };

/** The suite chain from `suite` up to its file, innermost first. */
function suiteChain(suite: SuiteLike): SuiteLike[] {
  const chain: SuiteLike[] = [];
  for (
    let at: SuiteLike | undefined = suite;
    at !== undefined;
    at = 'filepath' in at ? undefined : (at.suite ?? at.file)
  )
    chain.push(at);
  return chain;
}

function hooksOf(suite: SuiteLike): { beforeEach: Hook[]; afterEach: Hook[] } {
  return (TestRunner.getSuiteHooks as unknown as (s: SuiteLike) => { beforeEach: Hook[]; afterEach: Hook[] })(
    suite,
  );
}

/**
 * MUTATION_FC_RUNS=N (mutation runs only, opt-in) caps each property's runs at N: fewer generated cases can only
 * let more mutants survive, so a score measured with a cap is a lower bound. Unset or 0: the test's own numRuns.
 */
function capRuns(params: fc.Parameters<unknown[]> | undefined): fc.Parameters<unknown[]> {
  // No shrinking (endOnFailure): a property fails or passes on its first failing case either way, so no mutant's
  // status changes, but a killed mutant no longer pays for fast-check shrinking the case it failed on.
  const fast = { ...params, endOnFailure: true };
  const cap = Number(process.env.MUTATION_FC_RUNS ?? 0);
  if (!Number.isSafeInteger(cap) || cap <= 0) return fast;
  return { ...fast, numRuns: Math.min(params?.numRuns ?? fc.readConfigureGlobal().numRuns ?? 100, cap) };
}

function prop(arbitraries: unknown, params?: fc.Parameters<unknown[]>) {
  return (name: string, property: (...args: never[]) => unknown, timeout?: number): void => {
    const record = !Array.isArray(arbitraries);
    const arbs = (
      record ? [fc.record(arbitraries as Record<string, fc.Arbitrary<unknown>>)] : arbitraries
    ) as [fc.Arbitrary<unknown>];
    const run = (...values: unknown[]) =>
      Promise.resolve((property as (...args: unknown[]) => boolean | undefined)(...values));
    const instance: fc.IAsyncPropertyWithHooks<unknown[]> = fc.asyncProperty(...arbs, run);
    base(
      name,
      async () => {
        const current = TestRunner.getCurrentTest() as unknown as
          | (SuiteLike & { context: TestContext })
          | undefined;
        if (current === undefined) throw new Error('fastCheckVitest: no running test');
        const suite = (current.suite ?? current.file)!;
        const chain = suiteChain(suite);
        const before = [...chain].reverse().flatMap((s) => hooksOf(s).beforeEach);
        const after = chain.flatMap((s) => [...hooksOf(s).afterEach].reverse());
        const cleanups: (() => unknown)[] = [];
        if (before.length > 0 || after.length > 0) {
          let first = true;
          instance.beforeEach(async (previous) => {
            await previous();
            if (first) {
              first = false;
              return;
            }
            for (const hook of after) await hook(current.context, suite);
            for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
            for (const hook of before) {
              const result = await hook(current.context, suite);
              if (typeof result === 'function') cleanups.push(result as () => unknown);
            }
          });
        }
        try {
          // No seed given here or globally: fast-check draws one and prints it on failure.
          await fc.assert(instance, capRuns(params));
        } finally {
          for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
        }
      },
      timeout,
    );
  };
}

/** vitest's `test` with `.prop`. */
export const test = new Proxy(base, {
  get: (target, key, receiver) => (key === 'prop' ? prop : Reflect.get(target, key, receiver)),
}) as typeof base & { prop: typeof prop };
export const it = test;
