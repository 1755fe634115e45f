import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { CounterexampleJson } from '../archive/index.js';
import { sampleFile } from '../archive/testing/sampleFile.js';
import { seededRng } from '../random.js';
import type { Certificate, MlpSubjectJson, Subject } from './index.js';
import { subjectModel } from './subjectModel.js';
import { DEFAULT_VERIFY_STRENGTH, isSpuriousGap, verifyCertificate } from './verifyCertificate.js';

/**
 * The verifier re-checks every recorded number at our strength (issue 16). Each case alters one thing of a genuine
 * certificate and expects the first problem to name it; the genuine ones verify.
 */
const ARCHIVE = join(import.meta.dirname, '..', '..', 'counterexamples');
const archived = (path: string) =>
  JSON.parse(readFileSync(join(ARCHIVE, path), 'utf8')) as CounterexampleJson;
const strict = archived('narrow-no-strict-bad-min/06cb1fffb28dcff6.json');
const plateau = archived('ck22-affine-segment/092f909d71b8f341.json');
const sample = sampleFile();

type Spurious = Extract<Certificate, { perturbation: unknown }>;
const verify = (subject: Subject, certificate: Certificate) =>
  verifyCertificate(subject, certificate, seededRng(5));
const alter = (file: CounterexampleJson, change: Partial<Spurious>) =>
  verify(file.subject, { ...(file.certificate as Spurious), ...change } as Certificate);

