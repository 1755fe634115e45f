"""numpy twin of bench/phase_transition.ts: Karhadkar et al.'s phase-transition experiment (catalog §3), a
stated subgrid of the default grid (or the whole grid with BENCH_FULL_GRID=1; see case()), done the way the authors' script does it: build the
n × d1(d0+1) Jacobian of each trial and call matrix_rank on it (float64, numpy's default tolerance).

The random numbers come from the shared data law (bench/law.ts, Park-Miller), vectorised here by jumping
ahead (s_k = s_0·a^k mod M in int64), so both sides see bit-identical W, b and X (v goes through log/cos, so
it can differ in the last bit) and must report the same number of full-rank trials.

Usage (through bench/numpy_cases.py, which bench/run.js serves): python3 bench/numpy_cases.py --serve phase-transition
Standalone, a smaller run: python3 bench/phase_transition.py [trials]
"""
import ctypes
import math
import os
import sys
import time

import numpy as np

MODULUS = 2147483647
MULTIPLIER = 48271
BLOCK = 1 << 16

# The protocol's grids (src/landscape/regions/phaseTransition.ts).
FIXED = [(f"d0={d0}", (lambda n, d0=d0: d0), list(range(10, 101, 10)), list(range(30, 301, 30))) for d0 in (1, 2, 3, 5)]
PROPORTIONAL = [
    (f"r={r}", (lambda n, r=r: math.ceil(r * n)), list(range(10, 191, 20)), list(range(1, 16)))
    for r in (0.25, 0.5, 1, 2)
]
TRIALS = 100
SEED = 20230530


class LawStream:
    """The Park-Miller stream of bench/law.ts (values uniform in (-1, 1)), generated a block at a time."""

    powers = None

    def __init__(self, seed):
        state = seed % MODULUS
        if state <= 0:
            state += MODULUS - 1
        self.state = state
        self.buf = np.empty(0)
        self.pos = 0
        if LawStream.powers is None:
            p = np.empty(BLOCK, dtype=np.int64)
            a = 1
            for k in range(BLOCK):
                a = (a * MULTIPLIER) % MODULUS
                p[k] = a
            LawStream.powers = p

    def _refill(self):
        states = (np.int64(self.state) * LawStream.powers) % MODULUS
        self.state = int(states[-1])
        self.buf = (2 * states) / MODULUS - 1
        self.pos = 0

    def take(self, count):
        out = np.empty(count)
        filled = 0
        while filled < count:
            if self.pos == len(self.buf):
                self._refill()
            k = min(count - filled, len(self.buf) - self.pos)
            out[filled : filled + k] = self.buf[self.pos : self.pos + k]
            self.pos += k
            filled += k
        return out

    def uniform(self, count):
        """Uniform on (0, 1): (l + 1) / 2, as bench/phase_transition.ts maps the law."""
        return (self.take(count) + 1) / 2


def normals(law, count):
    """Box-Muller on consecutive pairs, as src/landscape/regions/protocol.ts."""
    pairs = (count + 1) // 2
    u = law.uniform(2 * pairs).reshape(pairs, 2)
    radius = np.sqrt(-2 * np.log(1 - u[:, 0]))
    angle = 2 * np.pi * u[:, 1]
    out = np.empty(2 * pairs)
    out[0::2] = radius * np.cos(angle)
    out[1::2] = radius * np.sin(angle)
    return out[:count]


def trial_full_rank(law, n, d0, d1):
    bound = 1 / np.sqrt(d0)
    W = (-bound + 2 * bound * law.uniform(d1 * d0)).reshape(d1, d0)  # nn.Linear(d0, d1).weight
    b = -bound + 2 * bound * law.uniform(d1)  # nn.Linear(d0, d1).bias
    v = normals(law, d1)  # output weights ~ N(0, 1), frozen
    X = law.uniform(n * d0).reshape(n, d0)  # torch.rand(n, d0)
    Z = X @ W.T + b
    S = (Z > 0) * v  # ∂f/∂z
    Xt = np.hstack([X, np.ones((n, 1))])
    J = (S[:, :, None] * Xt[:, None, :]).reshape(n, d1 * (d0 + 1))  # ∂f(x_i)/∂(W, b)
    return np.linalg.matrix_rank(J) == n


def run_grid(panels, trials, seed, counts):
    law = LawStream(seed)
    for key, d0_of, ns, d1s in panels:
        for n in ns:
            d0 = d0_of(n)
            for d1 in d1s:
                full = 0
                for _ in range(trials):
                    full += bool(trial_full_rank(law, n, d0, d1))
                counts[key] = counts.get(key, 0) + full
    return counts


def pin_blas_threads():
    """Run OpenBLAS on BENCH_NUMPY_THREADS threads (default 1, the one core ours uses). On this shared 2-core
    machine OpenBLAS's default threading made matrix_rank up to 40x slower under load, which would flatter us.
    Returns the thread count in effect, or None if the library could not be found."""
    wanted = int(os.environ.get("BENCH_NUMPY_THREADS", "1"))
    try:
        maps = open("/proc/self/maps").read().split()
    except OSError:
        return None
    for path in sorted({m for m in maps if "openblas" in m and (m.endswith(".so") or ".so." in m)}):
        lib = ctypes.CDLL(path)
        for setter, getter in (
            ("scipy_openblas_set_num_threads64_", "scipy_openblas_get_num_threads64_"),
            ("openblas_set_num_threads64_", "openblas_get_num_threads64_"),
            ("openblas_set_num_threads", "openblas_get_num_threads"),
        ):
            if hasattr(lib, setter) and hasattr(lib, getter):
                getattr(lib, setter)(ctypes.c_int(wanted))
                return int(getattr(lib, getter)())
    return None


# The stated subgrid (bench/phase_transition.ts, SUBGRID_STEP and SUBGRID_TRIALS): every panel with its n and
# d1 lists thinned to every 3rd value from the first, 20 trials per cell. BENCH_FULL_GRID=1: the whole grid.
SUBGRID_STEP = 3
SUBGRID_TRIALS = 20


def thin(panels):
    return [(key, d0_of, ns[::SUBGRID_STEP], d1s[::SUBGRID_STEP]) for key, d0_of, ns, d1s in panels]


def case():
    threads = pin_blas_threads()
    if os.environ.get("BENCH_FULL_GRID") == "1":
        fixed, proportional, trials = FIXED, PROPORTIONAL, TRIALS
    else:
        fixed, proportional, trials = thin(FIXED), thin(PROPORTIONAL), SUBGRID_TRIALS

    def run():
        counts = {}
        run_grid(fixed, trials, SEED, counts)
        run_grid(proportional, trials, SEED + 1, counts)
        out = {f"full[{k}]": float(v) for k, v in counts.items()}
        out["fullTotal"] = float(sum(counts.values()))
        out["numpyThreads"] = float(threads) if threads is not None else -1.0
        return out

    return run


if __name__ == "__main__":
    trials = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    print("OpenBLAS threads:", pin_blas_threads())
    for name, panels, seed in (("fixed", FIXED, SEED), ("proportional", PROPORTIONAL, SEED + 1)):
        t0 = time.perf_counter()
        counts = run_grid(panels, trials, seed, {})
        print(name, f"{time.perf_counter() - t0:.2f} s", counts)
