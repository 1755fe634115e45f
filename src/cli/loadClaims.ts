import { existsSync } from 'node:fs';
import { dirname, extname, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AnyClaim } from '../claims/index.js';
import { UserError } from '../errors.js';

/**
 * A user's own claims (`landscape check --claims ./my-claims.ts`, or a `landscape.config.js` in the working
 * folder): the claims, and the folder that plays the project's part (its `counterexamples/` and `report/`).
 */
export interface UserClaims {
  readonly claims: readonly AnyClaim[];
  /** The module the claims came from, as the user named it (messages). */
  readonly file: string;
  /** The user's project folder: archive, report and cache default there, not inside node_modules. */
  readonly root: string;
}

/** Config files the CLI looks for in the working folder when `--claims` is not given (first found wins). */
export const CONFIG_FILES = ['landscape.config.js', 'landscape.config.mjs'] as const;

/** TypeScript modules: Node 20 cannot import them, tsx (an optional peer dependency) can. */
const TYPESCRIPT = new Set(['.ts', '.mts', '.cts']);

/** The value of `--claims FILE` or `--claims=FILE` in argv (before commander parses it: it picks the registry). */
export function claimsArgument(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--claims') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('-'))
        throw new UserError('--claims expects a file, e.g. --claims ./my-claims.js');
      found = value;
      i++;
    } else if (arg.startsWith('--claims=')) {
      found = arg.slice('--claims='.length);
    }
  }
  return found;
}

function looksLikeClaim(value: unknown): value is AnyClaim {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'string' && typeof v.check === 'function';
}

/** What a claim needs beyond id and check; a missing one is named in the message. */
function missingField(claim: AnyClaim): string | null {
  const v = claim as unknown as Record<string, unknown>;
  for (const name of ['title', 'statement', 'kind', 'expect'] as const) {
    if (typeof v[name] !== 'string') return `${name} (a string)`;
  }
  if (typeof v.certify !== 'function') return 'certify (a function)';
  const arb = v.hypotheses as { generate?: unknown } | undefined;
  if (typeof arb?.generate !== 'function') return 'hypotheses (a fast-check arbitrary)';
  const budget = v.budget as { test?: unknown; check?: unknown } | undefined;
  if (typeof budget?.test !== 'number' || typeof budget.check !== 'number') return 'budget ({ test, check })';
  const source = v.source as { authors?: unknown; where?: unknown } | undefined;
  if (typeof source?.authors !== 'string' || typeof source.where !== 'string') return 'source (a citation)';
  return null;
}

/**
 * The claims a module exports: `export default [claim, …]` (or one claim), `export const claims = […]`, and every
 * named export made with defineClaim. Anything else it exports (genomes, helpers) is ignored.
 */
export function claimsOfModule(module: Record<string, unknown>, file: string): AnyClaim[] {
  const listed: [string, unknown][] = [];
  for (const key of ['default', 'claims']) {
    const value = module[key];
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) listed.push([`${key}[${i}]`, item]);
    } else if (value !== undefined && key === 'default') {
      listed.push([key, value]);
    }
  }
  for (const [key, value] of Object.entries(module)) {
    if (key !== 'default' && key !== 'claims' && looksLikeClaim(value)) listed.push([key, value]);
  }
  const claims: AnyClaim[] = [];
  const ids = new Map<string, AnyClaim>();
  for (const [name, value] of listed) {
    if (!looksLikeClaim(value)) {
      throw new UserError(
        `--claims ${file}: export ${name} is not a claim (expected an object made with defineClaim)`,
      );
    }
    if (claims.includes(value)) continue;
    const missing = missingField(value);
    if (missing !== null) throw new UserError(`--claims ${file}: claim '${value.id}' has no ${missing}`);
    if (ids.has(value.id)) throw new UserError(`--claims ${file}: two claims share the id '${value.id}'`);
    ids.set(value.id, value);
    claims.push(value);
  }
  if (claims.length === 0) {
    throw new UserError(
      `--claims ${file} exports no claims; expected export default [claim, …] or named exports made with defineClaim`,
    );
  }
  return claims;
}

/** Import a module the user named; a TypeScript one through tsx's loader, registered once for this process. */
async function importUserModule(path: string, file: string): Promise<Record<string, unknown>> {
  if (TYPESCRIPT.has(extname(path))) {
    let api: typeof import('tsx/esm/api');
    try {
      api = await import('tsx/esm/api');
    } catch {
      throw new UserError(
        `--claims ${file} is TypeScript: install tsx beside landscape-check (npm install --save-dev tsx) or pass compiled .js`,
      );
    }
    // Registered for the whole process (not tsImport's private namespace), so the user's module shares this
    // process's landscape-check and fast-check instead of loading second copies of them.
    api.register();
  }
  try {
    return (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UserError(`--claims ${file} could not be loaded: ${message.split('\n')[0]}`);
  }
}

/** Load the claims of the module at `file` (relative to `cwd`). */
export async function loadClaimsFile(file: string, cwd: string): Promise<UserClaims> {
  const path = resolve(cwd, file);
  if (!existsSync(path)) throw new UserError(`--claims ${file}: no such file (looked at ${path})`);
  const module = await importUserModule(path, file);
  // Each claim remembers its module, so the replay command of a failure says `--claims FILE`.
  const claims = claimsOfModule(module, file).map((claim) => ({ ...claim, loadedFrom: file }));
  return { claims, file, root: cwd };
}

/**
 * The user's claims for this command line: `--claims FILE`, else the `claims` entry of a config file in `cwd`
 * (`export default { claims: './my-claims.js' }`), else null (the built-in claims).
 */
export async function userClaims(argv: readonly string[], cwd: string): Promise<UserClaims | null> {
  const file = claimsArgument(argv);
  if (file !== undefined) return loadClaimsFile(file, cwd);
  const config = CONFIG_FILES.map((name) => resolve(cwd, name)).find((path) => existsSync(path));
  if (config === undefined) return null;
  const name = relative(cwd, config);
  const module = await importUserModule(config, name);
  const claims = (module.default as { claims?: unknown } | undefined)?.claims;
  if (typeof claims !== 'string') {
    throw new UserError(
      `${name}: expected export default { claims: './my-claims.js' } (a path to a claims module)`,
    );
  }
  return loadClaimsFile(relative(cwd, resolve(dirname(config), claims)), cwd);
}
