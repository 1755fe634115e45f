import type { ExactPwlProofJson, MlpSubjectJson } from '../landscape/subjectTypes.js';
import type { PointJson } from '../nn/spec.js';
import type { Rational } from './rational.js';
import * as Q from './rational.js';

/**
 * The exact-rational proof of a piecewise-linear (relu, leaky-relu) local minimum that is not global, on finite
 * data with squared loss. Every number is a rational (the archived floats are exact dyadic rationals); nothing is
 * rounded and nothing comes from the float core. With p the archived point, ρ the recorded radius and B(p, ρ) the
 * Euclidean ball over the trainable parameters:
 *
 * 1. Pattern: on every sample, every hidden unit's pre-activation z has the same sign for all samples (unit j of
 *    layer l sits on one affine piece, slope s_lj: 1 for z > 0, 0 (relu) or the leaky slope for z < 0), and
 *    |z| ≥ margin_l(i) > 0.
 * 2. Margins hold on the ball: ‖Δz_1(i)‖ ≤ e_1(i) = ρ‖(x_i, 1)‖ and
 *    ‖Δz_l(i)‖ ≤ e_l(i) = ρ_l‖(h_{l−1}(i), 1)‖ + (‖W_l‖_F + ρ_l)·max_j|s_{l−1,j}|·e_{l−1}(i) (ρ_l = 0 for a frozen
 *    layer), with every square root replaced by a rational upper bound u (u² ≥ v checked exactly); e_l(i) < margin_l(i)
 *    for every layer and sample, so no unit changes piece on B(p, ρ).
 * 3. So on B(p, ρ) the network is, on the data, f(x) = A·x + C (affine class) or f ≡ C (constant class: a layer
 *    whose units all have slope 0), and L ≥ Q* = the least-squares loss of that class (normal equations, solved
 *    exactly). With the output layer frozen and a dead last hidden layer, f is fixed on the ball and Q* = L(p).
 * 4. p* = p + Δ, Δ on the output layer only (ΔW = (A* − A)(PᵀP)⁻¹Pᵀ, Δb = C* − (W + ΔW)q − b, where
 *    h_{L−1}(x) = P·x + q on the data), has L(p*) = Q* (evaluated exactly) and ‖Δ‖² ≤ ρ²/4, so
 *    B(p*, ρ/2) ⊂ B(p, ρ): p* is a local minimum with value Q*.
 * 5. The better point y: L(y) < Q* exactly, so p* is not global.
 */

/** What an exact-rational proof records (every number exact, "p/q"); the fields are documented in
 * docs/counterexample-format.md, "Rigour levels". */
export type ExactPwlProof = ExactPwlProofJson;

export const EXACT_ARITHMETIC =
  'exact rationals on BigInt (src/exact/rational.ts); square roots only as rational upper bounds u with u² ≥ v checked exactly';

export type ExactOutcome =
  | { readonly ok: true; readonly proof: ExactPwlProof }
  | { readonly ok: false; readonly reason: string; readonly step: string };

type Mat = Rational[][];

interface Params {
  readonly w: Mat[];
  readonly b: (Rational[] | null)[];
}

function paramsOf(point: PointJson): Params {
  return {
    w: point.layers.map((layer) => layer.weights.map((row) => row.map(Q.fromFloat))),
    b: point.layers.map((layer) => (layer.biases === null ? null : layer.biases.map(Q.fromFloat))),
  };
}

function slopeOf(subject: MlpSubjectJson, positive: boolean): Rational {
  if (positive) return Q.ONE;
  const spec = subject.network.activation;
  if (spec.name === 'relu') return Q.ZERO;
  if (spec.name === 'leaky-relu') return Q.fromFloat((spec as { slope: number }).slope);
  throw new Error(`activation '${spec.name}' is not piecewise linear (relu, leaky-relu)`);
}

function apply(subject: MlpSubjectJson, z: Rational): Rational {
  return Q.cmp(z, Q.ZERO) > 0 ? z : Q.mul(slopeOf(subject, false), z);
}

/** Pre-activations of every layer and activations (h_0 = x), exactly. */
function forward(subject: MlpSubjectJson, params: Params, x: readonly Rational[]) {
  const layers = params.w.length;
  const zs: Rational[][] = [];
  const hs: Rational[][] = [x.slice()];
  let h = x.slice();
  for (let l = 0; l < layers; l++) {
    const z = params.w[l]!.map((row, r) =>
      Q.add(params.b[l]?.[r] ?? Q.ZERO, Q.sum(row.map((wv, c) => Q.mul(wv, h[c]!)))),
    );
    zs.push(z);
    h = l < layers - 1 ? z.map((v) => apply(subject, v)) : z;
    hs.push(h);
  }
  return { zs, hs, out: h };
}

