import type { MlpSubject, NetworkSpec, PointJson } from '../nn/index.js';

/**
 * The subjects of counterexample files (docs/counterexample-format.md) as TypeScript types. The archive's zod
 * schema parses files into values of these types (a compile-time check in src/archive keeps them in step).
 */

/** An MLP whose network may freeze layers (extension `network.trainable`, one flag per weight layer). */
export interface MlpSubjectJson extends Omit<MlpSubject, 'network'> {
  readonly network: NetworkSpec & { readonly trainable?: readonly boolean[] | undefined };
}

/** Student W (n×d, row = neuron) against teacher V (k×d), unit output weights, x ~ N(0, I_d). */
export interface GaussianTeacherStudentJson {
  readonly kind: 'gaussian-teacher-student';
  readonly student: readonly (readonly number[])[];
  readonly teacher: readonly (readonly number[])[];
}

/** Spherical H-spin glass: couplings are the N^H Gaussian coefficients in row-major order; |point|² = N. */
export interface SphericalSpinGlassJson {
  readonly kind: 'spherical-spin-glass';
  readonly H: number;
  readonly N: number;
  readonly couplings: readonly number[];
  readonly point: readonly number[];
}

/** What a claim is about: an `mlp` (network, data, loss, point), a Gaussian teacher–student pair, or a spin glass. */
export type Subject = MlpSubjectJson | GaussianTeacherStudentJson | SphericalSpinGlassJson;

/** A point of any subject kind, as JSON. */
export type AnyPoint = PointJson | readonly (readonly number[])[] | readonly number[];

export interface PerturbationJson {
  readonly radii: readonly number[];
  readonly trials: number;
  readonly minLossIncrease: number;
}

/** The rigour level of a certificate (absent: float-evidence). */
export type Rigour = 'interval-proof' | 'exact-rational' | 'float-evidence';

/** An interval proof of a strict minimum (src/interval/prove.ts; docs/counterexample-format.md). */
export interface IntervalProofJson {
  readonly method: 'krawczyk+interval-cholesky';
  readonly coordinates: string;
  readonly dimension: number;
  readonly radius: number;
  readonly krawczyk: readonly (readonly [number, number])[];
  readonly contraction: number;
  readonly choleskyMinPivot?: number | undefined;
  readonly pdTest?: 'eigenvector-gershgorin' | undefined;
  readonly gershgorinMargin?: number | undefined;
  readonly lossEnclosure: readonly [number, number];
  readonly betterLossEnclosure?: readonly [number, number] | undefined;
  readonly arithmetic: string;
}

interface CertificateCommon {
  readonly rigour?: Rigour | undefined;
  readonly proof?: IntervalProofJson | undefined;
  readonly loss: number;
  readonly gradientNorm: number | null;
  readonly hessianEigenvalues: readonly number[] | null;
  readonly tolerances?: Readonly<Record<string, number>> | undefined;
  readonly details?: Readonly<Record<string, unknown>> | undefined;
  readonly exact?: Readonly<Record<string, unknown>> | null | undefined;
}

/** What a counterexample proves, with its numbers (loss, gradient norm, Hessian eigenvalues, …): the archive's `certificate`. */
export type Certificate =
  | (CertificateCommon & {
      readonly kind: 'strict-local-min-not-global' | 'local-min-not-global';
      readonly perturbation: PerturbationJson;
      readonly betterPoint: AnyPoint;
      readonly betterLoss: number;
    })
  | (CertificateCommon & {
      readonly kind: 'saddle';
      readonly descentDirection: AnyPoint;
      readonly descentStep?: number | undefined;
    })
  | (CertificateCommon & {
      readonly kind: 'rank-deficient';
      readonly jacobianRank: number;
      readonly claimedRank: number;
      readonly singularValues: readonly number[];
    })
  | (CertificateCommon & {
      readonly kind: 'no-monotone-path-found';
      readonly profile: readonly number[];
      readonly path?: readonly AnyPoint[] | undefined;
    })
  // Verified in src/claims/certificateKinds.ts (they carry no landscape geometry).
  | (CertificateCommon & {
      readonly kind: 'identity-violated';
      readonly identity: string;
      readonly left: readonly number[];
      readonly right: readonly number[];
      readonly difference: number;
      readonly tolerance: number;
    })
  | (CertificateCommon & {
      readonly kind: 'trend-reversed';
      readonly trend: string;
      readonly test: 'one-sided Fisher exact';
      readonly groups: readonly {
        readonly label: string;
        readonly successes: number;
        readonly trials: number;
      }[];
      readonly pValue: number;
      readonly alpha: number;
      readonly seed: number;
      readonly replay: string;
      readonly table?:
        | { readonly columns: readonly string[]; readonly rows: readonly (readonly (string | number)[])[] }
        | undefined;
    });
