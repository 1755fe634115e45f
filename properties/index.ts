/**
 * The claim registry: every claim of properties/, one file each (`properties/<id>.ts`), sorted by id.
 * properties/index.test.ts checks that every claim file is listed here and that each id matches its file name.
 */
import type { AnyClaim } from '../src/claims/index.js';
import { ahw96SingleNeuron } from './ahw96-single-neuron.js';
import { bh89LinearNoBadMin } from './bh89-linear-no-bad-min.js';
import { cho15BandThresholds } from './cho15-band-thresholds.js';
import { cho15MinimaConcentrate } from './cho15-minima-concentrate.js';
import { cho15NetworkMinimaConcentrate } from './cho15-network-minima-concentrate.js';
import { ck22AffineSegment } from './ck22-affine-segment.js';
import { deadReluPlateau } from './dead-relu-plateau.js';
import { dl18Quadratic } from './dl18-quadratic.js';
import { embeddingPreservesCriticality } from './embedding-preserves-criticality.js';
import { jacobianCertificateClaim } from './jacobian-certificate.js';
import { kaw16DeepLinear } from './kaw16-deep-linear.js';
import { km1dRegions } from './km-1d-regions.js';
import { kmBlockPartitionFullrank } from './km-block-partition-fullrank.js';
import { kmD0OneRank } from './km-d0-one-rank.js';
import { kmIndependentInputsRank } from './km-independent-inputs-rank.js';
import { kmMostRegionsFullrank } from './km-most-regions-fullrank.js';
import { kmPhaseTransition } from './km-phase-transition.js';
import { kmRegionFullrankImpliesGlobal } from './km-region-fullrank-implies-global.js';
import { kmRegionGramIdentity } from './km-region-gram-identity.js';
import { ldsNoSuboptimalBasin } from './lds-no-suboptimal-basin.js';
import { ldsWidthTransition } from './lds-width-transition.js';
import { lslsr18OneNeuron } from './lslsr18-one-neuron.js';
import { narrowNoStrictBadMin } from './narrow-no-strict-bad-min.js';
import { regionLinearity } from './region-linearity.js';
import { sc16NoBadDlm } from './sc16-no-bad-dlm.js';
import { singleReluNoSpuriousMin } from './single-relu-no-spurious-min.js';
import { sjl19Quadratic } from './sjl19-quadratic.js';
import { ss16InitialBasinQuality } from './ss16-initial-basin-quality.js';
import { ss16MonotonePath } from './ss16-monotone-path.js';
import { ss18SpuriousMinimaCommon } from './ss18-spurious-minima-common.js';
import { ss18SpuriousRate } from './ss18-spurious-rate.js';
import { wideReluNoBadLocalMin } from './wide-relu-no-bad-local-min.js';
import { ysj19SmallNonlinearity } from './ysj19-small-nonlinearity.js';

export const allClaims: readonly AnyClaim[] = [
  ahw96SingleNeuron,
  bh89LinearNoBadMin,
  cho15BandThresholds,
  cho15MinimaConcentrate,
  cho15NetworkMinimaConcentrate,
  ck22AffineSegment,
  deadReluPlateau,
  dl18Quadratic,
  embeddingPreservesCriticality,
  jacobianCertificateClaim,
  kaw16DeepLinear,
  km1dRegions,
  kmBlockPartitionFullrank,
  kmD0OneRank,
  kmIndependentInputsRank,
  kmMostRegionsFullrank,
  kmPhaseTransition,
  kmRegionFullrankImpliesGlobal,
  kmRegionGramIdentity,
  ldsNoSuboptimalBasin,
  ldsWidthTransition,
  lslsr18OneNeuron,
  narrowNoStrictBadMin,
  regionLinearity,
  sc16NoBadDlm,
  singleReluNoSpuriousMin,
  sjl19Quadratic,
  ss16InitialBasinQuality,
  ss16MonotonePath,
  ss18SpuriousMinimaCommon,
  ss18SpuriousRate,
  wideReluNoBadLocalMin,
  ysj19SmallNonlinearity,
];
