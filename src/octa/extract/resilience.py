"""Resilience evidence: which indicator a clause talks about and with what polarity."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from octa.extract.lexicon import Hit, Lexicon
from octa.extract.model import EvidenceItem


def _outermost(hits: list[Hit]) -> list[Hit]:
    """Drop hits inside a longer hit (of any label); hits are sorted by start. Hits with the
    same span but different labels ("independent" cueing two indicators) are all kept."""
    out: list[Hit] = []
    for hit in sorted(set(hits), key=lambda h: (h.start, h.start - h.end, h.label)):
        if out and hit.end <= out[-1].end and (hit.start, hit.end) != (out[-1].start, out[-1].end):
            continue
        out.append(hit)
    return out


if TYPE_CHECKING:
    from octa.extract.engine import Doc, Sent

_CONTRAST = ("but", "however", "yet", "although", "though", "whereas")
_FLIP_REACH = 25
_COORDINATION = 6
_AFTER = 1.5


def resilience_items(lex: Lexicon, doc: Doc, sents: list[Sent]) -> list[EvidenceItem]:
    """One item per (sentence, indicator) the sentence evaluates."""
    per = doc.by_sentence()
    conf = lex.thresholds["confidence"]
    items: list[EvidenceItem] = []
    previous: set[str] = set()
    heading = 0  # the polarity of a list heading ("Main weaknesses:") over its items
    for sent in sents:
        if heading and not _ITEM.match(sent.text):
            heading = 0
        if sent.text.endswith(":"):
            heading = _heading(sent.text)
        found = per[sent.idx].get("topic")
        if not found and not previous:
            continue
        topics = _outermost(found) if found else []
        cues = _outermost(per[sent.idx].get("polarity", []))
        if not topics:
            topics = _carried_topic(doc, sent, previous, cues, sents)
            previous = set()
            if not topics:
                continue
        else:
            previous = {h.label for h in topics}
        c = float(conf["hedged"] if sent.hedged else conf["asserted"])
        mod = "hedged" if sent.hedged else "asserted"
        for label, polarity in _sentence(lex, doc, sent, topics, cues, heading).items():
            items.append(EvidenceItem("resilience", label, sent.text, sent.start, sent.end,
                                      c, mod, polarity=polarity))
    return items


_ITEM = re.compile(r"\s*(?:[-–•*]|\d+[.)]|\(?[a-z]\))\s")
_GOOD_HEAD = re.compile(r"(?i)\b(?:strengths?|achievements?|progress|positive developments?|"
                        r"good practices?|improvements?|successes)\b")
_BAD_HEAD = re.compile(r"(?i)\b(?:weaknesses|weak points|gaps|challenges|concerns|shortcomings|"
                       r"problems|deficiencies|failures|vulnerabilities|obstacles)\b")


def _heading(text: str) -> int:
    """A short line ending in a colon that announces strengths (+1) or weaknesses (-1)."""
    if len(text) > 60:
        return 0
    if _BAD_HEAD.search(text):
        return -1
    return 1 if _GOOD_HEAD.search(text) else 0


def _carried_topic(doc: Doc, sent: Sent, previous: set[str], cues: list[Hit],
                   sents: list[Sent]) -> list[Hit]:
    """A sentence with an evaluative word but no topic of its own continues the single topic
    of the sentence before it on the same line ("We lost two rangers. Morale is low."), or
    answers the question on the line before ("Q: And the courts?" / "A: Slow.")."""
    if len(previous) != 1 or not any(c.label in ("p", "n") for c in cues):
        return []
    if any(r.actor in _CRIMINAL or r.actor.startswith("foreign") for r in sent.refs) or (
            _CROOKS.search(doc.low, sent.start, sent.end)):
        return []  # "The cartel, weakened by a split, ...": the words judge the criminals
    if sent.idx == 0 or ("\n" in doc.text[doc.spans[sent.idx - 1][1] : sent.start]
                         and not sents[sent.idx - 1].question):
        return []
    return [Hit(next(iter(previous)), sent.start, sent.start)]


def _sentence(lex, doc, sent, topics: list[Hit], cues: list[Hit], heading: int = 0
              ) -> dict[str, int]:
    topics = _topics(lex, doc, sent, topics)
    guarded = _guard(doc, sent, topics)
    cues = [c for c in cues if c.label not in ("p", "n")
            or not any(t.start <= c.start and c.end <= t.end for t in topics)]
    scorer = _Scorer(lex, sent, guarded, cues, heading)
    found: dict[str, int] = {}
    for hit in guarded:  # the last statement of a sentence about an indicator wins
        polarity = scorer.polarity(hit)
        if polarity is None or (sent.question and polarity >= 0):
            continue
        if hit.label == "territorial-integrity" and _elsewhere(doc, sent):
            continue
        found[hit.label] = polarity
    return found


def _topics(lex: Lexicon, doc: Doc, sent: Sent, topics: list[Hit]) -> list[Hit]:
    speech = lex.cues["speech"]
    foreign = [m.end for m in doc.mentions if m.kind == "demonym" and m.code != doc.subject
               and sent.start <= m.end <= sent.end]
    return [h for h in topics
            if not speech.match(doc.low, h.end) and not _foreign_body(doc, foreign, h)]


def _foreign_body(doc: Doc, foreign: list[int], hit: Hit) -> bool:
    """A topic named as another country's institution ("French officials", "Dutch police");
    cooperation with them is still the subject's international cooperation. `foreign`: the
    ends of the sentence's demonyms of other countries."""
    if not foreign or hit.label == "international-cooperation":
        return False
    return any(end <= hit.start and _BETWEEN.fullmatch(doc.low, end, hit.start) for end in foreign)