/** L at a point, exactly: scale·Σ‖f(x_i) − y_i‖² (÷N for the mean). */
export function exactLoss(subject: MlpSubjectJson, params: Params): Rational {
  let total = Q.ZERO;
  subject.data.inputs.forEach((x, i) => {
    const { out } = forward(subject, params, x.map(Q.fromFloat));
    out.forEach((v, r) => {
      const res = Q.sub(v, Q.fromFloat(subject.data.targets[i]![r]!));
      total = Q.add(total, Q.mul(res, res));
    });
  });
  const scaled = Q.mul(total, Q.fromFloat(subject.loss.scale));
  return subject.loss.reduction === 'mean'
    ? Q.div(scaled, Q.rational(BigInt(subject.data.inputs.length)))
    : scaled;
}

const normSquared = (v: readonly Rational[]): Rational => Q.sum(v.map((a) => Q.mul(a, a)));

/** Solve M·x = r exactly (Gauss–Jordan); null when M is singular. */
function solve(m: Mat, r: Rational[]): Rational[] | null {
  const n = r.length;
  const a = m.map((row, i) => [...row, r[i]!]);
  for (let c = 0; c < n; c++) {
    const p = a.findIndex((row, i) => i >= c && !Q.isZero(row[c]!));
    if (p < 0) return null;
    [a[c], a[p]] = [a[p]!, a[c]!];
    const pivot = a[c]![c]!;
    a[c] = a[c]!.map((v) => Q.div(v, pivot));
    for (let i = 0; i < n; i++) {
      if (i === c || Q.isZero(a[i]![c]!)) continue;
      const f = a[i]![c]!;
      a[i] = a[i]!.map((v, k) => Q.sub(v, Q.mul(f, a[c]![k]!)));
    }
  }
  return a.map((row) => row[n]!);
}

const fail = (step: string, reason: string): ExactOutcome => ({ ok: false, step, reason });

/**
 * Prove, at radius ρ (exact), that the subject's point lies within ρ/2 of a local minimum whose loss is above the
 * better point's. Returns the proof (every number exact) or the step that could not be made exact, with why.
 */
