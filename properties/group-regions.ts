/** Claims II (issue 5): activation regions and Jacobian rank — Karhadkar et al. 2023, Soudry–Carmon 2016. */
import type { AnyClaim } from '../src/claims/index.js';
import { km1dRegions } from './km-1d-regions.js';
import { kmBlockPartitionFullrank } from './km-block-partition-fullrank.js';
import { kmD0OneRank } from './km-d0-one-rank.js';
import { kmIndependentInputsRank } from './km-independent-inputs-rank.js';
import { kmMostRegionsFullrank } from './km-most-regions-fullrank.js';
import { kmPhaseTransition } from './km-phase-transition.js';
import { kmRegionFullrankImpliesGlobal } from './km-region-fullrank-implies-global.js';
import { kmRegionGramIdentity } from './km-region-gram-identity.js';
import { sc16NoBadDlm } from './sc16-no-bad-dlm.js';

export const regionClaims: readonly AnyClaim[] = [
  kmRegionFullrankImpliesGlobal,
  kmRegionGramIdentity,
  kmD0OneRank,
  kmIndependentInputsRank,
  kmBlockPartitionFullrank,
  sc16NoBadDlm,
  kmMostRegionsFullrank,
  km1dRegions,
  kmPhaseTransition,
];
