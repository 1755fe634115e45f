import { seedsSuite } from './suite.js';

// Shard 1 of the quality suite (see suite.ts); vitest runs the shard files in parallel.
seedsSuite(0);