def _guard(doc: Doc, sent: Sent, topics: list[Hit]) -> list[Hit]:
    """Generic cooperation wording counts only between states: not between criminals, and
    only where the sentence names another country or an international partner."""
    if all(hit.label != "international-cooperation" for hit in topics):
        return topics
    crim = [r[1] for r in sent.refs if r[0] in _CRIMINAL or r[0].startswith("foreign")]
    abroad = _ABROAD.search(sent.text) is not None or any(
        sent.start <= m.start < sent.end and m.code != doc.subject for m in doc.mentions)
    out = []
    for hit in topics:
        generic = hit.label == "international-cooperation" and _GENERIC.search(
            sent.text, hit.start - sent.start, hit.end - sent.start)
        clause = sent.clause_start(hit.start)
        if generic and (not abroad or any(
                clause <= pos < sent.clause_end(hit.start) for pos in crim)
                or _CROOKS.search(doc.low, clause, hit.start)):
            continue
        out.append(hit)
    return out


_CRIMINAL = ("mafia-style-groups", "criminal-networks")
_BETWEEN = re.compile(r"\s+(?:[\w-]+\s+)?")
_PREDICATIVE = re.compile(r"\b(?:is|are|was|were|remains?|remained|be|been|become|became|as|"
                          r"fully|truly|genuinely|more|less)\s+$")
_ABROAD = re.compile(r"(?i)\b(?:international|foreign|partners?|countries|europol|interpol|"
                     r"eurojust|eu|un|gulf|neighbou?ring|regional|counterparts)\b")
#: criminals named by a bare noun (no actor label, ruling 12) still make a clause theirs
_CROOKS = re.compile(r"\b(?:smugglers|traffickers|dealers|gang members|gangsters|criminals|"
                     r"poachers|fraudsters|launderers)\b")
_SINGLE = re.compile(r"(?i)\b(?:a|an|one) (?:senior |local |former |single )?(?:police ?(?:officer|man)|"
                     r"officer|official|customs (?:officer|official)|judge|prosecutor|border guard|"
                     r"guard|mayor|minister|politician|councillor|prison guard)\b")
_PATTERN = re.compile(r"(?i)\b(?:several|many|numerous|widespread|routine\w*|common|systemic|"
                      r"endemic|rampant|pervasive|often|frequently|repeatedly|again|another|"
                      r"others|officers|officials|guards|judges|prosecutors|politicians)\b")
_CORRUPT_CUE = re.compile(r"(?i)corrupt|brib|complicit|tip|sell|paid|took|taking|kickback|"
                          r"on the take|turn\w* a blind|look\w* the other")
_ABSENT = re.compile(r"\b(?:no|lacks?|lacking|without|absence of|lack of)\s+(?:[\w-]+\s+){0,2}$|"
                     r"\bno (?:\w+ )?(?:efforts?|attempts?|investment) (?:at|to|on|in|into) (?:\w+ )?$")
