import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import type { MlpSubjectJson } from '../landscape/index.js';
import { type Claim, defineClaim } from './claim.js';
import { DistinctFinds, huntStep, type NearMiss, shardStep, stepSeed } from './hunt.js';

const root = mkdtempSync(join(tmpdir(), 'hunt-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A rare failure: all six genes ≥ 6 out of [−8, 8] (probability (3/17)^6 ≈ 3e-5 per random case). */
function rareClaim(withMutate: boolean): Claim<number[], null> {
  const subject = (g: number[]): MlpSubjectJson => ({
    kind: 'mlp',
    network: { layerSizes: [1, 1, 1], activation: { name: 'relu' }, bias: true, trainable: [true, false] },
    data: { inputs: [[0], [1]], targets: [[0], [1]] },
    loss: { name: 'squared', scale: 0.5, reduction: 'sum' },
    point: {
      layers: [
        { weights: [[0]], biases: [-1 - g.reduce((a, b) => a + b, 0) / 64] },
        { weights: [[1]], biases: [0] },
      ],
    },
  });
  return defineClaim<number[], null>({
    id: 'rare-claim',
    title: 'rare',
    source: { authors: 'Nobody', year: 2026, title: 'rare', where: 'Lemma 0' },
    statement: 'no genome has all genes ≥ 6',
    kind: 'construction',
    expect: 'refuted',
    hypotheses: fc.array(fc.integer({ min: -8, max: 8 }), { minLength: 6, maxLength: 6 }),
    budget: { test: 1, check: 1 },
    check: (g) => {
      const hits = g.filter((v) => v >= 6).length;
      const score = hits + g.reduce((a, v) => a + Math.min(v, 6), 0) / 100;
      return hits === 6 ? { status: 'fail', evidence: null, score } : { status: 'pass', score };
    },
    certify: (g) => ({
      ok: true,
      value: {
        subject: subject(g),
        certificate: {
          kind: 'local-min-not-global',
          loss: 0.5,
          gradientNorm: 0,
          hessianEigenvalues: [0, 0],
          perturbation: { radii: [1e-2], trials: 10, minLossIncrease: 0 },
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
    ...(withMutate
      ? {
          mutate: (g: number[], rng) => {
            const child = [...g];
            const i = rng.int(0, 5);
            child[i] = Math.max(-8, Math.min(8, child[i]! + (rng.uniform() < 0.7 ? 1 : -1) * rng.int(1, 3)));
            return child;
          },
        }
      : {}),
  });
}

function huntUntilFound(claim: Claim<number[], null>, steps: number): { found: boolean; runs: number } {
  const pool: NearMiss[] = [];
  let runs = 0;
  for (let j = 0; j < steps; j++) {
    const result = huntStep(
      claim,
      stepSeed(7, j),
      pool,
      join(root, claim.mutate === undefined ? 'random' : 'guided'),
    );
    runs += result.runs;
    if (result.found.length > 0) return { found: true, runs };
  }
  return { found: false, runs };
}

describe('guided hunting', () => {
  test('hill-climbing on the score finds a failure of probability ~3e-5 in a few hundred cases; random search does not', () => {
    const guided = huntUntilFound(rareClaim(true), 60);
    expect(guided.found).toBe(true);
    expect(guided.runs).toBeLessThan(1000);
    const random = huntUntilFound(rareClaim(false), Math.ceil(guided.runs / 8));
    expect(random.found).toBe(false);
  });

  test('shards partition the step indices and seeds differ between steps', () => {
    const shards = [1, 2, 3].map(
      (index) => new Set(Array.from({ length: 20 }, (_, j) => shardStep({ index, count: 3 }, j))),
    );
    const all = [...shards[0]!, ...shards[1]!, ...shards[2]!];
    expect(new Set(all).size).toBe(all.length);
    const seeds = new Set(Array.from({ length: 1000 }, (_, k) => stepSeed(1, k)));
    expect(seeds.size).toBe(1000);
    for (const s of seeds) expect(s >= 0 && s < 2 ** 31).toBe(true);
  });
});

describe('hunt keeps one file per distinct counterexample', () => {
  const always = { ...rareClaim(false), hypotheses: fc.constant([6, 6, 6, 6, 6, 6]) };

  test('a near-duplicate (same claim, subject shape, loss within DISTINCT_LOSS_RTOL) is counted, not written', () => {
    const archive = join(root, 'distinct');
    const keep = { distinct: new DistinctFinds(), write: true, takeFile: () => true };
    const first = huntStep(always, stepSeed(1, 0), [], archive, keep);
    expect(first.created).toHaveLength(1);
    const second = huntStep(always, stepSeed(1, 1), [], archive, keep);
    expect(second.created).toHaveLength(0);
    expect(second.duplicates).toBe(1);
    // A new hunt starts from the archive: the same find is a duplicate there too.
    const again = huntStep(always, stepSeed(1, 2), [], archive, {
      ...keep,
      distinct: DistinctFinds.fromArchive(archive, [always.id]),
    });
    expect(again.duplicates).toBe(1);
    expect(readdirSync(join(archive, always.id))).toHaveLength(1);
  });

  test('--no-write and a spent --max-files budget report the find and write nothing', () => {
    const archive = join(root, 'unwritten');
    const noWrite = huntStep(always, stepSeed(2, 0), [], archive, {
      distinct: new DistinctFinds(),
      write: false,
      takeFile: () => true,
    });
    expect(noWrite.unwritten).toHaveLength(1);
    const spent = huntStep(always, stepSeed(2, 1), [], archive, {
      distinct: new DistinctFinds(),
      write: true,
      takeFile: () => false,
    });
    expect(spent.unwritten).toHaveLength(1);
    expect(existsSync(archive)).toBe(false);
  });
});
