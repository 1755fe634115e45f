import { z } from 'zod';

/**
 * The counterexample file format, version 1 (docs/counterexample-format.md), as a zod schema. Files are
 * validated against it on write and on load; a mismatch names the field and what was expected.
 */

export const COUNTEREXAMPLE_FORMAT = 'landscape-check/counterexample';
export const COUNTEREXAMPLE_VERSION = 1;

const finite = z.number({ error: 'expected a finite number' });
const vector = z.array(finite);
const matrix = z.array(vector);
const positiveInt = z.number().int().positive();

export const activationSchema = z.discriminatedUnion('name', [
  z.object({ name: z.literal('relu') }).strict(),
  z.object({ name: z.literal('leaky-relu'), slope: finite }).strict(),
  z.object({ name: z.literal('sigmoid') }).strict(),
  z.object({ name: z.literal('tanh') }).strict(),
  z.object({ name: z.literal('softplus') }).strict(),
  z.object({ name: z.literal('quadratic') }).strict(),
  z.object({ name: z.literal('identity') }).strict(),
  z.object({ name: z.literal('polynomial'), coefficients: z.array(finite).min(1) }).strict(),
]);

export const networkSchema = z
  .object({
    layerSizes: z.array(positiveInt).min(2),
    activation: activationSchema,
    bias: z.boolean(),
    /**
     * Extension (documented in docs/counterexample-format.md): which layers are trained. Absent means all.
     * A claim that freezes output weights (Karhadkar et al., Safran–Shamir) records it here so that the
     * certificate's gradient and Hessian are over the trained parameters only.
     */
    trainable: z.array(z.boolean()).optional(),
  })
  .strict();

export const layerSchema = z.object({ weights: matrix, biases: vector.nullable() }).strict();
export const pointSchema = z.object({ layers: z.array(layerSchema).min(1) }).strict();

export const mlpSubjectSchema = z
  .object({
    kind: z.literal('mlp'),
    network: networkSchema,
    data: z.object({ inputs: matrix.min(1), targets: matrix.min(1) }).strict(),
    loss: z
      .object({
        name: z.literal('squared'),
        scale: finite.refine((s) => s > 0, { message: 'expected a positive scale' }),
        reduction: z.enum(['sum', 'mean']),
      })
      .strict(),
    point: pointSchema,
  })
  .strict();

export const gaussianTeacherStudentSchema = z
  .object({ kind: z.literal('gaussian-teacher-student'), student: matrix.min(1), teacher: matrix.min(1) })
  .strict();

export const sphericalSpinGlassSchema = z
  .object({
    kind: z.literal('spherical-spin-glass'),
    H: z.number().int().min(2),
    N: positiveInt,
    couplings: vector,
    point: vector,
  })
  .strict();

export const subjectSchema = z.discriminatedUnion('kind', [
  mlpSubjectSchema,
  gaussianTeacherStudentSchema,
  sphericalSpinGlassSchema,
]);

/** A point of any subject kind: per-layer JSON (mlp), a student matrix, or a vector on the sphere. */
export const anyPointSchema = z.union([pointSchema, matrix, vector]);

const perturbationSchema = z
  .object({
    radii: z.array(finite.refine((r) => r > 0, { message: 'expected a positive radius' })).min(1),
    trials: z.number().int().nonnegative(),
    minLossIncrease: finite,
  })
  .strict();

const interval2 = z.tuple([finite, finite]);

/** An interval proof of a strict minimum (docs/counterexample-format.md, "Rigour levels"; src/interval/prove.ts). */
export const intervalProofSchema = z
  .object({
    method: z.literal('krawczyk+interval-cholesky'),
    coordinates: z.string(),
    dimension: positiveInt,
    radius: finite.refine((r) => r > 0, { message: 'expected a positive radius' }),
    krawczyk: z.array(interval2).min(1),
    contraction: finite,
    choleskyMinPivot: finite.optional(),
    pdTest: z.literal('eigenvector-gershgorin').optional(),
    gershgorinMargin: finite.optional(),
    lossEnclosure: interval2,
    betterLossEnclosure: interval2.optional(),
    arithmetic: z.string(),
  })
  .strict();

