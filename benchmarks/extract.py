"""Benchmark the evidence extractor on a synthetic corpus.

    .venv/bin/python benchmarks/extract.py                 # 20,000 docs, one process
    .venv/bin/python benchmarks/extract.py --workers 4     # also a multiprocessing pool
    .venv/bin/python benchmarks/extract.py --docs 2000     # a quicker run

The corpus is generated from sentence templates (deterministic seed), about 300 words a
document; about 30% of the sentences are background (dates, context, procedure), as in real
reports, and the rest carry evidence (markets, actors, negations, hedges, resilience).

Each benchmark section is a function registered in SECTIONS and reports words/s; a later
section (e.g. end-to-end ingest into the store) is added by registering another.
"""

from __future__ import annotations

import argparse
import os
import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from octa.extract import extract, get_lexicon

COUNTRIES = [
    ("Portugal", "Portuguese", "Lisbon"), ("Ghana", "Ghanaian", "Accra"),
    ("Peru", "Peruvian", "Callao"), ("Poland", "Polish", "Gdańsk"),
    ("Kenya", "Kenyan", "Mombasa"), ("Thailand", "Thai", "Bangkok"),
    ("Mexico", "Mexican", "Manzanillo"), ("Greece", "Greek", "Piraeus"),
    ("Senegal", "Senegalese", "Dakar"), ("Canada", "Canadian", "Montreal"),
    ("Romania", "Romanian", "Constanța"), ("Philippines", "Filipino", "Manila"),
]
FOREIGN = ["Albanian", "Colombian", "Chinese", "Nigerian", "Turkish", "Serbian", "Dutch",
           "Vietnamese", "Brazilian", "Moroccan", "Russian", "Italian"]
ACTORS = ["criminal networks", "local gangs", "crime families", "loose crews", "armed groups",
          "smuggling rings", "biker gangs", "clans", "cartel cells", "street gangs"]
MARKETS = ["cocaine", "heroin", "cannabis resin", "methamphetamine", "counterfeit medicines",
           "smuggled cigarettes", "illegal timber", "ivory", "illegal gold", "firearms",
           "migrants", "ransomware attacks", "investment fraud", "protection money"]
TEMPLATES = [
    "{Dem} {actors} control much of the {market} trade around {city}.",
    "Police in {city} say {foreign} {actors} work with local {actors2} to move {market}.",
    "Investigators found no evidence that {actors} in {country} were involved in {market}.",
    "{Foreign} brokers are believed to supply {market} to {actors} operating in the north.",
    "The {market} business that once thrived on the coast has all but disappeared.",
    "Customs officers at the port of {city} are understaffed and poorly equipped.",
    "Several officials were accused of taking bribes from {actors} to protect {market} shipments.",
    "{Country} cooperates closely with Europol and Interpol on cross-border investigations.",
    "Courts in {city} face long delays, and prisons remain badly overcrowded.",
    "A new law adopted last year toughens penalties for {market} trafficking.",
    "Journalists who report on {actors} in {country} face threats and harassment.",
    "{Country} is a transit point for {market} bound for European markets.",
    "Assets worth millions were frozen under the anti-money laundering law.",
    "Lawyers and accountants knowingly helped the {actors} launder their profits.",
    "Local residents told reporters that {actors} demand weekly payments from shopkeepers.",
    "Prevention programmes for young people in {city} remain chronically underfunded.",
    "Trucks carrying {market} were intercepted near the border with a neighbouring state.",
    "Analysts warn that the market for {market} is growing in the suburbs of {city}.",
    "Witnesses are afraid to testify because protection arrangements have failed.",
    "The government has promised more resources, but results have so far been limited.",
]

#: Background sentences: real reports mix evidence with dates, context and procedure.
BACKGROUND = [
    "The report covers the period from January to December and draws on forty interviews.",
    "{City} is home to about two million people and a busy container terminal.",
    "The authors thank the local researchers who collected data in difficult conditions.",
    "Officials in {city} said the figures would be updated in the spring.",
    "The case was adjourned until next month at the request of the defence.",
    "Most of the interviews took place in the capital and two provincial towns.",
    "The survey was carried out with the help of a university in {country}.",
    "Further details are available in the annex to this report.",
    "The hearing lasted three days and was attended by journalists and relatives.",
    "Population growth and rapid urbanisation have changed the city in recent decades.",
]


