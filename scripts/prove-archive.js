// Archive interval-proof certificates (issue 12). Run after `npm run build`:
//   node scripts/prove-archive.js ss18 6 20            one proved Safran–Shamir spurious minimum per k (k = n)
//   node scripts/prove-archive.js narrow tanh 2 3 [2]   narrow networks: activation, hidden widths…, N points
//        (env ITERS: L-BFGS iterations per start, default 5000; the last number is N; e.g. `narrow tanh 2 3` is layers [1, 2, 1] on 3 points, `narrow tanh 2 2 3` is
//        [1, 2, 2, 1] on 3 points); optional env SEEDS (default 400) bounds the search, TEACHER (e.g. 3) sets the
//        teacher's hidden widths (default: the student's), TEACHER_SCALE its parameters' standard deviation (1.5).
//   node scripts/prove-archive.js exact                 exact-rational proof files (<hash>.proof) beside every
//        piecewise-linear (relu, leaky-relu) archive file that has none yet (src/exact; the files are not touched)
//   node scripts/prove-archive.js interval-files        interval proof files (<hash>.proof) beside the strict
//        minima archived before interval proofs (float evidence only; the files are not touched)
// Files are written by the archive code (content-named, never overwritten) and re-verified (float verifier,
// the claim's checks, the interval proof) before they are written. Prints one line per file with the proof time.
import { join } from 'node:path';
import { narrowNoStrictBadMin } from '../dist/properties/narrow-no-strict-bad-min.js';
import { ss18SpuriousMinimaCommon } from '../dist/properties/ss18-spurious-minima-common.js';
import { loadArchive, saveCounterexample } from '../dist/src/archive/index.js';
import { counterexampleFile, verifyCounterexample } from '../dist/src/claims/index.js';
import { checkProofFile, proveArchived, writeProofFile } from '../dist/src/exact/index.js';
import { verifyRigour } from '../dist/src/interval/index.js';
import {
  bestPoint,
  clearlyStrict,
  descendAndExamine,
  isSpuriousGap,
  spuriousMinimumCertificate,
  subjectModel,
  withIntervalProof,
} from '../dist/src/landscape/index.js';
import { seededRng } from '../dist/src/random.js';

const ROOT = join(import.meta.dirname, '..', 'counterexamples');

function archive(claim, certified, found) {
  const file = counterexampleFile(claim, certified, {
    numShrinks: 0,
    createdAt: new Date().toISOString(),
    ...found,
  });
  const problems = [...verifyCounterexample(claim, file), ...verifyRigour(file.subject, file.certificate)];
  if (problems.length > 0) return { ok: false, reason: problems.join('; ') };
  const saved = saveCounterexample(ROOT, file);
  return { ok: true, path: saved.path, created: saved.created };
}

function ss18(kFrom, kTo) {
  for (let k = kFrom; k <= kTo; k++) {
    let done = false;
    for (let seed = Number(process.env.FROM ?? 0); seed < Number(process.env.SEEDS ?? 200) && !done; seed++) {
      const t0 = performance.now();
      const built = ss18SpuriousMinimaCommon.certify({ k, seed }, undefined);
      if (!built.ok) continue;
      const ms = performance.now() - t0;
      if (built.value.certificate.rigour !== 'interval-proof') {
        console.log(
          `k=${k} seed=${seed}: spurious minimum but no proof: ${built.value.certificate.details?.noProof}`,
        );
        continue;
      }
      const out = archive(ss18SpuriousMinimaCommon, built.value, { seed, path: '', numRuns: seed + 1 });
      if (!out.ok) {
        console.log(`k=${k} seed=${seed}: does not verify: ${out.reason}`);
        continue;
      }
      if (!out.created) {
        console.log(`k=${k} seed=${seed}: already archived (${out.path}), next seed`);
        continue;
      }
      const t1 = performance.now();
      verifyRigour(built.value.subject, built.value.certificate);
      const verifyMs = performance.now() - t1;
      console.log(
        `k=${k} seed=${seed} F=${built.value.certificate.loss.toPrecision(6)} ${out.path} (find+certify+prove ${(ms / 1000).toFixed(1)} s; proof re-check ${(verifyMs / 1000).toFixed(1)} s)`,
      );
      done = true;
    }
    if (!done) console.log(`k=${k}: no proved spurious minimum in the seeds tried`);
  }
}

