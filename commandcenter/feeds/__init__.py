"""Sources of live data, one module (or package) per source, each turning what arrives into domain
records — ``Position`` for units — and handing them to the shared sinks here, as Traccar's decoders
hand theirs to one pipeline. The simulator and the JT/T 808 gateway (``feeds/jt808/``: one decoder per
message, used by ``gateway.jt808_server``) write through ``PositionSink``.
"""