def make_corpus(n_docs: int, seed: int = 20261129, words: int = 300) -> list[str]:
    """`n_docs` synthetic documents of about `words` words each (deterministic)."""
    rng = random.Random(seed)
    docs = []
    for _ in range(n_docs):
        country, dem, city = rng.choice(COUNTRIES)
        parts = [f"{country}: organised crime update"]
        count = 4
        while count < words:
            pool = BACKGROUND if rng.random() < 0.3 else TEMPLATES
            sentence = rng.choice(pool).format(
                Dem=dem, country=country, Country=country, city=city, City=city,
                foreign=rng.choice(FOREIGN), Foreign=rng.choice(FOREIGN),
                actors=rng.choice(ACTORS), actors2=rng.choice(ACTORS),
                market=rng.choice(MARKETS))
            parts.append(sentence)
            count += len(sentence.split())
        docs.append(" ".join(parts[1:3]) + "\n" + "\n\n".join(
            " ".join(parts[i : i + 4]) for i in range(3, len(parts), 4)))
    return docs


@dataclass
class Result:
    """One timed section: wall-clock seconds and the CPU seconds the work used."""

    name: str
    docs: int
    words: int
    seconds: float
    cpu_seconds: float

    def report(self) -> str:
        return (f"{self.name:<26}{self.docs:>7} docs {self.words:>11,} words "
                f"{self.seconds:7.2f} s wall {self.words / self.seconds:>10,.0f} words/s  "
                f"{self.words / self.cpu_seconds:>10,.0f} words/s per core (CPU time)")


def _extract_all(docs: list[str]) -> float:
    """Extract every document; return the CPU seconds used."""
    cpu = time.process_time()
    for text in docs:
        extract(text)
    return time.process_time() - cpu


def bench_single(docs: list[str], words: int, args: argparse.Namespace) -> Result:
    """Extraction alone, one process (subject detection included)."""
    get_lexicon()
    extract(docs[0])
    start, cpu = time.perf_counter(), time.process_time()
    _extract_all(docs)
    return Result("extract, single process", len(docs), words, time.perf_counter() - start,
                  time.process_time() - cpu)


def bench_pool(docs: list[str], words: int, args: argparse.Namespace) -> Result | None:
    """Extraction on a multiprocessing pool of --workers processes."""
    if args.workers <= 1:
        return None
    from multiprocessing import get_context

    chunks = [docs[i : i + 250] for i in range(0, len(docs), 250)]
    with get_context("spawn").Pool(args.workers, initializer=get_lexicon) as pool:
        pool.map(_extract_all, chunks[: args.workers])  # warm up every worker
        start = time.perf_counter()
        cpu = sum(pool.map(_extract_all, chunks))
        seconds = time.perf_counter() - start
    return Result(f"extract, pool of {args.workers}", len(docs), words, seconds, cpu)


def bench_ingest(docs: list[str], words: int, args: argparse.Namespace) -> Result | None:
    """End-to-end ingest into a fresh SQLite store (benchmarks/ingest.py, imported when run)."""
    from ingest import bench_ingest as run

    return run(docs, words, args)


#: Benchmark sections, run in order; each returns a Result (or None to skip itself).
SECTIONS: list[Callable[[list[str], int, argparse.Namespace], Result | None]] = [
    bench_single,
    bench_pool,
    bench_ingest,
]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20_000, help="documents to generate")
    parser.add_argument("--workers", type=int, default=1, help="pool size (>1 adds a section)")
    parser.add_argument("--seed", type=int, default=20261129)
    parser.add_argument("--only", default="", help="comma-separated sections to run, e.g. "
                        "'single,pool' (names after bench_); default: all")
    args = parser.parse_args(argv)
    only = {name.strip() for name in args.only.split(",") if name.strip()}
    docs = make_corpus(args.docs, args.seed)
    words = sum(len(d.split()) for d in docs)
    print(f"corpus: {len(docs):,} docs, {words:,} words ({words / len(docs):.0f} words/doc), "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
    for section in SECTIONS:
        if only and section.__name__.removeprefix("bench_") not in only:
            continue
        result = section(docs, words, args)
        if result is not None:
            print(result.report())


if __name__ == "__main__":
    main()
