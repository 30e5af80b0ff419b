"""Exact small linear algebra on `Fraction`s: Gaussian elimination and least squares.

Used by the additive expert-bias model (scoring/aggregate.py).  Scores are exact decimals,
so the fit is done in rational arithmetic: the same sheets always give bit-identical
offsets and no float round-off can split or merge a tie in the ranking.  The systems are
tiny (one unknown per expert after eliminating the submission effects), so exactness is
cheap.  Standard library only (DESIGN §3); no numpy.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

Number = int | Fraction


class SingularMatrixError(ValueError):
    """The system has no unique solution (a zero pivot after full row search)."""


def solve(matrix: Sequence[Sequence[Number]], rhs: Sequence[Number]) -> list[Fraction]:
    """x with matrix · x = rhs, exactly (Gauss–Jordan elimination with row pivoting).

    Raises SingularMatrixError when the square matrix is singular, ValueError when the
    shapes do not match.
    """
    size = len(matrix)
    if len(rhs) != size or any(len(row) != size for row in matrix):
        raise ValueError("线性方程组的维数不一致")
    # Augmented rows, copied so the caller's data is never modified.
    rows = [[Fraction(v) for v in row] + [Fraction(rhs[i])] for i, row in enumerate(matrix)]
    for col in range(size):
        pivot = next((r for r in range(col, size) if rows[r][col] != 0), None)
        if pivot is None:
            raise SingularMatrixError("线性方程组奇异，没有唯一解")
        rows[col], rows[pivot] = rows[pivot], rows[col]
        lead = rows[col][col]
        pivot_row = [v / lead for v in rows[col]]
        rows[col] = pivot_row
        for r in range(size):
            factor = rows[r][col]
            if r != col and factor != 0:
                rows[r] = [a - factor * b for a, b in zip(rows[r], pivot_row)]
    return [rows[i][size] for i in range(size)]


def lstsq(design: Sequence[Sequence[Number]], observed: Sequence[Number]) -> list[Fraction]:
    """The least-squares solution of design · x ≈ observed via the normal equations.

    (XᵀX) x = Xᵀy, solved exactly.  The design must have full column rank; add
    constraint rows first when it does not (SingularMatrixError otherwise).
    """
    if len(design) != len(observed):
        raise ValueError("观测值个数与设计矩阵行数不一致")
    if not design:
        return []
    width = len(design[0])
    if any(len(row) != width for row in design):
        raise ValueError("设计矩阵各行长度不一致")
    cols = [[Fraction(row[j]) for row in design] for j in range(width)]
    y = [Fraction(v) for v in observed]
    normal = [[sum((a * b for a, b in zip(cols[i], cols[j])), Fraction(0))
               for j in range(width)] for i in range(width)]
    moment = [sum((a * b for a, b in zip(cols[i], y)), Fraction(0)) for i in range(width)]
    return solve(normal, moment)
