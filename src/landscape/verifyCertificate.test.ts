import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { CounterexampleJson } from '../archive/index.js';
import { sampleFile } from '../archive/testing/sampleFile.js';
import { numericalRank } from '../linalg/index.js';
import { seededRng } from '../random.js';
import { saddleCertificate } from './certificates.js';
import { examinePoint } from './examinePoint.js';
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

/** A genuine rank-deficient certificate of the sample subject (its Jacobian's rank and every singular value). */
function genuineRankDeficient() {
  const model = subjectModel(sample.subject);
  const rank = numericalRank(model.mlp!.jacobian(model.theta));
  const genuine: Certificate & { kind: 'rank-deficient' } = {
    kind: 'rank-deficient',
    loss: sample.certificate.loss,
    gradientNorm: 0,
    hessianEigenvalues: null,
    jacobianRank: rank.rank,
    claimedRank: rank.rank + 1,
    singularValues: Array.from(rank.singularValues),
    exact: null,
  };
  return { rank, genuine };
}

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

  /** A linear network of the given layer sizes at θ = 0 on fixed data (depth 2: a strict saddle at 0). */
  function linearAtOrigin(sizes: number[]): MlpSubjectJson {
    return {
      kind: 'mlp',
      network: { layerSizes: sizes, activation: { name: 'identity' }, bias: false },
      data: {
        inputs: [
          [1, 0],
          [0, 1],
          [1, 1],
          [2, -1],
        ],
        targets: [[1], [2], [0.5], [-1]],
      },
      loss: { name: 'squared', scale: 0.5, reduction: 'sum' },
      point: {
        layers: sizes.slice(1).map((rows, l) => ({
          weights: Array.from({ length: rows }, () => Array.from({ length: sizes[l]! }, () => 0)),
          biases: null,
        })),
      },
    };
  }

  test('tolerance boundaries: half the tolerance passes, twice fails (loss, gradient norm, eigenvalues)', () => {
    const c = strict.certificate as Spurious;
    const model = subjectModel(strict.subject);
    const loss = model.objective.value(model.theta);
    const scale = Math.max(1, Math.abs(loss));
    expect(alter(strict, { loss: loss + 0.5e-6 * scale })).toEqual([]);
    expect(alter(strict, { loss: loss + 2e-6 * scale })[0]).toMatch(/^loss is/);
    const gradTol = 1e-11 * (1 + Math.abs(loss));
    expect(alter(strict, { gradientNorm: c.gradientNorm! + 0.5 * gradTol })).toEqual([]);
    expect(alter(strict, { gradientNorm: c.gradientNorm! + 2 * gradTol })[0]).toMatch(/^gradient norm is/);
    const eig = c.hessianEigenvalues!;
    const eigTol = 1e-6 * Math.max(1, ...eig.map(Math.abs));
    expect(alter(strict, { hessianEigenvalues: eig.map((x) => x + 0.5 * eigTol) })).toEqual([]);
    expect(
      alter(strict, { hessianEigenvalues: eig.map((x, i) => (i === 0 ? x + 2 * eigTol : x)) })[0],
    ).toMatch(/^Hessian eigenvalue 0 is/);
  });

  test('on a kink: recorded gradient and Hessian are refused, strictness needs a strict increase', () => {
    // w = 0, b = 0: every pre-activation is 0, on the relu kink (loss not differentiable there).
    const subject = structuredClone(sample.subject) as MlpSubjectJson;
    (subject.point.layers[0]!.biases as number[])[0] = 0;
    const c = sample.certificate as Spurious;
    expect(verify(subject, c)[0]).toMatch(/gradientNorm is recorded but the loss is not differentiable here/);
    expect(verify(subject, { ...c, gradientNorm: null })[0]).toMatch(
      /hessianEigenvalues are recorded but the loss is not twice differentiable/,
    );
    const strictOnKink = {
      ...c,
      gradientNorm: null,
      hessianEigenvalues: null,
      kind: 'strict-local-min-not-global',
    };
    expect(verify(subject, strictOnKink as Certificate).join('\n')).toMatch(/strictness is not shown/);
    // A non-strict minimum on the kink that records no gradient and no Hessian says nothing false: neither is
    // refused, and strictness is not asked of it.
    const model = subjectModel(subject);
    const onKink = verify(subject, {
      ...c,
      loss: model.objective.value(model.theta),
      gradientNorm: null,
      hessianEigenvalues: null,
    });
    expect(onKink.filter((p) => /gradientNorm|hessianEigenvalues|strictness/.test(p))).toEqual([]);
  });

  test('a negative eigenvalue refutes a local minimum; a genuine saddle verifies; malformed points are reported', () => {
    const two = linearAtOrigin([2, 2, 1]);
    const model = subjectModel(two);
    const exam = examinePoint(model.objective, model.theta, { rng: seededRng(3), radii: [1e-2], trials: 10 });
    const eig = Array.from(exam.hessianEigenvalues!);
    expect(eig[0]!).toBeLessThan(0);
    const asMin: Certificate = {
      kind: 'local-min-not-global',
      loss: exam.value,
      gradientNorm: 0,
      hessianEigenvalues: eig,
      perturbation: { radii: [1e-2], trials: 10, minLossIncrease: 0 },
      betterPoint: two.point,
      betterLoss: exam.value,
      exact: null,
    };
    expect(verify(two, asMin).join('\n')).toMatch(/Hessian is not positive semidefinite: λ_min = -/);
    const saddle = saddleCertificate(model, exam)!;
    expect(verify(two, saddle)).toEqual([]);
    const flat = { ...saddle, descentDirection: two.point } as Certificate;
    expect(verify(two, flat)).toEqual(['the loss does not decrease along descentDirection']);
    const malformed = { layers: [{ weights: [[1]], biases: null }] };
    expect(verify(two, { ...saddle, descentDirection: malformed } as Certificate)[0]).toMatch(
      /^descentDirection: /,
    );
    expect(verify(two, { ...asMin, betterPoint: malformed }).join('\n')).toMatch(/betterPoint: /);
  });

  test('rank-deficient: a genuine certificate verifies; rank, claimed rank and each singular value are compared', () => {
    const { rank, genuine } = genuineRankDeficient();
    expect(verify(sample.subject, genuine)).toEqual([]);
    expect(verify(sample.subject, { ...genuine, jacobianRank: rank.rank + 1 })).toEqual([
      `Jacobian rank is ${rank.rank}, certificate says ${rank.rank + 1}`,
    ]);
    expect(verify(sample.subject, { ...genuine, claimedRank: rank.rank })).toEqual([
      `Jacobian rank ${rank.rank} is not below the claimed rank ${rank.rank}`,
    ]);
    const sv = Array.from(rank.singularValues);
    const shifted = sv.map((x, i) => (i === sv.length - 1 ? x + 1e-3 : x));
    expect(verify(sample.subject, { ...genuine, singularValues: shifted })).toEqual([
      `singular value ${sv.length - 1} is ${sv[sv.length - 1]}, certificate says ${shifted[sv.length - 1]}`,
    ]);
    expect(verify(sample.subject, { ...genuine, singularValues: [...sv, 0] })).toEqual([
      `the Jacobian has ${sv.length} singular values, certificate lists ${sv.length + 1}`,
    ]);
    expect(
      verify(strict.subject.kind === 'mlp' ? plateau.subject : strict.subject, genuine).length,
    ).toBeGreaterThan(0);
    const spin = archived('ss18-spurious-minima-common/715fd75b1be62b23.json');
    expect(verify(spin.subject, { ...genuine, loss: spin.certificate.loss })).toEqual([
      'rank-deficient certificates need an mlp subject',
    ]);
  });

  test('no-monotone-path-found: a rise within rounding is no rise; a malformed path point is reported', () => {
    const base = {
      kind: 'no-monotone-path-found',
      loss: sample.certificate.loss,
      gradientNorm: null,
      hessianEigenvalues: null,
      exact: null,
    } as const;
    expect(verify(sample.subject, { ...base, profile: [1, 1 + 1e-14] })).toEqual([
      'the recorded profile never increases: it does not show a failed monotone path',
    ]);
    expect(verify(sample.subject, { ...base, profile: [1, 1] }).length).toBe(1);
    expect(verify(sample.subject, { ...base, profile: [1, 1 + 1e-9] })).toEqual([]);
    const malformed = { layers: [{ weights: [[1, 2]], biases: null }] };
    const point = (sample.subject as MlpSubjectJson).point;
    const loss = sample.certificate.loss;
    expect(
      verify(sample.subject, { ...base, profile: [loss, loss + 1], path: [malformed, point] })[0],
    ).toMatch(/^path point 0: /);
  });

  test('a subject the core cannot model is reported, not thrown', () => {
    const bad = { ...sample.subject, data: { inputs: [[1, 2]], targets: [[0]] } } as Subject;
    expect(verify(bad, sample.certificate)[0]).toMatch(/^subject: /);
  });

  test('a point that is not critical is refused for its gradient even when the file records it truthfully', () => {
    // The dead neuron revived (w = 0.4, b = 0.01, off the kink at both inputs): the gradient is not zero. A file that
    // records the true loss, gradient norm and Hessian passes every comparison but is still no local minimum.
    const subject = structuredClone(sample.subject) as MlpSubjectJson;
    (subject.point.layers[0]!.weights[0] as number[])[0] = 0.4;
    (subject.point.layers[0]!.biases as number[])[0] = 0.01;
    const model = subjectModel(subject);
    const exam = examinePoint(model.objective, model.theta, { rng: seededRng(1), radii: [], trials: 0 });
    expect(exam.gradientNorm!).toBeGreaterThan(1e-3);
    const problems = verify(subject, {
      ...(sample.certificate as Spurious),
      loss: exam.value,
      gradientNorm: exam.gradientNorm,
      hessianEigenvalues: exam.hessianEigenvalues === null ? null : Array.from(exam.hessianEigenvalues),
    });
    expect(problems.filter((p) => /^gradient norm is/.test(p))).toEqual([]);
    expect(problems).toContainEqual(expect.stringMatching(/^gradient norm \d\.\d{3}e-\d+ exceeds \d/));
    // The decrease a perturbation found is printed as a positive amount.
    expect(problems).toContainEqual(expect.stringMatching(/^a perturbation lowers the loss by \d\.\d{3}e/));
  });

  test('recorded numbers that are not finite never match', () => {
    const c = strict.certificate as Spurious;
    expect(alter(strict, { loss: Number.POSITIVE_INFINITY })[0]).toMatch(
      /^loss is .*, certificate says Infinity/,
    );
    expect(alter(strict, { betterLoss: Number.POSITIVE_INFINITY })[0]).toMatch(
      /^betterPoint has loss .*, certificate says Infinity/,
    );
    expect(alter(strict, { betterLoss: Number.NaN })[0]).toMatch(/certificate says NaN/);
    expect(c.loss).toBeLessThan(Number.POSITIVE_INFINITY);
  });

  test('a search of one trial is a search; a gap of exactly the threshold is spurious', () => {
    const p = (strict.certificate as Spurious).perturbation;
    expect(alter(strict, { perturbation: { ...p, trials: 1 } })).toEqual([]);
    expect(isSpuriousGap(1e-6, 0)).toBe(true);
    expect(isSpuriousGap(0.99e-6, 0)).toBe(false);
    expect(isSpuriousGap(1.5, 1)).toBe(true);
    expect(isSpuriousGap(1 + 0.5e-4, 1)).toBe(false);
  });

  test('every singular value is compared, the first included', () => {
    const { genuine } = genuineRankDeficient();
    const sv = genuine.singularValues!;
    const first = sv.map((x, i) => (i === 0 ? x + 1e-3 : x));
    expect(verify(sample.subject, { ...genuine, singularValues: first })).toEqual([
      `singular value 0 is ${sv[0]}, certificate says ${first[0]}`,
    ]);
  });

  test('no-monotone-path-found: a path whose losses match its rising profile verifies', () => {
    const low = structuredClone(sample.subject) as MlpSubjectJson;
    (low.point.layers[0]!.weights[0] as number[])[0] = 0.4;
    (low.point.layers[0]!.biases as number[])[0] = 0;
    const model = subjectModel(sample.subject);
    const lowLoss = model.objective.value(model.fromPoint(low.point));
    const loss = model.objective.value(model.theta);
    expect(lowLoss).toBeLessThan(loss);
    const certificate: Certificate = {
      kind: 'no-monotone-path-found',
      loss,
      gradientNorm: null,
      hessianEigenvalues: null,
      profile: [lowLoss, loss],
      path: [low.point, (sample.subject as MlpSubjectJson).point],
      exact: null,
    };
    expect(verify(sample.subject, certificate)).toEqual([]);
  });

  test('a saddle direction counts when any of our step lengths descends (a long one overshoots at the largest)', () => {
    const two = linearAtOrigin([2, 2, 1]);
    const model = subjectModel(two);
    const exam = examinePoint(model.objective, model.theta, { rng: seededRng(3), radii: [1e-2], trials: 10 });
    const saddle = saddleCertificate(model, exam)! as Extract<Certificate, { kind: 'saddle' }>;
    const long = structuredClone(saddle.descentDirection) as MlpSubjectJson['point'];
    for (const layer of long.layers)
      for (const row of layer.weights as number[][]) for (let j = 0; j < row.length; j++) row[j]! *= 1e3;
    const direction = model.fromPoint(long);
    const at = (t: number) =>
      model.objective.value(Float64Array.from(model.theta, (x, k) => x + t * direction[k]!));
    expect(at(1e-1)).toBeGreaterThan(at(0));
    expect(verify(two, { ...saddle, descentDirection: long })).toEqual([]);
  });

  /**
   * Least squares w·x ≈ y (a linear network [2, 1], no bias) on the points (a, 0), (0, 100), (0, −100) with targets
   * 0, 100, 100: loss ½(a·w₀)² + ½(100·w₁ − 100)² + ½(100·w₁ + 100)², about 10⁴ near w = 0, Hessian diag(a², 2·10⁴),
   * a critical point at w = 0. Large numbers, so each tolerance's scaling with |L|, λ_max or σ_max is what decides.
   */
  function leastSquares(a: number, w: [number, number]): MlpSubjectJson {
    return {
      kind: 'mlp',
      network: { layerSizes: [2, 1], activation: { name: 'identity' }, bias: false },
      data: {
        inputs: [
          [a, 0],
          [0, 100],
          [0, -100],
        ],
        targets: [[0], [100], [100]],
      },
      loss: { name: 'squared', scale: 0.5, reduction: 'sum' },
      point: { layers: [{ weights: [w], biases: null }] },
    };
  }

  /** The certificate a file would record at the subject's point: our own numbers, its point as the better one. */
  function recorded(subject: MlpSubjectJson): Spurious {
    const model = subjectModel(subject);
    const exam = examinePoint(model.objective, model.theta, { rng: seededRng(1), radii: [], trials: 0 });
    return {
      kind: 'local-min-not-global',
      loss: exam.value,
      gradientNorm: exam.gradientNorm,
      hessianEigenvalues: Array.from(exam.hessianEigenvalues!),
      perturbation: { radii: [1e-2], trials: 10, minLossIncrease: 0 },
      betterPoint: subject.point,
      betterLoss: exam.value,
      exact: null,
    } as Spurious;
  }

  /** The problems but the one every `recorded` certificate has (its better point is the point itself). */
  const besides = (problems: string[]) => problems.filter((p) => !/not clearly better/.test(p));

  test('tolerances scale with the loss and the curvature: a loss of 10⁴ and λ_max = 2·10⁴', () => {
    // Off the critical point by 1e-7 in w₀: gradient norm 1e-7, far below GRAD_ZERO_TOL·(1 + |L|) ≈ 1e-5.
    const subject = leastSquares(1, [1e-7, 0]);
    const c = recorded(subject);
    expect(c.loss).toBeGreaterThan(9e3);
    expect(c.gradientNorm!).toBeGreaterThan(5e-8);
    expect(c.hessianEigenvalues).toHaveLength(2);
    expect(c.hessianEigenvalues![1]!).toBeGreaterThan(1e4);
    expect(besides(verify(subject, c))).toEqual([]);
    // The loss agrees to REPLAY_RTOL relative to |L|: half of 1e-6·L passes, twice fails.
    expect(besides(verify(subject, { ...c, loss: c.loss * (1 + 0.5e-6) }))).toEqual([]);
    expect(besides(verify(subject, { ...c, loss: c.loss * (1 + 2e-6) }))[0]).toMatch(/^loss is /);
    // Each eigenvalue agrees to REPLAY_RTOL·λ_max (2e-2 here), the smallest one included.
    const eig = c.hessianEigenvalues!;
    expect(besides(verify(subject, { ...c, hessianEigenvalues: [eig[0]! + 1e-2, eig[1]!] }))).toEqual([]);
    expect(besides(verify(subject, { ...c, hessianEigenvalues: [eig[0]! + 4e-2, eig[1]!] }))[0]).toMatch(
      /^Hessian eigenvalue 0 is /,
    );
  });

  test('positive definiteness is relative to λ_max: λ_min = 1e-5 against λ_max = 2·10⁴ is not shown', () => {
    const subject = leastSquares(Math.sqrt(1e-5), [0, 0]);
    const c = recorded(subject);
    expect(c.hessianEigenvalues![0]!).toBeGreaterThan(0);
    expect(verify(subject, { ...c, kind: 'strict-local-min-not-global' } as Certificate)).toContainEqual(
      expect.stringMatching(/^Hessian is not positive definite: λ_min = 0\.00001, λ_max = 20000$/),
    );
    // The same λ_min against λ_max = 1 is.
    const flat = {
      ...subject,
      data: {
        inputs: [
          [Math.sqrt(1e-5), 0],
          [0, 1],
        ],
        targets: [[0], [0]],
      },
    };
    const d = recorded(flat);
    expect(verify(flat, { ...d, kind: 'strict-local-min-not-global' } as Certificate)).not.toContainEqual(
      expect.stringMatching(/positive definite/),
    );
  });

  test('a rise in the profile must exceed the rounding floor of the loss: LOSS_ROUNDING_RTOL·(1 + |L|) ≈ 1e-9 at 10⁴', () => {
    const subject = leastSquares(1, [0, 0]);
    const loss = recorded(subject).loss;
    const base = {
      kind: 'no-monotone-path-found',
      loss,
      gradientNorm: null,
      hessianEigenvalues: null,
      exact: null,
    } as const;
    const never = 'the recorded profile never increases: it does not show a failed monotone path';
    expect(verify(subject, { ...base, profile: [1, 1 + 5e-10] })).toEqual([never]);
    expect(verify(subject, { ...base, profile: [1, 1 - 5e-10] })).toEqual([never]);
    expect(verify(subject, { ...base, profile: [1, 1 + 2e-9] })).toEqual([]);
  });

  test('singular values agree to SINGULAR_REPLAY_RTOL·σ_max: a genuine rank-1 Jacobian with σ_max = 100√2', () => {
    const subject = leastSquares(0, [0, 0]);
    const model = subjectModel(subject);
    const rank = numericalRank(model.mlp!.jacobian(model.theta));
    const sv = Array.from(rank.singularValues);
    expect(rank.rank).toBe(1);
    expect(sv[0]!).toBeCloseTo(100 * Math.SQRT2, 9);
    const genuine: Certificate = {
      kind: 'rank-deficient',
      loss: model.objective.value(model.theta),
      gradientNorm: 0,
      hessianEigenvalues: null,
      jacobianRank: 1,
      claimedRank: 2,
      singularValues: sv,
      exact: null,
    };
    expect(verify(subject, genuine)).toEqual([]);
    // 1e-8·σ_max ≈ 1.4e-6: half of it passes, on either singular value; twice fails.
    expect(verify(subject, { ...genuine, singularValues: [sv[0]! + 7e-7, sv[1]!] })).toEqual([]);
    expect(verify(subject, { ...genuine, singularValues: [sv[0]!, sv[1]! + 7e-7] })).toEqual([]);
    expect(verify(subject, { ...genuine, singularValues: [sv[0]!, sv[1]! + 3e-6] })[0]).toMatch(
      /^singular value 1 is /,
    );
  });

  test('semidefiniteness is relative to λ_max: λ_min = −5·10⁻⁵ against λ_max ≈ 2·10⁴ is within rounding', () => {
    // f = v·tanh(w·x) at w = 3, v = 0 on x = ±1 (targets 0.01 apart), loss scaled by 10⁴: the Hessian is
    // 10⁴·[[0, −c], [−c, B]] with c = 0.01·sech²(3), B = 2·tanh²(3), so λ_min ≈ −10⁴·c²/B ≈ −5e-5 and
    // λ_max ≈ 2·10⁴. −5e-5 is above −PSD_EIG_RTOL·λ_max = −2e-3, though far below −PSD_EIG_RTOL/λ_max.
    const subject: MlpSubjectJson = {
      kind: 'mlp',
      network: { layerSizes: [1, 1, 1], activation: { name: 'tanh' }, bias: false },
      data: { inputs: [[1], [-1]], targets: [[0.01], [0]] },
      loss: { name: 'squared', scale: 1e4, reduction: 'sum' },
      point: {
        layers: [
          { weights: [[3]], biases: null },
          { weights: [[0]], biases: null },
        ],
      },
    };
    const c = recorded(subject);
    const [lambdaMin, lambdaMax] = c.hessianEigenvalues as [number, number];
    expect(lambdaMin).toBeLessThan(-1e-5);
    expect(lambdaMin).toBeGreaterThan(-1e-4);
    expect(lambdaMax).toBeGreaterThan(1e4);
    const problems = verify(subject, c);
    expect(problems.length).toBeGreaterThan(0); // not critical: its gradient is refused, which is not this test's point
    expect(problems).not.toContainEqual(expect.stringMatching(/positive semidefinite/));
    // The same subject with λ_min beyond the rounding band: a larger c.
    const far = { ...subject, data: { inputs: [[1], [-1]], targets: [[1], [0]] } };
    expect(verify(far, recorded(far))).toContainEqual(
      expect.stringMatching(/^Hessian is not positive semidefinite/),
    );
  });

  test('a strict minimum with a positive definite Hessian needs no rise beyond rounding in its perturbations', () => {
    // Least squares scaled by 10⁻²⁰ (loss 10⁻²⁰·|w|²): Hessian 2·10⁻²⁰·I (λ_min = λ_max, so positive definite
    // relative to λ_max), but every perturbation at our radii (≤ 1) rises by at most 10⁻²⁰, under the rounding floor
    // of 10⁻¹³.
    const subject: MlpSubjectJson = {
      kind: 'mlp',
      network: { layerSizes: [2, 1], activation: { name: 'identity' }, bias: false },
      data: {
        inputs: [
          [1, 0],
          [0, 1],
        ],
        targets: [[0], [0]],
      },
      loss: { name: 'squared', scale: 1e-20, reduction: 'sum' },
      point: { layers: [{ weights: [[0, 0]], biases: null }] },
    };
    const c = { ...recorded(subject), kind: 'strict-local-min-not-global' } as Certificate;
    expect(c.hessianEigenvalues).toEqual([2e-20, 2e-20]);
    expect(besides(verify(subject, c))).toEqual([]);
  });

  test('on a kink, a strict rise in every perturbation shows strictness without a Hessian', () => {
    // f = v·|w·x + b| (leaky relu of slope −1) with v = 1 frozen, at w = b = 0 on x = ±1 with targets −1: both
    // samples on the kink, and every move of (w, b) raises the loss to first order by |w + b| + |b − w|.
    const subject: MlpSubjectJson = {
      kind: 'mlp',
      network: {
        layerSizes: [1, 1, 1],
        activation: { name: 'leaky-relu', slope: -1 },
        bias: true,
        trainable: [true, false],
      },
      data: { inputs: [[1], [-1]], targets: [[-1], [-1]] },
      loss: { name: 'squared', scale: 0.5, reduction: 'sum' },
      point: {
        layers: [
          { weights: [[0]], biases: [0] },
          { weights: [[1]], biases: [0] },
        ],
      },
    };
    const model = subjectModel(subject);
    const exam = examinePoint(model.objective, model.theta, { rng: seededRng(2), radii: [1e-2], trials: 10 });
    expect(exam.hessianEigenvalues).toBeNull();
    expect(exam.perturbation.minLossIncrease).toBeGreaterThan(1e-3);
    const strictOnKink: Certificate = {
      kind: 'strict-local-min-not-global',
      loss: exam.value,
      gradientNorm: null,
      hessianEigenvalues: null,
      perturbation: { radii: [1e-2], trials: 10, minLossIncrease: exam.perturbation.minLossIncrease },
      betterPoint: subject.point,
      betterLoss: exam.value,
      exact: null,
    };
    // Its better point is itself (this point is a global minimum); every other check passes.
    expect(besides(verify(subject, strictOnKink))).toEqual([]);
  });
});
