"""octa: organised-crime threat-assessment workbench."""

__version__ = "0.1.0"
