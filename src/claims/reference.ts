import type { ClaimSource } from './claim.js';

/** A paper, cited once: who, when, what, where published. `ClaimSource` adds the locator inside it. */
export interface PaperReference {
  readonly authors: string;
  readonly year: number;
  readonly title: string;
  /** arXiv identifier, e.g. '1812.11039'. */
  readonly arxiv?: string;
  /** Journal or conference, e.g. 'SIAM J. Optim. 32 (2022)'. */
  readonly venue?: string;
}

/** A cited paper; `at(locator)` is the `source` of a claim that relies on one of its results. */
export interface Paper extends PaperReference {
  /**
   * The claim's source: this paper at `where` (a theorem, section or figure, e.g. 'Theorem 5'). Mark
   * unconfirmed numbering with [REC], as the paper was not seen: `at('Theorem 5 [REC numbering]')`.
   */
  at(where: string): ClaimSource;
}

/** Declare a paper once (e.g. in a `sources.ts` table); claims then cite it by key with `paper.at(…)`. */
export function paper(reference: PaperReference): Paper {
  const fields: PaperReference = { ...reference };
  return {
    ...fields,
    at(where: string): ClaimSource {
      if (where.trim() === '') throw new Error(`a citation of '${fields.title}' needs a locator`);
      return { ...fields, where };
    },
  };
}
