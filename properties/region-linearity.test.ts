import { describeClaim } from '../test/claimSuite.js';
import { regionLinearity } from './region-linearity.js';

describeClaim(regionLinearity);
