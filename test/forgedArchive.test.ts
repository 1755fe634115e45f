import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { allClaims } from '../properties/index.js';
import {
  type CounterexampleJson,
  counterexamplePath,
  formatCounterexample,
  saveCounterexample,
} from '../src/archive/index.js';
import { replayArchive } from '../src/claims/index.js';
import { memoryIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import {
  examinePoint,
  lbfgs,
  type MlpSubjectJson,
  saddleCertificate,
  subjectModel,
  verifyCertificate,
} from '../src/landscape/index.js';
import { seededRng } from '../src/random.js';

/**
 * Forged and altered archive files (issue 16): each is written into a scratch archive and must be refused by the
 * replay every reader uses (`npm test`'s claim suites, `landscape replay`, `landscape check`), naming the reason.
 * The real archive is append-only, so forgeries never go there.
 */
const ARCHIVE = join(import.meta.dirname, '..', 'counterexamples');
const scratch = mkdtempSync(join(tmpdir(), 'forged-archive-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const lookup = (id: string) => allClaims.find((c) => c.id === id);

function header(claim: string): Omit<CounterexampleJson, 'subject' | 'certificate'> {
  return {
    format: 'landscape-check/counterexample',
    version: 1,
    claim,
    title: 'forged',
    source: 'forged',
    found: { seed: 0, path: '', numRuns: 1, numShrinks: 0, createdAt: '2026-12-04T00:00:00.000Z', tool: 'x' },
  };
}

/** A deep linear network (H = 3, d_x = 2, d_y = 1) at θ = 0 on data meeting Kawaguchi's hypotheses. */
function deepLinearAtOrigin(lastTarget = 3): MlpSubjectJson {
  return {
    kind: 'mlp',
    network: { layerSizes: [2, 2, 2, 1], activation: { name: 'identity' }, bias: false },
    data: {
      inputs: [
        [1, 0],
        [0, 1],
        [1, 1],
        [2, -1],
        [-1, 3],
      ],
      targets: [[1], [2], [0.5], [-1], [lastTarget]],
    },
    loss: { name: 'squared', scale: 0.5, reduction: 'sum' },
    point: {
      layers: [
        {
          weights: [
            [0, 0],
            [0, 0],
          ],
          biases: null,
        },
        {
          weights: [
            [0, 0],
            [0, 0],
          ],
          biases: null,
        },
        { weights: [[0, 0]], biases: null },
      ],
    },
  };
}

/** The forgery: `local-min-not-global` at θ = 0, gradient 0, eigenvalues [0, 0, 0], radii [1e-200]. */
function forgedKaw16(): CounterexampleJson {
  const subject = deepLinearAtOrigin();
  const model = subjectModel(subject);
  const best = lbfgs(
    model.objective,
    Float64Array.from(model.theta, (_, i) => 0.3 + 0.1 * i),
    {
      maxIterations: 500,
    },
  );
  return {
    ...header('kaw16-deep-linear'),
    subject,
    certificate: {
      kind: 'local-min-not-global',
      loss: model.objective.value(model.theta),
      gradientNorm: 0,
      hessianEigenvalues: [0, 0, 0],
      perturbation: { radii: [1e-200], trials: 1000, minLossIncrease: 0 },
      betterPoint: model.toPoint(best.theta),
      betterLoss: best.value,
      exact: null,
    },
  } as CounterexampleJson;
}

/** A genuine saddle certificate of the same deep linear network (descent of third order at the origin). */
function genuineSaddle(): CounterexampleJson {
  const subject = deepLinearAtOrigin(2.5);
  const model = subjectModel(subject);
  const exam = examinePoint(model.objective, model.theta, { rng: seededRng(1), radii: [1e-1], trials: 200 });
  const certificate = saddleCertificate(model, exam);
  if (certificate === null) throw new Error('test set-up: no descent found at the origin');
  return { ...header('kaw16-deep-linear'), subject, certificate } as CounterexampleJson;
}

function save(file: CounterexampleJson, root = scratch): string {
  return saveCounterexample(root, file).path;
}

function archived(relative: string): CounterexampleJson {
  return JSON.parse(readFileSync(join(ARCHIVE, relative), 'utf8')) as CounterexampleJson;
}

async function cli(...argv: string[]) {
  const io = memoryIo();
  const code = await main(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

describe('forged certificates are refused with the reason', () => {
  const forged = save(forgedKaw16());
  const saddle = save(genuineSaddle());

  test('the saddle is genuine (its certificate verifies) but a saddle does not refute kaw16-deep-linear', () => {
    const file = genuineSaddle();
    expect(verifyCertificate(file.subject, file.certificate, seededRng(2))).toEqual([]);
    const [result] = replayArchive(scratch, lookup, { paths: [saddle] });
    expect(result?.ok).toBe(false);
    expect(result?.problems[0]).toMatch(/a saddle certificate does not refute kaw16-deep-linear/);
  });

  test('the forged local minimum at θ = 0 is refused: radii below the floor, eigenvalue count, descent found', () => {
    const [result] = replayArchive(scratch, lookup, { paths: [forged] });
    expect(result?.ok).toBe(false);
    expect(result?.problems[0]).toMatch(/perturbation\.radii has 1e-200/);
    const all = result?.problems.join('\n') ?? '';
    expect(all).toMatch(/the Hessian has \d+ eigenvalues, certificate lists 3/);
    expect(all).toMatch(/a perturbation lowers the loss/);
  });

  test('`landscape replay` refuses both, exit 1, naming each reason', async () => {
    const run = await cli('replay', '--archive', scratch);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/FAIL .*: a saddle certificate does not refute kaw16-deep-linear/);
    expect(run.out).toMatch(/FAIL .*: perturbation\.radii has 1e-200/);
    const one = await cli('replay', forged);
    expect(one.code).toBe(1);
    expect(one.out).toMatch(/perturbation\.radii has 1e-200/);
  });

  test('`landscape check kaw16-deep-linear` does not report it refuted and names the refused files', async () => {
    const run = await cli(
      'check',
      'kaw16-deep-linear',
      '--runs',
      '1',
      '--seed',
      '1',
      '--archive',
      scratch,
      '--no-write',
      '--out',
      `${scratch}-report`,
    );
    expect(`${run.out}\n${run.err}`).not.toMatch(/refuted \(expected holds\)/);
    expect(run.err).toMatch(/a saddle certificate does not refute kaw16-deep-linear/);
    expect(run.err).toMatch(/perturbation\.radii has 1e-200/);
  });

  test('a subject outside the hypotheses is refused: a relu network in the deep-linear folder', () => {
    const file = forgedKaw16();
    const relu = {
      ...file,
      subject: {
        ...file.subject,
        network: { ...(file.subject as MlpSubjectJson).network, activation: { name: 'relu' } },
      },
    } as CounterexampleJson;
    const [result] = replayArchive(scratch, lookup, { paths: [save(relu)] });
    expect(result?.problems[0]).toMatch(
      /subject outside the hypotheses of kaw16-deep-linear: activation relu, expected identity/,
    );
  });
});

describe('altered numbers in a genuine archived file are refused', () => {
  const altered = mkdtempSync(join(scratch, 'altered-'));

  test('gradient norm set to 0 at a point that is not critical', () => {
    const file = archived('ahw96-single-neuron/59e9e9b5ce6e9392.json');
    const subject = structuredClone(file.subject) as MlpSubjectJson;
    const w = subject.point.layers[0]!.weights[0]!;
    (w as number[])[0] = w[0]! + 1e-3;
    const loss = subjectModel(subject).objective.value(subjectModel(subject).theta);
    const moved = { ...file, subject, certificate: { ...file.certificate, loss, gradientNorm: 0 } };
    const [result] = replayArchive(altered, lookup, { paths: [save(moved as CounterexampleJson, altered)] });
    expect(result?.problems[0]).toMatch(/gradient norm is [\d.e-]+, certificate says 0/);
  });

  test('eigenvalues after the first negated', () => {
    const file = archived('ck22-affine-segment/092f909d71b8f341.json');
    const eig = file.certificate.hessianEigenvalues as number[];
    const negated = eig.map((x, i) => (i === 0 ? x : -x));
    const bad = { ...file, certificate: { ...file.certificate, hessianEigenvalues: negated } };
    const path = counterexamplePath(join(altered, 'neg'), bad as CounterexampleJson);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, formatCounterexample(bad as CounterexampleJson));
    const [result] = replayArchive(join(altered, 'neg'), lookup, { paths: [path] });
    expect(result?.problems[0]).toMatch(/Hessian eigenvalue \d+ is [\d.e-]+, certificate says -/);
  });

  test('a padded eigenvalue list (9.8 MB) is refused before it is parsed', () => {
    const file = archived('ck22-affine-segment/092f909d71b8f341.json');
    const padded = {
      ...file,
      certificate: {
        ...file.certificate,
        hessianEigenvalues: [
          ...(file.certificate.hessianEigenvalues as number[]),
          ...Array(1_300_000).fill(0.125),
        ],
      },
    };
    const path = counterexamplePath(join(altered, 'pad'), padded as CounterexampleJson);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, formatCounterexample(padded as CounterexampleJson));
    const [result] = replayArchive(join(altered, 'pad'), lookup, { paths: [path] });
    expect(result?.problems[0]).toMatch(/file is [\d.]+ MB, larger than the 8 MB an archive file may be/);
  });

  test('perturbation.trials set to 0', () => {
    const file = archived('narrow-no-strict-bad-min/06cb1fffb28dcff6.json');
    const cert = file.certificate as Extract<CounterexampleJson['certificate'], { perturbation: unknown }>;
    const bad = { ...file, certificate: { ...cert, perturbation: { ...cert.perturbation, trials: 0 } } };
    const path = counterexamplePath(join(altered, 'trials'), bad as CounterexampleJson);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, formatCounterexample(bad as CounterexampleJson));
    const [result] = replayArchive(join(altered, 'trials'), lookup, { paths: [path] });
    expect(result?.problems[0]).toMatch(/perturbation\.trials is 0/);
  });
});
