"""Links: actor→market, actor↔actor collaboration and infiltration of the state."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from octa.extract.lexicon import Lexicon
from octa.extract.model import EvidenceItem

if TYPE_CHECKING:
    from octa.extract.engine import Sent

CRIMINAL = ("mafia-style-groups", "criminal-networks")
EMBEDDED = ("state-embedded-actors", "private-sector-actors")


def _criminal(actor: str) -> bool:
    return actor in CRIMINAL or actor.startswith("foreign")


def link_items(lex: Lexicon, sents: list[Sent], text: str = "") -> list[EvidenceItem]:
    """Every link the sentences state, with a lower confidence for borrowed context."""
    conf, win = lex.thresholds["confidence"], lex.thresholds["windows"]
    items: list[EvidenceItem] = []
    topic = _Topic(sents, text)
    back = int(win["carry_back"])
    for i, sent in enumerate(sents):
        refs = [r.actor for r in sent.refs]
        crim = [a for a in refs if _criminal(a)]
        emb = [a for a in refs if a in EMBEDDED]
        if not (refs or sent.markets) or (topic.heading[i] and not sent.markets):
            continue  # a heading that names only an actor ("Armed groups.") links nothing
        # a heading ("(b) Heroin.") names a topic and never refers back to an actor
        wanted = (sent.anaphoric or sent.collab or bool(emb)) and not topic.heading[i]
        carried = _carried(sents, i, back) if wanted else []
        base = float(conf["hedged"] if sent.hedged else conf["asserted"])
        low = min(base, float(conf["carried"]))
        make = _maker(sent, items)
        markets = list(dict.fromkeys(h.label for h in sent.markets))
        near = float(conf["nearby"])
        if not markets and sent.refers_back:
            markets = _previous_markets(sents, i) or topic.markets(i, 0) or topic.lead(i)
            base = min(base, near)
        before = carried
        if sent.anaphoric and crim:
            carried = [a for a in carried if a in CRIMINAL]
        movers = crim + emb + (carried if sent.anaphoric else [])
        if (not refs and markets and not sent.anaphoric
                and ("hey" in sent.text or "heir" in sent.text) and _THEIR.search(sent.text)):
            movers = _carried(sents, i, 1)  # "Stimulants remain their core business"
        scoped = _clause_markets(sent) if markets and sent.markets else None
        for actor in dict.fromkeys(movers):
            for market in markets if scoped is None else scoped.get(actor, scoped[""]):
                make(actor, market, None, base if actor in refs else low)
        if not markets:
            _nearby(sents, i, crim, int(win["market_near"]), make, near, topic)
            shield = [a for a in emb if a == EMBEDDED[1] or (
                not crim and _FACILITATE.search(sent.text) is not None)]
            if shield and not sent.anaphoric:  # officials who shield a trade, firms serving it
                for market in topic.markets(i, int(win["market_near"])) or topic.lead(i):
                    for actor in shield:
                        make(actor, market, None, near)
        _collaboration(sent, crim, before, make, base, low)
        partners = _prefer_domestic(crim or (carried if sent.anaphoric else []))
        them = bool(emb) and not partners and _OBJECT.search(sent.text) is not None
        if them:  # officials who "tip them off": the group of the sentences before
            partners = _prefer_domestic(carried)
        for e in emb:
            if them and e != EMBEDDED[0]:
                continue
            for actor in partners:
                make(actor, None, e, base if crim else low)
        if len(emb) == 2 and not crim and _COLLUSION.search(sent.text):  # a firm bribes officials
            make(EMBEDDED[1], None, EMBEDDED[0], base)
    return items


# clause boundaries that set two statements side by side ("X runs A; Y runs B", "while")
_CONTRAST = re.compile(r";|,? (?:while|whereas|but|although)\b|,? and (?:the )?(?:latter|former)\b")


def _clause_markets(sent: Sent) -> dict[str, list[str]] | None:
    """Actor -> the markets of its own clause, when the actors of a sentence sit in different
    clauses ("Turkish groups run heroin; Moroccan networks supply cannabis"); None otherwise.

    An actor whose clause names no market takes the markets of clauses that name no actor;
    the key "" holds what an actor carried from an earlier sentence (the first clause's).
    """
    if len(sent.refs) < 2 or len(sent.markets) < 2:
        return None
    bounds = [m.start() for m in _CONTRAST.finditer(sent.text)]
    if not bounds:
        return None
    where = {r.actor: bisect_right(bounds, r.pos - sent.start) for r in sent.refs}
    by_clause: dict[int, list[str]] = {}
    for hit in sent.markets:
        labels = by_clause.setdefault(bisect_right(bounds, hit.start - sent.start), [])
        if hit.label not in labels:
            labels.append(hit.label)
    own = {c for c in set(where.values()) if c in by_clause}
    if len(own) < 2:
        return None  # not two clauses that each pair their own actor with their own market
    every = list(dict.fromkeys(h.label for h in sent.markets))
    out = {actor: by_clause[c] if c in own else every for actor, c in where.items()}
    out[""] = by_clause[0] if 0 in own else every
    return out


def _prefer_domestic(actors: list[str]) -> list[str]:
    """The domestic criminal actors of a list, or all of them when there are none."""
    domestic = [a for a in actors if a in CRIMINAL]
    return domestic or actors


def _carried(sents: list[Sent], i: int, back: int) -> list[str]:
    for j in range(i - 1, max(-1, i - 1 - back), -1):
        crim = [r.actor for r in sents[j].refs if _criminal(r.actor)]
        if crim:
            return crim
    return []


def _previous_markets(sents: list[Sent], i: int, back: int = 2) -> list[str]:
    for j in range(i - 1, max(-1, i - 1 - back), -1):
        if sents[j].markets:
            return list(dict.fromkeys(h.label for h in sents[j].markets))
    return []


# what an official does for a trade (rather than corruption in general)
_FACILITATE = re.compile(
    r"(?i)\bprotect|\bshield|\b(?:let|lets|letting|wave|waved|waving|allow\w*) (?:[\w-]+ ){0,4}"
    r"through\b|other way|blind eye|\btip\w* (?:\w+ ){0,2}off|\bwarn|\bfalse|\bforged|\bfake|"
    r"\bpermits?\b|\blicen[cs]es?\b|certificates?|documents|\bescort|in exchange|in return|"
    r"for (?:a )?payments?\b|paid (?:off|to)|bribes? to\b|\bprocess\w*|\bsign\w*|\bapprov\w*|"
    r"\bsell\w*|\bsold\b|\bown\w*|\brun\w*|\binvolv\w*|\bcollu\w*|\bcomplicit|"
    r"\b(?:took|take|taking|accept\w*|receiv\w*) (?:\w+ ){0,2}(?:payments?|bribes?|money|cash)\b|"
    r"(?:payments?|bribes?|money|cash) from\b|\bcover\w* up|turn\w* out to be|themselves|organi[sz]")
_THEIR = re.compile(r"\b(?:they|their)\b", re.I)
_OBJECT = re.compile(r"\bthem\b", re.I)
_PRONOUN = re.compile(r"\b(?:they|them|it|its|their)\b", re.I)
_COLLUSION = re.compile(r"(?i)brib|collu|corrupt|paid off|pay off|kickback|on the payroll")
_PARA = re.compile(r"\n[ \t]*\n")
_HEADING_WORDS = 4  # a line of at most this many words that names a market heads a section
_LEAD_PARAS = 1  # the title and first paragraph state what a document is about
_TITLE_WORDS = 12  # ... or a line of at most this many words without a final full stop


def _is_heading(text: str, sent: Sent) -> bool:
    """A line of its own that is short ("Cocaine.", "(b) Heroin.") or a title."""
    if not text or (sent.start and text[sent.start - 1] != "\n"):
        return False
    words = sent.text.count(" ") + 1
    whole_line = sent.end >= len(text) or text[sent.end] == "\n"
    if words <= _HEADING_WORDS and sent.text[-1] not in "?!":
        # "Findings" on its own line; with a market also run-in: "1. Cocaine. Portugal ..."
        return whole_line or bool(sent.markets)
    return whole_line and bool(sent.markets) and words <= _TITLE_WORDS and (
        sent.text[-1] not in ".:;?!")


class _Topic:
    """The market a sentence without one is about: its paragraph's, else its section's."""

    def __init__(self, sents: list[Sent], text: str) -> None:
        self.sents = sents
        breaks = [m.start() for m in _PARA.finditer(text)] if "\n" in text else []
        #: paragraph of each sentence; is it a heading; the latest heading before it (-1:
        #: none); the first sentence of the lead that names a market
        self.para: list[int] = []
        self.heading: list[bool] = []
        self.section: list[int] = []
        self.first = len(sents)
        last, para, nbreaks = -1, 0, len(breaks)
        for j, sent in enumerate(sents):
            start = sent.start
            while para < nbreaks and breaks[para] <= start:
                para += 1
            self.para.append(para)
            heading = (not start or text[start - 1] == "\n") and _is_heading(text, sent)
            self.heading.append(heading)
            self.section.append(last)
            if heading:
                last = j
            if sent.markets and para <= _LEAD_PARAS and self.first > j:
                self.first = j

    def labels(self, j: int) -> list[str]:
        return list(dict.fromkeys(h.label for h in self.sents[j].markets))

    def markets(self, i: int, window: int) -> list[str]:
        sents, para = self.sents, self.para
        for j in range(i - 1, max(-1, i - 1 - window), -1):
            if para[j] != para[i] or self.heading[j]:
                break
            if sents[j].markets:
                return self.labels(j)
        for j in range(i + 1, min(len(sents), i + 1 + window)):
            if para[j] != para[i] or self.heading[j]:
                break
            if sents[j].markets:
                return self.labels(j)
        return self.in_section(i)

    def in_section(self, i: int) -> list[str]:
        """The markets of the heading of the section `i` is in."""
        return self.labels(self.section[i]) if self.section[i] >= 0 else []

    def lead(self, i: int) -> list[str]:
        """The markets of the document's first statement of one, when that comes before `i`."""
        return self.labels(self.first) if self.first < i else []


def _nearby(sents, i, crim, window, make, confidence, topic: _Topic) -> None:
    foreign = [a for a in crim if a.startswith("foreign")]
    domestic = [a for a in crim if a in CRIMINAL]
    if domestic and i > 0 and sents[i - 1].markets and not topic.heading[i - 1]:
        for actor in domestic:
            for market in dict.fromkeys(h.label for h in sents[i - 1].markets):
                make(actor, market, None, confidence)
        domestic = []
    for market in topic.markets(i, window) or topic.lead(i):
        for actor in foreign + domestic:
            make(actor, market, None, confidence)


def _collaboration(sent, crim, carried, make, base, low) -> None:
    if not sent.collab:
        return
    domestic = [a for a in crim if a in CRIMINAL]
    foreign = [a for a in crim if a.startswith("foreign")]
    confidence = base
    if foreign and not domestic and (sent.anaphoric or sent.collab_strong):
        domestic, confidence = [a for a in carried if a in CRIMINAL], low
    elif domestic and not foreign and sent.collab_strong and (
            sent.anaphoric or _PRONOUN.search(sent.text)):  # "They work with local crews"
        foreign, confidence = [a for a in carried if a.startswith("foreign")], low
    for d in domestic:
        for f in foreign:
            make(d, None, f, confidence)
    if sent.collab_strong and all(a in crim for a in CRIMINAL):
        make(CRIMINAL[0], None, CRIMINAL[1], base)  # a clan supplying a street network


def _maker(sent: Sent, items: list[EvidenceItem]):
    mod = "hedged" if sent.hedged else "asserted"

    def make(actor: str, market: str | None, partner: str | None, confidence: float) -> None:
        if partner is None:
            label = market or ""
        else:
            label = "infiltration" if partner in EMBEDDED else "collaboration"
        items.append(EvidenceItem("link", label, sent.text, sent.start, sent.end,
                                  confidence, mod, actor=actor, market=market, with_=partner))

    return make
