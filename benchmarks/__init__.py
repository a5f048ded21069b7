"""Performance scripts. Each prints human-readable figures and, as its last line,
one JSON object:

  python -m benchmarks.dutylog [--db URL] [--entries N]   duty log at scale
  python -m benchmarks.startup                            cold start of the client

Figures belong in the output, never in the tests."""