#: topics that name a harm: "no corruption", "no backlog" is no gap
_BAD_TOPIC = re.compile(r"corrupt|impunit|informal|backlog|cash|unregulated|state capture|"
                        r"misuse|out of fear|witness intimidation|intimidation")
_GENERIC = re.compile(r"(?i)cooperat|co-operat|partner|together|joint(?! investigation)|\bwith\b")


class _Scorer:
    """Polarity of each topic of one sentence from the cues nearest to it."""

    def __init__(self, lex: Lexicon, sent: Sent, topics: list[Hit], cues: list[Hit],
                 heading: int = 0) -> None:
        self.lex, self.sent, self.topics, self.cues = lex, sent, topics, cues
        self.heading = heading
        # ruling 9: one corrupt official is an actor, not a weakness of the institution
        self.single = _SINGLE.search(sent.text) is not None and _PATTERN.search(sent.text) is None
        lead = sent.text[:40].lstrip(" -–•*0123456789.)").lower()
        self.imperative = lex.cues["imperative"].match(lead) is not None
        self.negators = [c.end for c in cues if c.label in ("neg", "red")]
        self.reducers = [c.end for c in cues if c.label == "red"]
        self.clauses = [sent.clause_start(t.start) for t in topics]
        self._near: dict[Hit, set[str]] = {}
        labels = {t.label for t in topics}
        self.only: set[str] | None = labels if len(labels) == 1 else None
        self._flips: dict[Hit, tuple[bool, bool]] = {}

    def nearest(self, cue: Hit) -> set[str]:
        """The labels of the topics a cue describes (computed once per cue)."""
        if self.only is not None:
            return self.only  # one indicator in the sentence: every cue describes it
        found = self._near.get(cue)
        if found is None:
            found = self._near[cue] = self._nearest(cue)
        return found

    def _nearest(self, cue: Hit) -> set[str]:
        def gap(t: Hit) -> float:  # a cue describes the topic before it a little more often
            return max((t.start - cue.end) * _AFTER, cue.start - t.end, 0)

        clause = self.sent.clause_start(cue.start)
        near = [t for t, c in zip(self.topics, self.clauses, strict=True) if c == clause]
        near = near or self.topics
        best = min(gap(t) for t in near)
        chosen = [t for t in near if gap(t) == best]
        # coordinated topics ("officials and police commanders") share their cues
        linked = [t for t in near if any(
            max(t.start - c.end, c.start - t.end) <= _COORDINATION for c in chosen)]
        return {t.label for t in chosen + linked}

    def score(self, label: str, start: int, end: int, anywhere: bool = False) -> tuple[int, int]:
        pos = neg = 0
        fixed = label in self.lex.fixed
        for cue in self.cues:
            if not (start <= cue.start < end) or cue.label in ("neg", "red"):
                continue
            sign = _sign(cue.label, label, fixed)
            if sign == 0 or not (anywhere or label in self.nearest(cue)):
                continue
            if self.single and sign < 0 and _CORRUPT_CUE.match(
                    self.sent.text, cue.start - self.sent.start):
                continue
            if sign > 0 and self.imperative and cue.label == "p":
                sign = -1
            flipped, reduced = self.flips(cue)
            if sign > 0 and not flipped and self._describes(cue):
                continue  # "independent media": an adjective naming the topic, no evaluation
            if sign < 0 and reduced:
                sign, flipped = 1, False
            if sign > 0:
                pos, neg = (pos, neg + 1) if flipped else (pos + 1, neg)
            elif not flipped:
                neg += 1
        return pos, neg

    def flips(self, cue: Hit) -> tuple[bool, bool]:
        """Whether a negator of its clause precedes the cue, and whether a reducer does
        (computed once per cue)."""
        found = self._flips.get(cue)
        if found is None:
            reach, clause_start = cue.start - _FLIP_REACH, self.sent.clause_start
            clause = clause_start(cue.start)
            found = self._flips[cue] = (
                any(reach <= e <= cue.start and clause_start(e) == clause for e in self.negators),
                any(reach <= e <= cue.start for e in self.reducers))
        return found

    def _describes(self, cue: Hit) -> bool:
        """An attributive "independent" ("independent media", "independent reporting")
        names a kind of thing; only a predicative one ("courts are independent") judges."""
        text, offset = self.sent.text, cue.start - self.sent.start
        word = text[offset : offset + 12].lower()
        if word.startswith(("specialised ", "specialized ")):
            # "the specialised office warns it is short of staff": a definite name, and the
            # sentence's own criticism is its judgement
            return text[max(0, offset - 4) : offset].lower() == "the " and any(
                c.label == "n" or c.label.startswith("n:") for c in self.cues)
        if not word.startswith("independent "):
            return False
        return _PREDICATIVE.search(text[max(0, offset - 25) : offset].lower()) is None

    def polarity(self, hit: Hit) -> int | None:
        sent = self.sent
        pos, neg = self.score(hit.label, sent.clause_start(hit.start), sent.clause_end(hit.start))
        pos, neg = self.contrast(hit, pos, neg)
        if not pos and not neg:
            pos, neg = self.sentence_score(hit.label)
        if not pos and not neg:
            # a recommendation with no evaluative word ("Adopt the strategy") names a gap,
            # and so does a missing institution ("still has no national strategy")
            if self.imperative or self._absent(hit):
                return -1
            if self.heading and hit.label not in self.lex.fixed:
                return self.heading  # "Weaknesses:" / "- witness protection"
            return self.lex.defaults[hit.label] or None
        if pos == neg:
            return 0
        return 1 if pos > neg else -1

    def _absent(self, hit: Hit) -> bool:
        """The topic is said to be missing: "no / lacks / without (a) national strategy"."""
        if hit.label in self.lex.fixed or hit.start == hit.end:
            return False
        sent = self.sent
        text = sent.text[: hit.end - sent.start].lower()
        lead = max(sent.clause_start(hit.start) - sent.start, 0)
        return (_ABSENT.search(text, lead, hit.start - sent.start) is not None
                and _BAD_TOPIC.match(text, hit.start - sent.start) is None)

    def contrast(self, hit: Hit, pos: float, neg: float) -> tuple[float, float]:
        """A later "but/although ..." clause with no topic of its own has the last word
        about the sentence's first topic (its grammatical subject, as a rule)."""
        if hit is not self.topics[0]:
            return pos, neg
        sent, clause_end = self.sent, self.sent.clause_end(hit.start)
        edges = [b for b in sent.bounds if b >= clause_end] + [sent.end]
        for a, b in pairwise(edges):
            head = sent.text[a - sent.start : a - sent.start + 12].lstrip(" ;:,—–-")
            if not head.startswith(_CONTRAST) or any(a <= t.start < b for t in self.topics):
                continue
            p, n = self.score(hit.label, a, b, anywhere=True)
            if p or n:
                pos, neg = p, n
        return pos, neg

    def sentence_score(self, label: str) -> tuple[float, float]:
        sent = self.sent
        edges = [sent.start, *sent.bounds, sent.end]
        pos = neg = 0.0
        for a, b in pairwise(edges):
            head = sent.text[a - sent.start : a - sent.start + 12].lstrip(" ;:,—–-")
            weight = 2.0 if head.startswith(_CONTRAST) else 1.0
            p, n = self.score(label, a, b)
            pos, neg = pos + weight * p, neg + weight * n
        return pos, neg


def _sign(cue: str, label: str, fixed: bool) -> int:
    if cue in ("p", "n"):
        return 0 if fixed else (1 if cue == "p" else -1)
    if cue[2:] == label:
        return 1 if cue[0] == "p" else -1
    return 0


def _elsewhere(doc: Doc, sent: Sent) -> bool:
    """The sentence is about another country (transit elsewhere is not the subject's)."""
    inside = [m for m in doc.mentions if sent.start <= m.start < sent.end and m.kind != "demonym"]
    if any(m.code == doc.subject for m in inside):
        return False
    if _HERE.search(doc.low, sent.start, sent.end):
        return False
    return bool(inside)


#: words that keep a sentence naming another country about the subject ("its border with")
_HERE = re.compile(r"\b(?:its?|our) |\b(?:here|border with|"
                   r"the (?:country|port|island|river|coast|region|province|capital))\b")
