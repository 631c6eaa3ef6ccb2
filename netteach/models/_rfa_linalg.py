"""Linear algebra of the RFA solver: 5-point stencils on the log-polar grid, an exact
Fourier-in-angle solver, a Woodbury correction for the vessel and the potential solve.

Private module used by :mod:`netteach.models._rfa_solver`. numpy only: the tridiagonal systems
are solved by the same elimination as LAPACK's ``?gttrf``/``?gttrs`` (which never pivots on
these diagonally dominant matrices), so that the RFA dashboard does not import ``scipy.linalg``
(about 18 MB in every kernel).
"""

from __future__ import annotations

import numpy as np

__all__ = ["Stencil", "stencil", "Tridiagonal", "ModeSolver", "HeatSolver", "joule_heat",
           "solve_potential"]


class Stencil:
    """Face conductances of a 5-point operator on the grid, applied with numpy slicing.

    ``rad`` (n_r - 1, n_theta): faces between rings i and i + 1; ``ang`` (n_r, n_theta): faces
    between angles j and j + 1 (periodic); ``inner``/``outer`` (n_theta,): faces to the needle
    wall and the outer edge; ``diag`` (n_r, n_theta): extra diagonal terms.
    """

    def __init__(self, rad, ang, inner, outer, diag):
        self.rad, self.ang, self.inner, self.outer, self.diag = rad, ang, inner, outer, diag

    def apply(self, u):
        out = self.diag * u
        out[0] += self.inner * u[0]
        out[-1] += self.outer * u[-1]
        f = self.rad * (u[:-1] - u[1:])
        out[:-1] += f
        out[1:] -= f
        g = self.ang * (u - np.roll(u, -1, axis=1))
        out += g
        out -= np.roll(g, 1, axis=1)
        return out


def stencil(grid, cell_coeff, inner_coeff, outer_coeff, diag):
    """Stencil of ∇·(c∇·) with harmonic-mean face coefficients, plus a diagonal term."""
    c = np.broadcast_to(cell_coeff, (grid.n_r, grid.n_theta))
    a, b = c[:-1], c[1:]
    rad = grid.g_rad * 2 * a * b / (a + b)
    cn = np.roll(c, -1, axis=1)
    ang = grid.g_ang * 2 * c * cn / (c + cn)
    inner = grid.g_bnd * np.broadcast_to(inner_coeff, (grid.n_theta,))
    outer = grid.g_bnd * np.broadcast_to(outer_coeff, (grid.n_theta,))
    return Stencil(rad, ang, inner, outer, np.broadcast_to(diag, c.shape).copy())


class Tridiagonal:
    """LU factors of a batch of symmetric tridiagonal systems that share an off-diagonal.

    Parameters
    ----------
    diag : ndarray, shape (n, m)
        The diagonals of ``m`` systems of size ``n``.
    off : ndarray, shape (n - 1,)
        Their common off-diagonal (below and above the diagonal).

    Notes
    -----
    Gaussian elimination without pivoting (the Thomas algorithm), step for step the arithmetic
    of LAPACK's ``?gttrf`` and ``?gttrs`` when they do not pivot, as on the diagonally dominant
    matrices of the solver. The loops run over the ``n`` rows; each step handles all systems.
    """

    def __init__(self, diag, off):
        self._off = [float(v) for v in off]
        self._piv = np.array(diag, dtype=float)          # diagonal of U, (n, m)
        self._low = np.zeros_like(self._piv)             # multipliers below the diagonal of L
        pivs, lows = list(self._piv), list(self._low)
        for i in range(1, len(pivs)):
            np.divide(self._off[i - 1], pivs[i - 1], lows[i])
            pivs[i] -= lows[i] * self._off[i - 1]
        self._rows = {}

    def _factors(self, cols):
        """The factors row by row, broadcast to (m, cols): numpy's loops are fastest on
        operands of one shape, and the solves below are many small steps."""
        rows = self._rows.get(cols)
        if rows is None:
            rows = tuple(list(np.repeat(f[:, :, None], cols, axis=2))
                         for f in (self._low, self._piv))
            if cols <= 2:                               # the common case: keep them
                self._rows[cols] = rows
        return rows

    def solve_inplace(self, x):
        """Overwrite ``x`` (float, shape (n, m, c): ``c`` right-hand sides) with the solution."""
        low, piv = self._factors(x.shape[2])
        rows = list(x)
        for prev, row, fact in zip(rows[:-1], rows[1:], low[1:], strict=True):  # L y = b
            row -= fact * prev
        rows[-1] /= piv[-1]                                                     # U x = y
        for row, nxt, off, p in zip(rows[-2::-1], rows[:0:-1], self._off[::-1], piv[-2::-1],
                                    strict=True):
            row -= off * nxt
            row /= p
        return x


