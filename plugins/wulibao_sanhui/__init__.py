"""五里堡街道 "三会一平台": the three standing meetings of the 路长制 and their follow-ups, kept on
the shared platform. (The seed names the practice, not its meetings; the three kinds below are
this module's reading — 路长例会, 问题会商会, 工作讲评会 — and are plain data, easy to change.)"""
