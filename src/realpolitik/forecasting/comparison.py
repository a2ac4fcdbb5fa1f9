"""Forecasts of a scenario before and after a list of shocks, side by side."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from realpolitik.forecasting.result import ForecastResult, _num
from realpolitik.scenario.scale import issue_scale, to_scale

if TYPE_CHECKING:  # pandas is imported by the methods that build frames (0.4 s at start-up)
    import pandas as pd


@dataclass(frozen=True)
class Comparison:
    """Forecasts of a scenario before and after a list of shocks.

    Attributes
    ----------
    baseline, shocked : ForecastResult
    shocks : list of str
        The shock ids applied, in order.
    """

    baseline: ForecastResult
    shocked: ForecastResult
    shocks: list[str]

    def to_frame(self) -> pd.DataFrame:
        """One row per issue and named forecast: baseline, shocked, change."""
        rows = []
        for k, issue in enumerate(self.baseline.issue_ids):
            for name, values in self.baseline.forecasts.items():
                before = float(values[k])
                after = float("nan")
                if issue in self.shocked.issue_ids and name in self.shocked.forecasts:
                    after = float(self.shocked.forecasts[name][self.shocked.issue_ids.index(issue)])
                rows.append((issue, name, before, after, after - before))
        import pandas as pd

        return pd.DataFrame(rows, columns=["issue", "model", "baseline", "shocked", "change"])

    def largest_change(self) -> tuple[str, str, float, float] | None:
        """The (issue, model, baseline, shocked) with the largest absolute change, if any."""
        df = self.to_frame().dropna()
        if df.empty:
            return None
        row = df.iloc[int(df["change"].abs().argmax())]
        return str(row["issue"]), str(row["model"]), float(row["baseline"]), float(row["shocked"])

    def summary(self) -> str:
        """One sentence on the largest change."""
        largest = self.largest_change()
        names = ", ".join(self.shocks)
        if largest is None or abs(largest[3] - largest[2]) < 1e-9:
            return f"Under {names}, no forecast changes."
        issue, model, before, after = largest
        title = self.baseline.scenario.issue(issue).title
        return (
            f"Under {names}, the largest change is on {title!r}: the {model} forecast moves "
            f"from {before:.1f} to {after:.1f} ({after - before:+.1f} points)."
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON form printed by ``realpolitik compare --format json``.

        ``baseline``, ``shocked`` and ``change`` are on 0–100; ``scale`` is the issue's own
        ``[lo, hi]`` and ``on_scale`` holds the same three in those units.
        """
        df = self.to_frame()
        issues = []
        for issue in self.baseline.issue_ids:
            part = df[df["issue"] == issue]
            scale = issue_scale(self.baseline.scenario.issue(issue))
            unit = (scale[1] - scale[0]) / 100.0
            # pandas-stubs types itertuples() fields as any scalar; these columns hold floats.
            rows = [
                (
                    str(r.model),
                    cast(float, r.baseline),
                    cast(float, r.shocked),
                    cast(float, r.change),
                )
                for r in part.itertuples()
            ]
            issues.append(
                {
                    "id": issue,
                    "title": self.baseline.scenario.issue(issue).title,
                    "scale": [float(scale[0]), float(scale[1])],
                    "baseline": {m: _num(b) for m, b, _, _ in rows},
                    "shocked": {m: _num(a) for m, _, a, _ in rows},
                    "change": {m: _num(c) for m, _, _, c in rows},
                    "on_scale": {
                        "baseline": {m: _num(to_scale(b, scale)) for m, b, _, _ in rows},
                        "shocked": {m: _num(to_scale(a, scale)) for m, _, a, _ in rows},
                        "change": {m: _num(c * unit) for m, _, _, c in rows},
                    },
                }
            )
        return {"shocks": list(self.shocks), "issues": issues, "summary": self.summary()}
