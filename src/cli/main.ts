import { availableParallelism } from 'node:os';
import { Command, CommanderError, Option } from 'commander';
import { escapeText } from '../archive/index.js';
import { ClaimRegistry, optionHelp, toolVersion } from '../claims/index.js';
import { UserError } from '../errors.js';
import { checkCommand } from './check.js';
import { huntCommand } from './hunt.js';
import { type InspectCliOptions, inspectCommand, inspectOptions } from './inspect.js';
import { type Io, processIo } from './io.js';
import { listCommand } from './list.js';
import { userClaims } from './loadClaims.js';
import { mergeCommand } from './merge.js';
import {
  archiveFolderOrMissing,
  archiveRoot,
  reportRoot,
  setProjectRoot,
  writableOutputFolder,
} from './paths.js';
import { replayCommand } from './replay.js';
import { reportCommand } from './report.js';
import { runCommand } from './run.js';
import {
  MAX_HUNT_STEPS,
  MAX_RUNS,
  parseDuration,
  parseInteger,
  parseReplayPath,
  resolveSeed,
} from './seed.js';

/** Exit codes: 0 all as expected, 1 a verdict or replay not as expected, 2 bad usage or bad input. */
export const EXIT_USAGE = 2;

function buildProgram(
  io: Io,
  registry: ClaimRegistry,
  setCode: (code: number) => void,
  userFile: string | null,
): Command {
  const program = new Command('landscape')
    .description(
      'Property-based theorem checker for neural-network loss landscapes: published claims as fast-check ' +
        'properties; counterexamples shrunk, certified, archived in counterexamples/ and replayed forever.',
    )
    .addHelpText(
      'after',
      '\nSeeds: --seed, else $LANDSCAPE_SEED, else a fresh seed that is printed; a failure prints the seed, the path\n' +
        'and the command that replays it.\nExit codes: 0 every verdict as expected, 1 a verdict or a replay not as ' +
        'expected, 2 bad usage or bad input.',
    )
    .version(toolVersion(), '-V, --version')
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (s) => io.out(s),
      // Commander quotes the user's arguments in its errors: escaped, line by line, like everything we print.
      writeErr: (s) =>
        io.err(
          s
            .split('\n')
            .map((line) => escapeText(line, 400))
            .join('\n'),
        ),
    })
    .exitOverride()
    .option(
      '--claims <file>',
      "check your own claims: a module exporting them (.js/.mjs, or .ts with tsx installed); archive and report go to the working folder (default: landscape.config.js's `claims`, else the built-in claims)",
    );
  const archiveOption = () =>
    new Option(
      '--archive <dir>',
      'archive folder (default: <project>/counterexamples, or $LANDSCAPE_ARCHIVE)',
    );

  program
    .command('list')
    .description('list the claims: id, kind, expectation, source, archived counterexamples')
    .option('--json', 'print {"claims": [{id, title, kind, expect, source, counterexamples}]}')
    .addOption(archiveOption())
    .action((opts: { json?: boolean; archive?: string }) => {
      setCode(
        listCommand(registry, archiveFolderOrMissing(archiveRoot(opts.archive)), opts.json === true, io),
      );
    });

  program
    .command('check')
    .description(
      'run claims (all when no id is given), print verdicts, archive new certified counterexamples',
    )
    .argument('[ids...]', 'claim ids (see list)')
    .option(
      '--runs <n>',
      `cases per claim, an integer in [1, ${MAX_RUNS}] (default: the claim's check budget)`,
    )
    .option('--seed <s>', 'fast-check seed (default: $LANDSCAPE_SEED, else fresh and printed)')
    .option('--path <p>', 'fast-check replay path, e.g. 0:3:1 (with the --seed of the failure)')
    .option('--json', "print check.json's content, each failure with its full case value")
    .option('--write', 'archive new certified counterexamples, one line per new file (default: write none)')
    .option('--no-write', 'archive nothing (the default)')
    .addOption(archiveOption())
    .option('--out <dir>', 'report folder for check.json and experiment data (default: <project>/report)')
    .option('--experiments', "also run each selected claim's experiment (main-job options) for the report")
    .option('--jobs <n>', 'claims checked at once, on worker threads (default: the available cores)')
    .action(
      async (
        ids: string[],
        opts: {
          runs?: string;
          seed?: string;
          path?: string;
          json?: boolean;
          write?: boolean;
          archive?: string;
          out?: string;
          experiments?: boolean;
          jobs?: string;
        },
      ) => {
        const { seed, origin } = resolveSeed(opts.seed);
        const jobs =
          opts.jobs === undefined ? availableParallelism() : parseInteger('--jobs', opts.jobs, 1, 256);
        const runs = opts.runs === undefined ? undefined : parseInteger('--runs', opts.runs, 1, MAX_RUNS);
        const path = opts.path === undefined ? undefined : parseReplayPath(opts.path);
        const archive = archiveFolderOrMissing(archiveRoot(opts.archive));
        const out = writableOutputFolder(reportRoot(opts.out));
        setCode(
          await checkCommand(
            registry,
            {
              ids,
              runs,
              seed,
              seedOrigin: origin,
              path,
              json: opts.json === true,
              archive,
              writeArchive: opts.write === true,
              reportRoot: out,
              experiments: opts.experiments === true,
            },
            io,
            { jobs, claimsModule: userFile === null ? null : { file: userFile, root: process.cwd() } },
          ),
        );
      },
    );

  program
    .command('run')
    .description("run an empirical claim's experiment: table with intervals, data and plots for the report")
    .argument('<claim-id>', 'an empirical claim (see list)')
    .argument(
      '[options...]',
      "the experiment's own options, e.g. --trials 100 (list them: landscape run <claim-id> --options)",
    )
    .option('--seed <s>', 'seed (default: $LANDSCAPE_SEED, else fresh and printed)')
    .option('--json', 'print the table, assertions and plot paths as JSON')
    .option('--out <dir>', 'report folder (default: <project>/report)')
    .allowUnknownOption(true)
    .addHelpText('after', () => experimentOptionsHelp(registry))
    .helpOption(
      '-h, --help',
      'show help (the experiment options are listed by `landscape run <claim-id> --options`)',
    )
    .action((id: string, rest: string[], opts: { seed?: string; json?: boolean; out?: string }) => {
      const claim = registry.select([id])[0]!;
      if (rest.includes('--options')) {
        for (const o of claim.experiment?.options ?? []) io.out(optionHelp(o));
        setCode(0);
        return;
      }
      const { seed } = resolveSeed(opts.seed);
      const out = writableOutputFolder(reportRoot(opts.out));
      setCode(runCommand(registry, id, rest, seed, opts.json === true, out, io));
    });

  program
    .command('hunt')
    .description(
      "long counterexample search on worker threads, guided by each claim's score; Ctrl-C keeps all found",
    )
    .argument('[ids...]', 'claim ids (default: every claim with a hypothesis generator)')
    .option('--time <duration>', 'start no step after this long, e.g. 90s, 10m, 1h30m')
    .option(
      '--steps <n>',
      `stop after n steps in all, an integer in [1, ${MAX_HUNT_STEPS}] (a step: one claim, 8 random cases and up to 8 guided ones; claims take turns); with --time, whichever comes first`,
    )
    .option(
      '--workers <n>',
      'worker threads (default: all cores); the `landscape` command runs a hunt on V8 without its helper threads, LANDSCAPE_V8_THREADS=1 keeps them',
    )
    .option('--shard <i/n>', 'search only shard i of n of the seed space (CI matrices)')
    .option('--seed <s>', 'base seed (default: $LANDSCAPE_SEED, else fresh and printed)')
    .option('--json', 'print a JSON summary at the end')
    .option('--no-write', 'report distinct finds, write no file')
    .option('--max-files <n>', 'write at most n new files (default: no limit)')
    .addOption(archiveOption())
    .action(
      async (
        ids: string[],
        opts: {
          time?: string;
          steps?: string;
          workers?: string;
          shard?: string;
          seed?: string;
          json?: boolean;
          archive?: string;
          write: boolean;
          maxFiles?: string;
        },
      ) => {
        if (userFile !== null)
          throw new UserError(`hunt runs the built-in claims only; it does not take ${userFile}`);
        if (opts.time === undefined && opts.steps === undefined)
          throw new UserError('hunt needs --time, --steps or both (e.g. --time 10m)');
        const { seed } = resolveSeed(opts.seed);
        let shard = { index: 1, count: 1 };
        if (opts.shard !== undefined) {
          const match = /^(\d+)\/(\d+)$/.exec(opts.shard);
          const index = Number(match?.[1]);
          const count = Number(match?.[2]);
          if (match === null || !(index >= 1 && index <= count)) {
            throw new UserError(`--shard expects i/n with 1 ≤ i ≤ n, got '${opts.shard}'`);
          }
          shard = { index, count };
        }
        setCode(
          await huntCommand(
            registry,
            {
              ids,
              ms: opts.time === undefined ? null : parseDuration('--time', opts.time),
              steps: opts.steps === undefined ? null : parseInteger('--steps', opts.steps, 1, MAX_HUNT_STEPS),
              workers:
                opts.workers === undefined ? undefined : parseInteger('--workers', opts.workers, 1, 256),
              shard,
              seed,
              json: opts.json === true,
              archive: archiveFolderOrMissing(archiveRoot(opts.archive)),
              write: opts.write,
              maxFiles: opts.maxFiles === undefined ? null : parseInteger('--max-files', opts.maxFiles, 0),
            },
            io,
          ),
        );
      },
    );

  program
    .command('merge')
    .description(
      'copy counterexample files from DIRs (e.g. hunt shards) into the archive after validating schema, name and certificate',
    )
    .argument('<dirs...>', 'folders holding <claim>/<hash>.json files (searched recursively)')
    .option(
      '--json',
      'print {"archive", "results": [{file, outcome: added|present|refused, target, reason}]}',
    )
    .addOption(archiveOption())
    .action((dirs: string[], opts: { json?: boolean; archive?: string }) => {
      setCode(mergeCommand(registry, dirs, archiveRoot(opts.archive), opts.json === true, io));
    });

  program
    .command('replay')
    .description("re-verify archived counterexamples with today's core (all, or the given files)")
    .argument('[paths...]', 'counterexample files (default: the whole archive)')
    .option('--json', 'print {"results": [{path, claim, ok, problems}]}')
    .addOption(archiveOption())
    .action((paths: string[], opts: { json?: boolean; archive?: string }) => {
      setCode(replayCommand(registry, archiveRoot(opts.archive), paths, opts.json === true, io));
    });

  program
    .command('inspect')
    .description(
      'loss, gradient, Hessian eigenvalues, Jacobian rank, activation patterns of a counterexample or subject file',
    )
    .argument('<file>', 'a counterexample file or a bare subject file')
    .option(
      '--json',
      'print {loss, gradientNorm, gradient, hessianEigenvalues, jacobianSingularValues, jacobianRank, onKink, activationPatterns}',
    )
    .option('--trace', 'Hutchinson estimate of tr(H) with its standard error (Hessian-vector products)')
    .option('--density', 'eigenvalue density of H by stochastic Lanczos quadrature (spectral moments)')
    .option('--top-k <k>', 'the k largest eigenvalues of H by Lanczos on Hessian-vector products')
    .option('--plot <file>', 'write the eigenvalue density as an SVG plot (implies --density)')
    .option('--samples <n>', 'Hutchinson probes (default 100)')
    .option('--probes <n>', 'SLQ probes (default 10)')
    .option('--steps <m>', 'SLQ Lanczos steps per probe (default min(80, parameters))')
    .option('--seed <s>', 'seed of the probes (default: $LANDSCAPE_SEED, else fresh and printed)')
    .action(async (file: string, opts: InspectCliOptions) => {
      setCode(await inspectCommand(file, inspectOptions(opts), io));
    });

  program
    .command('report')
    .description(
      'write a self-contained HTML report: verdicts, statements, counterexamples, experiment plots',
    )
    .option('--out <dir>', 'report folder (default: <project>/report)')
    .addOption(archiveOption())
    .action(async (opts: { out?: string; archive?: string }) => {
      const out = writableOutputFolder(reportRoot(opts.out));
      setCode(await reportCommand(registry, archiveFolderOrMissing(archiveRoot(opts.archive)), out, io));
    });
  return program;
}

