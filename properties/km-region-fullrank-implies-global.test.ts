import { describeClaim } from '../test/claimSuite.js';
import { kmRegionFullrankImpliesGlobal } from './km-region-fullrank-implies-global.js';

describeClaim(kmRegionFullrankImpliesGlobal);
