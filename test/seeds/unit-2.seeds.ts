import { unitSeedsSuite } from './unitSeeds.js';

// Shard 2 of the unit tests of src/ over many seeds (see unitSeeds.ts); vitest runs the shard files in parallel.
unitSeedsSuite(1);
