import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { UserError } from '../errors.js';
import { activationArb } from '../generate/index.js';
import { isClose } from '../linalg/index.js';
import {
  ACTIVATION_NAMES,
  activation,
  activationSpecFromText,
  validateActivationSpec,
} from './activations.js';
import { ACTIVATION_FD_TOL, FD_STEP, KINK_FD_CLEARANCE } from './tolerances.js';

// z on a grid of multiples of 1/64 in [−8, 8], shifted by 1/1000 so it is never exactly on a kink.
const zArb = fc.integer({ min: -512, max: 512 }).map((k) => k / 64 + 1 / 1000);

describe('activation derivatives', () => {
  test.prop([activationArb(), zArb], { numRuns: 200 })(
    `σ' and σ'' equal central differences away from kinks (rel. err ≤ ${ACTIVATION_FD_TOL})`,
    (spec, z) => {
      const act = activation(spec);
      fc.pre(act.kinks.every((k) => Math.abs(z - k) > KINK_FD_CLEARANCE * FD_STEP));
      // Richardson-extrapolated central differences, as finiteDifferences.ts does along directions
      const richardson = (f: (x: number) => number) => {
        const d = (h: number) => (f(z + h) - f(z - h)) / (2 * h);
        return (4 * d(FD_STEP / 2) - d(FD_STEP)) / 3;
      };
      const d1 = richardson(act.value);
      const d2 = richardson(act.d1);
      expect(isClose(act.d1(z), d1, ACTIVATION_FD_TOL, 1 + Math.abs(act.value(z)))).toBe(true);
      expect(isClose(act.d2(z), d2, ACTIVATION_FD_TOL, 1 + Math.abs(act.d1(z)))).toBe(true);
    },
  );

  test('kink convention: relu′(0) = 0 and leaky-relu′(0) = slope (PyTorch), σ″ = 0 on piecewise-linear σ', () => {
    const relu = activation({ name: 'relu' });
    const leaky = activation({ name: 'leaky-relu', slope: 0.1 });
    expect(relu.d1(0)).toBe(0);
    expect(relu.d1(1e-300)).toBe(1);
    expect(leaky.d1(0)).toBe(0.1);
    expect(leaky.value(-2)).toBe(-0.2);
    for (const a of [relu, leaky, activation({ name: 'identity' })]) {
      expect(a.piecewiseLinear).toBe(true);
      for (const z of [-3, 0, 2.5]) expect(a.d2(z)).toBe(0);
    }
    expect(relu.kinks).toEqual([0]);
    expect(leaky.kinks).toEqual([0]);
    expect(activation({ name: 'identity' }).kinks).toEqual([]);
    expect(activation({ name: 'tanh' }).piecewiseLinear).toBe(false);
  });

  test('softplus, sigmoid and tanh stay finite and accurate for large |z|', () => {
    const sp = activation({ name: 'softplus' });
    expect(sp.value(800)).toBe(800);
    expect(sp.value(-800)).toBe(0);
    expect(sp.value(-30)).toBeCloseTo(Math.exp(-30), 25);
    expect(sp.d1(800)).toBe(1);
    expect(sp.d2(-800)).toBe(0);
    const sg = activation({ name: 'sigmoid' });
    expect(sg.value(-800)).toBe(0);
    expect(sg.d1(-40)).toBeGreaterThan(0);
    expect(isClose(sg.d1(-40), Math.exp(-40), 1e-12, Math.exp(-40))).toBe(true);
    const th = activation({ name: 'tanh' });
    expect(th.d1(30)).toBeGreaterThan(0);
    expect(isClose(th.d1(30), 4 * Math.exp(-60), 1e-12, 4 * Math.exp(-60))).toBe(true);
    expect(th.d1(800)).toBe(0);
    expect(th.d2(800)).toBe(-0);
  });

  test('polynomial c0 + c1 z + c2 z² + c3 z³ and its derivatives by Horner', () => {
    const p = activation({ name: 'polynomial', coefficients: [1, -2, 0.5, 3] });
    expect(p.value(2)).toBe(1 - 4 + 2 + 24);
    expect(p.d1(2)).toBe(-2 + 2 + 36);
    expect(p.d2(2)).toBe(1 + 36);
    expect(activation({ name: 'polynomial', coefficients: [0.5] }).d1(3)).toBe(0);
    expect(activation({ name: 'polynomial', coefficients: [0, 1] }).piecewiseLinear).toBe(true);
    expect(activation({ name: 'quadratic' }).d2(-7)).toBe(2);
  });
});

