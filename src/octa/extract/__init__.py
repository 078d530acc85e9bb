"""Evidence extraction: markets, actors, origins, resilience and links from report text.

    from octa.extract import extract, to_gold_record
    result = extract(text, subject="BE")        # or subject=None to detect it
    record = to_gold_record("d001", result)     # gold-format dict (see GUIDELINES)
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
