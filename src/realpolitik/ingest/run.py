"""One call from articles to events, proposals and outputs (what ``realpolitik ingest`` runs).

:func:`ingest` reads and checks every input first, so that a bad file stops the run before
anything is coded or written. Output text (JSON, CSV, YAML) is built here as strings; only the
command line writes files.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from realpolitik.exceptions import InputError
from realpolitik.ingest.coder import Event, EventCoder
from realpolitik.ingest.dates import article_date
from realpolitik.ingest.dictionary import Dictionary, load_dictionary
from realpolitik.ingest.text import MAX_BYTES, decode_article, expand_inputs, read_article

#: CSV columns, named as in GDELT event tables where GDELT has the column.
CSV_COLUMNS: tuple[str, ...] = (
    "SQLDATE",
    "DateSource",
    "Date",
    "Actor1Code",
    "Actor1Name",
    "Actor2Code",
    "Actor2Name",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "PloverType",
    "PloverMode",
    "SourceFile",
    "SentenceNumber",
    "SourceText",
)


@dataclass
class IngestResult:
    """What :func:`ingest` found.

    Parameters
    ----------
    events : list of Event
    files : list of str
        The articles read, in order.
    article_dates : dict
        Article name -> the date relative expressions were counted from (or None).
    n_sentences : dict
        Article name -> number of sentences.
    dictionary : Dictionary
        The dictionary used (with the scenario's actors if one was given).
    scenario : Scenario or None
    proposals : list of Proposal or None
        With ``propose=True``.
    shock : dict or None
        The proposals as one shock (file format), None if nothing changes.
    updated : Scenario or None
        With ``apply=True``: the scenario with the proposals applied.
    """

    events: list[Event]
    files: list[str]
    article_dates: dict[str, dt.date | None]
    n_sentences: dict[str, int]
    dictionary: Dictionary
    scenario: Any = None
    proposals: list[Any] | None = None
    shock: dict[str, Any] | None = None
    updated: Any = None
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """``{"events": [...]}``, plus ``proposals`` and ``shock`` when proposed."""
        data: dict[str, Any] = {"events": [e.to_dict() for e in self.events]}
        if self.proposals is not None:
            data["proposals"] = [p.to_dict() for p in self.proposals]
            data["shock"] = self.shock
        return data

    def to_plover(self) -> str:
        """PLOVER JSON lines, one event record per line (see :mod:`realpolitik.ingest.formats`)."""
        from realpolitik.ingest.formats import plover_jsonl, plover_records

        return plover_jsonl(plover_records(self.events, self.dictionary, self.article_dates))

    def to_gdelt(self, *, header: bool = True) -> str:
        """A GDELT 2.0-style tab-separated table, one row per directed pair (61 columns)."""
        from realpolitik.ingest.formats import gdelt_rows, gdelt_tsv

        return gdelt_tsv(
            gdelt_rows(self.events, self.dictionary, self.article_dates), header=header
        )

    def to_frame(self) -> Any:
        """A tidy :class:`pandas.DataFrame`: one row per directed (source, target) pair.

        Columns: ``event`` (index of the event in :attr:`events`), ``file``, ``sentence``,
        ``date`` (the sentence's day, else the article's, as ``datetime64``; NaT if neither),
        ``date_text`` (the date at the sentence's precision), ``source``, ``target``, ``type``,
        ``plover_type`` (REQUEST demands as DEMAND), ``mode``, ``intensity`` (-10..10),
        ``plover_score`` (PLOVER's Schrodt score of the type), ``cameo``, ``quad_class``,
        ``mutual``, ``trigger``, ``text``.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (d / "a.txt").write_text("March 3, 2021\\n\\nRussia and Turkey met.")
        >>> df = ingest([str(d / "a.txt")]).to_frame()
        >>> df[["source", "target", "type", "plover_score"]].values.tolist()
        [['russia', 'turkey', 'CONSULT', 2.1], ['turkey', 'russia', 'CONSULT', 2.1]]
        >>> str(df["date"].iloc[0].date())
        '2021-03-03'
        """
        import pandas as pd

        from realpolitik.ingest.formats import PLOVER_SCORES, plover_type

        columns = [
            "event", "file", "sentence", "date", "date_text", "source", "target", "type",
            "plover_type", "mode", "intensity", "plover_score", "cameo", "quad_class", "mutual",
            "trigger", "text",
        ]  # fmt: skip
        rows = []
        for i, e in enumerate(self.events):
            ref = self.article_dates.get(e.file or "")
            day = e.date if e.date and len(e.date) == 10 else (ref.isoformat() if ref else None)
            for s, t in e.dyads():
                rows.append(
                    [
                        i,
                        e.file,
                        e.sentence,
                        day,
                        e.date,
                        s,
                        t,
                        e.type,
                        plover_type(e),
                        e.mode,
                        e.intensity,
                        PLOVER_SCORES.get(plover_type(e)),
                        e.cameo,
                        e.quad_class,
                        e.mutual,
                        e.trigger,
                        e.text,
                    ]  # fmt: skip
                )
        frame = pd.DataFrame(rows, columns=columns)
        frame["date"] = pd.to_datetime(frame["date"], errors="coerce")
        return frame

    def to_csv(self) -> str:
        """One row per directed pair (GDELT-style columns, see :data:`CSV_COLUMNS`)."""
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(CSV_COLUMNS)
        for e in self.events:
            ref = self.article_dates.get(e.file or "")
            if e.date and len(e.date) == 10:
                sqldate, src = e.date.replace("-", ""), "text"
            elif ref is not None:
                sqldate, src = ref.strftime("%Y%m%d"), "article"
            else:
                sqldate, src = "", ""
            for s, t in e.dyads():
                w.writerow(
                    [
                        sqldate,
                        src,
                        e.date or "",
                        self.dictionary.cameo(s),
                        s,
                        self.dictionary.cameo(t),
                        t,
                        e.cameo,
                        e.cameo[:3],
                        e.root_code,
                        e.quad_class,
                        f"{e.intensity:.1f}",
                        e.type,
                        e.mode or "",
                        e.file or "",
                        e.sentence,
                        e.text,
                    ]
                )
        return buf.getvalue()


def _parse_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--date must be a date like 2020-01-07; got {value!r}") from None


def ingest(
    inputs: Sequence[str],
    *,
    scenario: str | Path | None = None,
    stdin: bytes | None = None,
    encoding: str | None = None,
    max_bytes: int = MAX_BYTES,
    reference_date: str | dt.date | None = None,
    propose: bool = False,
    apply: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> IngestResult:
    """Read articles, code their events and (with a scenario) propose relation updates.

    Parameters
    ----------
    inputs : sequence of str
        Files, folders (their ``.txt``/``.md`` files) or ``-`` for ``stdin``.
    scenario : str or path, optional
        A built-in scenario name or a scenario file; its actors resolve the mentions.
    stdin : bytes, optional
        The content read from standard input (needed when ``-`` is among the inputs).
    encoding : str, optional
        Text encoding of the articles (default UTF-8, or as a byte order mark says).
    max_bytes : int
        Largest article accepted.
    reference_date : str or date, optional
        Date relative expressions count from; by default each article's dateline.
    propose : bool
        Compute relation updates and the shock block (needs ``scenario``).
    apply : bool
        Also return the scenario with the updates applied (needs ``scenario``).
    progress : callable, optional
        Called as ``progress(articles_coded, n_articles)`` after each article.

    Returns
    -------
    IngestResult

    Raises
    ------
    InputError
        For missing, empty, binary, huge or undecodable input, or options that need a scenario.
    ScenarioError
        If the scenario file is invalid.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("Iran urged Russia to act.")
    >>> [(e.type, e.source, e.target) for e in ingest([str(d / "a.txt")]).events]
    [('REQUEST', ('iran',), ('russia',))]
    """
    if not inputs:
        raise InputError("no articles given; name files, folders or - for standard input")
    if (propose or apply) and scenario is None:
        raise InputError("--propose and --apply need --scenario (a built-in name or a file)")
    ref = _parse_date(reference_date)
    if max_bytes <= 0:
        raise InputError(f"--max-bytes must be positive; got {max_bytes}")
    names = expand_inputs(list(inputs))
    texts: list[tuple[str, str]] = []
    for name in names:
        if name == "-":
            if stdin is None:
                raise InputError("'-' means standard input, but nothing was read from it")
            texts.append(("<stdin>", decode_article(stdin, encoding=encoding, max_bytes=max_bytes)))
        else:
            texts.append((name, read_article(name, encoding=encoding, max_bytes=max_bytes)))
    scen = None
    if scenario is not None:
        from realpolitik.scenario import load_scenario

        scen = load_scenario(scenario)
        dictionary = load_dictionary(scen.actors)
    else:
        dictionary = load_dictionary()
    coder = EventCoder(dictionary)
    events: list[Event] = []
    dates: dict[str, dt.date | None] = {}
    counts: dict[str, int] = {}
    for done, (name, text) in enumerate(texts, start=1):
        label = Path(name).name if name != "<stdin>" else name
        if label in dates:
            label = name
        day = ref or article_date(text)
        dates[label] = day
        counts[label] = coder.count_sentences(text)
        events.extend(coder.code(text, reference_date=day, file=label))
        if progress is not None:
            progress(done, len(texts))
    result = IngestResult(events, list(dates), dates, counts, dictionary, scen)
    if scen is not None and (propose or apply):
        from realpolitik.ingest.proposals import apply_updates, propose_updates, shock_block

        result.proposals = propose_updates(events, scen)
        label = (
            ", ".join(result.files) if len(result.files) <= 3 else f"{len(result.files)} articles"
        )
        result.shock = shock_block(result.proposals, scen, name=label)
        if apply:
            result.updated = apply_updates(scen, result.proposals)
    return result


def event_series(
    inputs: Sequence[str] = (),
    *,
    gdelt: Sequence[str] = (),
    scenario: str | Path | None = None,
    window: int | None = None,
    prior_events: float | None = None,
    encoding: str | None = None,
    max_bytes: int = MAX_BYTES,
    reference_date: str | dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[Any, dict[str, Any] | None, IngestResult | None]:
    """Relation scores over time from dated articles and/or GDELT-style event files.

    Parameters
    ----------
    inputs : sequence of str
        Article files or folders (coded with :func:`ingest`; each event dated by its sentence,
        else its article's dateline).
    gdelt : sequence of str
        GDELT-style tab-separated event files (see :func:`realpolitik.ingest.series.parse_gdelt`).
    scenario : str or path, optional
        Resolves actors and gives each dyad's starting relation; with it the crossings are also
        returned as a shock block the scenario accepts.
    window, prior_events : optional
        See :func:`realpolitik.ingest.series.relation_series` (defaults 30 days, 2 events).
    progress : callable, optional
        Passed to :func:`ingest` (called after each article).

    Returns
    -------
    (RelationSeries, shock or None, IngestResult or None)

    Raises
    ------
    InputError
        No input, bad files, or no dated events between two actors.
    """
    from realpolitik.ingest.series import (
        PRIOR_EVENTS,
        WINDOW_DAYS,
        load_gdelt,
        observations_from_events,
        relation_series,
        series_shock,
    )

    if not inputs and not gdelt:
        raise InputError("no input; name article files or folders, or --gdelt event files")
    result = None
    scen = None
    observations: list[Any] = []
    undated = 0
    if inputs:
        result = ingest(
            inputs,
            scenario=scenario,
            encoding=encoding,
            max_bytes=max_bytes,
            reference_date=reference_date,
            progress=progress,
        )
        scen = result.scenario
        dictionary = result.dictionary
        observations, undated = observations_from_events(result.events, result.article_dates)
    else:
        if scenario is not None:
            from realpolitik.scenario import load_scenario

            scen = load_scenario(scenario)
            dictionary = load_dictionary(scen.actors)
        else:
            dictionary = load_dictionary()
    for name in gdelt:
        observations.extend(load_gdelt(name, dictionary=dictionary))
    series = relation_series(
        observations,
        scenario=scen,
        window=WINDOW_DAYS if window is None else window,
        prior_events=PRIOR_EVENTS if prior_events is None else prior_events,
        n_undated=undated,
    )
    shock = series_shock(series, scen) if scen is not None else None
    return series, shock, result


__all__ = ["CSV_COLUMNS", "IngestResult", "event_series", "ingest"]
