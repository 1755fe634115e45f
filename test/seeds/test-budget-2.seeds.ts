import { testBudgetSuite } from './testBudget.js';

// Shard 2 of what npm test asserts, over many seeds (see testBudget.ts); vitest runs the shard files in parallel.
testBudgetSuite(1);
