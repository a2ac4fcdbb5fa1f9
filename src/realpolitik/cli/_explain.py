"""The ``explain`` command: a plain-language account of one actor, citing its inputs."""

from __future__ import annotations

import textwrap
from typing import Annotated

import typer

from realpolitik.analysis.explain import TOPICS, Explanation, explain_actor
from realpolitik.cli._app import app, console, escape, load, print_json, user_errors
from realpolitik.cli._options import ScenarioArg, TableOrJson
from realpolitik.engine.registry import HEADLINE_MODEL
from realpolitik.scenario.model import Meta


@app.command()
def explain(
    scenario: ScenarioArg = "syria-2020",
    actor: Annotated[str, typer.Option("--actor", "-a", help="The actor to explain.")] = ...,  # type: ignore[assignment]
    without: Annotated[
        str | None,
        typer.Option(
            "--without",
            "-w",
            help="The partner whose loss the Plan B part considers (default: the costliest).",
        ),
    ] = None,
    model: Annotated[
        str, typer.Option("--model", "-m", help="Forecasting model.")
    ] = HEADLINE_MODEL,
    evidence: Annotated[
        bool,
        typer.Option("--evidence/--no-evidence", help="List the cited inputs with their quotes."),
    ] = True,
    fmt: Annotated[
        TableOrJson, typer.Option("--format", help="table (text) or json.")
    ] = TableOrJson.table,
) -> None:
    """Explain an actor: what it wants, whom it stands with, its offers, shocks and Plan B."""
    with user_errors():
        s = load(scenario)
        result = explain_actor(s, actor, model=model, without=without)
    if fmt is TableOrJson.json:
        print_json(result.to_dict())
        return
    console.print(f"[bold]{escape(result.name)}[/] in {escape(s.title)}", highlight=False)
    text = wrap_explanation(result, width=console.width, evidence=evidence)
    console.print(text, markup=False, highlight=False, soft_wrap=True)


def _marks(numbers: list[int]) -> str:
    """``[1][2]`` for one or two footnotes, ``[2–7]`` for a run of three or more.

    Examples
    --------
    >>> _marks([7, 2, 3, 4, 9, 10])
    '[2–4][7][9][10]'
    """
    out = []
    ns = sorted(set(numbers))
    k = 0
    while k < len(ns):
        j = k
        while j + 1 < len(ns) and ns[j + 1] == ns[j] + 1:
            j += 1
        if j - k >= 2:
            out.append(f"[{ns[k]}–{ns[j]}]")
        else:
            out.extend(f"[{n}]" for n in ns[k : j + 1])
        k = j + 1
    return "".join(out)


def meta_items(meta: Meta) -> list[str]:
    """Each quote (with its source and locator) and the assumption of an input, as texts.

    An input with neither gives the one text ``"no evidence or assumption given"``.
    """
    items = []
    for e in meta.evidence:
        src = ", ".join(x for x in (e.source, e.locator) if x)
        items.append(f"“{e.quote}”" + (f" ({src})" if src else ""))
    if meta.assumption:
        items.append(f"assumption: {' '.join(meta.assumption.split())}")
    return items or ["no evidence or assumption given"]


def wrap_explanation(result: Explanation, *, width: int = 80, evidence: bool = True) -> str:
    """The explanation as paragraphs wrapped at ``width``, with numbered footnotes.

    Footnotes are numbered by distinct source: every quote (with its source) and every
    assumption gets one number, shared by all the inputs it backs, and the list at the end
    gives each once with the inputs it supports. Without ``evidence`` there are no marks and
    no list.
    """
    width = max(width, 40)
    numbers: dict[str, int] = {}  # evidence text -> footnote number
    paths: dict[int, list[str]] = {}
    paragraphs = []
    for topic in TOPICS:
        parts = []
        for sentence in result.by_topic(topic):
            refs = []
            for path, meta in sentence.citations:
                for key in meta_items(meta):
                    n = numbers.setdefault(key, len(numbers) + 1)
                    if path not in paths.setdefault(n, []):
                        paths[n].append(path)
                    refs.append(n)
            marks = _marks(refs) if evidence and refs else ""
            parts.append(sentence.text + (f" {marks}" if marks else ""))
        if parts:
            # a move "25 → 95" stays on one line: a no-break space is no break for textwrap
            text = " ".join(parts).replace(" → ", "\u00a0→\u00a0")
            wrapped = textwrap.fill(text, width=width, break_on_hyphens=False)
            paragraphs.append(wrapped.replace("\u00a0", " "))
    out = "\n\n".join(paragraphs)
    if evidence and numbers:
        lines = ["", "", "Sources and assumptions cited:"]
        for key, n in numbers.items():
            head = f"[{n}] "
            body = f"{key} — {', '.join(paths[n])}"
            lines.append(
                textwrap.fill(
                    body,
                    width=width,
                    initial_indent=head,
                    subsequent_indent=" " * len(head),
                    break_on_hyphens=False,
                    break_long_words=True,
                )
            )
        out += "\n".join(lines)
    return out
