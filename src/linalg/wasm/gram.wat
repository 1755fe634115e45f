;; The lower triangle of G = A·Aᵀ for a row-major A, in WebAssembly with 128-bit SIMD: the kernel of the
;; certified full-rank test (src/linalg/rankDecision.ts). Compiled by scripts/build-wasm.js into gramBytes.ts.
;;
;; gram(a, rows, stride, g): `a` and `g` are byte addresses (16-byte aligned) in this module's memory; A has
;; `rows` rows (a multiple of 4) of `stride` entries (even; zero padding past the real columns changes no sum).
;; For every i ≥ j (and a few entries just above the diagonal, in the diagonal tiles), G[i][j] = ⟨a_i, a_j⟩ is
;; written to g[i·rows + j]: each an ordinary dot product summed in two lanes (even and odd columns) that are added
;; at the end, so its rounding error is at most γ_stride·⟨|a_i|, |a_j|⟩ like any summation order.
;; Tiles of 4 rows i…i+3 against 2 rows j, j+1: 6 loads and 8 multiply-adds of two lanes per pair of columns.
(module
  (memory (export "memory") 1)

  ;; One tile: rows at $pa, $pa+$sb, … (4) against rows at $pb, $pb+$sb (2), $bytes bytes each; results to $g
  ;; (row stride $gs bytes).
  (func $tile (param $pa i32) (param $pb i32) (param $sb i32) (param $bytes i32) (param $g i32) (param $gs i32)
    (local $o i32) (local $x0 v128) (local $x1 v128) (local $x2 v128) (local $x3 v128) (local $y0 v128) (local $y1 v128)
    (local $a1 i32) (local $a2 i32) (local $a3 i32) (local $b1 i32)
    (local $s00 v128) (local $s01 v128) (local $s10 v128) (local $s11 v128) (local $s20 v128) (local $s21 v128) (local $s30 v128) (local $s31 v128)
    (local.set $a1 (i32.add (local.get $pa) (local.get $sb)))
    (local.set $a2 (i32.add (local.get $a1) (local.get $sb)))
    (local.set $a3 (i32.add (local.get $a2) (local.get $sb)))
    (local.set $b1 (i32.add (local.get $pb) (local.get $sb)))
    (local.set $o (i32.const 0))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $o) (local.get $bytes)))
      (local.set $x0 (v128.load (i32.add (local.get $pa) (local.get $o))))
      (local.set $x1 (v128.load (i32.add (local.get $a1) (local.get $o))))
      (local.set $x2 (v128.load (i32.add (local.get $a2) (local.get $o))))
      (local.set $x3 (v128.load (i32.add (local.get $a3) (local.get $o))))
      (local.set $y0 (v128.load (i32.add (local.get $pb) (local.get $o))))
      (local.set $y1 (v128.load (i32.add (local.get $b1) (local.get $o))))
      (local.set $s00 (f64x2.add (local.get $s00) (f64x2.mul (local.get $x0) (local.get $y0))))
      (local.set $s01 (f64x2.add (local.get $s01) (f64x2.mul (local.get $x0) (local.get $y1))))
      (local.set $s10 (f64x2.add (local.get $s10) (f64x2.mul (local.get $x1) (local.get $y0))))
      (local.set $s11 (f64x2.add (local.get $s11) (f64x2.mul (local.get $x1) (local.get $y1))))
      (local.set $s20 (f64x2.add (local.get $s20) (f64x2.mul (local.get $x2) (local.get $y0))))
      (local.set $s21 (f64x2.add (local.get $s21) (f64x2.mul (local.get $x2) (local.get $y1))))
      (local.set $s30 (f64x2.add (local.get $s30) (f64x2.mul (local.get $x3) (local.get $y0))))
      (local.set $s31 (f64x2.add (local.get $s31) (f64x2.mul (local.get $x3) (local.get $y1))))
      (local.set $o (i32.add (local.get $o) (i32.const 16)))
      (br $next)))
    (f64.store (i32.add (local.get $g) (i32.add (i32.mul (i32.const 0) (local.get $gs)) (i32.const 0)))
      (f64.add (f64x2.extract_lane 0 (local.get $s00)) (f64x2.extract_lane 1 (local.get $s00))))
    (f64.store (i32.add (local.get $g) (i32.add (i32.mul (i32.const 0) (local.get $gs)) (i32.const 8)))
      (f64.add (f64x2.extract_lane 0 (local.get $s01)) (f64x2.extract_lane 1 (local.get $s01))))
    (f64.store (i32.add (local.get $g) (i32.add (i32.mul (i32.const 1) (local.get $gs)) (i32.const 0)))
      (f64.add (f64x2.extract_lane 0 (local.get $s10)) (f64x2.extract_lane 1 (local.get $s10))))
    (f64.store (i32.add (local.get $g) (i32.add (i32.mul (i32.const 1) (local.get $gs)) (i32.const 8)))
      (f64.add (f64x2.extract_lane 0 (local.get $s11)) (f64x2.extract_lane 1 (local.get $s11))))
    (f64.store (i32.add (local.get $g) (i32.add (i32.mul (i32.const 2) (local.get $gs)) (i32.const 0)))
      (f64.add (f64x2.extract_lane 0 (local.get $s20)) (f64x2.extract_lane 1 (local.get $s20))))
    (f64.store (i32.add (local.get $g) (i32.add (i32.mul (i32.const 2) (local.get $gs)) (i32.const 8)))
      (f64.add (f64x2.extract_lane 0 (local.get $s21)) (f64x2.extract_lane 1 (local.get $s21))))
    (f64.store (i32.add (local.get $g) (i32.add (i32.mul (i32.const 3) (local.get $gs)) (i32.const 0)))
      (f64.add (f64x2.extract_lane 0 (local.get $s30)) (f64x2.extract_lane 1 (local.get $s30))))
    (f64.store (i32.add (local.get $g) (i32.add (i32.mul (i32.const 3) (local.get $gs)) (i32.const 8)))
      (f64.add (f64x2.extract_lane 0 (local.get $s31)) (f64x2.extract_lane 1 (local.get $s31)))))

  (func (export "gram") (param $a i32) (param $rows i32) (param $stride i32) (param $g i32)
    (local $sb i32) (local $gs i32) (local $i i32) (local $j i32)
    (local.set $sb (i32.shl (local.get $stride) (i32.const 3)))
    (local.set $gs (i32.shl (local.get $rows) (i32.const 3)))
    (local.set $i (i32.const 0))
    (block $di (loop $li
      (br_if $di (i32.ge_u (local.get $i) (local.get $rows)))
      (local.set $j (i32.const 0))
      (block $dj (loop $lj
        (br_if $dj (i32.ge_u (local.get $j) (i32.add (local.get $i) (i32.const 4))))
        (call $tile
          (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $sb)))
          (i32.add (local.get $a) (i32.mul (local.get $j) (local.get $sb)))
          (local.get $sb) (local.get $sb)
          (i32.add (local.get $g) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $rows)) (local.get $j)) (i32.const 3)))
          (local.get $gs))
        (local.set $j (i32.add (local.get $j) (i32.const 2)))
        (br $lj)))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br $li))))
)
