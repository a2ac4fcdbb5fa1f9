"""Coded events in the field's interchange formats: PLOVER JSON lines and GDELT 2.0 tables.

PLOVER (Political Language Ontology for Verifiable Event Records, Open Event Data Alliance,
manual draft 0.7b1, chapter "JSON Data Fields") names the fields of an event record: ``id``,
``date``, ``source`` and ``recipient`` (lists of actor objects with ``code``, ``sector``,
``actor_text``, ``identifier_id``, ``identifier_text``), ``event`` (list of categories),
``quad_code``, ``event_scale``, ``mode``, ``context``, ``text``, ``text_info``, ``cite_info``
and ``coder``. Its numeric conflict-cooperation scale is the "Schrodt score" per category
(:data:`PLOVER_SCORES`, from the same manual). GDELT 2.0 event files are tab-separated with
the 61 columns of :data:`GDELT2_COLUMNS` and no header row; what this coder cannot know
(geography, tone, mention counts, ethnic and religious codes) is left blank.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from typing import Any

from realpolitik.ingest.coder import Event
from realpolitik.ingest.dictionary import Dictionary

#: PLOVER's numeric conflict-cooperation score of each category ("Schrodt scores", PLOVER
#: manual 0.7b1, table "Numeric conflict-cooperation scores"). REQUEST (CAMEO 02, appeals,
#: which PLOVER does not code) has no score: its records carry ``event_scale`` null and the
#: relation series leaves it out.
PLOVER_SCORES: dict[str, float] = {
    "ASSAULT": -9.3,
    "COERCE": -7.2,
    "PROTEST": -6.6,
    "MOBILIZE": -5.3,
    "SANCTION": -5.2,
    "THREATEN": -5.1,
    "DEMAND": -5.0,
    "REJECT": -4.2,
    "ACCUSE": -2.0,
    "CONSULT": 2.1,
    "AGREE": 4.2,
    "SUPPORT": 4.6,
    "CONCEDE": 5.0,
    "COOPERATE": 6.8,
    "AID": 7.4,
    "RETREAT": 7.6,
}

#: PLOVER's quad categories (manual 0.7b1, "PLOVER quad categories"): 1 verbal cooperation,
#: 2 material cooperation, 3 verbal conflict, 4 material conflict.
PLOVER_QUAD: dict[str, int] = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), 2),
    **dict.fromkeys(("DEMAND", "REQUEST", "ACCUSE", "REJECT", "SANCTION", "THREATEN"), 3),
    **dict.fromkeys(("PROTEST", "MOBILIZE", "COERCE", "ASSAULT"), 4),
}

#: PLOVER's primary sector codes (manual 0.7b1, "Sector Primary Codes").
PLOVER_SECTORS = frozenset(
    {"GOV", "JUD", "LEG", "MIL", "COP", "OPP", "PTY", "REB", "PRM", "SPY", "UAF", "CVL", "ELI",
     "BUS", "EDU", "MED", "LAB", "AGR", "JRN", "REF", "REL", "SOC", "CRM"}
)  # fmt: skip

#: The 61 columns of a GDELT 2.0 event file, in order.
GDELT2_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)  # fmt: skip

#: PLOVER category of each CAMEO root code (PLOVER manual 0.7b1, "CAMEO to PLOVER
#: translation"; 08 splits into CONCEDE 081-083 and RETREAT 084-087, done by :func:`cameo_to_plover`).
CAMEO_ROOT_TO_PLOVER: dict[str, str] = {
    "02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE",
    "07": "AID", "08": "CONCEDE", "09": "ACCUSE", "10": "DEMAND", "11": "ACCUSE", "12": "REJECT",
    "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE",
    "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT",
}  # fmt: skip


def cameo_to_plover(code: str) -> str | None:
    """PLOVER category of a CAMEO event code (None for 01 statements and unknown codes).

    Examples
    --------
    >>> cameo_to_plover("190"), cameo_to_plover("0841"), cameo_to_plover("081")
    ('ASSAULT', 'RETREAT', 'CONCEDE')
    >>> print(cameo_to_plover("010"))
    None
    """
    code = code.strip()
    if code.startswith("08") and len(code) >= 3 and code[2] in "4567":
        return "RETREAT"
    return CAMEO_ROOT_TO_PLOVER.get(code[:2])


def plover_type(event: Event) -> str:
    """The PLOVER category of an event: the coder's type, with REQUEST demands as DEMAND."""
    if event.type == "REQUEST" and event.mode == "demand":
        return "DEMAND"
    return event.type


