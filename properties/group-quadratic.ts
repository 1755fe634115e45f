/** Claims III (issue 6), positive results and spin glasses: quadratic activations, adding one neuron, Choromanska et al.. */
import type { AnyClaim } from '../src/claims/index.js';
import { cho15BandThresholds } from './cho15-band-thresholds.js';
import { cho15MinimaConcentrate } from './cho15-minima-concentrate.js';
import { cho15NetworkMinimaConcentrate } from './cho15-network-minima-concentrate.js';
import { dl18Quadratic } from './dl18-quadratic.js';
import { lslsr18OneNeuron } from './lslsr18-one-neuron.js';
import { sjl19Quadratic } from './sjl19-quadratic.js';

export const quadraticClaims: readonly AnyClaim[] = [
  sjl19Quadratic,
  dl18Quadratic,
  lslsr18OneNeuron,
  cho15BandThresholds,
  cho15MinimaConcentrate,
  cho15NetworkMinimaConcentrate,
];
