"""Evidence extraction: markets, actors, origins, resilience and links from report text.

    from octa.extract import extract, to_gold_record
    result = extract(text, subject="BE")        # or subject=None to detect it
    record = to_gold_record("d001", result)     # gold-format dict (see GUIDELINES)

`extract` returns an `Extraction(subject, subject_confidence, items)`; every `EvidenceItem`
has `family` (market/actor/origin/resilience/link), `label` (framework indicator id, ISO2
code for origins, market id / "collaboration" / "infiltration" for links), `sentence` with
its `start`/`end` offsets in the document, `confidence`, `modality` ("asserted"/"hedged"),
`polarity` (resilience) and, for links, `actor` with `market` or `with_` ("foreign:XX" for
foreign actors). `resilience_summary(items)` folds resilience items into one polarity per
indicator, as `to_gold_record` does.

The words live in `data/*.yaml` (countries, groups, markets, actors, resilience, cues,
thresholds), loaded once by `get_lexicon()`; `load_lexicon(path)` loads another copy and
raises `octa.exc.InvalidLexicon` naming the file and key of a bad entry. Batch helpers
(JSON Lines, process pool, Dask) are in `octa.extract.batch`; scoring in
`octa.extract.evaluate`.
"""

from octa.extract.engine import extract
from octa.extract.lexicon import get_lexicon, load_lexicon
from octa.extract.model import EvidenceItem, Extraction
from octa.extract.record import resilience_summary, to_gold_record

__all__ = [
    "EvidenceItem",
    "Extraction",
    "extract",
    "get_lexicon",
    "load_lexicon",
    "resilience_summary",
    "to_gold_record",
]