def _solve_tridiagonal(diag, off, b):
    """Solve one tridiagonal system (float lists, as for a handful of rows), like ``dgtsv``."""
    d, x = [float(v) for v in diag], [float(v) for v in b]
    u = [float(v) for v in off]
    n = len(d)
    for i in range(n - 1):
        fact = u[i] / d[i]
        d[i + 1] = d[i + 1] - fact * u[i]
        x[i + 1] = x[i + 1] - fact * x[i]
    x[n - 1] = x[n - 1] / d[n - 1]
    if n > 1:
        x[n - 2] = (x[n - 2] - u[n - 2] * x[n - 1]) / d[n - 2]
    for i in range(n - 3, -1, -1):
        x[i] = (x[i] - u[i] * x[i + 1]) / d[i]
    return np.array(x)


class ModeSolver:
    """Exact solver for an operator that does not depend on θ (Fourier in θ, tridiagonal in r).

    The operator is ∇·(c(r)∇u) with a diagonal term d(r) and boundary conductances; each
    angular Fourier mode m is a tridiagonal system in r with the angular coupling
    2 c_i g_ang (1 - cos(m Δθ)) on its diagonal.
    """

    def __init__(self, grid, ring_coeff, inner_coeff, outer_coeff, ring_diag):
        nr, nt = grid.n_r, grid.n_theta
        self.nr, self.nt = nr, nt
        self.nm = nt // 2 + 1
        c = np.asarray(ring_coeff, dtype=float)
        rad = grid.g_rad * 2 * c[:-1] * c[1:] / (c[:-1] + c[1:])
        base = np.asarray(ring_diag, dtype=float).copy()
        base[:-1] += rad
        base[1:] += rad
        base[0] += grid.g_bnd * inner_coeff
        base[-1] += grid.g_bnd * outer_coeff
        eig = 2 * (1 - np.cos(2 * np.pi * np.arange(self.nm) / nt))
        d = base[:, None] + eig[None, :] * grid.g_ang * c[:, None]      # (nr, nm)
        # real factors: the real and imaginary parts of the Fourier coefficients are solved
        # for side by side (the matrices are real)
        self._lu = Tridiagonal(d, -rad)

    def solve(self, rhs):
        """Solve for one field ``rhs`` (n_r, n_theta) or a stack (n_r, n_theta, k)."""
        f = np.ascontiguousarray(np.fft.rfft(rhs, axis=1))    # (nr, nm[, k])
        self._lu.solve_inplace(f.reshape(self.nr, self.nm, -1).view(float))
        return np.fft.irfft(f, n=self.nt, axis=1)


class HeatSolver:
    """Backward-Euler heat operator H0 (θ-invariant) plus a vessel sink, by Woodbury.

    (H0 + U D Uᵀ)⁻¹ b = x0 - H0⁻¹ U (D⁻¹ + Uᵀ H0⁻¹ U)⁻¹ Uᵀ x0, with x0 = H0⁻¹ b and U selecting
    the m vessel cells; the m × m capacitance matrix is formed once per run and solved by LU
    at each step (m is a few dozen to a few hundred cells).
    """

    def __init__(self, mode: ModeSolver, sink: np.ndarray):
        self.mode = mode
        self.shape = sink.shape
        self.idx = np.flatnonzero(sink.ravel() > 0)
        if self.idx.size:
            m = self.idx.size
            unit = np.zeros((sink.size, m))
            unit[self.idx, np.arange(m)] = 1.0
            cols = mode.solve(unit.reshape(*sink.shape, m)).reshape(sink.size, m)
            self._cap = np.diag(1.0 / sink.ravel()[self.idx]) + cols[self.idx, :]

    def solve(self, rhs):
        x0 = self.mode.solve(rhs)
        if not self.idx.size:
            return x0
        y = np.linalg.solve(self._cap, x0.ravel()[self.idx])   # m × m, m a few dozen cells
        corr = np.zeros(x0.size)
        corr[self.idx] = y
        return x0 - self.mode.solve(corr.reshape(self.shape))


