/** The claims of this repository: `npx landscape check --claims ./claims/index.ts` checks them. */
export { wideTanhCriticalPointsGlobal } from './wide-tanh-critical-points-global.ts';
