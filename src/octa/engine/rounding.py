"""Half-up rounding that survives binary floating point.

Published aggregates are means of scores on a 0.5 grid, so they are rationals such as 4.425
exactly. In binary, 4.425 is stored as 4.42499999999999982236431605997495353221893310546875 and a
naive ``floor(x * 100 + 0.5)`` publishes 4.42 where the index publishes 4.43. We therefore treat
any value within a tiny relative tolerance of a half unit as the half unit itself. The tolerance
(``1e-13`` relative to the scaled value, about 450 units in the last place) is well above the
error of a float mean of a few dozen scores, and for published-size values (scaled below 10**4)
far below the gap between a half unit and any rational with a denominator under 10**8, so for
every realistic framework the result equals exact rational rounding (the tests check this
against :class:`fractions.Fraction`).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

#: Relative tolerance under which a scaled value counts as sitting exactly on a half unit.
TIE_TOLERANCE = 1e-13


def round_half_up(values: ArrayLike, decimals: int = 2) -> NDArray[np.float64]:
    """Round to ``decimals`` places, ties away from zero; NaN stays NaN.

    Why not ``np.round``: it rounds ties to even (4.425 -> 4.42 on a clean tie, and binary
    representation error decides the rest), while the published indices round half-up.
    """
    x = np.asarray(values, dtype=np.float64)
    scale = 10.0**decimals
    scaled = np.abs(x) * scale
    whole = np.floor(scaled)
    fraction = scaled - whole
    tolerance = TIE_TOLERANCE * np.maximum(scaled, 1.0)
    rounded = whole + (fraction >= 0.5 - tolerance)
    return np.copysign(rounded, x) / scale
