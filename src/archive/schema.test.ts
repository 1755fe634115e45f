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
