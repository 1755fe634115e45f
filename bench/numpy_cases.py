"""numpy twins of bench/cases.ts: same sizes, same data law (bench/law.ts), same timing procedure.

Usage: python3 bench/numpy_cases.py --serve <case> <warmup>
Builds the case, runs the warm-up, prints {"ready": true, "numpyThreads": …}, then answers each stdin line R
with one JSON line {"ms", "check"}: the median of R timed calls (bench/run.js interleaves these batches with
ours). OpenBLAS runs on BENCH_NUMPY_THREADS threads (default 1, the one core ours uses; see
phase_transition.pin_blas_threads). Exit code 3 when numpy is missing.
"""
import json
import sys
import time

try:
    import numpy as np
except ImportError:  # the launcher reports the missing half and carries on
    sys.stderr.write("numpy is not installed\n")
    sys.exit(3)

MODULUS = 2147483647
MULTIPLIER = 48271


def law_stream(seed):
    """Park-Miller minimal standard generator, values uniform in (-1, 1) (bench/law.ts)."""
    state = seed % MODULUS
    if state <= 0:
        state += MODULUS - 1

    def draw(count, scale=1.0):
        nonlocal state
        out = np.empty(count)
        for i in range(count):
            state = (state * MULTIPLIER) % MODULUS
            out[i] = ((2 * state) / MODULUS - 1) * scale
        return out

    return draw


def two_layer(seed, n, d, m):
    """X (n×d), Y (n), then θ = [W1 (m×d row-major), b1 (m), W2 (m), b2] in (-0.5, 0.5)."""
    draw = law_stream(seed)
    X = draw(n * d).reshape(n, d)
    Y = draw(n)
    theta = draw(m * d + 2 * m + 1, 0.5)
    return X, Y, theta


def unpack(theta, d, m):
    W1 = theta[: m * d].reshape(m, d)
    b1 = theta[m * d : m * d + m]
    W2 = theta[m * d + m : m * d + 2 * m]
    b2 = theta[-1]
    return W1, b1, W2, b2


def case_gradient():
    n, d, m = 256, 16, 64
    X, Y, theta = two_layer(1, n, d, m)

    def run():
        W1, b1, W2, b2 = unpack(theta, d, m)
        Z = X @ W1.T + b1
        H = np.maximum(Z, 0.0)
        r = H @ W2 + b2 - Y
        loss = 0.5 * (r @ r)
        dZ = np.outer(r, W2) * (Z > 0)
        g = np.concatenate([(dZ.T @ X).ravel(), dZ.sum(axis=0), H.T @ r, [r.sum()]])
        return {"loss": float(loss), "gradientSum": float(g.sum())}

    return run


def jacobian_parts(X, theta, d, m, act):
    n = X.shape[0]
    W1, b1, W2, b2 = unpack(theta, d, m)
    Z = X @ W1.T + b1
    if act == "relu":
        H = np.maximum(Z, 0.0)
        S1 = (Z > 0).astype(float)
        S2 = None
    else:
        H = np.tanh(Z)
        S1 = 1.0 - H * H
        S2 = -2.0 * H * S1
    p = m * d + 2 * m + 1
    S = S1 * W2  # ∂f/∂z
    J = np.empty((n, p))
    J[:, : m * d] = (S[:, :, None] * X[:, None, :]).reshape(n, m * d)
    J[:, m * d : m * d + m] = S
    J[:, m * d + m : m * d + 2 * m] = H
    J[:, -1] = 1.0
    f = H @ W2 + b2
    return J, f, S1, S2, W2


def case_jacobian_rank():
    n, d, m = 64, 8, 32
    X, Y, theta = two_layer(2, n, d, m)

    def run():
        J, _, _, _, _ = jacobian_parts(X, theta, d, m, "relu")
        s = np.linalg.svd(J, compute_uv=False)  # exactly what np.linalg.matrix_rank does
        tol = s[0] * max(J.shape) * np.finfo(float).eps
        return {"rank": int((s > tol).sum()), "sigmaMax": float(s[0])}

    return run


def case_hessian_eigs():
    n, d, m = 64, 8, 32
    X, Y, theta = two_layer(3, n, d, m)
    # Index of W̃1[a, j] (j = d is the bias b1[a]) and of W2[a] in θ.
    idx = np.empty((m, d + 1), dtype=int)
    idx[:, :d] = np.arange(m * d).reshape(m, d)
    idx[:, d] = m * d + np.arange(m)
    w2 = m * d + m + np.arange(m)
    Xt = np.hstack([X, np.ones((n, 1))])

    def run():
        J, f, S1, S2, W2 = jacobian_parts(X, theta, d, m, "tanh")
        r = f - Y
        # ∇²L = JᵀJ + Σ_i r_i ∇²f_i; ∇²f_i: W̃1[a]–W̃1[a] block W2[a]·σ''(z_ia)·x̃ x̃ᵀ, W̃1[a]–W2[a] σ'(z_ia)·x̃.
        Hm = J.T @ J
        K = np.einsum("ia,ij,ik->ajk", r[:, None] * W2[None, :] * S2, Xt, Xt)
        Hm[idx[:, :, None], idx[:, None, :]] += K
        C = (r[:, None] * S1).T @ Xt
        Hm[idx, w2[:, None]] += C
        Hm[w2[:, None], idx] += C
        ev = np.linalg.eigvalsh(Hm)
        return {"lambdaMin": float(ev[0]), "lambdaMax": float(ev[-1])}

    return run


def case_svd():
    a = law_stream(4)(64 * 321).reshape(64, 321)

    def run():
        s = np.linalg.svd(a, compute_uv=False)
        return {"sigmaMax": float(s[0]), "sigmaMin": float(s[-1])}

    return run


def case_eigvalsh():
    n = 320
    raw = law_stream(5)(n * n).reshape(n, n)
    a = 0.5 * (raw + raw.T)

    def run():
        ev = np.linalg.eigvalsh(a)
        return {"lambdaMin": float(ev[0]), "lambdaMax": float(ev[-1])}

    return run


import phase_transition  # noqa: E402  (bench/phase_transition.py, beside this file)

CASES = {
    "gradient": case_gradient,
    "jacobian-rank": case_jacobian_rank,
    "jacobian-svd-rank": case_jacobian_rank,
    "hessian-eigs": case_hessian_eigs,
    "svd-64x321": case_svd,
    "eigvalsh-320": case_eigvalsh,
    "phase-transition": phase_transition.case,
}


def main():
    if len(sys.argv) != 4 or sys.argv[1] != "--serve":
        sys.stderr.write("usage: numpy_cases.py --serve <case> <warmup>\n")
        sys.exit(2)
    name, warmup = sys.argv[2], int(sys.argv[3])
    if name not in CASES:
        sys.stderr.write(f"unknown case {name}\n")
        sys.exit(2)
    threads = phase_transition.pin_blas_threads()
    run = CASES[name]()
    for _ in range(warmup):
        run()
    print(json.dumps({"ready": True, "numpyThreads": threads}), flush=True)
    for line in sys.stdin:
        repeats = int(line)
        if repeats < 1:
            break
        check = {}
        times = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            check = run()
            times.append((time.perf_counter() - t0) * 1000.0)
        times.sort()
        print(json.dumps({"ms": times[len(times) // 2], "check": check}), flush=True)


if __name__ == "__main__":
    main()