def _day(event: Event, article_date: dt.date | None) -> tuple[str | None, str]:
    """The event's day (YYYY-MM-DD) and where it came from: the sentence, else the article."""
    if event.date and len(event.date) == 10:
        return event.date, "text"
    if article_date is not None:
        return article_date.isoformat(), "article"
    return None, ""


def actor_object(actor_id: str, dictionary: Dictionary) -> dict[str, Any]:
    """A PLOVER actor object for one actor id (what the dictionary knows; the rest null).

    ``code`` is the ISO-3166 alpha-3 code for states, ``IGO`` for organisations, the country of
    a national armed group (its CAMEO code's first three letters); ``sector`` is filled where
    the CAMEO code names a PLOVER sector (``SOMREB`` -> ``REB``).

    Examples
    --------
    >>> from realpolitik.ingest import load_dictionary
    >>> d = load_dictionary()
    >>> actor_object("russia", d)["code"], actor_object("al-shabaab", d)["sector"]
    ('RUS', 'REB')
    >>> actor_object("un", d)["code"]
    'IGO'
    """
    cameo = dictionary.cameo(actor_id)
    kind = None
    for base, entry in dictionary.actors.items():
        if dictionary.resolve(base) == actor_id:
            kind = entry.kind
            break
    code = cameo[:3] if cameo else None
    sector = cameo[3:6] if cameo and cameo[3:6] in PLOVER_SECTORS else None
    if kind == "organisation" or (cameo or "").startswith("IGO"):
        code = "IGO"
    return {
        "code": code,
        "sector": sector,
        "actor_text": None,
        "identifier_id": actor_id,
        "identifier_text": cameo,
        "kind": kind,
    }


def plover_records(
    events: Sequence[Event],
    dictionary: Dictionary,
    article_dates: dict[str, dt.date | None] | None = None,
    *,
    coder: str = "realpolitik",
) -> list[dict[str, Any]]:
    """PLOVER event records, one per coded event.

    Ids are ``<file>-<sentence>-<k>`` (``k`` counts events of a sentence from 1), unique within
    one run. ``date`` is the sentence's own day or, failing that, the article's date (then
    ``date_source`` says ``article``); an event with neither has ``date`` null.

    Examples
    --------
    >>> from realpolitik.ingest import code_text, load_dictionary
    >>> ev = code_text("Iran fired missiles at bases housing American troops.", file="a.txt")
    >>> r = plover_records(ev, load_dictionary())[0]
    >>> r["id"], r["event_type"], r["event_scale"], r["source"][0]["code"], r["recipient"][0]["code"]
    ('a.txt-1-1', 'ASSAULT', -9.3, 'IRN', 'USA')
    """
    dates = article_dates or {}
    out = []
    counter: dict[tuple[str, int], int] = {}
    for e in events:
        where = (e.file or "text", e.sentence)
        counter[where] = counter.get(where, 0) + 1
        day, day_source = _day(e, dates.get(e.file or ""))
        category = plover_type(e)
        out.append(
            {
                "id": f"{where[0]}-{where[1]}-{counter[where]}",
                "date": day,
                "date_source": day_source or None,
                "date_text": e.date,
                "event": [category],
                "event_type": category,
                "mode": e.mode,
                "context": [],
                "source": [actor_object(a, dictionary) for a in e.source],
                "recipient": [actor_object(a, dictionary) for a in e.target],
                "quad_code": PLOVER_QUAD[category],
                "event_scale": PLOVER_SCORES.get(category),
                "event_text": [e.trigger],
                "text": e.text,
                "text_info": {"sequence": e.sentence},
                "cite_info": {"title": e.file},
                "coder": coder,
                "cameo_code": e.cameo,
                "goldstein_like_intensity": e.intensity,
            }
        )
    return out


