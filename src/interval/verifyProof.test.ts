import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allClaims } from '../../properties/index.js';
import { loadCounterexampleFile } from '../archive/index.js';
import { counterexampleSchema } from '../archive/schema.js';
import { replayLoaded } from '../claims/replay.js';
import type { Certificate, Subject } from '../landscape/subjectTypes.js';
import { rigourOf, verifyRigour } from './verifyProof.js';

/**
 * The verifier of rigorous certificates on an archived interval proof: it re-checks, and a copy altered in any
 * number of the proof, the point, the data or the better point fails with a reason (also through `replay`).
 */

const PROVED = 'counterexamples/narrow-no-strict-bad-min/7e063ec448e2b947.json';
const FLOAT = 'counterexamples/narrow-no-strict-bad-min/06cb1fffb28dcff6.json';

type FileJson = { subject: Subject; certificate: Certificate & Record<string, unknown> } & Record<
  string,
  unknown
>;

function load(path: string): FileJson {
  return JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')) as FileJson;
}

const lookup = (id: string) => allClaims.find((c) => c.id === id);

function replay(file: FileJson) {
  const value = counterexampleSchema.parse(file);
  return replayLoaded({ path: PROVED, ok: true, value }, lookup, true);
}

/** A deep copy with one number changed. */
function altered(edit: (f: FileJson) => void): FileJson {
  const copy = structuredClone(load(PROVED));
  edit(copy);
  return copy;
}

describe('verifyRigour', () => {
  it('re-checks the archived interval proof and replay reports the level', () => {
    const file = load(PROVED);
    expect(rigourOf(file.certificate)).toBe('interval-proof');
    expect(verifyRigour(file.subject, file.certificate)).toEqual([]);
    const result = replay(file);
    expect(result.problems).toEqual([]);
    expect(result.rigour).toBe('interval-proof');
  });

  it('reads a file without rigour as float-evidence (nothing more to check)', () => {
    const file = load(FLOAT);
    expect(rigourOf(file.certificate)).toBe('float-evidence');
    expect(verifyRigour(file.subject, file.certificate)).toEqual([]);
  });

  type Proof = {
    radius: number;
    krawczyk: number[][];
    lossEnclosure: number[];
    betterLossEnclosure: number[];
    contraction: number;
    choleskyMinPivot: number;
  };
  const proofOf = (f: FileJson) => f.certificate.proof as unknown as Proof;
  type Layers = { layers: { weights: number[][]; biases: number[] }[] };
  const cases: [string, (f: FileJson) => void, RegExp][] = [
    [
      'the radius',
      (f) => {
        proofOf(f).radius *= 1.5;
      },
      /contraction|choleskyMinPivot|krawczyk/,
    ],
    [
      'a Krawczyk end',
      (f) => {
        proofOf(f).krawczyk[0]![0]! -= 1e-9;
      },
      /krawczyk\[0\]/,
    ],
    [
      'the loss enclosure',
      (f) => {
        proofOf(f).lossEnclosure[0]! -= 1e-9;
      },
      /lossEnclosure/,
    ],
    [
      'the better loss enclosure',
      (f) => {
        proofOf(f).betterLossEnclosure[1]! += 1e-9;
      },
      /betterLossEnclosure/,
    ],
    [
      'the contraction',
      (f) => {
        proofOf(f).contraction *= 1.01;
      },
      /contraction/,
    ],
    [
      'the Cholesky pivot',
      (f) => {
        proofOf(f).choleskyMinPivot *= 0.99;
      },
      /choleskyMinPivot/,
    ],
    [
      'a weight of the point',
      (f) => {
        (f.subject as unknown as { point: Layers }).point.layers[0]!.weights[0]![0]! += 1e-7;
      },
      /proof|krawczyk|gradient/,
    ],
    [
      'a target',
      (f) => {
        (f.subject as unknown as { data: { targets: number[][] } }).data.targets[0]![0]! += 1e-6;
      },
      /proof|krawczyk|loss/,
    ],
    [
      'a weight of the better point',
      (f) => {
        (f.certificate.betterPoint as unknown as Layers).layers[1]!.biases[0]! += 1e-6;
      },
      /betterLoss/,
    ],
  ];
  for (const [what, edit, reason] of cases) {
    it(`fails with a reason when ${what} is altered`, () => {
      const file = altered(edit);
      const problems = [...verifyRigour(file.subject, file.certificate), ...replay(file).problems];
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.join('; ')).toMatch(reason);
    });
  }

  it('refuses a proof claimed for a float-evidence level, and a missing proof', () => {
    const noProof = altered((f) => {
      delete (f.certificate as Record<string, unknown>).proof;
    });
    expect(verifyRigour(noProof.subject, noProof.certificate)).toEqual([
      'rigour interval-proof but no proof is recorded',
    ]);
    const demoted = altered((f) => {
      (f.certificate as Record<string, unknown>).rigour = 'float-evidence';
    });
    expect(verifyRigour(demoted.subject, demoted.certificate)[0]).toMatch(/float-evidence/);
  });
});

describe('gershgorinMargin is compared to GERSHGORIN_REPRODUCE_RTOL (it depends on float eigenvectors)', () => {
  const path = join(
    import.meta.dirname,
    '..',
    '..',
    'counterexamples',
    'narrow-no-strict-bad-min',
    'ff121222e4f28958.json',
  );
  const loaded = loadCounterexampleFile(path);
  it('a drift of 1e-5 relative (an eigensolver change) passes; a change of 1% fails with the number', () => {
    if (!loaded.ok) throw new Error(loaded.reason);
    const { subject, certificate } = loaded.value;
    const proof = certificate.proof!;
    expect(proof.pdTest).toBe('eigenvector-gershgorin');
    const withMargin = (m: number) => ({ ...certificate, proof: { ...proof, gershgorinMargin: m } });
    expect(verifyRigour(subject, withMargin(proof.gershgorinMargin! * (1 + 1e-5)))).toEqual([]);
    expect(verifyRigour(subject, withMargin(proof.gershgorinMargin! * 1.01))[0]).toMatch(
      /^proof\.gershgorinMargin is /,
    );
  });
});
