"""Ingest: turn files into graded, deduplicated documents with their extracted evidence.

Loaders (one small module per format) produce raw text and metadata; `pipeline.ingest` hashes,
deduplicates, extracts and writes each document with its evidence in one transaction.
"""
