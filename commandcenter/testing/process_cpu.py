"""CPU time of processes on Linux (``/proc``), for the benchmarks: a gateway, its load generators and
a throwaway PostgreSQL cluster each report CPU per unit of work — steadier on a shared machine than
the rates, which the other jobs' load moves."""

from __future__ import annotations

import os
from pathlib import Path

from commandcenter.testing.postgres import ThrowawayPostgres


def cpu_seconds(pid: int, *, with_children: bool = False) -> float:
    """User + system CPU of ``pid`` so far (with its reaped children's when asked)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    used = int(fields[11]) + int(fields[12]) + (int(fields[13]) + int(fields[14]) if with_children else 0)
    return used / os.sysconf("SC_CLK_TCK")


def tree_cpu_seconds(pid: int) -> float:
    """``pid`` and its live children (a gateway with its listener processes, ``gateway.workers``)."""
    total = cpu_seconds(pid, with_children=True)
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    total += cpu_seconds(int(entry.name))
            except (OSError, ValueError):
                continue
    return total


def cluster_cpu_seconds(cluster: ThrowawayPostgres) -> float:
    """Every PostgreSQL process of the cluster: the postmaster, its live backends, the ones gone."""
    postmaster = int((cluster.root / "data" / "postmaster.pid").read_text().split()[0])
    total = cpu_seconds(postmaster, with_children=True)
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                if int(stat[1]) == postmaster:
                    total += cpu_seconds(int(entry.name))
            except (OSError, ValueError):
                continue
    return total
