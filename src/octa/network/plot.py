"""PNG plot of disruption curves (one line per strategy), drawn headless with matplotlib Agg."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any


def plot_attack(results: Mapping[str, Sequence[Mapping[str, Any]]], path: str | Path | IO[bytes],
                *, title: str = "") -> None:
    """Largest-component fraction and efficiency against nodes removed, for each strategy.

    `path` may be a file name or a binary buffer (the web layer streams the PNG).
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (ax_lcc, ax_eff) = plt.subplots(1, 2, figsize=(10, 4), constrained_layout=True)
    for strategy, rows in results.items():
        steps = [r["step"] for r in rows]
        ax_lcc.plot(steps, [r["lcc_fraction"] for r in rows], marker="o", ms=3, label=strategy)
        eff = [r["efficiency"] for r in rows]
        if all(e is not None for e in eff):
            ax_eff.plot(steps, eff, marker="o", ms=3, label=strategy)
    ax_lcc.set(xlabel="nodes removed", ylabel="largest component / initial", ylim=(0, 1.05))
    ax_eff.set(xlabel="nodes removed", ylabel="global efficiency")
    for ax in (ax_lcc, ax_eff):
        ax.grid(alpha=0.3)
        ax.legend()
    if title:
        fig.suptitle(title)
    target = Path(path) if isinstance(path, str | Path) else path
    fig.savefig(target, format="png", dpi=120)
    plt.close(fig)
