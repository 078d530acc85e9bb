"""Links: actor→market, actor↔actor collaboration and infiltration of the state."""

from __future__ import annotations

from typing import TYPE_CHECKING

from octa.extract.lexicon import Lexicon
from octa.extract.model import EvidenceItem

if TYPE_CHECKING:
    from octa.extract.engine import Sent

CRIMINAL = ("mafia-style-groups", "criminal-networks")
EMBEDDED = ("state-embedded-actors", "private-sector-actors")


def _criminal(actor: str) -> bool:
    return actor in CRIMINAL or actor.startswith("foreign")


def link_items(lex: Lexicon, sents: list[Sent]) -> list[EvidenceItem]:
    """Every link the sentences state, with a lower confidence for borrowed context."""
    conf, win = lex.thresholds["confidence"], lex.thresholds["windows"]
    items: list[EvidenceItem] = []
    for i, sent in enumerate(sents):
        refs = [r.actor for r in sent.refs]
        crim = [a for a in refs if _criminal(a)]
        emb = [a for a in refs if a in EMBEDDED]
        if not (refs or sent.markets):
            continue
        carried = _carried(sents, i, int(win["carry_back"]))
        base = float(conf["hedged"] if sent.hedged else conf["asserted"])
        low = min(base, float(conf["carried"]))
        make = _maker(sent, items)
        markets = list(dict.fromkeys(h.label for h in sent.markets))
        near = float(conf["nearby"])
        if not markets and sent.refers_back:
            markets, base = _previous_markets(sents, i), min(base, near)
        if sent.anaphoric and crim:
            carried = [a for a in carried if a in CRIMINAL]
        movers = crim + emb + (carried if sent.anaphoric else [])
        for actor in dict.fromkeys(movers):
            for market in markets:
                make(actor, market, None, base if actor in refs else low)
        if not markets:
            _nearby(sents, i, crim, int(win["market_near"]), make, near)
        _collaboration(sent, crim, carried, make, base, low)
        partners = _prefer_domestic(crim or (carried if sent.anaphoric else []))
        for e in emb:
            for actor in partners:
                make(actor, None, e, base if crim else low)
    return items


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


def _nearby(sents, i, crim, window, make, confidence) -> None:
    foreign = [a for a in crim if a.startswith("foreign")]
    domestic = [a for a in crim if a in CRIMINAL]
    if domestic and i > 0 and sents[i - 1].markets:
        for actor in domestic:
            for market in dict.fromkeys(h.label for h in sents[i - 1].markets):
                make(actor, market, None, confidence)
    if not foreign:
        return
    order = [i - d for d in range(1, window + 1)] + [i + d for d in range(1, window + 1)]
    for j in order:
        if 0 <= j < len(sents) and sents[j].markets:
            for actor in foreign:
                for market in dict.fromkeys(h.label for h in sents[j].markets):
                    make(actor, market, None, confidence)
            return


def _collaboration(sent, crim, carried, make, base, low) -> None:
    if not sent.collab:
        return
    domestic = [a for a in crim if a in CRIMINAL]
    foreign = [a for a in crim if a.startswith("foreign")]
    confidence = base
    if foreign and not domestic and (sent.anaphoric or sent.collab_strong):
        domestic, confidence = [a for a in carried if a in CRIMINAL], low
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
