"""Speed and memory benchmarks (``make bench``); results go to ``benchmarks/RESULTS.md``."""
