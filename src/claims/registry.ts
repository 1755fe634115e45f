import { UserError } from '../errors.js';
import type { AnyClaim } from './claim.js';

/** Levenshtein distance (for "did you mean" suggestions). */
function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** The claims by id, with lookups that explain themselves. */
export class ClaimRegistry {
  readonly claims: readonly AnyClaim[];
  private readonly byId: Map<string, AnyClaim>;

  constructor(claims: readonly AnyClaim[]) {
    this.byId = new Map();
    for (const claim of claims) {
      if (this.byId.has(claim.id)) throw new Error(`two claims share the id '${claim.id}'`);
      this.byId.set(claim.id, claim);
    }
    this.claims = [...claims].sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  get(id: string): AnyClaim | undefined {
    return this.byId.get(id);
  }

  /** The ids closest to `id` (edit distance, then shared prefix), at most `count`. */
  closest(id: string, count = 3): string[] {
    return this.claims
      .map((claim) => ({ id: claim.id, d: claim.id.includes(id) ? 0 : editDistance(id, claim.id) }))
      .sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : 1))
      .slice(0, count)
      .map((entry) => entry.id);
  }

  /** Resolve ids (all claims when none are given); an unknown id is a UserError naming the closest ids. */
  select(ids: readonly string[]): AnyClaim[] {
    if (ids.length === 0) return [...this.claims];
    return ids.map((id) => {
      const claim = this.byId.get(id);
      if (claim === undefined) {
        throw new UserError(
          `unknown claim '${id}'; closest: ${this.closest(id).join(', ')} (see 'landscape list')`,
        );
      }
      return claim;
    });
  }
}