def joule_heat(st: Stencil, v):
    """Per-cell Joule heat (W/m for unit needle voltage) and the total, face by face."""
    fr = st.rad * (v[:-1] - v[1:]) ** 2
    fa = st.ang * (v - np.roll(v, -1, axis=1)) ** 2
    heat = np.zeros_like(v)
    heat[:-1] += 0.5 * fr
    heat[1:] += 0.5 * fr
    heat += 0.5 * fa
    heat += 0.5 * np.roll(fa, 1, axis=1)
    p_in = st.inner * (1.0 - v[0]) ** 2
    p_out = st.outer * v[-1] ** 2
    heat[0] += p_in
    heat[-1] += p_out
    return heat, float(fr.sum() + fa.sum() + p_in.sum() + p_out.sum())


def _dot(a, b):
    return float(np.einsum("ij,ij->", a, b))


def _radial_potential(grid, ring):
    """V(r) for σ(r) only: a tridiagonal system in r (V = 1 at the needle, 0 at the edge)."""
    rad = grid.g_rad * 2 * ring[:-1] * ring[1:] / (ring[:-1] + ring[1:])
    d = np.zeros(grid.n_r)
    d[:-1] += rad
    d[1:] += rad
    d[0] += grid.g_bnd * ring[0]
    d[-1] += grid.g_bnd * ring[-1]
    b = np.zeros(grid.n_r)
    b[0] = grid.g_bnd * ring[0]
    return _solve_tridiagonal(d, -rad, b)


def solve_potential(grid, sigma_cells: np.ndarray, v_guess=None, rtol=1e-4,
                    maxiter=60):
    """Solve ∇·(σ∇V) = 0 with V = 1 on the needle and 0 on the outer edge.

    Conjugate gradients preconditioned by the exact solver of the θ-averaged problem (exact
    when σ does not vary with angle, i.e. without a vessel). Returns (V, per-cell Joule heat for
    unit voltage (W/m), total power per unit length for unit voltage (W/m/V²)).
    """
    st = stencil(grid, sigma_cells, sigma_cells[0], sigma_cells[-1], 0.0)
    ring = sigma_cells.mean(axis=1)                       # arithmetic mean over angle
    rhs = np.zeros_like(sigma_cells)
    rhs[0] = st.inner
    if np.all(np.ptp(sigma_cells, axis=1) <= 1e-12 * float(sigma_cells.max())):
        # σ does not vary with angle (no vessel): the potential is radial, one tridiagonal solve
        x = np.repeat(_radial_potential(grid, ring)[:, None], grid.n_theta, axis=1)
        heat, total = joule_heat(st, x)
        return x, heat, total
    pre = ModeSolver(grid, ring, ring[0], ring[-1], np.zeros(grid.n_r))
    x = pre.solve(rhs) if v_guess is None else v_guess.copy()
    r = rhs - st.apply(x)
    bnorm = np.sqrt(_dot(rhs, rhs))
    z = pre.solve(r)
    p = z.copy()
    rz = _dot(r, z)
    for _ in range(maxiter):
        if np.sqrt(_dot(r, r)) <= rtol * bnorm:
            break
        ap = st.apply(p)
        alpha = rz / _dot(p, ap)
        x += alpha * p
        r -= alpha * ap
        z = pre.solve(r)
        rz_new = _dot(r, z)
        p = z + (rz_new / rz) * p
        rz = rz_new
    heat, total = joule_heat(st, x)
    return x, heat, total