/** What `landscape run --help` lists: each experiment's own options, as the experiment declares them. */
export function experimentOptionsHelp(registry: ClaimRegistry): string {
  const lines = ['', 'Experiment options (each claim with an experiment declares its own):'];
  for (const claim of registry.claims) {
    const options = claim.experiment?.options;
    if (options === undefined) continue;
    lines.push(`  ${claim.id}`);
    for (const o of options)
      lines.push(`    --${o.flag} <value>  ${o.description} (default ${o.defaultValue})`);
    if (options.length === 0) lines.push('    (no options)');
  }
  return `${lines.join('\n')}\n`;
}

/** Await every claim's asynchronous set-up (solver loading) once, before any command runs a check. */
export async function prepareClaims(registry: ClaimRegistry): Promise<void> {
  await Promise.all(registry.claims.map((claim) => claim.prepare?.()));
}

/** Run the CLI; returns the exit code (never calls process.exit, so tests can call it). */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let code = 0;
  try {
    const user = await userClaims(argv, process.cwd());
    setProjectRoot(user?.root);
    const claims = user?.claims ?? (await import('../../properties/index.js')).allClaims;
    const registry = new ClaimRegistry(claims);
    await prepareClaims(registry);
    const program = buildProgram(
      io,
      registry,
      (c) => {
        code = c;
      },
      user?.file ?? null,
    );
    if (argv.length === 0) {
      io.err(program.helpInformation());
      return EXIT_USAGE;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      ) {
        return 0;
      }
      return EXIT_USAGE;
    }
    if (error instanceof UserError) {
      io.err(`landscape: ${escapeText(error.message.split('\n')[0] ?? '', 400)}`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
