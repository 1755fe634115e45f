/** Claims III (issue 6): spurious minima and spin glasses — Safran–Shamir 2018, Yun–Sra–Jadbabaie, Auer et al., quadratic activations, Choromanska et al.. */
import type { AnyClaim } from '../src/claims/index.js';
import { ahw96SingleNeuron } from './ahw96-single-neuron.js';
import { ck22AffineSegment } from './ck22-affine-segment.js';
import { ss18SpuriousMinimaCommon } from './ss18-spurious-minima-common.js';
import { ss18SpuriousRate } from './ss18-spurious-rate.js';
import { ysj19SmallNonlinearity } from './ysj19-small-nonlinearity.js';

export const spuriousClaims: readonly AnyClaim[] = [
  ss18SpuriousMinimaCommon,
  ss18SpuriousRate,
  ysj19SmallNonlinearity,
  ahw96SingleNeuron,
  ck22AffineSegment,
];
