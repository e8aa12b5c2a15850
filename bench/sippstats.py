#!/usr/bin/env python3
"""Turns one benchmark step's raw files into a row of bench/run.sh's table.

Standard library only. Usage:
  sippstats.py header
  sippstats.py row --rate R --stats STATS.csv [--rtt RTT.csv] [--cpu-ticks N]
                   [--sipp-cpu S] [--heap-mb M] [--gc-log F --gc-skip N]
                   [--drops N] [--rc RC]

STATS.csv is SIPp's -trace_stat file (';'-separated, one line per -fd period,
the last one is the state at exit). RTT.csv is SIPp's -trace_rtt file: one
line per call, the time from the INVITE to the 200 in ms.
"""

import argparse
import math
import os
import re
import sys

COLUMNS = [
    # (title, width)
    ("offered/s", 9),
    ("calls/s", 8),
    ("ok", 7),
    ("failed", 6),
    ("retrans", 7),
    ("mean ms", 7),
    ("p50", 4),
    ("p90", 4),
    ("p99", 4),
    ("max", 5),
    ("gw cpu s/1k", 11),
    ("sipp cpu s/1k", 13),
    ("heap MB", 7),
    ("gc n/sum/max ms", 18),
    ("udp drops", 9),
    ("rc", 3),
]


def fmt_row(values):
    return "  ".join(str(v).rjust(w) for v, (_, w) in zip(values, COLUMNS))


def last_stats(path):
    """The column names and the last line of a SIPp statistics file, as a dict."""
    with open(path, encoding="latin-1") as f:
        lines = [line.rstrip("\n") for line in f if line.strip()]
    if len(lines) < 2:
        raise ValueError(f"{path}: no statistics line")
    names = lines[0].rstrip(";").split(";")
    values = lines[-1].rstrip(";").split(";")
    return dict(zip(names, values))


def epoch(stamp):
    """SIPp writes times as 'date<TAB>time<TAB>epoch.micros'; returns the epoch."""
    return float(stamp.split("\t")[-1])


def percentile(sorted_values, p):
    """Nearest-rank percentile."""
    if not sorted_values:
        return None
    rank = max(1, math.ceil(p / 100.0 * len(sorted_values)))
    return sorted_values[rank - 1]


def rtts(path):
    values = []
    with open(path, encoding="latin-1") as f:
        for line in f:
            parts = line.strip().split(";")
            if len(parts) < 2:
                continue
            try:
                values.append(float(parts[1]))
            except ValueError:
                continue  # the header
    values.sort()
    return values


# G1 and Parallel log their pauses on -Xlog:gc ("GC(7) Pause Young (Normal) ...
# 3.456ms"), ZGC on gc+phases ("GC(3) Pause Mark Start 0.012ms").
GC_PAUSE = re.compile(r"GC\(\d+\) Pause .*?(\d+(?:\.\d+)?)ms\s*$")
# ZGC makes an allocating thread wait when the heap fills faster than it collects
GC_STALL = re.compile(r"Allocation Stall .*?(\d+(?:\.\d+)?)ms\s*$")


def gc_pauses(path, skip):
    """Pause and allocation-stall times (ms) in a -Xlog:gc file after its first `skip` lines."""
    pauses, stalls = [], []
    with open(path, encoding="latin-1") as f:
        for i, line in enumerate(f):
            if i < skip:
                continue
            m = GC_PAUSE.search(line)
            if m:
                pauses.append(float(m.group(1)))
            m = GC_STALL.search(line)
            if m:
                stalls.append(float(m.group(1)))
    return pauses, stalls


def num(v, digits=0):
    if v is None:
        return "-"
    return f"{v:.{digits}f}"


def row(args):
    s = last_stats(args.stats)
    ok = int(s["SuccessfulCall(C)"])
    failed = int(s["FailedCall(C)"])
    retrans = int(s["Retransmissions(C)"])
    elapsed = epoch(s["CurrentTime"]) - epoch(s["StartTime"])
    achieved = ok / elapsed if elapsed > 0 else 0.0

    mean = p50 = p90 = p99 = mx = None
    notes = []
    if args.rtt and os.path.exists(args.rtt):
        r = rtts(args.rtt)
        if r:
            mean = sum(r) / len(r)
            p50, p90, p99, mx = (percentile(r, p) for p in (50, 90, 99, 100))
        if len(r) < ok:
            notes.append(f"only {len(r)} of {ok} response times were dumped")
    else:
        notes.append("no response-time dump")

    per_k = 1000.0 / ok if ok else None
    gw_cpu = args.cpu_ticks / args.clk_tck * per_k if args.cpu_ticks is not None and per_k else None
    sipp_cpu = args.sipp_cpu * per_k if args.sipp_cpu is not None and per_k else None

    gc = "-"
    if args.gc_log and os.path.exists(args.gc_log):
        pauses, stalls = gc_pauses(args.gc_log, args.gc_skip)
        gc = f"{len(pauses)}/{num(sum(pauses))}/{num(max(pauses, default=0))}"
        if stalls:
            notes.append(f"{len(stalls)} allocation stalls, longest {num(max(stalls))} ms (heap too small)")

    print(fmt_row([
        args.rate,
        num(achieved),
        ok,
        failed,
        retrans,
        num(mean, 1),
        num(p50),
        num(p90),
        num(p99),
        num(mx),
        num(gw_cpu, 3),
        num(sipp_cpu, 3),
        args.heap_mb if args.heap_mb else "-",
        gc,
        args.drops if args.drops is not None else "-",
        args.rc if args.rc is not None else "-",
    ]))
    for note in notes:
        print(f"  note ({args.rate}/s): {note}", file=sys.stderr)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    sub.add_parser("header")
    r = sub.add_parser("row")
    r.add_argument("--rate", required=True)
    r.add_argument("--stats", required=True)
    r.add_argument("--rtt")
    r.add_argument("--cpu-ticks", type=int, help="gateway utime+stime delta, in clock ticks")
    r.add_argument("--clk-tck", type=int, default=os.sysconf("SC_CLK_TCK"))
    r.add_argument("--sipp-cpu", type=float, help="SIPp user+system CPU seconds")
    r.add_argument("--heap-mb")
    r.add_argument("--gc-log")
    r.add_argument("--gc-skip", type=int, default=0)
    r.add_argument("--drops", type=int)
    r.add_argument("--rc")
    args = p.parse_args()
    if args.cmd == "header":
        print(fmt_row([title for title, _ in COLUMNS]))
    else:
        row(args)


if __name__ == "__main__":
    main()