const ACTIVATIONS = {
  tanh: Math.tanh,
  sigmoid: (z) => 1 / (1 + Math.exp(-z)),
  softplus: (z) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))),
};

/** Random layers [1, hidden…, 1] with N(0, s²) weights and biases. */
function randomLayers(rng, sizes, s) {
  const layers = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    layers.push({
      weights: Array.from({ length: sizes[l + 1] }, () =>
        Array.from({ length: sizes[l] }, () => s * rng.normal()),
      ),
      biases: Array.from({ length: sizes[l + 1] }, () => s * rng.normal()),
    });
  }
  return layers;
}

function forward(activation, layers, x) {
  let h = x;
  layers.forEach((layer, l) => {
    const z = layer.weights.map((row, r) => row.reduce((s, w, c) => s + w * h[c], layer.biases[r]));
    h = l < layers.length - 1 ? z.map(ACTIVATIONS[activation]) : z;
  });
  return h;
}

/**
 * A random narrow problem: N distinct inputs on the grid {−2, −15/8, …, 2}, targets from a random teacher of the
 * same architecture (N(0, 1.5²) parameters) rounded to 1/64, and a student start with N(0, 1) parameters.
 * (Half-integer targets from {−1, …, 1} made tanh networks saturate, w → ∞, with no critical point.)
 */
function narrowSubject(activation, hidden, samples, seed) {
  const rng = seededRng(seed);
  const xs = new Set();
  while (xs.size < samples) xs.add(rng.int(-16, 16) / 8);
  const inputs = [...xs].sort((a, b) => a - b).map((x) => [x]);
  const sizes = [1, ...hidden, 1];
  // env TEACHER: the teacher's hidden widths (default: the student's), e.g. TEACHER=3 for a wider 1 → 3 → 1 teacher
  const teacherSizes = process.env.TEACHER ? [1, ...process.env.TEACHER.split(',').map(Number), 1] : sizes;
  const teacher = randomLayers(rng, teacherSizes, Number(process.env.TEACHER_SCALE ?? 1.5));
  const targets = inputs.map((x) => [Math.round(forward(activation, teacher, x)[0] * 64) / 64]);
  return {
    kind: 'mlp',
    network: { layerSizes: sizes, activation: { name: activation }, bias: true },
    data: { inputs, targets },
    loss: { name: 'squared', scale: 0.5, reduction: 'sum' },
    point: { layers: randomLayers(rng, sizes, 1) },
  };
}

function narrow(activation, hidden, samples) {
  const seeds = Number(process.env.SEEDS ?? 400);
  let strict = 0;
  for (let seed = 0; seed < seeds; seed++) {
    const start = narrowSubject(activation, hidden, samples, seed);
    const model = subjectModel(start);
    const result = descendAndExamine(model.objective, model.theta, seededRng(seed + 1), {
      radii: [1e-2, 1e-3, 1e-4],
      trials: 400,
      maxIterations: Number(process.env.ITERS ?? 5000),
    });
    if (result.exam === null || !clearlyStrict(result.exam)) continue;
    strict++;
    const better = bestPoint(model.objective, seed + 2);
    if (!isSpuriousGap(result.exam.value, model.objective.value(better))) continue;
    const subject = { ...start, point: model.toPoint(result.theta) };
    const final = subjectModel(subject);
    const certificate = spuriousMinimumCertificate(final, result.exam, better, {
      details: {
        model: `${hidden.length} hidden layer(s) of widths ${hidden.join(', ')}, biases, every parameter trained`,
        width: hidden[hidden.length - 1],
        samples,
        search: `${process.env.TEACHER ? `TEACHER=${process.env.TEACHER} ` : ''}${process.env.TEACHER_SCALE ? `TEACHER_SCALE=${process.env.TEACHER_SCALE} ` : ''}scripts/prove-archive.js narrow ${activation} ${hidden.join(' ')} ${samples}, seed ${seed}`,
      },
    });
    const t0 = performance.now();
    const proof = withIntervalProof(subject, certificate);
    const ms = performance.now() - t0;
    if (!proof.proved) {
      console.log(`seed ${seed}: strict sub-optimal minimum, no proof: ${proof.reason}`);
      continue;
    }
    const out = archive(
      narrowNoStrictBadMin,
      { subject, certificate: proof.certificate },
      {
        seed,
        path: '',
        numRuns: seed + 1,
      },
    );
    console.log(
      out.ok
        ? `${activation} [${[1, ...hidden, 1].join(', ')}] N=${samples} seed ${seed}: L=${certificate.loss.toPrecision(6)} better ${certificate.betterLoss.toPrecision(6)} ${out.path}${out.created ? '' : ' (exists)'} (proof ${ms.toFixed(0)} ms)`
        : `seed ${seed}: does not verify: ${out.reason}`,
    );
    if (out.ok) return;
  }
  console.log(
    `${activation} ${hidden} N=${samples}: none in ${seeds} seeds (${strict} clearly strict minima, none proved sub-optimal)`,
  );
}

