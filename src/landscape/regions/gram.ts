/**
 * G = A·Aᵀ for a row-major A (rows×cols): G_ik = ⟨a_i, a_k⟩. The kernel the certified full-rank test spends its
 * time in, so it is register-blocked: 4×4 tiles of G, each a pass over 8 rows of A with 16 accumulators
 * (8 loads for 32 flops), the lower triangle computed and mirrored. The result is exactly symmetric and each
 * entry is an ordinary left-to-right dot product (error ≤ γ_cols·⟨|a_i|, |a_k|⟩).
 */
export function rowGram(a: Float64Array, rows: number, cols: number, out?: Float64Array): Float64Array {
  if (a.length < rows * cols) throw new Error(`rowGram: ${a.length} entries for ${rows}×${cols}`);
  const g = out ?? new Float64Array(rows * rows);
  const blocked = rows - (rows % 4);
  for (let i = 0; i < blocked; i += 4) {
    const a0 = i * cols;
    const a1 = a0 + cols;
    const a2 = a1 + cols;
    const a3 = a2 + cols;
    for (let k = 0; k <= i; k += 4) {
      const b0 = k * cols;
      const b1 = b0 + cols;
      const b2 = b1 + cols;
      const b3 = b2 + cols;
      let s00 = 0;
      let s01 = 0;
      let s02 = 0;
      let s03 = 0;
      let s10 = 0;
      let s11 = 0;
      let s12 = 0;
      let s13 = 0;
      let s20 = 0;
      let s21 = 0;
      let s22 = 0;
      let s23 = 0;
      let s30 = 0;
      let s31 = 0;
      let s32 = 0;
      let s33 = 0;
      for (let c = 0; c < cols; c++) {
        const x0 = a[a0 + c]!;
        const x1 = a[a1 + c]!;
        const x2 = a[a2 + c]!;
        const x3 = a[a3 + c]!;
        const y0 = a[b0 + c]!;
        const y1 = a[b1 + c]!;
        const y2 = a[b2 + c]!;
        const y3 = a[b3 + c]!;
        s00 += x0 * y0;
        s01 += x0 * y1;
        s02 += x0 * y2;
        s03 += x0 * y3;
        s10 += x1 * y0;
        s11 += x1 * y1;
        s12 += x1 * y2;
        s13 += x1 * y3;
        s20 += x2 * y0;
        s21 += x2 * y1;
        s22 += x2 * y2;
        s23 += x2 * y3;
        s30 += x3 * y0;
        s31 += x3 * y1;
        s32 += x3 * y2;
        s33 += x3 * y3;
      }
      const r0 = i * rows;
      const r1 = r0 + rows;
      const r2 = r1 + rows;
      const r3 = r2 + rows;
      g[r0 + k] = s00;
      g[r0 + k + 1] = s01;
      g[r0 + k + 2] = s02;
      g[r0 + k + 3] = s03;
      g[r1 + k] = s10;
      g[r1 + k + 1] = s11;
      g[r1 + k + 2] = s12;
      g[r1 + k + 3] = s13;
      g[r2 + k] = s20;
      g[r2 + k + 1] = s21;
      g[r2 + k + 2] = s22;
      g[r2 + k + 3] = s23;
      g[r3 + k] = s30;
      g[r3 + k + 1] = s31;
      g[r3 + k + 2] = s32;
      g[r3 + k + 3] = s33;
    }
  }
  // Remaining rows (fewer than 4) against every earlier row and themselves.
  for (let i = blocked; i < rows; i++) {
    const ai = i * cols;
    for (let k = 0; k <= i; k++) {
      const bk = k * cols;
      let s = 0;
      for (let c = 0; c < cols; c++) s += a[ai + c]! * a[bk + c]!;
      g[i * rows + k] = s;
    }
  }
  // Mirror the lower triangle (a diagonal tile computed both halves; the lower one wins, so G is symmetric).
  for (let i = 0; i < rows; i++) for (let k = 0; k < i; k++) g[k * rows + i] = g[i * rows + k]!;
  return g;
}
