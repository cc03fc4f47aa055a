"""The recorded-video (回放) window: several cameras of a platform played in step over a timeline."""
