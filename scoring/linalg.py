"""Exact small linear algebra on `Fraction`s: Gaussian elimination and least squares.

Used by the additive expert-bias model (scoring/aggregate.py).  Scores are exact decimals,
so the fit is done in rational arithmetic: the same sheets always give bit-identical
offsets and no float round-off can split or merge a tie in the ranking.  The systems are
tiny (one unknown per expert after eliminating the submission effects), so exactness is
cheap.  Standard library only (docs/architecture.md); no numpy.
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

