"""The demo: deterministic seed-scale data, the simulator that brings it to life, and the runtime
that starts both (plus the loopback video streams) for ``commandcenter demo``."""