describe('verifyCertificate', () => {
  test('genuine certificates verify (strict minimum, plateau minimum, dead neuron)', () => {
    expect(verify(strict.subject, strict.certificate)).toEqual([]);
    expect(verify(plateau.subject, plateau.certificate)).toEqual([]);
    expect(verify(sample.subject, sample.certificate)).toEqual([]);
  });

  test('the default strength is the examination strength', () => {
    expect(DEFAULT_VERIFY_STRENGTH.radii).toEqual([1e-2, 1e-3, 1e-4]);
    expect(DEFAULT_VERIFY_STRENGTH.trials).toBe(400);
  });

  test('each recorded number is compared: loss, gradient norm, eigenvalues, better loss', () => {
    const c = strict.certificate as Spurious;
    expect(alter(strict, { loss: c.loss * (1 + 1e-5) })[0]).toMatch(/^loss is .*, certificate says/);
    expect(alter(strict, { loss: c.loss * (1 + 1e-7) })).toEqual([]);
    expect(alter(strict, { gradientNorm: 1e-10 })[0]).toMatch(/^gradient norm is .*, certificate says 1e-10/);
    expect(alter(strict, { gradientNorm: null })[0]).toMatch(
      /gradientNorm is null but the loss is differentiable/,
    );
    expect(alter(strict, { hessianEigenvalues: null })[0]).toMatch(
      /hessianEigenvalues is null but the Hessian/,
    );
    const eig = c.hessianEigenvalues!;
    expect(alter(strict, { hessianEigenvalues: [...eig, 1] })[0]).toMatch(
      /has 1 eigenvalues, certificate lists 2/,
    );
    expect(alter(strict, { hessianEigenvalues: eig.map((x) => x * (1 + 1e-4)) })[0]).toMatch(
      /^Hessian eigenvalue 0 is/,
    );
    expect(alter(strict, { betterLoss: c.betterLoss + 1e-3 })[0]).toMatch(
      /^betterPoint has loss .*, certificate says/,
    );
  });

  test('the recorded perturbation must describe a real search', () => {
    const p = (strict.certificate as Spurious).perturbation;
    expect(alter(strict, { perturbation: { ...p, trials: 0 } })[0]).toMatch(/perturbation\.trials is 0/);
    expect(alter(strict, { perturbation: { ...p, radii: [1e-7] } })[0]).toMatch(/radii has 1e-7/);
    expect(alter(strict, { perturbation: { ...p, radii: [2] } })[0]).toMatch(/radii has 2/);
    expect(alter(strict, { perturbation: { ...p, radii: [1e-6, 1] } })).toEqual([]);
    expect(alter(strict, { perturbation: { ...p, minLossIncrease: -1e-3 } })[0]).toMatch(
      /records a decrease/,
    );
  });

  test('kind conditions: a plateau is not strict; a point above its better point only by rounding is no refutation', () => {
    expect(alter(plateau, { kind: 'strict-local-min-not-global' } as Partial<Spurious>)[0]).toMatch(
      /not positive definite/,
    );
    const c = plateau.certificate as Spurious;
    const same = alter(plateau, {
      betterPoint: (plateau.subject as MlpSubjectJson).point,
      betterLoss: c.loss,
    });
    expect(same.join('\n')).toMatch(/is not clearly better than the point/);
    expect(isSpuriousGap(1 + 1e-6, 1)).toBe(false);
    expect(isSpuriousGap(1 + 2e-4, 1)).toBe(true);
    expect(isSpuriousGap(2e-6, 0)).toBe(true);
    expect(isSpuriousGap(5e-7, 0)).toBe(false);
  });

  test('a point that is not a minimum is refused: descent at our radii, whatever the file says', () => {
    // The dead neuron revived: w = 1 makes z > 0 on the sample with target 0.25, and moving w lowers L.
    const subject = structuredClone(sample.subject) as MlpSubjectJson;
    (subject.point.layers[0]!.weights[0] as number[])[0] = 0.4;
    (subject.point.layers[0]!.biases as number[])[0] = 0;
    const model = subjectModel(subject);
    const loss = model.objective.value(model.theta);
    const problems = verify(subject, { ...(sample.certificate as Spurious), loss });
    expect(problems.join('\n')).toMatch(/a perturbation lowers the loss|gradient norm .* exceeds/);
  });

  test('saddles: a direction that does not descend is refused; the loss must be finite', () => {
    const saddle: Certificate = {
      kind: 'saddle',
      loss: sample.certificate.loss,
      gradientNorm: 0,
      hessianEigenvalues: [0, 0],
      descentDirection: (sample.subject as MlpSubjectJson).point,
      exact: null,
    };
    expect(verify(sample.subject, saddle)).toContain('the loss does not decrease along descentDirection');
    const bad = structuredClone(sample.subject) as MlpSubjectJson;
    (bad.point.layers[0]!.weights[0] as number[])[0] = 1e200;
    (bad.data.inputs[1] as number[])[0] = 1e200;
    expect(verify(bad, sample.certificate)[0]).toMatch(/loss at the point is|loss is/);
  });

  test('rank-deficient: rank, claimed rank and every singular value are compared', () => {
    const base: Certificate = {
      kind: 'rank-deficient',
      loss: sample.certificate.loss,
      gradientNorm: 0,
      hessianEigenvalues: null,
      jacobianRank: 0,
      claimedRank: 2,
      singularValues: [0, 0],
      exact: null,
    };
    const model = subjectModel(sample.subject);
    expect(model.mlp).toBeDefined();
    const problems = verify(sample.subject, base);
    const rank = /Jacobian rank is (\d+)/.exec(problems.join('\n'));
    if (rank !== null) expect(problems[0]).toMatch(/Jacobian rank is \d+, certificate says 0/);
    expect(verify(sample.subject, { ...base, singularValues: [] }).join('\n')).toMatch(
      /singular values, certificate lists 0|Jacobian rank is/,
    );
    expect(verify(sample.subject, { ...base, claimedRank: 0 }).join('\n')).toMatch(
      /is not below the claimed rank 0/,
    );
  });

  test('no-monotone-path-found: the profile must rise somewhere and match its path', () => {
    const point = (sample.subject as MlpSubjectJson).point;
    const base: Certificate = {
      kind: 'no-monotone-path-found',
      loss: sample.certificate.loss,
      gradientNorm: null,
      hessianEigenvalues: null,
      profile: [1, 0.5],
      exact: null,
    };
    expect(verify(sample.subject, base)).toContain(
      'the recorded profile never increases: it does not show a failed monotone path',
    );
    expect(verify(sample.subject, { ...base, profile: [0.5, 1] })).toEqual([]);
    expect(verify(sample.subject, { ...base, profile: [0.5, 1], path: [point] })[0]).toMatch(
      /path has 1 points but the profile 2/,
    );
    expect(verify(sample.subject, { ...base, profile: [0.5, 1], path: [point, point] })[0]).toMatch(
      /path point 0 has loss .*, profile says 0.5/,
    );
  });
});