export function provePwlAt(subject: MlpSubjectJson, betterPoint: PointJson, rho: Rational): ExactOutcome {
  const name = subject.network.activation.name;
  if (name !== 'relu' && name !== 'leaky-relu')
    return fail('pattern', `activation '${name}' is not piecewise linear (relu, leaky-relu)`);
  if (subject.loss.name !== 'squared') return fail('loss', `loss '${subject.loss.name}' is not squared`);
  const params = paramsOf(subject.point);
  const layers = params.w.length;
  const trainable = (l: number) => subject.network.trainable?.[l] !== false;
  const inputs = subject.data.inputs.map((x) => x.map(Q.fromFloat));
  const passes = inputs.map((x) => forward(subject, params, x));

  // 1. the pattern: one sign per unit over every sample, never 0
  const slopes: Rational[][] = [];
  const margins: Rational[] = [];
  for (let l = 0; l < layers - 1; l++) {
    const units = params.w[l]!.length;
    const layerSlopes: Rational[] = [];
    let margin: Rational | null = null;
    for (let j = 0; j < units; j++) {
      const signs = new Set(passes.map((p) => Q.cmp(p.zs[l]![j]!, Q.ZERO)));
      if (signs.has(0) || signs.size !== 1)
        return fail(
          'pattern',
          `layer ${l + 1} unit ${j + 1}: its pre-activation ${signs.has(0) ? 'is 0 on a sample' : 'changes sign over the samples'}, so the network is not one affine map on the data`,
        );
      layerSlopes.push(slopeOf(subject, signs.has(1)));
      for (const p of passes) {
        const a = Q.abs(p.zs[l]![j]!);
        margin = margin === null ? a : Q.min(margin, a);
      }
    }
    slopes.push(layerSlopes);
    margins.push(margin ?? Q.ZERO);
  }

  // 2. the margins hold on B(p, ρ)
  const marginBounds: Rational[] = margins.map(() => Q.ZERO);
  for (const p of passes) {
    let e = Q.ZERO;
    let prevSlope = Q.ZERO;
    for (let l = 0; l < layers - 1; l++) {
      const rhoL = trainable(l) ? rho : Q.ZERO;
      const hPrev = p.hs[l]!;
      const withBias = params.b[l] === null ? hPrev : [...hPrev, Q.ONE];
      const wNorm = Q.sqrtUpper(normSquared(params.w[l]!.flat()));
      const own = Q.mul(rhoL, Q.sqrtUpper(normSquared(withBias)));
      e = l === 0 ? own : Q.add(own, Q.mul(Q.mul(Q.add(wNorm, rhoL), prevSlope), e));
      const zMargin = p.zs[l]!.reduce((m, z) => Q.min(m, Q.abs(z)), Q.abs(p.zs[l]![0]!));
      if (Q.cmp(e, zMargin) >= 0)
        return fail(
          'margin',
          `layer ${l + 1}: the bound ${Q.toFloat(e, 'up')} on ‖Δz‖ reaches the margin ${Q.toFloat(zMargin, 'down')} at radius ${Q.toFloat(rho)}`,
        );
      marginBounds[l] = Q.max(marginBounds[l]!, e);
      prevSlope = slopes[l]!.reduce((m, s) => Q.max(m, Q.abs(s)), Q.ZERO);
    }
  }

  // 3. the model class and its least-squares loss Q*
  const last = layers - 1;
  const dead = slopes.some((layer) => layer.every(Q.isZero));
  const pointLoss = exactLoss(subject, params);
  const betterLoss = exactLoss(subject, paramsOf(betterPoint));
  let modelClass: ExactPwlProof['modelClass'];
  let lossLowerBound: Rational;
  let shifted: Params = params;
  if (!trainable(last)) {
    if (!(dead && slopes[last - 1]!.every(Q.isZero)))
      return fail('model class', 'the output layer is frozen and the last hidden layer is not dead');
    modelClass = 'fixed';
    lossLowerBound = pointLoss;
  } else {
    if (params.b[last] === null)
      return fail(
        'model class',
        'the output layer has no bias: no exact minimiser on the ball is constructed',
      );
    modelClass = dead ? 'constant' : 'affine';
    // h_{L−1}(x) = P·x + q on the data (the pattern's affine map), exactly
    const d = inputs[0]!.length;
    let P: Mat = Array.from({ length: d }, (_, i) =>
      Array.from({ length: d }, (_, k) => (i === k ? Q.ONE : Q.ZERO)),
    );
    let q: Rational[] = Array.from({ length: d }, () => Q.ZERO);
    for (let l = 0; l < last; l++) {
      const w = params.w[l]!;
      const s = slopes[l]!;
      P = w.map((row, r) =>
        Array.from({ length: d }, (_, c) => Q.mul(s[r]!, Q.sum(row.map((v, k) => Q.mul(v, P[k]![c]!))))),
      );
      q = w.map((row, r) =>
        Q.mul(s[r]!, Q.add(params.b[l]?.[r] ?? Q.ZERO, Q.sum(row.map((v, k) => Q.mul(v, q[k]!))))),
      );
    }
    // least squares over the class: columns x (affine class) and 1
    const design = inputs.map((x) => (modelClass === 'affine' ? [...x, Q.ONE] : [Q.ONE]));
    const k = design[0]!.length;
    const gram: Mat = Array.from({ length: k }, (_, a) =>
      Array.from({ length: k }, (_, b) => Q.sum(design.map((row) => Q.mul(row[a]!, row[b]!)))),
    );
    const W = params.w[last]!;
    const outputs = W.length;
    const dW: Mat = W.map((row) => row.map(() => Q.ZERO));
    const db: Rational[] = [];
    let leastSquares = Q.ZERO;
    const ptp: Mat = Array.from({ length: d }, (_, a) =>
      Array.from({ length: d }, (_, b) => Q.sum(P.map((row) => Q.mul(row[a]!, row[b]!)))),
    );
    for (let o = 0; o < outputs; o++) {
      const y = subject.data.targets.map((t) => Q.fromFloat(t[o]!));
      const beta = solve(
        gram,
        Array.from({ length: k }, (_, a) => Q.sum(design.map((row, i) => Q.mul(row[a]!, y[i]!)))),
      );
      if (beta === null) return fail('least squares', 'the normal equations of the model class are singular');
      const aStar = modelClass === 'affine' ? beta.slice(0, d) : Array.from({ length: d }, () => Q.ZERO);
      const cStar = beta[k - 1]!;
      design.forEach((row, i) => {
        const res = Q.sub(Q.sum(row.map((v, a) => Q.mul(v, beta[a]!))), y[i]!);
        leastSquares = Q.add(leastSquares, Q.mul(res, res));
      });
      if (modelClass === 'affine') {
        // ΔW_o = (A*_o − A_o)(PᵀP)⁻¹Pᵀ with A_o = W_o·P
        const aNow = Array.from({ length: d }, (_, c) => Q.sum(W[o]!.map((v, r) => Q.mul(v, P[r]![c]!))));
        const t = solve(
          ptp,
          aStar.map((v, c) => Q.sub(v, aNow[c]!)),
        );
        if (t === null)
          return fail(
            'minimiser',
            'PᵀP is singular: the output layer alone cannot reach the least-squares slope',
          );
        dW[o] = P.map((row) => Q.sum(row.map((v, c) => Q.mul(v, t[c]!))));
      }
      const cNow = Q.add(params.b[last]![o]!, Q.sum(W[o]!.map((v, r) => Q.mul(Q.add(v, dW[o]![r]!), q[r]!))));
      db.push(Q.sub(cStar, cNow));
    }
    shifted = {
      w: params.w.map((m, l) =>
        l === last ? m.map((row, o) => row.map((v, r) => Q.add(v, dW[o]![r]!))) : m,
      ),
      b: params.b.map((v, l) => (l === last ? v!.map((x, o) => Q.add(x, db[o]!)) : v)),
    };
    leastSquares = Q.mul(leastSquares, Q.fromFloat(subject.loss.scale));
    if (subject.loss.reduction === 'mean')
      leastSquares = Q.div(leastSquares, Q.rational(BigInt(subject.data.inputs.length)));
    lossLowerBound = leastSquares;
    // p* attains Q* (checked by evaluating the network at p*, not by the algebra that built it)
    if (Q.cmp(exactLoss(subject, shifted), lossLowerBound) !== 0)
      return fail('minimiser', 'L(p*) differs from the least-squares value Q*');
  }
  const shiftSquared = Q.add(
    normSquared(shifted.w[last]!.flat().map((v, i) => Q.sub(v, params.w[last]!.flat()[i]!))),
    normSquared((shifted.b[last] ?? []).map((v, i) => Q.sub(v, params.b[last]![i]!))),
  );
  if (Q.cmp(Q.mul(shiftSquared, Q.rational(4n)), Q.mul(rho, rho)) > 0)
    return fail(
      'minimiser',
      `the exact minimiser p* is farther than ρ/2 from the point (‖Δ‖² = ${Q.toFloat(shiftSquared, 'down')})`,
    );
  if (Q.cmp(pointLoss, lossLowerBound) < 0)
    return fail(
      'least squares',
      'L(point) is below the least-squares value of its class (impossible: a bug)',
    );
  if (Q.cmp(betterLoss, lossLowerBound) >= 0)
    return fail(
      'better point',
      `L(betterPoint) = ${Q.toFloat(betterLoss)} is not below Q* = ${Q.toFloat(lossLowerBound)}`,
    );
  return {
    ok: true,
    proof: {
      method: 'pattern-margin+affine-least-squares',
      radius: Q.toText(rho),
      slopes: slopes.map((layer) => layer.map(Q.toText)),
      margins: margins.map(Q.toText),
      marginBounds: marginBounds.map(Q.toText),
      modelClass,
      lossLowerBound: Q.toText(lossLowerBound),
      pointLoss: Q.toText(pointLoss),
      shiftSquared: Q.toText(shiftSquared),
      betterLoss: Q.toText(betterLoss),
      arithmetic: EXACT_ARITHMETIC,
    },
  };
}

/** Radii tried, as fractions of the starting radius: the first that proves is kept. */
const RADIUS_HALVINGS = 12;

/** Prove from a starting radius (the file's `exact.radius`), halving it until the margins hold. */
export function provePwl(subject: MlpSubjectJson, betterPoint: PointJson, radius: number): ExactOutcome {
  let rho = Q.fromFloat(radius);
  let out: ExactOutcome = fail('margin', 'no radius tried');
  for (let k = 0; k <= RADIUS_HALVINGS; k++) {
    out = provePwlAt(subject, betterPoint, rho);
    if (out.ok || out.step !== 'margin') return out;
    rho = Q.div(rho, Q.rational(2n));
  }
  return out;
}
