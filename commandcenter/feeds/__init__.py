"""Sources of live data, one module (or package) per source, each turning what arrives into domain
records — ``Position`` for units — and handing them to the shared sinks here, as Traccar's decoders
hand theirs to one pipeline. The simulator writes through ``PositionSink`` today; the JT/T 808
gateway will add ``feeds/jt808/`` (one decoder per message) beside it.
"""
