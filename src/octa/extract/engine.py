"""The rule- and lexicon-based evidence extractor.

One pass of precompiled regexes over the lowercased document finds every lexicon hit; the
hits are then bucketed by sentence, filtered by modality (negation, ended markets, questions,
statements about other countries) and combined into markets, actors, origins, links and
resilience evidence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from octa.extract.countries import Mention, country_mentions, detect_subject, outside
from octa.extract.lexicon import Hit, Lexicon, get_lexicon
from octa.extract.links import link_items
from octa.extract.model import EvidenceItem, Extraction
from octa.extract.resilience import resilience_items
from octa.extract.text import fold, sentences

CRIMINAL = ("mafia-style-groups", "criminal-networks")
STATE, PRIVATE, FOREIGN = "state-embedded-actors", "private-sector-actors", "foreign-actors"


class Ref(NamedTuple):
    """An actor reference in a sentence: actor id (or "foreign:XX") and its position."""

    actor: str
    pos: int


@dataclass(slots=True)
class Sent:
    """What one sentence contributes, after modality filtering."""

    idx: int
    start: int
    end: int
    text: str
    hedged: bool = False
    question: bool = False
    ended: list[tuple[int, int]] = field(default_factory=list)
    anaphoric: bool = False
    collab: bool = False
    complicity: bool = False
    knowing: bool = False
    collab_strong: bool = False  # a collaboration cue other than a bare "with"
    refers_back: bool = False  # "the drug", "the shipment": the market of an earlier sentence
    abroad_from: int | None = None
    negated: list[tuple[int, int]] = field(default_factory=list)
    bounds: list[int] = field(default_factory=list)
    markets: list[Hit] = field(default_factory=list)
    refs: list[Ref] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)

    def is_negated(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.negated)

    def blocked(self, pos: int) -> bool:
        """A market or actor at `pos` gives no label (negated, ended, question or abroad)."""
        if self.question or self.is_negated(pos):
            return True
        if any(a <= pos < b for a, b in self.ended):
            return True
        return self.abroad_from is not None and pos >= self.abroad_from

    def clause_end(self, pos: int) -> int:
        i = bisect_right(self.bounds, pos)
        return self.bounds[i] if i < len(self.bounds) else self.end

    def clause_start(self, pos: int) -> int:
        i = bisect_right(self.bounds, pos)
        return self.bounds[i - 1] if i else self.start


@dataclass(slots=True)
class Doc:
    text: str
    low: str
    subject: str | None
    spans: list[tuple[int, int]]
    starts: list[int]
    mentions: list[Mention]
    hits: dict[str, list[Hit]]
    per: list[dict[str, list[Hit]]] = field(default_factory=list)
    #: (sentence, actor, head noun stem) of the group references seen so far, for anaphora
    recent: list[tuple[int, str, str]] = field(default_factory=list)
    last_foreign: int = -100  # sentence of the latest foreign group remembered

    def bucket(self, hits: Iterable[Hit]) -> list[list[Hit]]:
        out: list[list[Hit]] = [[] for _ in self.spans]
        for hit in hits:
            i = bisect_right(self.starts, hit.start) - 1
            if i >= 0 and hit.start < self.spans[i][1]:
                out[i].append(hit)
        return out

    def by_sentence(self) -> list[dict[str, list[Hit]]]:
        """Category → hits, for each sentence (computed once)."""
        if not self.per:
            self.per = [{} for _ in self.spans]
            starts, spans, per = self.starts, self.spans, self.per
            for cat, hits in self.hits.items():
                for hit in hits:
                    i = bisect_right(starts, hit.start) - 1
                    if i >= 0 and hit.start < spans[i][1]:
                        per[i].setdefault(cat, []).append(hit)
        return self.per


def extract(text: str, subject: str | None = None, lexicon: Lexicon | None = None) -> Extraction:
    """Find the evidence of `text` about `subject` (ISO2; detected from the text when None)."""
    lex = lexicon or get_lexicon()
    low = fold(text)
    spans = sentences(text)
    hits = lex.scanner.scan(low)
    regions = [(h.start, h.end) for h in hits.get("region", ())]
    mentions = outside(country_mentions(lex, text, low), regions)
    confidence = 1.0
    if subject is None:
        title_end = spans[0][1] if spans else 0
        subject, confidence = detect_subject(lex, low, mentions, title_end)
    doc = Doc(text, low, subject, spans, [s for s, _ in spans], mentions, hits)
    sents = _analyse(lex, doc)
    items = _items(lex, doc, sents)
    items += resilience_items(lex, doc, sents)
    items.sort(key=lambda it: (it.start, _FAMILY_ORDER[it.family]))
    return Extraction(subject, confidence, items)


_LEAD = re.compile(r"[\s\-–•*\"“‘(]*(?:\d+[.)]\s*|[A-Z]:\s*)?")
_FAMILY_ORDER = {"market": 0, "actor": 1, "origin": 2, "link": 3, "resilience": 4}


def _analyse(lex: Lexicon, doc: Doc) -> list[Sent]:
    per = doc.by_sentence()
    taken = [(m.start, m.end) for m in doc.mentions]
    found = doc.hits.get("region", ())
    regions = doc.bucket(_outermost(
        [h for h in found if not any(a <= h.start < b for a, b in taken)]) if found else ())
    mention_hits = doc.bucket(Hit(m.kind, m.start, m.end) for m in doc.mentions)
    by_pos = {m.start: m for m in doc.mentions}
    sents = []
    for i, (start, end) in enumerate(doc.spans):
        got = per[i]
        if not any(cat in got for cat in _CONTENT) and not mention_hits[i]:
            sents.append(Sent(i, start, end, doc.text[start:end]))
            continue
        cue = _Cues(got)
        sent = _modality(lex, doc, i, start, end, cue)
        mentions = [by_pos[h.start] for h in mention_hits[i]]
        sent.abroad_from = _abroad(lex, doc, sent, cue, mentions)
        _relations(doc.low, sent, cue)
        ctx = _Ctx(lex, doc, sent, mentions)
        ctx.foreign(regions[i], got.get("named", []))
        ctx.domestic(got.get("actor", []))
        ctx.embedded(got.get("state", []), got.get("private", []))
        if any(r.actor.startswith("foreign:") for r in sent.refs):
            sent.refs = [r for r in sent.refs if r.actor != FOREIGN]  # the specific wins
        sent.markets = [h for h in got.get("market", ()) if not sent.blocked(h.start)]
        sents.append(sent)
    return sents


class _Cues(dict):
    """The cue hits of one sentence; a missing cue is an empty list."""

    def __missing__(self, key: str) -> list[Hit]:
        return _NONE


_NONE: list[Hit] = []
_CONTENT = ("market", "actor", "named", "region", "state", "private", "topic")
_SCANNED_CUES = (
    "negation", "negation_phrase", "negation_backward", "hedge", "ended", "collaboration",
    "complicity", "knowing", "abroad", "movement", "clause_boundary", "here", "market_anaphor",
)


def _outermost(hits: list[Hit]) -> list[Hit]:
    """Drop hits that lie inside a longer hit."""
    return [h for h in hits if not any(
        o.start <= h.start and h.end <= o.end and (o.end - o.start) > (h.end - h.start)
        for o in hits)]


def _modality(
    lex: Lexicon, doc: Doc, i: int, start: int, end: int, cue: dict[str, list[Hit]]
) -> Sent:
    low, text = doc.low, doc.text
    sent = Sent(i, start, end, text[start:end])
    sent.bounds = [h.start for h in cue["clause_boundary"]]  # hits come in start order
    sent.question = (low.find("?", start, end) >= 0  # cheap: every question cue ends in "?"
                     and lex.cues["question"].search(low, start, end) is not None
                     and lex.cues["presupposition"].search(low, start, end) is None
                     and not _affirmed(doc, i))
    sent.hedged = bool(cue["hedge"])
    lead = _LEAD.match(text, start, end)
    first = lead.end() if lead else start
    sent.anaphoric = first < end and (
        text[first].islower() or lex.cues["anaphor"].match(low, first, end) is not None)
    sent.negated = _negations(low, sent, cue)
    sent.ended = [(_trade_start(low, sent, h.start), sent.clause_end(h.start))
                  for h in cue["ended"] if _ended(lex, doc, sent, h)]
    return sent


# "..., and the trade has all but vanished": the clause speaks of the sentence's market
_TRADE_BACK = re.compile(r"\b(?:the|this|that|such)\s+(?:[\w-]+\s+)?(?:trade|market|business|"
                         r"traffic|trafficking|smuggling)\b")
# "there is no organised trade in them": the negation reaches back to what "them" names
_NEG_BACK = re.compile(r"\s*(?:[\w-]+\s+)?(?:trade|market|business|traffic\w*)\s+in\s+"
                       r"(?:them|it|these|this)\b|\s*(?:such\s+)?(?:credible\s+)?(?:evidence|sign|proof|"
                       r"trace|involvement)\s+(?:of\s+(?:this|it|that|them|these)\b|(?:has|have|was|were)\b)"
                       r"|\s*such\s+(?:\w+\s+)?(?:involvement|activity|activities|structures|links)\b")
# "... surged, but has since declined and is now negligible": a clause with no subject
_ELLIPTIC = re.compile(r"[\s,;]*(?:but|and|yet)\s+(?:has|have|had|is|are|was|were)\b")


def _trade_start(low: str, sent: Sent, pos: int) -> int:
    start = sent.clause_start(pos)
    back = _TRADE_BACK.search(low, start, pos) or _ELLIPTIC.match(low, start)
    return sent.start if back else start


_PLACE_NOUN = re.compile(
    r"\s+(?:\w+\s+)?(?:cities|city|towns?|villages?|ports?|territory|soil|streets|markets?|"
    r"border|coast|capital|provinces?|regions?|waters|airports?)\b")
_YES = re.compile(r"\W*(?:[A-Z][\w ]{0,20}:\s*)?(?:yes|yeah|indeed|absolutely|certainly)\b", re.I)


def _affirmed(doc: Doc, i: int) -> bool:
    """A question whose answer (the next sentence) begins with "Yes" asserts its content."""
    if i + 1 >= len(doc.spans):
        return False
    start, end = doc.spans[i + 1]
    return _YES.match(doc.text, start, end) is not None


def _relations(low: str, sent: Sent, cue: dict[str, list[Hit]]) -> None:
    """Collaboration, complicity and back-reference cues that are not negated."""
    live = [h for name in _RELATIONS for h in cue[name] if not sent.is_negated(h.start)]
    names = {h.label for h in live}
    sent.collab = "collaboration" in names
    sent.complicity = "complicity" in names
    sent.knowing = "knowing" in names
    sent.refers_back = "market_anaphor" in names
    sent.collab_strong = any(h.label == "collaboration" and low[h.start : h.end] != "with"
                             for h in live)


_RELATIONS = ("collaboration", "complicity", "knowing", "market_anaphor")


def _negations(low: str, sent: Sent, cue: dict[str, list[Hit]]) -> list[tuple[int, int]]:
    """Spans a negation reaches: its clause forward, a phrase up to a comma, or backward."""
    spans = [(sent.start if _NEG_BACK.match(low, hit.end) else hit.end, sent.clause_end(hit.end))
             for hit in cue["negation"]]
    for hit in cue["negation_phrase"]:
        comma = low.find(",", hit.end, sent.end)
        stop = min(sent.clause_end(hit.end), hit.end + 40, comma if comma >= 0 else sent.end)
        spans.append((hit.end, stop))
    spans += [(sent.clause_start(h.start), h.start) for h in cue["negation_backward"]]
    return spans


def _ended(lex: Lexicon, doc: Doc, sent: Sent, hit: Hit) -> bool:
    before = doc.low[max(sent.start, hit.start - 30) : hit.start]
    return lex.cues["ended_cancel"].search(before) is None


def _abroad(
    lex: Lexicon, doc: Doc, sent: Sent, cue: dict[str, list[Hit]], mentions: list[Mention]
) -> int | None:
    """Where in the sentence statements about another country begin (None: nowhere)."""
    low, subject = doc.low, doc.subject
    here = bool(cue["here"]) or any(
        m.code == subject and (m.kind != "demonym" or _PLACE_NOUN.match(low, m.end))
        for m in mentions)
    moving = cue["movement"]
    for m in mentions:
        if (m.code != subject and m.kind != "demonym" and low.startswith(", where", m.end)
                and not any(h.start < m.start for h in moving)):
            return m.end
    if here or cue["movement"]:
        return None
    located = any(_located_in(lex, low, sent, m) for m in mentions if m.code != subject)
    return sent.start if located or cue["abroad"] else None


_IN = ("in ", "in the ", "in neighbouring ", "in neighboring ", "in nearby ", "in the neighbouring ",
       "in the neighboring ")


def _located_in(lex: Lexicon, low: str, sent: Sent, m: Mention) -> bool:
    if m.kind == "demonym" or not low.endswith(_IN, sent.start, m.start):
        return False
    before = low[max(sent.start, m.start - 40) : m.start]
    before = before[: before.rfind("in ")]
    return lex.cues["not_location"].search(before) is None


class _Ctx:
    """Collects the actor references of one sentence."""

    def __init__(self, lex: Lexicon, doc: Doc, sent: Sent, mentions: list[Mention]) -> None:
        self.lex, self.doc, self.sent, self.mentions = lex, doc, sent, mentions

    def add(self, actor: str, pos: int, span: tuple[int, int] | None = None) -> None:
        if span is not None:
            self.sent.spans.append(span)
        if self.sent.blocked(pos):
            return
        if all(r.actor != actor for r in self.sent.refs):
            self.sent.refs.append(Ref(actor, pos))

    def foreign(self, regions: list[Hit], named: list[Hit]) -> None:
        low = self.doc.low
        for m in self.mentions:
            if self._dual(m):
                continue
            if (m.kind != "place" or self._head_before(m.start)
                    or low.startswith(("-based", "-run", "-led"), m.end)):
                self._origin(m.code, m.start, m.end, m.kind)
        for hit in regions:
            self._origin(None, hit.start, hit.end, "region")
        for hit in named:
            info = self.lex.named_info[hit.label]
            after = self.lex.head_after.match(self.doc.low, hit.end)
            span = (self._head_of(hit.start), after.end() if after else hit.end)
            if info.home is not None and info.home != self.doc.subject:
                self.add(f"foreign:{info.home}", hit.start, span)
                if after is not None:
                    self._remember(f"foreign:{info.home}", after.group(2))
            else:
                self.add(info.actor, hit.start, span)

    def _dual(self, m: Mention) -> bool:
        """One half of "French-Moroccan" where the other half is the subject's own."""
        low = self.doc.low
        if low[m.start - 1 : m.start] != "-" and low[m.end : m.end + 1] != "-":
            return False
        return any(o.code == self.doc.subject and (o.end + 1 == m.start or m.end + 1 == o.start)
                   and self.doc.low[min(o.end, m.end)] == "-" for o in self.mentions)

    def _head_of(self, start: int) -> int:
        """Start of "clans of the" before a group name, or `start` itself."""
        m = self.lex.head_of.search(self.doc.low, max(self.sent.start, start - 60), start)
        return m.start() if m else start

    def _head_before(self, start: int) -> re.Match[str] | None:
        low = self.doc.low
        return self.lex.head_before.search(low, max(self.sent.start, start - 60), start)

    def _origin(self, code: str | None, start: int, end: int, kind: str) -> None:
        low, lex = self.doc.low, self.lex
        after = lex.head_after.match(low, end, self.sent.end)
        if after is not None and not self.doc.text[after.start(2)].islower():
            after = None  # "UK National Crime Agency": a proper name, not a group
        if after is not None and kind != "demonym" and (
                _LISTED.search(low, end, after.start(1)) or _PREP.match(after.group(1))):
            after = None  # "in Myanmar, Cambodia and Laos by bosses": only demonyms form lists
        before = None if after else self._head_before(start)
        if after is None and before is None and _ORIGIN_NOUN.match(low, end):
            before = lex.head_of.search(low, max(self.sent.start, start - 60), start)
        match = after or before
        if match is None:
            return
        head = (match.group(2) if after else next((g for g in match.groups() if g), None)
                or match.group(0).split()[0])
        if kind == "region" and head in lex.weak_heads:
            return
        if code is not None and code == self.doc.subject:
            span = (start, after.end()) if after else (before.start(), end)  # type: ignore[union-attr]
            domestic = lex.heads.get(head)
            if domestic is not None or head not in lex.weak_heads:
                self.sent.spans.append(span)  # "Finnish companies" stays open to private nouns
            if domestic is not None:
                self.add(domestic, start)
            return
        span = (self._head_of(start), after.end()) if after else (before.start(), end)  # type: ignore[union-attr]
        self.add(f"foreign:{code}" if code else FOREIGN, start, span)
        self._remember(f"foreign:{code}" if code else FOREIGN, head)

    def _remember(self, actor: str, noun: str) -> None:
        self.doc.recent.append((self.sent.idx, actor, _stem(noun)))
        if actor.startswith("foreign"):
            self.doc.last_foreign = self.sent.idx

    def domestic(self, hits: list[Hit]) -> None:
        low = self.doc.low
        foreign = [r for r in self.sent.refs if r.actor.startswith("foreign")]
        recent = self.sent.idx - self.doc.last_foreign <= _ANAPHOR_REACH
        for hit in hits:
            if any(a < hit.end and hit.start < b for a, b in self.sent.spans):
                continue
            noun = _stem(low[hit.start : hit.end])
            if foreign and self._foreign_group(hit, foreign):
                continue
            if recent and _DEFINITE.search(low, max(self.sent.start, hit.start - 13), hit.start):
                antecedent = self._antecedent(noun)
                if antecedent is not None and antecedent.startswith("foreign"):
                    self.add(antecedent, hit.start)  # "the cell" after "a Tren de Aragua cell"
                    continue
            self.add(hit.label, hit.start)
            self._remember(hit.label, noun)

    def _foreign_group(self, hit: Hit, foreign: list[Ref]) -> bool:
        """A group noun run by, owned by or set up by a foreign group of the sentence is that
        group ("rings run by Afghan nationals", "its cells"): add the foreign actor instead."""
        low = self.doc.low
        run_by = _RUN_BY.match(low, hit.end, self.sent.end)
        if run_by and any(run_by.end() <= r.pos <= run_by.end() + 45 for r in foreign):
            return True
        owner = [r for r in foreign if r.pos < hit.start]
        if owner and _OWNED.search(low, max(self.sent.start, hit.start - 25), hit.start):
            self.add(owner[-1].actor, hit.start)
            return True
        return False

    def _antecedent(self, noun: str) -> str | None:
        """The actor of the latest group named with the same noun in the last sentences."""
        for idx, actor, stem in reversed(self.doc.recent):
            if self.sent.idx - idx > _ANAPHOR_REACH:
                return None
            if stem == noun:
                return actor
        return None

    def embedded(self, state: list[Hit], private: list[Hit]) -> None:
        if self.sent.complicity:
            for hit in state:
                self.add(STATE, hit.start)
        if self.sent.knowing:
            for hit in private:
                if not any(a <= hit.start < b for a, b in self.sent.spans):
                    self.add(PRIVATE, hit.start)


