"""The event coder: sentences in, who-did-what-to-whom events out.

A blank spaCy English pipeline splits sentences (``sentencizer``) and finds actor mentions
(``entity_ruler`` built from the actor dictionary); the coder does that pipeline's work on
plain lists of each paragraph's token attributes (the same sentences and entities, see
:mod:`~.pipeline`). A set look-up finds the trigger word of each event phrase and the rest of
the phrase is checked in Python.
Source and target come from the actor mentions nearest to the phrase in its clause: before it
for the source and after it for the target, the other way round in the passive ("was killed
by"). Pronouns ("he", "its", "they", "the two") and definite descriptions ("the ministry")
refer back to earlier mentions.

Modules: :mod:`~.engine` (:class:`EventCoder`, the per-sentence loop), :mod:`~.api` (the
functions around it), :mod:`~.event` (:class:`Event` and the working records), :mod:`~.base`
(the state the rule mixins share), :mod:`~.pipeline` (the spaCy pipeline), :mod:`~.document` (a
paragraph's tokens, sentences and event phrases), :mod:`~.mentions` (actor mentions and
references), :mod:`~.anaphora` ("the two sides"), :mod:`~.attribution` (source and target),
:mod:`~.clauses` (negation, hypotheticals, voice), :mod:`~.words` (the word lists of these
rules), :mod:`~.agents` (phrases that name their source after them), :mod:`~.derived` (events a
coded event implies), :mod:`~.reported` (reported hostile acts), :mod:`~.judging` and
:mod:`~.appraisal` (", a move X called provocative": the words, and the events),
:mod:`~.adverbials` (events named in adverbials), :mod:`~.frames` (the ninth pass's forms),
:mod:`~.wordclass` (trigger words used in another word class: "flights suspended during", "what
it called", "budget support"), :mod:`~.objects` (targets that are no party), :mod:`~.coverage`
(the forms the coverage matrix found missing), :mod:`~.counterparts` (counterparts a clause leaves
unnamed: "responded by recalling its ambassador", "thanked X for sending"; words of a name that
start no phrase), :mod:`~.reprisals` (the fifteenth pass: reprisals vowed after a reporting
clause, hostilities ended, clauses framed as joint operations or by a deal signed, passive
attacks on places or claimed later, ", calling the move dangerous").
"""

from __future__ import annotations

from realpolitik.ingest.coder.api import code_articles, code_text
from realpolitik.ingest.coder.engine import EventCoder
from realpolitik.ingest.coder.event import Event

__all__ = ["Event", "EventCoder", "code_articles", "code_text"]
