import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  counterexamplePath,
  loadCounterexampleFile,
  subjectHash,
  writeFileAtomicNoClobber,
} from '../archive/index.js';
import { type ClaimRegistry, replayLoaded } from '../claims/index.js';
import { UserError } from '../errors.js';
import type { Io } from './io.js';
import { displayPath } from './paths.js';
import { formatTable } from './table.js';

/** What happened to one incoming file. */
export interface MergeOutcome {
  readonly file: string;
  readonly outcome: 'added' | 'present' | 'refused';
  /** Where it is (or would be) in the archive. */
  readonly target: string | null;
  readonly reason: string;
}

/** Every `*.json` file below `dir` (artifact downloads nest shard folders), sorted; hidden files skipped. */
function jsonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...jsonFiles(path));
    else if (entry.isFile() && entry.name.endsWith('.json')) out.push(path);
  }
  return out.sort();
}

/**
 * Merge counterexample files found under each DIR into the archive: each file must parse, match the schema,
 * be named by its content (`<claim>/<hash of subject>.json`) and have a certificate that replays with today's
 * core; then it is copied byte for byte (atomic, never overwriting). Content-hash names make shards
 * conflict-free: the same subject from two shards is one file. A file that fails any check is refused with the
 * reason and nothing of it is written.
 */
export function mergeFiles(
  registry: ClaimRegistry,
  dirs: readonly string[],
  archive: string,
): MergeOutcome[] {
  const outcomes: MergeOutcome[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory())
      throw new UserError(`merge: ${dir} is not a folder (expected a folder of counterexample files)`);
    for (const path of jsonFiles(dir)) {
      const file = displayPath(path);
      const loaded = loadCounterexampleFile(path);
      if (!loaded.ok) {
        outcomes.push({ file, outcome: 'refused', target: null, reason: loaded.reason });
        continue;
      }
      const value = loaded.value;
      const hash = subjectHash(value.subject);
      const target = counterexamplePath(archive, value);
      const shown = displayPath(target);
      if (basename(path) !== `${hash}.json` || basename(dirname(path)) !== value.claim) {
        outcomes.push({
          file,
          outcome: 'refused',
          target: shown,
          reason: `misnamed: its claim and subject hash say ${value.claim}/${hash}.json`,
        });
        continue;
      }
      const replay = replayLoaded(loaded, (id) => registry.get(id));
      if (!replay.ok) {
        outcomes.push({
          file,
          outcome: 'refused',
          target: shown,
          reason: `certificate: ${replay.problems.join('; ')}`,
        });
        continue;
      }
      const text = readFileSync(path, 'utf8');
      if (existsSync(target)) {
        // Same name, same subject (the name is its hash): the archive keeps its file, never rewritten.
        const same = readFileSync(target, 'utf8') === text;
        outcomes.push({
          file,
          outcome: 'present',
          target: shown,
          reason: same
            ? 'already archived (identical)'
            : 'same subject already archived (found by another run; the archived file is kept)',
        });
        continue;
      }
      const created = writeFileAtomicNoClobber(target, text);
      outcomes.push({
        file,
        outcome: created ? 'added' : 'present',
        target: shown,
        reason: created ? 'schema, name and certificate verified' : 'written meanwhile by another merge',
      });
    }
  }
  return outcomes;
}

/** `landscape merge DIR…`: exit 0 when nothing was refused, 1 otherwise. */
export function mergeCommand(
  registry: ClaimRegistry,
  dirs: readonly string[],
  archive: string,
  json: boolean,
  io: Io,
): number {
  const outcomes = mergeFiles(registry, dirs, archive);
  const count = (o: MergeOutcome['outcome']) => outcomes.filter((x) => x.outcome === o).length;
  if (json) {
    io.out(JSON.stringify({ archive: displayPath(archive), results: outcomes }, null, 2));
  } else {
    if (outcomes.length > 0)
      io.out(
        formatTable(
          ['file', 'outcome', 'reason'],
          outcomes.map((o) => [o.file, o.outcome, o.reason]),
        ),
      );
    io.out(
      `${count('added')} added, ${count('present')} already present, ${count('refused')} refused (archive ${displayPath(archive)})`,
    );
  }
  return count('refused') === 0 ? 0 : 1;
}
