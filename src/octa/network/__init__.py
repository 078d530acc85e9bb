"""Person-level criminal network analysis: import, metrics, brokerage, communities, disruption.

Everything here takes and returns plain data (`Network`, lists, dicts); the CLI and the web
layers only parse, call and print.
"""
