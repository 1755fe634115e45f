import { describeClaim } from '../test/claimSuite.js';
import { ck22AffineSegment } from './ck22-affine-segment.js';

describeClaim(ck22AffineSegment);