/** Exact-rational proof files for the piecewise-linear archive files (one line per file, with the proof time). */
function exact() {
  for (const f of loadArchive(ROOT)) {
    if (!f.ok || f.value.subject.kind !== 'mlp') continue;
    const name = f.value.subject.network.activation.name;
    if (name !== 'relu' && name !== 'leaky-relu') continue;
    const short = f.path.slice(ROOT.length + 1);
    const t0 = performance.now();
    const out = proveArchived(f.value);
    const ms = performance.now() - t0;
    if (!out.ok) {
      console.log(`${short}: float-evidence, step '${out.step}' not exact: ${out.reason}`);
      continue;
    }
    const written = writeProofFile(f.path, f.value, { rigour: 'exact-rational', proof: out.proof });
    const check = checkProofFile(f.path, f.value);
    console.log(
      `${short}: ${out.proof.modelClass} class, Q* = ${out.proof.lossLowerBound}, radius ${out.proof.radius} ` +
        `(proof ${ms.toFixed(0)} ms) ${written.created ? 'written' : 'exists'} ${written.path.slice(ROOT.length + 1)}` +
        `${check !== null && check.problems.length > 0 ? ` DOES NOT RE-CHECK: ${check.problems.join('; ')}` : ''}`,
    );
  }
}

/** Interval proof files for the strict minima archived before interval proofs (float evidence only). */
function intervalFiles() {
  for (const f of loadArchive(ROOT)) {
    const c = f.ok ? f.value.certificate : null;
    if (c === null || c.kind !== 'strict-local-min-not-global' || c.rigour === 'interval-proof') continue;
    if (checkProofFile(f.path, f.value) !== null) continue;
    const short = f.path.slice(ROOT.length + 1);
    const t0 = performance.now();
    const out = withIntervalProof(f.value.subject, c);
    const ms = performance.now() - t0;
    if (!out.proved) {
      console.log(`${short}: float-evidence, no interval proof: ${out.reason}`);
      continue;
    }
    const written = writeProofFile(f.path, f.value, {
      rigour: 'interval-proof',
      proof: out.certificate.proof,
    });
    const check = checkProofFile(f.path, f.value, verifyRigour);
    console.log(
      `${short}: interval proof in ${out.certificate.proof.dimension} coordinates (proof ${ms.toFixed(0)} ms) ` +
        `${written.created ? 'written' : 'exists'} ${written.path.slice(ROOT.length + 1)}` +
        `${check !== null && check.problems.length > 0 ? ` DOES NOT RE-CHECK: ${check.problems.join('; ')}` : ''}`,
    );
  }
}

const [mode, ...args] = process.argv.slice(2);
if (mode === 'exact') exact();
else if (mode === 'interval-files') intervalFiles();
else if (mode === 'ss18') ss18(Number(args[0] ?? 6), Number(args[1] ?? 20));
else if (mode === 'narrow') {
  const nums = args.slice(1).map(Number);
  narrow(args[0], nums.slice(0, -1), nums[nums.length - 1]);
} else {
  console.error(
    'usage: node scripts/prove-archive.js ss18 [kFrom kTo] | narrow <activation> <widths…> <N> | exact | interval-files',
  );
  process.exit(2);
}