_LISTED = re.compile(r",|\s(?:and|or)\s")
_PREP = re.compile(r"(?:by|in|to|from|with|for|of|on|at|via|through|into|across)\s")
# "its cells", "has established cells": the group noun belongs to the group just named
_OWNED = re.compile(r"\b(?:its|their)\s+(?:own\s+|local\s+|new\s+)?$|\b(?:established|set\s+up|"
                    r"opened|formed|created|built)\s+(?:\w+\s+)?$")
_ORIGIN_NOUN = re.compile(r"\s+(?:origin|nationality|descent|extraction)\b")  # "gangs of Albanian origin"
# "rings run by Afghan nationals": the group is the foreign one named after it
_RUN_BY = re.compile(r"(?:\s+[\w-]+){0,2}?\s+(?:run|led|headed|controlled|dominated|organi[sz]ed|"
                     r"operated|formed|made up|composed)\s+(?:\w+\s+){0,2}?(?:by|of)\s+")
_DEFINITE = re.compile(r"\b(?:the|these|those|this|that|such)\s+(?:same\s+)?$")
_ANAPHOR_REACH = 3  # sentences a definite "the gang" looks back for its antecedent


def _stem(noun: str) -> str:
    """The last word of a group noun, singular ("crime syndicates" -> "syndicate")."""
    word = noun.rsplit(None, 1)[-1] if noun.strip() else noun
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _items(lex: Lexicon, doc: Doc, sents: list[Sent]) -> list[EvidenceItem]:
    conf = lex.thresholds["confidence"]
    items: list[EvidenceItem] = []
    for sent in sents:
        c = float(conf["hedged"] if sent.hedged else conf["asserted"])
        mod = "hedged" if sent.hedged else "asserted"
        for label in dict.fromkeys(h.label for h in sent.markets):
            items.append(EvidenceItem("market", label, sent.text, sent.start, sent.end, c, mod))
        for ref in sent.refs:
            actor = FOREIGN if ref.actor.startswith("foreign") else ref.actor
            items.append(EvidenceItem("actor", actor, sent.text, sent.start, sent.end, c, mod))
            if ref.actor.startswith("foreign:"):
                code = ref.actor.split(":", 1)[1]
                items.append(EvidenceItem("origin", code, sent.text, sent.start, sent.end, c, mod))
    items += link_items(lex, sents, doc.text)
    return items
