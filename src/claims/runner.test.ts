import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import type { MlpSubjectJson } from '../landscape/index.js';
import { type Claim, defineClaim } from './claim.js';
import { runClaim } from './runner.js';

const dirs: string[] = [];
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'runner-test-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A dead relu neuron with bias −k/4: a certified spurious local minimum for every k ≥ 1. */
function deadNeuron(k: number): MlpSubjectJson {
  return {
    kind: 'mlp',
    network: { layerSizes: [1, 1, 1], activation: { name: 'relu' }, bias: true, trainable: [true, false] },
    data: { inputs: [[0], [1]], targets: [[0], [1]] },
    loss: { name: 'squared', scale: 0.5, reduction: 'sum' },
    point: {
      layers: [
        { weights: [[0]], biases: [-k / 4] },
        { weights: [[1]], biases: [0] },
      ],
    },
  };
}

function toyClaim(overrides: Partial<Claim<number, null>> = {}): Claim<number, null> {
  return defineClaim<number, null>({
    id: 'toy-claim',
    title: 'k is below 5',
    source: { authors: 'Nobody', year: 2026, title: 'A toy', where: 'Lemma 0' },
    statement: 'every generated k is below 5',
    kind: 'theorem',
    expect: 'holds',
    hypotheses: fc.integer({ min: 0, max: 40 }),
    budget: { test: 50, check: 50 },
    check: (k) => (k < 5 ? { status: 'pass' } : { status: 'fail', evidence: null }),
    certify: (k) => ({
      ok: true,
      value: {
        subject: deadNeuron(k),
        certificate: {
          kind: 'local-min-not-global',
          loss: 0.5,
          gradientNorm: 0,
          hessianEigenvalues: [0, 0],
          perturbation: { radii: [1e-2], trials: 20, minLossIncrease: 0 },
          betterPoint: {
            layers: [
              { weights: [[1]], biases: [0] },
              { weights: [[1]], biases: [0] },
            ],
          },
          betterLoss: 0,
        },
      },
    }),
    ...overrides,
  });
}

describe('runClaim', () => {
  test('no failure in N runs: holds', () => {
    const result = runClaim(toyClaim({ hypotheses: fc.integer({ min: 0, max: 4 }) }), {
      seed: 1,
      runs: 30,
      archiveRoot: null,
    });
    expect(result.verdict).toBe('holds');
    expect(result.runs).toBe(30);
    expect(result.failure).toBeNull();
  });

  test('a failure is shrunk, certified, verified and archived; the same seed writes byte-identical files', () => {
    const a = scratch();
    const b = scratch();
    const now = () => new Date('2026-11-23T00:00:00.000Z');
    const first = runClaim(toyClaim(), { seed: 42, runs: 50, archiveRoot: a, now });
    expect(first.verdict).toBe('refuted');
    expect(first.certified?.subject).toEqual(deadNeuron(5));
    expect(first.failure?.replay).toBe(
      `npx landscape check toy-claim --seed 42 --path ${first.failure?.path}`,
    );
    const second = runClaim(toyClaim(), { seed: 42, runs: 50, archiveRoot: b, now });
    expect(second.certified?.subject).toEqual(first.certified?.subject);
    const file = (root: string) => join(root, 'toy-claim', readdirSync(join(root, 'toy-claim'))[0]!);
    expect(readFileSync(file(a), 'utf8')).toBe(readFileSync(file(b), 'utf8'));
    const again = runClaim(toyClaim(), { seed: 42, runs: 50, archiveRoot: a, now });
    expect(again.created).toBe(false);
    expect(readdirSync(join(a, 'toy-claim'))).toHaveLength(1);
  });

  test('a failure whose certificate does not verify is inconclusive and never archived', () => {
    const root = scratch();
    const claim = toyClaim({
      certify: (k) => {
        const good = toyClaim().certify(k, null);
        if (!good.ok) throw new Error('unreachable');
        return { ok: true, value: { ...good.value, certificate: { ...good.value.certificate, loss: 7 } } };
      },
    });
    const result = runClaim(claim, { seed: 3, runs: 50, archiveRoot: root });
    expect(result.verdict).toBe('inconclusive');
    expect(result.failure?.uncertified).toMatch(/loss is 0.5, certificate says 7/);
    expect(result.failure?.path).toMatch(/^\d+(:\d+)*$/);
    expect(readdirSync(root)).toEqual([]);
  });

  test('mostly inconclusive cases make the verdict inconclusive, with the reasons', () => {
    const claim = toyClaim({
      check: (k) =>
        k % 4 === 0 ? { status: 'pass' } : { status: 'inconclusive', reason: 'optimiser stalled' },
    });
    const result = runClaim(claim, { seed: 5, runs: 40, archiveRoot: null });
    expect(result.verdict).toBe('inconclusive');
    expect(result.summary).toMatch(/optimiser stalled/);
    expect(result.inconclusive).toBeGreaterThan(20);
  });

  test('a predicate that throws is inconclusive with the error, seed and path', () => {
    const claim = toyClaim({
      check: (k) => {
        if (k > 3) throw new Error('boom');
        return { status: 'pass' };
      },
    });
    const result = runClaim(claim, { seed: 9, runs: 50, archiveRoot: null });
    expect(result.verdict).toBe('inconclusive');
    expect(result.failure?.error).toMatch(/boom/);
  });

  test('a generator whose cases are all discarded is inconclusive', () => {
    const claim = toyClaim({ check: () => ({ status: 'discard', reason: 'degenerate data' }) });
    const result = runClaim(claim, { seed: 11, runs: 20, archiveRoot: null });
    expect(result.verdict).toBe('inconclusive');
    expect(result.summary).toMatch(/discard/);
  });

  test('a seed and path replay the same shrunk failure', () => {
    const first = runClaim(toyClaim(), { seed: 77, runs: 50, archiveRoot: null });
    const replayed = runClaim(toyClaim(), {
      seed: 77,
      runs: 50,
      archiveRoot: null,
      path: first.failure!.path,
    });
    expect(replayed.certified?.subject).toEqual(first.certified?.subject);
  });
});
