#!/usr/bin/env python3
"""Issue 6, items 9, 10 and 12, in one run: Coachlog against an empty Tauri
window built with the same tauri, features and release profile.

Called by scripts/perf.sh, inside one Xvfb display and one private D-Bus
session (it checks both). It

1. prepares the databases with the release `coachlog` command: the demo team
   (the Today screen's start-up) and a large demo history (>= 100k notes,
   for search);
2. alternates runs of the empty window and of Coachlog (warm-up runs first,
   then --runs measured runs of each, the order flipped every round): spawn,
   wait for the "painted" line on standard output (start-up time), stay
   idle --idle seconds, sum the PSS of the process and every process below
   it (WebKit's web and network processes...), then SIGTERM;
3. runs the IPC benchmark in the real webview (tests/e2e/tests/perf.rs, an
   ignored test) on the large database, which prints one JSON line;
4. reads the sizes of both release binaries and of the .deb;
5. prints one table, and writes every figure to target/perf/results.json.

Nothing here is part of the test command.
"""

import argparse
import glob
import json
import math
import os
import platform
import selectors
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

TODAY_MARKER = "coachlog-probe: painted"
EMPTY_MARKER = "empty-window: painted"


# ---- Processes ---------------------------------------------------------------


def parents():
    """Parent pid of every process, from /proc."""
    out = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        rest = stat[stat.rfind(")") + 1 :].split()
        if len(rest) > 1:
            out[int(name)] = int(rest[1])
    return out


def tree(root):
    """`root` and every process below it."""
    par = parents()
    found = [root]
    i = 0
    while i < len(found):
        found.extend(c for c, p in par.items() if p == found[i])
        i += 1
    return found


def comm(pid):
    try:
        with open(f"/proc/{pid}/comm") as f:
            return f.read().strip()
    except OSError:
        return "?"


def pss_kib(pid):
    """Proportional set size of one process (KiB), from smaps_rollup."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            stat = f.read()
        return stat[stat.rfind(")") + 2] not in "ZX"
    except OSError:
        return False


def signal_alive(pids, sig):
    """Sends `sig` to each of `pids` still running (one may end meanwhile)."""
    for pid in pids:
        if alive(pid):
            try:
                os.kill(pid, sig)
            except OSError:
                pass


def stop(proc, grace=10.0):
    """SIGTERM the app, then whatever it started that is still there."""
    below = tree(proc.pid)[1:]
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    deadline = time.monotonic() + 3
    signal_alive(below, signal.SIGTERM)
    while time.monotonic() < deadline and any(alive(p) for p in below):
        time.sleep(0.05)
    signal_alive(below, signal.SIGKILL)


# ---- One start ------------------------------------------------------------------


def one_start(binary, env, marker, idle, log, timeout=60.0):
    """Start-up time to the marker line (ms), then PSS after `idle` seconds."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [binary], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=log, env=env
    )
    try:
        sel = selectors.DefaultSelector()
        sel.register(proc.stdout, selectors.EVENT_READ)
        buf = b""
        painted = None
        while painted is None:
            left = timeout - (time.perf_counter() - t0)
            if left <= 0 or not sel.select(left):
                raise RuntimeError(f"{binary}: no {marker!r} within {timeout:.0f} s")
            chunk = os.read(proc.stdout.fileno(), 65536)
            if not chunk:
                raise RuntimeError(f"{binary} exited ({proc.wait()}) before {marker!r}")
            buf += chunk
            if any(line.strip() == marker for line in buf.decode(errors="replace").splitlines()):
                painted = (time.perf_counter() - t0) * 1000
        sel.close()
        time.sleep(idle)
        pids = [p for p in tree(proc.pid) if alive(p)]
        parts = {}
        for p in pids:
            name = comm(p)
            parts[name] = parts.get(name, 0) + pss_kib(p)
        return painted, sum(parts.values()), parts
    finally:
        stop(proc)
        proc.stdout.close()


# ---- Figures --------------------------------------------------------------------


def pct(values, q):
    """Nearest-rank percentile (q in 0..100)."""
    v = sorted(values)
    return v[max(0, math.ceil(q / 100 * len(v)) - 1)]


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)


def size_of(path):
    return os.path.getsize(path) if path and os.path.exists(path) else None


