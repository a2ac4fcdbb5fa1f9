"""Rewrite a YAML scenario file keeping its comments and key order (with ruamel.yaml).

PyYAML drops comments. When the optional ``ruamel.yaml`` is installed (``pip install
"realpolitik[roundtrip]"``), :func:`rewrite_yaml` loads the original text in ruamel's round-trip
mode, carries the new data into it (mappings key by key, lists of entries by their ``id`` or
``between``, scalars only where they changed) and writes it back, so comments, key order, quoting
and flow style survive wherever the content did. The result is checked: it must read back as the
same scenario as the plain dump, or the plain dump is returned instead.

ruamel's round-trip loader builds only plain mappings, lists and scalars; it is used only on text
that the safe loader has already read.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from typing import Any

from realpolitik.scenario.model import Scenario


def roundtrip_available() -> bool:
    """Whether ruamel.yaml is installed (the ``roundtrip`` extra)."""
    try:
        import ruamel.yaml  # noqa: F401
    except ImportError:
        return False
    return True


def _key(item: Any) -> Any:
    if isinstance(item, Mapping):
        if "id" in item:
            return ("id", str(item["id"]))
        if "between" in item and isinstance(item["between"], list | tuple):
            return ("between", frozenset(map(str, item["between"])))
    return None


def _same_scalar(old: Any, new: Any) -> bool:
    if isinstance(old, bool) or isinstance(new, bool):
        return type(old) is type(new) and old == new
    if isinstance(old, int | float) and isinstance(new, int | float):
        return float(old) == float(new)
    if old is None or new is None:
        return old is new
    # The format strips text (a folded block's final newline is not content).
    return str(old).strip() == str(new).strip()


def _merge(old: Any, new: Any, add: bool) -> Any:
    """``new`` carried into ``old``'s round-trip node, keeping what did not change.

    With ``add`` False, keys of ``new`` that ``old`` lacks are not added (the dump writes some
    defaults, e.g. a relation's weight, that the file may leave out).
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(old, CommentedMap) and isinstance(new, Mapping):
        for k in list(old):
            if k in new:
                old[k] = _merge(old[k], new[k], add)
        for k, v in new.items():
            if k not in old and add:
                old[k] = v
        # Keys missing from the new data were defaults left out of the dump: they stay (the
        # check in rewrite_yaml guarantees that the meaning is unchanged).
        return old
    if isinstance(old, CommentedSeq) and isinstance(new, list):
        old_keys = [_key(x) for x in old]
        new_keys = [_key(x) for x in new]
        keyed = None not in old_keys and None not in new_keys and len(set(old_keys)) == len(old)
        if keyed:
            # Entries matched by id (or relation pair): drop the gone ones in place (ruamel moves
            # the comments of the others along), merge the kept ones, then append the new ones.
            for i in reversed(range(len(old))):
                if old_keys[i] not in new_keys:
                    del old[i]
            kept = [_key(x) for x in old]
            by_key = dict(zip(new_keys, new, strict=True))
            for i, k in enumerate(kept):
                old[i] = _merge(old[i], by_key[k], add)
            old.extend(item for k, item in zip(new_keys, new, strict=True) if k not in kept)
            return old
        for i in reversed(range(len(new), len(old))):
            del old[i]
        for i, item in enumerate(new):
            if i < len(old):
                old[i] = _merge(old[i], item, add)
            else:
                old.append(item)
        return old
    if not isinstance(old, Mapping | list) and not isinstance(new, Mapping | list):
        return old if _same_scalar(old, new) else new
    return new


def rewrite_yaml(original: str, data: Mapping[str, Any], scenario: Scenario) -> str | None:
    """YAML text of ``data`` with the comments and key order of ``original``.

    Parameters
    ----------
    original : str
        The text of the file being rewritten.
    data : mapping
        The new content in the file format (:func:`~realpolitik.scenario.scenario_to_data`).
    scenario : Scenario
        What the result must read back as.

    Returns
    -------
    str or None
        None when ruamel.yaml is not installed, or when the merged text would not read back as
        ``scenario`` (the caller then writes the plain dump).

    Examples
    --------
    >>> from realpolitik.scenario import parse_scenario, scenario_to_data
    >>> text = '''# my notes
    ... title: T   # the title
    ... actors:
    ...   - {id: a, name: A, capability: 1}  # small
    ... issues:
    ...   - id: x
    ...     title: X
    ...     positions: {a: {position: 10, salience: 1}}
    ... '''
    >>> s = parse_scenario(text)
    >>> s.actors[0].capability = 2.0
    >>> out = rewrite_yaml(text, scenario_to_data(s), s)
    >>> out is None or all(t in out for t in ("# my notes", "capability: 2.0", "# small"))
    True
    """
    if not roundtrip_available():
        return None
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    from realpolitik.exceptions import ScenarioError
    from realpolitik.scenario.loader import parse_scenario

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap the lines of the original
    offset = _list_offset(original)
    yaml.indent(mapping=2, sequence=offset + 2, offset=offset)
    # First without adding the keys the file leaves out (the smallest change); if that does not
    # read back as the scenario, with them.
    for add in (False, True):
        try:
            doc = yaml.load(original)
        except YAMLError:
            return None
        if not isinstance(doc, Mapping):
            return None
        merged = _merge(doc, _plain(data), add)
        buf = io.StringIO()
        yaml.dump(merged, buf)
        text = buf.getvalue()
        try:
            again = parse_scenario(text, filename="<rewritten>")
        except ScenarioError:
            continue
        if again == scenario:
            return text
    return None


def _list_offset(text: str) -> int:
    """How far the file indents a list's dashes under its key (``0``: ``- a``, ``2``: ``  - a``)."""
    m = re.search(r"^([ ]*)[\w-]+:[ ]*(?:#.*)?\n\1([ ]*)- ", text, flags=re.M)
    return len(m.group(2)) if m else 0


def _plain(obj: Any) -> Any:
    """Tuples as lists, dates as ISO text: what a YAML file holds."""
    if isinstance(obj, Mapping):
        return {k: _plain(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_plain(v) for v in obj]
    if hasattr(obj, "isoformat"):
        return obj.isoformat()
    return obj


__all__ = ["rewrite_yaml", "roundtrip_available"]
