/** Typings for the part of `jstat` 1.9.6 that landscape-check uses (distribution functions only). */
declare module 'jstat' {
  interface Distribution2 {
    cdf(x: number, a: number, b: number): number;
    inv(p: number, a: number, b: number): number;
  }
  interface Distribution1 {
    cdf(x: number, a: number): number;
    inv(p: number, a: number): number;
  }
  const jStat: {
    readonly normal: Distribution2;
    readonly studentt: Distribution1;
    readonly chisquare: Distribution1;
    readonly centralF: Distribution2;
  };
  export default jStat;
}