def mib(n):
    return f"{n / 1048576:.1f} MiB" if n is not None else "–"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--app", required=True, help="release coachlog-desktop")
    ap.add_argument("--empty", required=True, help="release coachlog-empty-window")
    ap.add_argument("--cli", required=True, help="release coachlog")
    ap.add_argument("--deb", default="", help="the .deb built by scripts/release.sh")
    ap.add_argument("--ipc-cmd", default="", help="the IPC benchmark command (JSON line on stdout)")
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--idle", type=float, default=5.0)
    ap.add_argument("--people", type=int, default=240, help="large database: people")
    ap.add_argument("--years", type=int, default=10, help="large database: years")
    ap.add_argument("--out", default="target/perf")
    a = ap.parse_args()

    for var in ("DISPLAY", "DBUS_SESSION_BUS_ADDRESS"):
        if not os.environ.get(var):
            sys.exit(f"perf: {var} is not set; run this through scripts/perf.sh (Xvfb + dbus-run-session).")
    started = time.monotonic()
    os.makedirs(a.out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="coachlog-perf-")
    say = lambda msg: print(f"==> {msg}", file=sys.stderr, flush=True)

    # 1. Databases (the release CLI; today by the machine's clock, as the app).
    demo = os.path.join(work, "demo.sqlite")
    run([a.cli, "--db", demo, "demo"])
    run([a.cli, "--db", demo, "settings", "set", "notifications", "off"])
    big = os.path.join(a.out, f"search-{a.people}p-{a.years}y.sqlite")
    if not os.path.exists(big):
        say(f"generating the search database ({a.people} people, {a.years} years of history)")
        tmp = big + ".tmp"
        for f in glob.glob(tmp + "*"):
            os.remove(f)
        report = run([a.cli, "--db", tmp, "demo", "--people", str(a.people), "--years", str(a.years), "--seed", "7"])
        run([a.cli, "--db", tmp, "settings", "set", "notifications", "off"])
        os.replace(tmp, big)
        with open(big + ".txt", "w") as f:
            f.write(report.stdout)
    with open(big + ".txt") as f:
        dataset = " ".join(f.read().split())

    # 2. Start-up and idle memory, alternating.
    base = {k: v for k, v in os.environ.items() if not k.startswith("COACHLOG_")}
    base["NO_AT_BRIDGE"] = "1"
    envs = {}
    for name in ("empty", "app"):
        env = dict(base)
        for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache")):
            env[var] = os.path.join(work, name, sub)
            os.makedirs(env[var], exist_ok=True)
        envs[name] = env
    envs["app"]["COACHLOG_PROBE_STARTUP"] = "1"
    apps = {
        "empty": (a.empty, EMPTY_MARKER),
        "app": (a.app, TODAY_MARKER),
    }
    times = {"empty": [], "app": []}
    mem = {"empty": [], "app": []}
    parts = {"empty": [], "app": []}
    logs = {n: open(os.path.join(a.out, f"{n}-stderr.log"), "w") for n in apps}
    total = a.warmup + a.runs
    say(f"start-up and idle memory: {a.warmup} warm-up + {a.runs} runs of each, {a.idle:g} s idle")
    for i in range(total):
        order = ("empty", "app") if i % 2 == 0 else ("app", "empty")
        for name in order:
            binary, marker = apps[name]
            env = envs[name]
            if name == "app":
                db = os.path.join(work, "run.sqlite")
                for f in glob.glob(db + "*"):
                    os.remove(f)
                shutil.copyfile(demo, db)
                env["COACHLOG_DB"] = db
            t, pss, by = one_start(binary, env, marker, a.idle, logs[name])
            if i >= a.warmup:
                times[name].append(t)
                mem[name].append(pss)
                parts[name].append(by)
        if i >= a.warmup:
            print(
                f"  run {i - a.warmup + 1:2}/{a.runs}: empty {times['empty'][-1]:7.1f} ms {mem['empty'][-1] / 1024:6.1f} MiB"
                f" | Coachlog {times['app'][-1]:7.1f} ms {mem['app'][-1] / 1024:6.1f} MiB",
                file=sys.stderr,
                flush=True,
            )
        else:
            say(f"warm-up {i + 1}/{a.warmup} done")

    # 3. IPC in the real webview.
    ipc = {}
    if a.ipc_cmd:
        say("IPC: saves and searches in the real webview")
        env = dict(base)
        env["PERF_SEARCH_DB"] = os.path.abspath(big)
        env["COACHLOG_APP"] = os.path.abspath(a.app)
        env["COACHLOG_CLI"] = os.path.abspath(a.cli)
        out = subprocess.run(a.ipc_cmd, shell=True, env=env, capture_output=True, text=True)
        with open(os.path.join(a.out, "ipc.log"), "w") as f:
            f.write(out.stdout + "\n--- stderr ---\n" + out.stderr)
        for line in out.stdout.splitlines():
            if line.startswith("PERF_IPC "):
                ipc = json.loads(line[len("PERF_IPC ") :])
        if not ipc:
            print(f"perf: the IPC benchmark gave no figures; see {a.out}/ipc.log", file=sys.stderr)

    # 4. Sizes.
    sizes = {"app": size_of(a.app), "empty": size_of(a.empty), "deb": size_of(a.deb)}

    # 5. The table.
    def stat(v):
        return {"median": statistics.median(v), "p90": pct(v, 90), "min": min(v), "max": max(v)}

    st = {n: stat(times[n]) for n in times}
    ms = {n: stat(mem[n]) for n in mem}
    names = sorted({k for n in parts for d in parts[n] for k in d})
    breakdown = {
        n: {k: statistics.median([d.get(k, 0) for d in parts[n]]) for k in names if any(k in d for d in parts[n])}
        for n in parts
    }
    r_med = st["app"]["median"] / st["empty"]["median"]
    r_p90 = st["app"]["p90"] / st["empty"]["p90"]
    r_mem = ms["app"]["median"] / ms["empty"]["median"]
    r_size = sizes["app"] / sizes["empty"]
    ok = lambda c: "ok" if c else "FAILS"
    rows = [
        ("9", "start-up to painted, median", f"{st['empty']['median']:.0f} ms", f"{st['app']['median']:.0f} ms",
         f"{r_med:.2f}×", "≤ 1.3×", ok(r_med <= 1.3)),
        ("9", "start-up to painted, p90", f"{st['empty']['p90']:.0f} ms", f"{st['app']['p90']:.0f} ms",
         f"{r_p90:.2f}×", "≤ 1.3×", ok(r_p90 <= 1.3)),
        ("10", "idle PSS (process tree), median", f"{ms['empty']['median'] / 1024:.1f} MiB",
         f"{ms['app']['median'] / 1024:.1f} MiB", f"{r_mem:.2f}×", "≤ 1.25×", ok(r_mem <= 1.25)),
        ("10", "release binary", mib(sizes["empty"]), mib(sizes["app"]), f"{r_size:.2f}×", "≤ 2×", ok(r_size <= 2)),
        ("10", ".deb (scripts/release.sh)", "", mib(sizes["deb"]), "", "reported", ""),
    ]
    if ipc:
        for key, label, q, target in (
            ("save", "save: one_on_one_log, today's 1:1 with another PM each time", 99, 5.0),
            ("save_backdated", "save: one_on_one_log, one PM's 1:1s on the 1,000 days before", 99, 5.0),
            ("draft", "autosave: draft_save", 99, None),
            ("search", "search, 50 best hits", 95, 50.0),
        ):
            if key not in ipc:
                continue
            s = ipc[key]
            v = s[f"p{q}"]
            rows.append(
                ("12", f"{label} ({s['n']}×): p50 {s['p50']:.2f} / p95 {s['p95']:.2f} / p99 {s['p99']:.2f} ms",
                 "", f"p{q} {v:.2f} ms", "", f"≤ {target:g} ms p{q}" if target else "", ok(v <= target) if target else "")
            )
    head = ("item", "what", "empty window", "Coachlog", "ratio", "target", "")
    widths = [max(len(str(r[i])) for r in rows + [head]) for i in range(len(head))]
    line = lambda r: "  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip()
    print()
    print(line(head))
    print(line(["-" * w for w in widths]))
    for r in rows:
        print(line(r))
    print()
    print("idle PSS by process (median, MiB):")
    for n in ("empty", "app"):
        print(f"  {n:6} " + ", ".join(f"{k} {v / 1024:.1f}" for k, v in sorted(breakdown[n].items(), key=lambda kv: -kv[1])))
    print(f"search database ({a.people} people, {a.years} years, seed 7): {dataset}")
    if ipc.get("search", {}).get("median_by_query"):
        byq = sorted(ipc["search"]["median_by_query"].items(), key=lambda kv: -kv[1])
        print("search, median by query (ms): " + ", ".join(f"{q!r} {t:.0f}" for q, t in byq))
    if ipc and not ipc.get("timer_fractional", True):
        print("IPC timer: the webview's performance.now() counts whole milliseconds")
    elapsed = time.monotonic() - started
    machine = f"{platform.node()}: {os.cpu_count()} CPUs, {platform.platform()}"
    print(f"machine: {machine}")
    print(f"perf: measured in {elapsed / 60:.1f} min")

    results = {
        "machine": machine,
        "runs": a.runs,
        "warmup": a.warmup,
        "idle_s": a.idle,
        "startup_ms": {"empty": st["empty"], "app": st["app"], "ratio_median": r_med, "ratio_p90": r_p90},
        "startup_all_ms": times,
        "pss_kib": {"empty": ms["empty"], "app": ms["app"], "ratio_median": r_mem, "by_process": breakdown},
        "sizes": {**sizes, "ratio": r_size},
        "ipc": ipc,
        "search_db": dataset,
        "elapsed_s": elapsed,
    }
    with open(os.path.join(a.out, "results.json"), "w") as f:
        json.dump(results, f, indent=2)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
