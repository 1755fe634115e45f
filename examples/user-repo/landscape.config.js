// `npx landscape list` (or check, replay, report) with no --claims reads the claims named here.
export default { claims: './claims/index.ts' };
