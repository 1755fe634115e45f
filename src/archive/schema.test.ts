import { describe, expect, test } from 'vitest';
import {
  type CounterexampleJson,
  counterexampleSchema,
  describeSchemaError,
  parseCounterexample,
} from './index.js';
import { sampleFile } from './testing/sampleFile.js';

/** The reason a value is refused with, or 'ok'. */
function refusal(value: unknown): string {
  const parsed = counterexampleSchema.safeParse(value);
  return parsed.success ? 'ok' : describeSchemaError(parsed.error);
}

/** A strict local minimum's certificate with an interval proof of the given radius, on the sample subject. */
function withProofRadius(radius: number): unknown {
  const file = sampleFile();
  return {
    ...file,
    certificate: {
      ...file.certificate,
      kind: 'strict-local-min-not-global',
      rigour: 'interval-proof',
      proof: {
        method: 'krawczyk+interval-cholesky',
        coordinates: 'trained',
        dimension: 2,
        radius,
        krawczyk: [[-1e-9, 1e-9]],
        contraction: 0.5,
        lossEnclosure: [0.03, 0.04],
        arithmetic: 'outward-rounded float64',
      },
    },
  };
}

describe('the file schema', () => {
  test('a scale, a perturbation radius and a proof radius must be positive: zero and below refused by name, any positive kept', () => {
    const file = sampleFile();
    const { subject, certificate } = file;
    if (subject.kind !== 'mlp' || certificate.kind !== 'local-min-not-global') throw new Error('sample');
    const scaled = (scale: number) => ({
      ...file,
      subject: { ...subject, loss: { ...subject.loss, scale } },
    });
    expect(refusal(scaled(0))).toBe('subject.loss.scale: expected a positive scale');
    expect(refusal(scaled(-1))).toBe('subject.loss.scale: expected a positive scale');
    expect(refusal(scaled(Number.MIN_VALUE))).toBe('ok');
    const radii = (r: number) => ({
      ...file,
      certificate: { ...certificate, perturbation: { ...certificate.perturbation, radii: [1e-3, r] } },
    });
    expect(refusal(radii(0))).toBe('certificate.perturbation.radii.1: expected a positive radius');
    expect(refusal(radii(-1e-3))).toBe('certificate.perturbation.radii.1: expected a positive radius');
    expect(refusal(radii(Number.MIN_VALUE))).toBe('ok');
    expect(refusal(withProofRadius(0))).toBe('certificate.proof.radius: expected a positive radius');
    expect(refusal(withProofRadius(-2))).toBe('certificate.proof.radius: expected a positive radius');
    expect(refusal(withProofRadius(1e-6))).toBe('ok');
  });

  test('schema errors: the field path joined by dots, (root) for the whole value, at most five problems joined by "; "', () => {
    expect(refusal(1)).toMatch(/^\(root\): /);
    const reason = refusal({
      ...sampleFile(),
      format: 'x',
      version: 2,
      claim: 'Not Kebab',
      title: '',
      source: '',
      extra: 1,
    } as unknown as CounterexampleJson);
    const problems = reason.split('; ');
    expect(problems).toHaveLength(5);
    expect(problems.map((p) => p.slice(0, p.indexOf(':')))).toEqual([
      'format',
      'version',
      'claim',
      'title',
      'source',
    ]);
    const nested = parseCounterexample(
      JSON.stringify({ ...sampleFile(), found: { ...sampleFile().found, numRuns: -1 } }),
    );
    expect(nested.ok === false && nested.reason).toMatch(/^schema mismatch: found\.numRuns: /);
  });
});