def plover_jsonl(records: Iterable[dict[str, Any]]) -> str:
    """Records as JSON lines (one object per line, as the PLOVER manual recommends)."""
    import json

    return "".join(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n" for r in records)


def gdelt_rows(
    events: Sequence[Event],
    dictionary: Dictionary,
    article_dates: dict[str, dt.date | None] | None = None,
) -> list[dict[str, str]]:
    """GDELT 2.0 rows (column -> text), one per directed pair of each event.

    Filled: ``GLOBALEVENTID`` (1, 2, ...), ``SQLDATE``, ``MonthYear``, ``Year``,
    ``FractionDate`` (when the day is known), ``Actor1Code``/``Actor2Code`` (CAMEO-style codes),
    ``Actor1Name``/``Actor2Name`` (the actor ids), ``Actor1CountryCode``/``Actor2CountryCode``
    (states), ``Actor1Type1Code``/``Actor2Type1Code`` (IGO or a sector), ``IsRootEvent`` (1 for
    the first event of a sentence), the three event codes, ``QuadClass``, ``GoldsteinScale`` (the
    coder's -10..10 intensity), ``NumMentions``/``NumSources``/``NumArticles`` (1) and
    ``SOURCEURL`` (the file). Everything else is blank.
    """
    dates = article_dates or {}
    rows: list[dict[str, str]] = []
    first_of_sentence: set[tuple[str, int]] = set()
    for e in events:
        day, _ = _day(e, dates.get(e.file or ""))
        where = (e.file or "", e.sentence)
        root = where not in first_of_sentence
        first_of_sentence.add(where)
        for s, t in e.dyads():
            row = dict.fromkeys(GDELT2_COLUMNS, "")
            row["GLOBALEVENTID"] = str(len(rows) + 1)
            if day:
                d = dt.date.fromisoformat(day)
                row["SQLDATE"] = d.strftime("%Y%m%d")
                row["MonthYear"] = d.strftime("%Y%m")
                row["Year"] = str(d.year)
                start = dt.date(d.year, 1, 1).toordinal()
                days = dt.date(d.year + 1, 1, 1).toordinal() - start
                row["FractionDate"] = f"{d.year + (d.toordinal() - start) / days:.4f}"
            for k, a in (("1", s), ("2", t)):
                obj = actor_object(a, dictionary)
                row[f"Actor{k}Code"] = dictionary.cameo(a)
                row[f"Actor{k}Name"] = a
                if obj["kind"] == "state" and obj["code"]:
                    row[f"Actor{k}CountryCode"] = obj["code"]
                row[f"Actor{k}Type1Code"] = "IGO" if obj["code"] == "IGO" else (obj["sector"] or "")
            row["IsRootEvent"] = "1" if root else "0"
            row["EventCode"] = e.cameo
            row["EventBaseCode"] = e.cameo[:3]
            row["EventRootCode"] = e.root_code
            row["QuadClass"] = str(e.quad_class)
            row["GoldsteinScale"] = f"{e.intensity:.1f}"
            row["NumMentions"] = row["NumSources"] = row["NumArticles"] = "1"
            row["SOURCEURL"] = e.file or ""
            rows.append(row)
    return rows


def gdelt_tsv(rows: Iterable[dict[str, str]], *, header: bool = True) -> str:
    """Rows as tab-separated text; GDELT's own files have no header row (``header=False``)."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    if header:
        w.writerow(GDELT2_COLUMNS)
    for r in rows:
        w.writerow([r.get(c, "") for c in GDELT2_COLUMNS])
    return buf.getvalue()


__all__ = [
    "CAMEO_ROOT_TO_PLOVER",
    "GDELT2_COLUMNS",
    "PLOVER_QUAD",
    "PLOVER_SCORES",
    "PLOVER_SECTORS",
    "actor_object",
    "cameo_to_plover",
    "gdelt_rows",
    "gdelt_tsv",
    "plover_jsonl",
    "plover_records",
    "plover_type",
]
