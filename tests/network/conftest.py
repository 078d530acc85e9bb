"""Make the shared helpers of the network tests importable as `netdata`."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
