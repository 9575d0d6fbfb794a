#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The background process's resident memory against the idle application's (issue 8).

Budget: Docket kept running for reminders (started at login with --background, no
window) stays within 1.2x the resident memory of the idle application with its
window open.  Both run against the same file (the sample records, plus
DOCKET_BENCH_ITEMS raw items, 10,000 by default, so the reminder service has work to
plan), with their own session bus, under the display the benchmark runs on
(xvfb-run).  Each figure is VmRSS from /proc after the process has been idle for
DOCKET_BENCH_SETTLE seconds (5 by default); the median of three runs.

Usage: bench-background.py DOCKET DOCKETCTL SCHEMA_DIR
"""

import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

APP_ID = "io.github.ketluan.Docket"


def rss_kib(pid):
    with open("/proc/%d/status" % pid) as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS for %d" % pid)


def make_database(docketctl, path, n_items, env):
    subprocess.run([docketctl, "sample", "load"], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    db = sqlite3.connect(path)
    unit = db.execute("SELECT id FROM units ORDER BY id LIMIT 1").fetchone()[0]
    meeting = db.execute("SELECT id FROM meetings ORDER BY id LIMIT 1").fetchone()[0]
    # The store folds text with its own SQL function; the raw rows here carry
    # folded text already and the search queue is replayed by the next open.
    db.create_function("docket_fold", 1, lambda text: (text or "").lower(), deterministic=True)
    with db:
        db.executemany(
            "INSERT INTO items (meeting_id, content, content_folded, lead_unit_id, "
            "deadline, original_deadline, created_at, updated_at, updated_by) "
            "VALUES (?, ?, ?, ?, ?, ?, 0, 0, 'bench')",
            [(meeting, "Nhiệm vụ %d" % i, "nhiem vu %d" % i, unit,
              "2027-%02d-%02d" % (1 + i % 12, 1 + i % 28), "2027-%02d-%02d" % (1 + i % 12, 1 + i % 28))
             for i in range(n_items)])
    db.close()


def measure(command, env, settle):
    """Starts @command on a private session bus and returns its VmRSS when idle."""
    bus = subprocess.Popen(["dbus-daemon", "--session", "--print-address", "--nofork"],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    address = bus.stdout.readline().strip()
    run_env = dict(env, DBUS_SESSION_BUS_ADDRESS=address)
    process = subprocess.Popen(command, env=run_env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        time.sleep(settle)
        if process.poll() is not None:
            raise RuntimeError("%s exited with %d" % (" ".join(command), process.returncode))
        return rss_kib(process.pid)
    finally:
        process.terminate()
        process.wait()
        bus.terminate()
        bus.wait()


def main():
    docket, docketctl, schema_dir = sys.argv[1:4]
    n_items = int(os.environ.get("DOCKET_BENCH_ITEMS", "10000"))
    settle = float(os.environ.get("DOCKET_BENCH_SETTLE", "5"))
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "docket.db")
        env = dict(os.environ,
                   DOCKET_DATABASE=path,
                   GSETTINGS_BACKEND="keyfile",
                   GSETTINGS_SCHEMA_DIR=schema_dir,
                   XDG_CONFIG_HOME=os.path.join(tmp, "config"),
                   XDG_DATA_HOME=os.path.join(tmp, "data"),
                   NO_AT_BRIDGE="1", GTK_A11Y="none")
        make_database(docketctl, path, n_items, env)
        # The preference that keeps the background process alive, as a person sets it.
        subprocess.run(["gsettings", "set", APP_ID, "run-in-background", "true"], env=env,
                       check=True)
        idle = [measure([docket], env, settle) for _ in range(3)]
        background = [measure([docket, "--background"], env, settle) for _ in range(3)]
    idle_kib = statistics.median(idle)
    background_kib = statistics.median(background)
    ratio = background_kib / idle_kib
    print("Resident memory, %d items in the file (median of 3, after %.0f s idle):"
          % (n_items + 18, settle))
    print("  idle application with its window: %.1f MiB" % (idle_kib / 1024))
    print("  background process (--background, no window): %.1f MiB" % (background_kib / 1024))
    print("  ratio %.2f (budget <= 1.2): %s" % (ratio, "PASS" if ratio <= 1.2 else "OVER BUDGET"))


if __name__ == "__main__":
    main()
