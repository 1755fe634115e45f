import { z } from 'zod';

/**
 * `report/data/check.json` as the report reads it (the contract with `landscape check`, issue #10). Every field
 * but a result's id is optional, so a check.json from an older or newer tool still renders; unknown fields are
 * kept out. Older files name the reason `summary` and the time `ms`: both are read.
 */
const verdict = z.enum(['holds', 'refuted', 'inconclusive']);
const optionalNumber = z.number().finite().optional().catch(undefined);
const optionalString = z.string().optional().catch(undefined);

const resultSchema = z.object({
  id: z.string(),
  kind: optionalString,
  expect: optionalString,
  verdict: verdict.optional().catch(undefined),
  reason: optionalString,
  summary: optionalString,
  asExpected: z.boolean().optional().catch(undefined),
  timeMs: optionalNumber,
  ms: optionalNumber,
  runs: optionalNumber,
  assertions: z
    .array(
      z.object({ name: z.string(), verdict: z.string(), reason: optionalString, detail: optionalString }),
    )
    .optional()
    .catch(undefined),
  failure: z
    .object({
      seed: z.union([z.number(), z.string()]).optional().catch(undefined),
      path: optionalString,
      replay: optionalString,
      case: optionalString,
      archived: z.string().nullable().optional().catch(undefined),
    })
    .nullable()
    .optional()
    .catch(undefined),
  counterexamples: z.array(z.string()).optional().catch(undefined),
});

export const checkDataSchema = z.object({
  tool: optionalString,
  seed: z.union([z.number(), z.string()]).optional().catch(undefined),
  date: optionalString,
  durationMs: optionalNumber,
  budget: z
    .object({ runs: z.number().nullable().optional().catch(undefined) })
    .nullable()
    .optional()
    .catch(undefined),
  counts: z
    .object({
      total: optionalNumber,
      asExpected: optionalNumber,
      holds: optionalNumber,
      refuted: optionalNumber,
      inconclusive: optionalNumber,
    })
    .optional()
    .catch(undefined),
  results: z.array(resultSchema).catch([]),
});

export type CheckData = z.infer<typeof checkDataSchema>;
export type CheckResult = CheckData['results'][number];

/** Parse check.json leniently: null when it is not an object with a results array we can read. */
export function parseCheckData(json: unknown): CheckData | null {
  const parsed = checkDataSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** Counts by verdict: check.json's own `counts` where present, else counted from its results. */
export function verdictCounts(check: CheckData): {
  total: number;
  asExpected: number;
  holds: number;
  refuted: number;
  inconclusive: number;
} {
  const r = check.results;
  const count = (v: string) => r.filter((x) => x.verdict === v).length;
  return {
    total: check.counts?.total ?? r.length,
    asExpected: check.counts?.asExpected ?? r.filter((x) => x.asExpected === true).length,
    holds: check.counts?.holds ?? count('holds'),
    refuted: check.counts?.refuted ?? count('refuted'),
    inconclusive: check.counts?.inconclusive ?? count('inconclusive'),
  };
}
