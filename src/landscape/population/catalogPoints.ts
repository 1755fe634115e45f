import { newtonPolish } from '../optimize.js';
import { populationObjective } from './model.js';
import { ss18Problem } from './safranShamir.js';

/**
 * The strict spurious minima of the Safran–Shamir population loss (teacher V = I_k, d = k) recomputed
 * in float64 from the digits Safran and Shamir print [VER], in
 * their symmetric "canonical form": coordinate 0 is the "bad" coordinate b, student neuron 0 (and for n = k + 1
 * neuron n − 1) points mostly along −e_b, and good neuron i has its large entry in coordinate i. The values are
 * printed to 6–10 digits, so callers Newton-polish before certifying. Regression data, not read at run time
 * from anywhere else.
 */
export interface CatalogPoint {
  readonly id: 'k6' | 'k7' | 'k7n8' | 'k12n13';
  readonly k: number;
  readonly n: number;
  /** n×k row-major. */
  readonly student: Float64Array;
  /** The catalog's numbers at the refined point. */
  readonly value: number;
  readonly lambdaMin: number;
  /** Digits the catalog gives for F and λ_min (absolute tolerances for comparing the refined point). */
  readonly valueTol: number;
  readonly lambdaTol: number;
}

/** Good neurons i = 1 … g: `own` at coordinate i, `bad` at coordinate 0, `other` at the remaining coordinates 1 … g. */
function goodNeurons(w: Float64Array, d: number, g: number, own: number, bad: number, other: number): void {
  for (let i = 1; i <= g; i++) {
    for (let c = 0; c < d; c++) w[i * d + c] = c === 0 ? bad : c === i ? own : other;
  }
}

/** A neuron with `atBad` at coordinate 0 and `rest` elsewhere, as row `row`. */
function badNeuron(w: Float64Array, d: number, row: number, atBad: number, rest: number): void {
  for (let c = 0; c < d; c++) w[row * d + c] = c === 0 ? atBad : rest;
}

export function catalogPoint(id: CatalogPoint['id']): CatalogPoint {
  switch (id) {
    case 'k6': {
      const k = 6;
      const w = new Float64Array(k * k);
      badNeuron(w, k, 0, -0.601512, 0.224516);
      goodNeurons(w, k, 5, 0.986704, 0.308011, -0.050413);
      return {
        id,
        k,
        n: k,
        student: w,
        value: 0.025080581,
        lambdaMin: 0.0047,
        valueTol: 1e-9,
        lambdaTol: 5e-6,
      };
    }
    case 'k7': {
      const k = 7;
      const w = new Float64Array(k * k);
      badNeuron(w, k, 0, -0.6327039049, 0.1859910463);
      goodNeurons(w, k, 6, 0.9969227988, 0.2616910758, -0.0350801559);
      return {
        id,
        k,
        n: k,
        student: w,
        value: 0.0232027149,
        lambdaMin: 0.014059,
        valueTol: 1e-10,
        lambdaTol: 5e-7,
      };
    }
    case 'k7n8': {
      const k = 7;
      const w = new Float64Array(8 * k);
      badNeuron(w, k, 0, -0.4596712112, 0.0766367911);
      goodNeurons(w, k, 6, 0.9753972306, 0.2631357216, -0.0403543851);
      badNeuron(w, k, 7, -0.185784935, 0.1500817299);
      return {
        id,
        k,
        n: 8,
        student: w,
        value: 0.0221474434,
        lambdaMin: 0.002609,
        valueTol: 1e-10,
        lambdaTol: 5e-7,
      };
    }
    case 'k12n13': {
      const k = 12;
      const w = new Float64Array(13 * k);
      // Neuron 0: 0.0494547596 on the good coordinates, −0.5667708972 at b; neuron 12: 0.0787264729, −0.1888653349.
      badNeuron(w, k, 0, -0.5667708972, 0.0494547596);
      goodNeurons(w, k, 11, 0.9952230937, 0.1546759947, -0.0124131962);
      badNeuron(w, k, 12, -0.1888653349, 0.0787264729);
      return {
        id,
        k,
        n: 13,
        student: w,
        value: 0.0158005164,
        lambdaMin: 0.005495,
        valueTol: 1e-10,
        lambdaTol: 5e-7,
      };
    }
  }
}

/** The catalog point Newton-polished on its own problem (‖∇F‖ ~ 1e-15); the printed digits if Newton fails. */
export function polishedCatalogPoint(point: CatalogPoint): Float64Array {
  const polished = newtonPolish(populationObjective(ss18Problem(point.k, point.n)), point.student, {
    gradTol: 1e-13,
  });
  return polished.converged ? polished.theta : point.student;
}