describe('activation specs', () => {
  test('invalid specs are UserErrors that name the problem', () => {
    expect(() => activation({ name: 'leaky-relu', slope: Number.NaN })).toThrow(/finite number "slope"/);
    expect(() => activation({ name: 'polynomial', coefficients: [] })).toThrow(/non-empty/);
    expect(() => activation({ name: 'polynomial', coefficients: [1, Number.POSITIVE_INFINITY] })).toThrow(
      /c1/,
    );
    expect(() => validateActivationSpec({ name: 'gelu' })).toThrow(UserError);
    expect(() => validateActivationSpec('relu')).toThrow(/object with a string "name"/);
  });

  test('activationSpecFromText parses names and parameters', () => {
    expect(activationSpecFromText('relu')).toEqual({ name: 'relu' });
    expect(activationSpecFromText('leaky-relu')).toEqual({ name: 'leaky-relu', slope: 0.01 });
    expect(activationSpecFromText('leaky-relu:0.2')).toEqual({ name: 'leaky-relu', slope: 0.2 });
    expect(activationSpecFromText('polynomial:0,1,0.5')).toEqual({
      name: 'polynomial',
      coefficients: [0, 1, 0.5],
    });
    expect(() => activationSpecFromText('tanh:3')).toThrow(UserError);
    expect(() => activationSpecFromText('leaky-relu:abc')).toThrow(UserError);
    expect(() => activationSpecFromText('polynomial:')).toThrow(UserError);
    for (const name of ACTIVATION_NAMES) {
      if (name !== 'leaky-relu' && name !== 'polynomial')
        expect(activationSpecFromText(name)).toEqual({ name });
    }
  });
});

/** The message `f` throws (a UserError: never a TypeError from reading a field of null), or null. */
function messageOf(f: () => unknown): string | null {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  return null;
}

const EXPECTED = 'expected one of relu, leaky-relu, sigmoid, tanh, softplus, quadratic, identity, polynomial';

describe('activation specs from text and from files: exact results and messages', () => {
  test('names, parameters and their defaults', () => {
    expect(activationSpecFromText(' tanh ')).toEqual({ name: 'tanh' });
    expect(activationSpecFromText('leaky-relu')).toEqual({ name: 'leaky-relu', slope: 0.01 });
    expect(activationSpecFromText('leaky-relu: 0.2')).toEqual({ name: 'leaky-relu', slope: 0.2 });
    expect(activationSpecFromText('polynomial:1, 2,3')).toEqual({
      name: 'polynomial',
      coefficients: [1, 2, 3],
    });
  });

  test('every malformed text names itself and what is wrong', () => {
    const cases: [string, string][] = [
      ['gelu', `activation "gelu": unknown activation "gelu"; ${EXPECTED}`],
      [':relu', `activation ":relu": unknown activation ""; ${EXPECTED}`],
      ['tanh:3', 'activation "tanh:3": tanh takes no parameter'],
      ['leaky-relu:', 'activation "leaky-relu:": leaky-relu needs a finite number "slope", got null'],
      [
        'polynomial',
        'activation "polynomial": polynomial needs a non-empty array "coefficients" [c0, c1, …]',
      ],
      [
        'polynomial:',
        'activation "polynomial:": polynomial needs a non-empty array "coefficients" [c0, c1, …]',
      ],
      [
        'polynomial:1,,2',
        'activation "polynomial:1,,2": polynomial coefficient c1 must be a finite number, got NaN',
      ],
      // Blank is not zero (Number(' ') is 0).
      [
        'polynomial: ',
        'activation "polynomial: ": polynomial needs a non-empty array "coefficients" [c0, c1, …]',
      ],
      [
        'polynomial:1, ,2',
        'activation "polynomial:1, ,2": polynomial coefficient c1 must be a finite number, got NaN',
      ],
    ];
    for (const [text, message] of cases) expect(messageOf(() => activationSpecFromText(text))).toBe(message);
  });

  test('a spec that is not an object with a string name is named, with where it came from', () => {
    for (const [spec, shown] of [
      [null, 'null'],
      [5, '5'],
      [{}, '{}'],
      [{ name: 3 }, '{"name":3}'],
    ] as const) {
      expect(messageOf(() => validateActivationSpec(spec))).toBe(
        `activation must be an object with a string "name", got ${shown}`,
      );
    }
    expect(messageOf(() => validateActivationSpec({ name: 'gelu' }, 'network.activation'))).toBe(
      `network.activation: unknown activation "gelu"; ${EXPECTED}`,
    );
  });

  test('piecewise linear: relu, leaky-relu, identity and polynomials of degree ≤ 1 only', () => {
    const flags = ACTIVATION_NAMES.filter((n) => n !== 'polynomial' && n !== 'leaky-relu').map(
      (name) => [name, activation({ name } as never).piecewiseLinear] as const,
    );
    expect(Object.fromEntries(flags)).toEqual({
      relu: true,
      sigmoid: false,
      tanh: false,
      softplus: false,
      quadratic: false,
      identity: true,
    });
    const poly = (coefficients: number[]) => activation({ name: 'polynomial', coefficients }).piecewiseLinear;
    expect([poly([1]), poly([1, 2]), poly([1, 2, 3])]).toEqual([true, true, false]);
  });

  test('the logistic function keeps its subnormal tail: σ(−740) > 0, as e^z / (1 + e^z) gives it', () => {
    const sigmoid = activation({ name: 'sigmoid' });
    expect(sigmoid.value(-740)).toBeGreaterThan(0);
    expect(sigmoid.value(-740)).toBe(Math.exp(-740) / (1 + Math.exp(-740)));
  });
});