describe('every form the format has is accepted, beyond each minimum', () => {
  const file = sampleFile();
  const { subject, certificate } = file;
  if (subject.kind !== 'mlp' || certificate.kind !== 'local-min-not-global') throw new Error('sample');
  const common = { loss: 1, gradientNorm: 0, hessianEigenvalues: [1, 2] };
  const withSubject = (s: unknown) => ({ ...file, subject: s });
  const withCertificate = (c: unknown) => ({ ...file, certificate: c });
  const exactProof = (overrides: Record<string, unknown> = {}) => ({
    method: 'pattern-margin+affine-least-squares',
    radius: '1/100',
    slopes: [['1', '-2/3']],
    margins: ['12345/678'],
    marginBounds: ['0'],
    modelClass: 'affine',
    lossLowerBound: '1/32',
    pointLoss: '1/32',
    shiftSquared: '0',
    betterLoss: '0',
    arithmetic: 'BigInt rationals',
    ...overrides,
  });

  test('every activation, both reductions, every subject kind (matrices of two rows, H = 3)', () => {
    const activations = [
      { name: 'relu' },
      { name: 'leaky-relu', slope: 0.1 },
      { name: 'sigmoid' },
      { name: 'tanh' },
      { name: 'softplus' },
      { name: 'quadratic' },
      { name: 'identity' },
      { name: 'polynomial', coefficients: [0, 1, 0.5] },
    ];
    for (const activation of activations)
      expect(refusal(withSubject({ ...subject, network: { ...subject.network, activation } }))).toBe('ok');
    for (const reduction of ['sum', 'mean'])
      expect(refusal(withSubject({ ...subject, loss: { ...subject.loss, reduction } }))).toBe('ok');
    const twoRows = [
      [1, 2],
      [3, 4],
    ];
    expect(
      refusal(withSubject({ kind: 'gaussian-teacher-student', student: twoRows, teacher: twoRows })),
    ).toBe('ok');
    expect(
      refusal(
        withSubject({
          kind: 'spherical-spin-glass',
          H: 3,
          N: 2,
          couplings: [1, 2, 3, 4, 5, 6, 7, 8],
          point: [1, 0],
        }),
      ),
    ).toBe('ok');
    expect(
      refusal(withSubject({ kind: 'spherical-spin-glass', H: 1, N: 2, couplings: [1], point: [1, 0] })),
    ).toMatch(/^subject\.H: /);
  });

  test('every certificate kind, every rigour, both proofs (two Krawczyk intervals, each model class)', () => {
    const point = subject.point;
    const kinds = [
      { kind: 'saddle', ...common, descentDirection: point, descentStep: 0.1 },
      { kind: 'rank-deficient', ...common, jacobianRank: 1, claimedRank: 2, singularValues: [2, 0] },
      { kind: 'no-monotone-path-found', ...common, profile: [1, 2, 1.5], path: [point, point, point] },
      {
        kind: 'identity-violated',
        ...common,
        identity: 'ab',
        left: [1, 2],
        right: [1, 3],
        difference: 1,
        tolerance: 1e-9,
      },
      {
        kind: 'trend-reversed',
        ...common,
        trend: 'ab',
        test: 'one-sided Fisher exact',
        groups: [
          { label: 'narrow', successes: 1, trials: 10 },
          { label: 'wide', successes: 9, trials: 10 },
        ],
        pValue: 0.001,
        alpha: 0.05,
        seed: 1,
        replay: 'ab',
        table: { columns: ['width', 'rate'], rows: [['narrow', 0.1]] },
      },
    ];
    for (const c of kinds) expect(refusal(withCertificate(c)), c.kind).toBe('ok');
    for (const rigour of ['interval-proof', 'exact-rational', 'float-evidence'])
      expect(refusal(withCertificate({ ...certificate, rigour }))).toBe('ok');
    const proof = {
      method: 'krawczyk+interval-cholesky',
      coordinates: 'trained',
      dimension: 2,
      radius: 1e-3,
      krawczyk: [
        [-1e-9, 1e-9],
        [-2e-9, 2e-9],
      ],
      contraction: 0.5,
      pdTest: 'eigenvector-gershgorin',
      gershgorinMargin: 0.1,
      lossEnclosure: [0.03, 0.04],
      arithmetic: 'outward-rounded float64',
    };
    expect(refusal(withCertificate({ ...certificate, proof }))).toBe('ok');
    for (const modelClass of ['affine', 'constant', 'fixed'])
      expect(refusal(withCertificate({ ...certificate, exactProof: exactProof({ modelClass }) }))).toBe('ok');
  });

  test('exact rationals: an optionally negative integer, optionally over a positive integer, nothing else', () => {
    for (const text of ['0', '-3', '12345', '1/2', '-12345/678'])
      expect(
        refusal(withCertificate({ ...certificate, exactProof: exactProof({ radius: text }) })),
        text,
      ).toBe('ok');
    for (const text of ['', '1/', '/2', 'a', '1/2/3', '1.5', ' 1', '1 ', '1/-2', '--1', '1/2x', 'x1/2'])
      expect(
        refusal(withCertificate({ ...certificate, exactProof: exactProof({ radius: text }) })),
        text,
      ).toBe('certificate.exactProof.radius: expected an exact rational "p/q"');
  });

  test('claim ids are kebab-case, whole', () => {
    expect(refusal({ ...file, claim: 'a-b-1' })).toBe('ok');
    for (const claim of ['abc!', 'abc-', '-abc', 'a--b', 'Abc', 'a_b'])
      expect(refusal({ ...file, claim }), claim).toBe('claim: expected a kebab-case claim id');
  });
});
