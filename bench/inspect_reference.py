#!/usr/bin/env python3
"""Independent numpy recomputation of `landscape inspect --json` for an mlp subject file.

Reads a subject (or counterexample) file and prints JSON with loss, gradientNorm, gradient (per layer),
hessianEigenvalues (from central differences of the numpy gradient), jacobianSingularValues and jacobianRank
(exact Jacobian by per-output backpropagation; np.linalg.matrix_rank's default tolerance). Written from docs/counterexample-format.md alone, sharing no code
with the TypeScript core. Used by scripts/verify-inspect-numpy.js; never by npm test.
"""
import json
import sys

import numpy as np


def act(name, spec):
    if name == "relu":
        return lambda z: np.maximum(z, 0.0), lambda z: (z > 0).astype(float)
    if name == "leaky-relu":
        s = spec["slope"]
        return lambda z: np.where(z > 0, z, s * z), lambda z: np.where(z > 0, 1.0, s)
    if name == "sigmoid":
        sig = lambda z: 1.0 / (1.0 + np.exp(-z))
        return sig, lambda z: sig(z) * (1 - sig(z))
    if name == "tanh":
        return np.tanh, lambda z: 1 - np.tanh(z) ** 2
    if name == "softplus":
        return lambda z: np.logaddexp(0.0, z), lambda z: 1.0 / (1.0 + np.exp(-z))
    if name == "quadratic":
        return lambda z: z * z, lambda z: 2 * z
    if name == "identity":
        return lambda z: z, lambda z: np.ones_like(z)
    if name == "polynomial":
        c = spec["coefficients"]
        f = lambda z: sum(ck * z ** k for k, ck in enumerate(c))
        df = lambda z: sum(k * ck * z ** (k - 1) for k, ck in enumerate(c) if k > 0) + 0 * z
        return f, df
    raise ValueError(name)


def main(path):
    doc = json.load(open(path))
    subject = doc["subject"] if "format" in doc else doc
    net = subject["network"]
    sizes = net["layerSizes"]
    sigma, dsigma = act(net["activation"]["name"], net["activation"])
    X = np.array(subject["data"]["inputs"], float)
    Y = np.array(subject["data"]["targets"], float)
    n = X.shape[0]
    loss = subject["loss"]
    s = loss["scale"] / (n if loss["reduction"] == "mean" else 1)
    layers = subject["point"]["layers"]
    trainable = net.get("trainable", [True] * len(layers))

    def unpack(theta):
        Ws, bs, k = [], [], 0
        for l in range(len(sizes) - 1):
            r, c = sizes[l + 1], sizes[l]
            Ws.append(theta[k : k + r * c].reshape(r, c)); k += r * c
            if net["bias"]:
                bs.append(theta[k : k + r]); k += r
            else:
                bs.append(np.zeros(r))
        return Ws, bs

    theta0 = np.concatenate(
        [np.concatenate([np.array(L["weights"], float).ravel(), np.array(L["biases"] or [], float)]) for L in layers]
    )
    free = np.concatenate(
        [np.full(sizes[l + 1] * (sizes[l] + (1 if net["bias"] else 0)), bool(trainable[l])) for l in range(len(sizes) - 1)]
    )

    def forward(theta):
        Ws, bs = unpack(theta)
        hs, zs = [X], []
        for l in range(len(Ws)):
            z = hs[-1] @ Ws[l].T + bs[l]
            zs.append(z)
            if l < len(Ws) - 1:
                hs.append(sigma(z))
        return hs, zs

    def backprop(theta, delta):
        Ws, bs = unpack(theta)
        hs, zs = forward(theta)
        grads = []
        for l in reversed(range(len(Ws))):
            gW = delta.T @ hs[l]
            gb = delta.sum(0)
            grads.append(np.concatenate([gW.ravel(), gb if net["bias"] else []]))
            if l > 0:
                delta = (delta @ Ws[l]) * dsigma(zs[l - 1])
        return np.concatenate(list(reversed(grads)))

    def loss_grad(theta):
        r = forward(theta)[1][-1] - Y
        return s * np.sum(r * r), backprop(theta, 2 * s * r)

    L, g = loss_grad(theta0)
    idx = np.flatnonzero(free)
    h = 1e-5
    H = np.zeros((len(idx), len(idx)))
    for a, i in enumerate(idx):
        e = np.zeros_like(theta0); e[i] = h
        H[:, a] = (loss_grad(theta0 + e)[1][idx] - loss_grad(theta0 - e)[1][idx]) / (2 * h)
    # Exact Jacobian: one backward pass per output row (sample i, output k), seeded with a one-hot delta.
    J = np.zeros((Y.size, len(idx)))
    for row in range(Y.size):
        onehot = np.zeros(Y.size); onehot[row] = 1.0
        J[row] = backprop(theta0, onehot.reshape(Y.shape))[idx]
    H = (H + H.T) / 2
    Ws, _ = unpack(g)
    k, grad_layers = 0, []
    for l in range(len(sizes) - 1):
        r, c = sizes[l + 1], sizes[l]
        W = g[k : k + r * c].reshape(r, c).tolist(); k += r * c
        b = None
        if net["bias"]:
            b = g[k : k + r].tolist(); k += r
        grad_layers.append({"weights": W, "biases": b})
    sv = np.linalg.svd(J, compute_uv=False)
    print(json.dumps({
        "loss": L,
        "gradientNorm": float(np.linalg.norm(g[idx])),
        "gradient": {"layers": grad_layers},
        "hessianEigenvalues": np.linalg.eigvalsh(H).tolist(),
        "jacobianSingularValues": sv.tolist(),
        "jacobianRank": int(np.linalg.matrix_rank(J)),
    }))


if __name__ == "__main__":
    main(sys.argv[1])
