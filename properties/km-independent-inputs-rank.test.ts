import { describeClaim } from '../test/claimSuite.js';
import { kmIndependentInputsRank } from './km-independent-inputs-rank.js';

describeClaim(kmIndependentInputsRank);
