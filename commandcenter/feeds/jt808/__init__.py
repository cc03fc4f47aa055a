"""JT/T 808 (道路运输车辆卫星定位系统终端通讯协议), Qt-free and socket-free: the muck trucks' and
enforcement vehicles' terminals report over it. ``framing`` and ``splitter`` turn a TCP byte stream
into frames, ``header`` reads the 2011/2013/2019 header variants, ``subpackets`` joins split bodies,
and one module per message decodes (terminal → platform) or encodes (platform → terminal) a body;
``messages`` dispatches a frame to its decoder. Decoded locations become ``domain.units.Position``
(WGS-84, ``source="jt808"``). The server that uses them is ``commandcenter.gateway.jt808_server``.

Vectors and vendor behaviour: /work/shared/reference/standards-dispatch-gps.md §2 (SmallChi/JT808 test
vectors, Traccar's ``huabao`` decoder where the standard is vague)."""
