"""Regenerate src/octa/data/ocindex_scores.csv from the official GI-TOC workbook.

usage: python scripts/build_embedded_data.py [../shared/data/ocindex/global_oc_index.xlsx]
"""

import sys
from pathlib import Path

from octa.store.embedded import EMBEDDED_FILE, write_embedded
from octa.store.workbook import read_ocindex_workbook

DEFAULT = Path(__file__).resolve().parents[2] / "shared/data/ocindex/global_oc_index.xlsx"

if __name__ == "__main__":
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    write_embedded(read_ocindex_workbook(source))
    print(f"wrote {EMBEDDED_FILE}")
