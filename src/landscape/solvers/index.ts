/** Convex solvers for the landscape analyses (region LPs, basin QPs). */
export {
  highsLoaded,
  loadHighs,
  type Program,
  type ProgramSolution,
  programText,
  solveProgram,
} from './highs.js';
export { type StrictlyConvexProgram, solveStrictlyConvexProgram } from './quadprog.js';