/** Fields every certificate may carry. `tolerances` records every tolerance a verdict depended on. */
const certificateCommon = {
  /** How rigorous the certificate is; absent means `float-evidence` (every file written before rigour levels). */
  rigour: z.enum(['interval-proof', 'exact-rational', 'float-evidence']).optional(),
  proof: intervalProofSchema.optional(),
  loss: finite,
  gradientNorm: finite.nullable(),
  hessianEigenvalues: vector.nullable(),
  tolerances: z.record(z.string(), finite).optional(),
  /** Claim-specific evidence (documented by the claim), re-checked by the claim's verifier if it has one. */
  details: z.record(z.string(), z.unknown()).optional(),
  exact: z.record(z.string(), z.unknown()).nullable().optional(),
};

export const certificateSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('strict-local-min-not-global'),
      ...certificateCommon,
      perturbation: perturbationSchema,
      betterPoint: anyPointSchema,
      betterLoss: finite,
    })
    .strict(),
  z
    .object({
      kind: z.literal('local-min-not-global'),
      ...certificateCommon,
      perturbation: perturbationSchema,
      betterPoint: anyPointSchema,
      betterLoss: finite,
    })
    .strict(),
  z
    .object({
      kind: z.literal('saddle'),
      ...certificateCommon,
      descentDirection: anyPointSchema,
      descentStep: finite.optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('rank-deficient'),
      ...certificateCommon,
      jacobianRank: z.number().int().nonnegative(),
      claimedRank: z.number().int().nonnegative(),
      singularValues: vector,
    })
    .strict(),
  z
    .object({
      kind: z.literal('no-monotone-path-found'),
      ...certificateCommon,
      profile: vector.min(2),
      path: z.array(anyPointSchema).optional(),
    })
    .strict(),
  /** A theorem's identity fails on the subject: both sides, their largest entrywise gap, and the tolerance it exceeds. */
  z
    .object({
      kind: z.literal('identity-violated'),
      ...certificateCommon,
      identity: z.string().min(1),
      left: vector.min(1),
      right: vector.min(1),
      difference: finite,
      tolerance: finite,
    })
    .strict(),
  /** An empirical trend shown reversed: the two groups' counts, the test, its p-value and the seed of the run. */
  z
    .object({
      kind: z.literal('trend-reversed'),
      ...certificateCommon,
      trend: z.string().min(1),
      test: z.literal('one-sided Fisher exact'),
      groups: z
        .array(
          z
            .object({
              label: z.string(),
              successes: z.number().int().nonnegative(),
              trials: z.number().int().positive(),
            })
            .strict(),
        )
        .length(2),
      pValue: finite,
      alpha: finite,
      seed: z.number().int(),
      replay: z.string().min(1),
      table: z
        .object({ columns: z.array(z.string()), rows: z.array(z.array(z.union([z.string(), finite]))) })
        .strict()
        .optional(),
    })
    .strict(),
]);

/** The zod schema of an archived counterexample file (validated on write and on load). */
export const counterexampleSchema = z
  .object({
    format: z.literal(COUNTEREXAMPLE_FORMAT),
    version: z.literal(COUNTEREXAMPLE_VERSION),
    claim: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'expected a kebab-case claim id' }),
    title: z.string().min(1),
    source: z.string().min(1),
    found: z
      .object({
        seed: z.number().int(),
        path: z.string(),
        numRuns: z.number().int().nonnegative(),
        numShrinks: z.number().int().nonnegative(),
        createdAt: z.string(),
        tool: z.string(),
      })
      .strict(),
    subject: subjectSchema,
    certificate: certificateSchema,
  })
  .strict();

export type SubjectJson = z.infer<typeof subjectSchema>;
export type CertificateJson = z.infer<typeof certificateSchema>;
/** An archived counterexample file, as parsed by {@link counterexampleSchema}. */
export type CounterexampleJson = z.infer<typeof counterexampleSchema>;
export type AnyPointJson = z.infer<typeof anyPointSchema>;

/** One line per problem, naming the field path and what was expected. */
export function describeSchemaError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length === 0 ? '(root)' : issue.path.join('.')}: ${issue.message}`)
    .join('; ');
}

type Assert<T extends true> = T;
/** Compile-time check that parsed files are values of the landscape's subject and certificate types. */
export type SchemaMatchesTypes = Assert<
  SubjectJson extends import('../landscape/index.js').Subject
    ? CertificateJson extends import('../landscape/index.js').Certificate
      ? true
      : false
    : false
>;
