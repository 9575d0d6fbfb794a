#!/usr/bin/python3
# tests/test-cli.py: docketctl from the shell, as an administrator's script uses it.
#
# Copyright 2026 The Docket authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-cli.py DOCKETCTL SOURCE_DIR.  Prints TAP.  Every case makes its own
# database in a temporary folder.  The figures the report must show are worked out by
# hand in the comments next to the records that produce them.

import json
import locale
import os
import re
import shutil
import subprocess
import sys
import tempfile
import traceback

DOCKETCTL = sys.argv[1]
SOURCE_DIR = sys.argv[2]

# The day the figures of the whole-meeting case are taken on.
TODAY = "15/09/2026"


class Skip(Exception):
    pass


class Db:
    """A database file in a fresh folder, and docketctl run against it."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="docket-cli-")
        self.path = os.path.join(self.dir, "docket.db")

    def close(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def run(self, *args, stdin=None, env=None, json_output=False):
        argv = [DOCKETCTL, "--database", self.path]
        if json_output:
            argv.append("--json")
        argv += [a if isinstance(a, bytes) else str(a) for a in args]
        proc = subprocess.run(argv, input=stdin, capture_output=True, env=env, timeout=60)
        return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")

    def ok(self, *args, **kwargs):
        code, out, err = self.run(*args, **kwargs)
        if code != 0:
            raise AssertionError(f"{args} exited {code}: {err.strip()}")
        return out

    def json(self, *args, **kwargs):
        return json.loads(self.ok(*args, json_output=True, **kwargs))

    def new_id(self, *args, **kwargs):
        return self.json(*args, **kwargs)["id"]

    def bytes(self):
        with open(self.path, "rb") as f:
            return f.read()


def expect_equal(actual, expected, what=""):
    if actual != expected:
        raise AssertionError(f"{what}: expected {expected!r}, got {actual!r}")


def table_row(text, first_cell):
    """The cells of the table line that starts with @first_cell (cells are separated by
    two or more spaces; numbers are right-aligned)."""
    for line in text.splitlines():
        if line.startswith(first_cell):
            return [cell for cell in re.split(r"\s{2,}", line.strip())]
    raise AssertionError(f"no row {first_cell!r} in:\n{text}")


# The whole meeting, from the shell.

def build_meeting(db):
    """Three units, a meeting with two conclusions and attendees, eight items through
    the whole workflow.  Returns the ids by name."""
    ids = {}
    ids["vp"] = db.new_id("unit", "add", "Văn phòng HĐND và UBND xã")
    ids["kt"] = db.new_id("unit", "add", "Phòng Kinh tế")
    ids["tp"] = db.new_id("unit", "add", "Phòng Tư pháp")
    chair = db.new_id("person", "add", "Nguyễn Văn Hùng", "--title", "Chủ tịch UBND xã",
                      "--unit", "van phong hdnd")
    ids["meeting"] = db.new_id("meeting", "add", "Hội nghị sơ kết cải cách hành chính 2026",
                               "--kind", "half-year", "--date", "01/07/2026", "--start", "08:00",
                               "--chair", chair)
    m = ids["meeting"]
    c1 = db.new_id("conclusion", "add", m, "Khắc phục ngay các hạn chế Đoàn kiểm tra chỉ ra.")
    c2 = db.new_id("conclusion", "add", m, "Giảm tối đa hồ sơ trễ hạn.")
    db.ok("attendee", "add", m, "--unit", "Phòng Kinh tế", "--present")
    db.ok("attendee", "add", m, "--person", chair, "--present")

    def add(content, lead, *options):
        return db.new_id("item", "add", m, content, "--lead", lead, *options)

    # Văn phòng (vp): on time, late, and overdue by more than 30 days.
    ids["i1"] = add("Rà soát quy chế làm việc", "Văn phòng HĐND và UBND xã",
                    "--coordinate", "Phòng Kinh tế", "--deadline", "31/07/2026",
                    "--conclusion", c1)
    db.ok("item", "progress", ids["i1"], "Đã rà soát một nửa", "--percent", "50",
          "--date", "10/07/2026")
    db.ok("item", "report-done", ids["i1"], "--date", "20/07/2026", "--note", "Xong")
    db.ok("item", "confirm", ids["i1"])                          # completed on time
    ids["i2"] = add("Báo cáo kết quả kiểm tra", ids["vp"], "--deadline", "2026-07-15")
    db.ok("item", "report-done", ids["i2"], "--date", "20/07/2026")
    db.ok("item", "confirm", ids["i2"])                          # completed late
    # 10 working days after the meeting (no notice yet): 15/07/2026.
    ids["i8"] = add("Cập nhật danh mục thủ tục", ids["vp"], "--working-days", "10", "--star")
    # → on 15/09 overdue by 62 days (> 30), no progress.

    # Kinh tế (kt): overdue by 15 days but updated; within an approved extension.
    ids["i3"] = add("Giảm hồ sơ trễ hạn trên hệ thống một cửa", "Phòng Kinh tế",
                    "--coordinate", ids["vp"], "--coordinate", "Phòng Tư pháp",
                    "--deadline", "31/08/2026", "--conclusion", c2)
    db.ok("item", "report-done", ids["i3"], "--date", "10/08/2026")
    db.ok("item", "return", ids["i3"], "Thiếu số liệu tháng 7")
    db.ok("item", "progress", ids["i3"], "Bổ sung số liệu", "--date", "20/08/2026")
    ids["i4"] = add("Hướng dẫn nộp hồ sơ trực tuyến", ids["kt"], "--deadline", "15/07/2026")
    ext = db.json("item", "extend", ids["i4"], "30/09/2026", "--reason", "Chờ phần mềm",
                  "--date", "10/07/2026")
    expect_equal(ext["state"], "pending", "extension requested")
    db.ok("item", "approve-extension", ext["id"], "--document", "112/UBND-VP",
          "--date", "11/07/2026")                                 # in progress till 30/09

    # Tư pháp (tp): no deadline; overdue by 67 days; one cancelled (leaves every count).
    ids["i5"] = add("Tuyên truyền cải cách hành chính", ids["tp"])
    ids["i6"] = add("Niêm yết thủ tục mới", ids["tp"], "--deadline", "10/07/2026")
    ids["i7"] = add("Việc trùng lặp", ids["tp"], "--deadline", "30/07/2026")
    db.ok("item", "cancel", ids["i7"], "Trùng với việc khác")
    return ids


# Expected on 15/09/2026 for 2026, by hand:
#   unit       assigned compl on-time late %compl  not-compl in-prog overdue >30 no-dl upd %upd
EXPECTED = {
    "Văn phòng HĐND và UBND xã":
        ["3", "2", "1", "1", "66,67", "1", "0", "1", "1", "0", "0,00"],
    "Phòng Kinh tế":
        ["2", "0", "0", "0", "0,00", "2", "1", "1", "0", "0", "50,00"],
    "Phòng Tư pháp":
        ["2", "0", "0", "0", "0,00", "2", "0", "1", "1", "1", "0,00"],
    "Total":
        ["7", "2", "1", "1", "28,57", "5", "1", "3", "2", "1", "20,00"],
}
JSON_KEYS = ["assigned", "completed", "completed_on_time", "completed_late",
             "completed_percent", "not_completed", "in_progress", "overdue", "overdue_long",
             "no_deadline", "update_percent"]


def as_json_value(cell):
    return float(cell.replace(",", ".")) if "," in cell else int(cell)


def test_whole_meeting_report():
    db = Db()
    try:
        build_meeting(db)
        period = ["--from", "01/01/2026", "--to", "31/12/2026", "--today", TODAY]

        text = db.ok("report", *period)
        assert "Period report, 01/01/2026 – 31/12/2026, as of 15/09/2026" in text, text
        for unit, cells in EXPECTED.items():
            expect_equal(table_row(text, unit)[1:], cells, f"table row {unit}")
        assert "Completed 2 of 7 items (28,57 %)." in text, text

        report = db.json("report", *period)
        expect_equal(report["day"], "2026-09-15", "report day")
        rows = {row["unit"]: row for row in report["units"]}
        rows["Total"] = report["total"]
        for unit, cells in EXPECTED.items():
            got = [rows[unit][k] for k in JSON_KEYS]
            expect_equal(got, [as_json_value(c) for c in cells], f"JSON row {unit}")
        expect_equal(report["total"]["updated"], 1, "updated items")

        # Only one unit, named without diacritics.
        one = db.json("report", *period, "--unit", "phong tu phap")
        expect_equal([r["unit"] for r in one["units"]], ["Phòng Tư pháp"], "--unit")
        expect_equal(one["total"]["assigned"], 2, "--unit total")

        csv = subprocess.run([DOCKETCTL, "--database", db.path, "report", *period, "--csv"],
                             capture_output=True, check=True).stdout
        assert csv.startswith(b"\xef\xbb\xbf\"Unit\",\"Assigned\""), csv[:40]
        assert ('"Total","7","2","1","1","28,57","5","1","3","2","1","20,00"\r\n'
                .encode() in csv), csv
    finally:
        db.close()


def test_whole_meeting_items():
    db = Db()
    try:
        ids = build_meeting(db)

        def listed(*options):
            result = db.json("item", "list", "--today", TODAY, *options)
            expect_equal(result["total"], len(result["items"]), "total")
            return sorted(item["id"] for item in result["items"])

        expect_equal(listed("--overdue"), sorted([ids["i3"], ids["i6"], ids["i8"]]), "--overdue")
        expect_equal(listed("--unit", "Phòng Kinh tế"), sorted([ids["i3"], ids["i4"]]), "--unit")
        expect_equal(listed("--unit", "kinh te", "--coordinating"),
                     sorted([ids["i1"], ids["i3"], ids["i4"]]), "--coordinating")
        expect_equal(listed("--status", "no-deadline"), [ids["i5"]], "no-deadline")
        expect_equal(listed("--status", "cancelled"), [ids["i7"]], "cancelled")
        expect_equal(listed("--status", "completed"), sorted([ids["i1"], ids["i2"]]), "completed")
        expect_equal(listed("--starred"), [ids["i8"]], "--starred")
        expect_equal(listed("--meeting", ids["meeting"], "--limit", "0"),
                     sorted(ids[k] for k in ("i1", "i2", "i3", "i4", "i5", "i6", "i8")), "meeting")
        # 30/09 is 11 working days after 15/09: not within 10, within 11.
        expect_equal(listed("--due-within", "10"), [], "--due-within 10")
        expect_equal(listed("--due-within", "11"), [ids["i4"]], "--due-within 11")
        page = db.json("item", "list", "--today", TODAY, "--limit", "2", "--offset", "1")
        expect_equal((page["total"], len(page["items"])), (7, 2), "paging")

        shown = db.json("item", "show", ids["i4"], "--today", TODAY)
        expect_equal((shown["deadline"], shown["original_deadline"], shown["status"],
                      shown["days_left"]), ("2026-09-30", "2026-07-15", "in-progress", 15),
                     "extended item")
        expect_equal(shown["extensions"][0]["state"], "approved", "extension")
        expect_equal(db.json("item", "show", ids["i8"])["deadline"], "2026-07-15",
                     "working-days deadline")
        i3 = db.json("item", "show", ids["i3"], "--today", TODAY)
        expect_equal((i3["status"], i3["days_left"], i3["coordinating_unit_ids"]),
                     ("overdue", -15, [ids["vp"], ids["tp"]]), "returned item")
        kinds = [t["kind"] for t in i3["timeline"]]
        expect_equal(kinds, ["created", "reported-done", "returned", "progress"], "timeline")

        text = db.ok("item", "list", "--today", TODAY, "--overdue", "--sort", "lead-unit")
        row = [r for r in (re.split(r"\s{2,}", line.strip()) for line in text.splitlines())
               if r[-1] == "Niêm yết thủ tục mới"][0]
        expect_equal(row[0], str(ids["i6"]), "overdue row number")
        expect_equal(row[1:4], ["In progress, overdue", "10/07/2026", "67 days overdue"],
                     "overdue row")
        assert "Reported done" in db.ok("item", "show", ids["i3"]), "history"

        # Reopen a completed item: it leaves the completed count.
        db.ok("item", "reopen", ids["i2"], "Cần làm lại")
        report = db.json("report", "--from", "01/01/2026", "--to", "31/12/2026",
                         "--today", TODAY)
        expect_equal(report["total"]["completed"], 1, "completed after reopen")
    finally:
        db.close()


def test_sample_report():
    db = Db()
    try:
        db.ok("sample", "load")
        period = ["--from", "01/01/2026", "--to", "31/12/2026", "--today", "15/10/2026"]
        text = db.ok("report", *period)
        assert "Completed 10 of 18 items (55,56 %)." in text, text
        expect_equal(table_row(text, "Total")[1:3], ["18", "10"], "sample total row")
        expect_equal(table_row(text, "Total")[5], "55,56", "sample percent")
        total = db.json("report", *period)["total"]
        expect_equal((total["completed"], total["assigned"], total["completed_percent"]),
                     (10, 18, 55.56), "sample JSON")
        code, _, err = db.run("sample", "load")
        expect_equal(code, 6, "second sample load is a conflict: " + err)
    finally:
        db.close()


def test_calendar():
    db = Db()
    try:
        expect_equal(db.ok("workdays", "add", "07/07/2026", "10").strip(), "21/07/2026", "workdays")
        # Tết 2026: 17/02; the days off run 16–20/02.
        expect_equal(db.ok("workdays", "add", "13/02/2026", "1").strip(), "23/02/2026", "Tết")
        db.ok("holidays", "add", "14/07/2026", "--name", "Nghỉ bù")
        expect_equal(db.ok("workdays", "add", "07/07/2026", "10").strip(), "22/07/2026",
                     "with a day off entered")
        listed = db.json("holidays", "list", "--year", "2026")
        assert listed["scheduled"], listed
        days = {d["date"]: d for d in listed["days"]}
        expect_equal(days["2026-07-14"]["name"], "Nghỉ bù", "entered day")
        assert "2026-02-17" in days, "computed holidays are kept when one day is entered"
        db.ok("holidays", "add", "18/07/2026", "--working")
        expect_equal(db.ok("workdays", "add", "17/07/2026", "1").strip(), "18/07/2026",
                     "swapped Saturday")
        db.ok("holidays", "remove", "--year", "2026")
        expect_equal(db.ok("workdays", "add", "07/07/2026", "10").strip(), "21/07/2026",
                     "schedule removed")
        # Items counted in working days follow the schedule.
        db.ok("holidays", "add", "14/07/2026")
        unit = db.new_id("unit", "add", "Văn phòng")
        meeting = db.new_id("meeting", "add", "Họp", "--date", "07/07/2026")
        item = db.json("item", "add", meeting, "Việc", "--lead", unit, "--working-days", "10")
        expect_equal(item["deadline"], "2026-07-22", "item deadline in working days")
    finally:
        db.close()


def test_help_has_examples():
    db = Db()
    try:
        out = db.ok("item", "add", "--help")
        assert "Examples:" in out and "docketctl item add" in out, out
        assert "report" in db.ok("--help")
    finally:
        db.close()


# Bad input: one line on stderr, the exit code, the file byte for byte unchanged.

def bad_input_db():
    db = Db()
    db.ok("unit", "add", "Phòng Kinh tế")
    db.ok("unit", "add", "Phòng Tư pháp")
    db.ok("meeting", "add", "Họp", "--date", "01/07/2026")
    db.ok("item", "add", "1", "Việc đang làm", "--lead", "1", "--deadline", "30/09/2026")
    return db


def refused(args, code, message, stdin=None, env=None):
    def case():
        db = bad_input_db()
        try:
            before = db.bytes()
            got_code, out, err = db.run(*args, stdin=stdin, env=env)
            expect_equal(got_code, code, f"exit code (stderr: {err!r})")
            expect_equal(out, "", "standard output")
            expect_equal(err.count("\n"), 1, f"one line on stderr: {err!r}")
            assert err.startswith("docketctl: "), err
            assert message in err, f"{message!r} not in {err!r}"
            assert db.bytes() == before, "the database file changed"
            assert not os.path.exists(db.path + "-wal") or \
                os.path.getsize(db.path + "-wal") == 0, "a WAL was left behind"
        finally:
            db.close()
    return case


BAD_INPUT = [
    ("unknown unit",
     refused(["item", "add", "1", "Việc", "--lead", "Phòng Không Có", "--deadline", "30/09/2026"],
             3, "There is no unit named “Phòng Không Có”.")),
    ("31/02/2026",
     refused(["item", "add", "1", "Việc", "--lead", "1", "--deadline", "31/02/2026"],
             4, "“31/02/2026” is not a day of the calendar.")),
    ("deadline text instead of a date",
     refused(["item", "add", "1", "Việc", "--lead", "1", "--deadline", "cuối tháng 9"],
             4, "“cuối tháng 9” is not a date.")),
    ("missing required field (no lead unit)",
     refused(["item", "add", "1", "Việc", "--deadline", "30/09/2026"],
             2, "--lead UNIT")),
    ("missing required field (empty content)",
     refused(["item", "add", "1", "   ", "--lead", "1"], 4, "cannot be empty")),
    ("1 MB of text on standard input",
     refused(["item", "add", "1", "-", "--lead", "1"], 4, "is too long (1048576 characters)",
             stdin=b"a" * (1024 * 1024))),
    ("100 KB of text as an argument",
     refused(["item", "progress", "1", "b" * (100 * 1024)], 4, "is too long (102400 characters)")),
    ("invalid UTF-8 argument",
     refused(["item", "add", "1", b"Vi\xff\xfec", "--lead", "1"], 4, "not valid UTF-8")),
    ("ambiguous unit name lists the candidates",
     refused(["item", "add", "1", "Việc", "--lead", "phong"], 4,
             "could mean several records: Phòng Kinh tế (1); Phòng Tư pháp (2).")),
    ("unknown item",
     refused(["item", "confirm", "99"], 3, "This item no longer exists")),
    ("confirming an item nobody reported done",
     refused(["item", "confirm", "1"], 6, "Only an item its unit reported done")),
    ("report period backwards",
     refused(["report", "--from", "31/12/2026", "--to", "01/01/2026"], 4, "ends before it begins")),
    ("removing a day not in the schedule rolls the year's seeding back",
     refused(["holidays", "remove", "15/07/2026"], 3, "is not in the holiday schedule")),
    ("a list changes nothing",
     lambda: read_only_case()),
]


def read_only_case():
    db = bad_input_db()
    try:
        before = db.bytes()
        db.ok("item", "list")
        db.ok("report", "--from", "01/01/2026", "--to", "31/12/2026")
        db.ok("holidays", "list", "--year", "2026")
        assert db.bytes() == before, "a read-only command changed the database file"
    finally:
        db.close()


def po_has_translation(msgid_start):
    """Whether po/vi.po translates the message starting with @msgid_start."""
    try:
        with open(os.path.join(SOURCE_DIR, "po", "vi.po"), encoding="utf-8") as f:
            text = f.read()
    except OSError:
        return False
    for entry in text.split("\n\n"):
        if f'msgid "{msgid_start}' in entry and "#, fuzzy" not in entry:
            msgstr = entry.split("msgstr", 1)[1] if "msgstr" in entry else ""
            return re.search(r'"[^"]+"', msgstr) is not None
    return False


def test_vietnamese_message():
    msgid = "There is no unit named “%s”."
    env = dict(os.environ, LC_ALL="vi_VN.UTF-8", LANG="vi_VN.UTF-8", LANGUAGE="vi")
    try:
        locale.setlocale(locale.LC_ALL, "vi_VN.UTF-8")
        locale.setlocale(locale.LC_ALL, "C.UTF-8")
    except locale.Error:
        raise Skip("the vi_VN.UTF-8 locale is not installed")
    # The English case holds in any event.
    refused(["item", "add", "1", "Việc", "--lead", "Không Có"], 3,
            "There is no unit named “Không Có”.")()
    if not po_has_translation(msgid):
        raise Skip("po/vi.po does not translate “There is no unit named …” yet "
                   "(the translation pass will)")
    db = bad_input_db()
    try:
        before = db.bytes()
        code, out, err = db.run("item", "add", "1", "Việc", "--lead", "Không Có", env=env)
        expect_equal(code, 3, "exit code")
        assert "There is no unit" not in err and "Không Có" in err, err
        assert db.bytes() == before
    finally:
        db.close()


# Search, export, import and reminders.

def assert_unchanged(db, before, what):
    assert db.bytes() == before, f"{what} changed the database file"
    assert not os.path.exists(db.path + "-wal") or os.path.getsize(db.path + "-wal") == 0, \
        f"{what} left a WAL behind"


def search_db():
    db = Db()
    ids = {}
    ids["kt"] = db.new_id("unit", "add", "Phòng Kinh tế")
    ids["vp"] = db.new_id("unit", "add", "Văn phòng")
    ids["meeting"] = db.new_id("meeting", "add", "Họp giao ban tháng 7", "--date", "01/07/2026")
    ids["land"] = db.new_id("item", "add", ids["meeting"],
                            "Giải quyết dứt điểm hồ sơ đất đai tồn đọng", "--lead", ids["kt"],
                            "--deadline", "30/09/2026")
    ids["other"] = db.new_id("item", "add", ids["meeting"], "Cập nhật cổng thông tin điện tử",
                             "--lead", ids["vp"])
    return db, ids


def test_search():
    db, ids = search_db()
    try:
        before = db.bytes()
        # Typed without diacritics, it finds the Vietnamese item.
        text = db.ok("search", "ho so dat dai")
        row = table_row(text, "Directive items")
        expect_equal(row[1], f"item {ids['land']}", "the command that opens the result")
        assert "[đất] [đai]" in row[2], row
        assert "Cập nhật" not in text, text
        # The words may come as several arguments.
        assert f"item {ids['land']}" in db.ok("search", "ho", "so", "dat", "dai")

        found = db.json("search", "dat dai")
        expect_equal(set(found), {"query", "results"}, "search JSON members")
        expect_equal(found["query"], "dat dai", "query")
        expect_equal(len(found["results"]), 1, "one result")
        result = found["results"][0]
        expect_equal(set(result), {"kind", "id", "meeting_id", "item_id", "date", "title",
                                   "snippet", "snippet_marked", "exact"}, "result members")
        expect_equal((result["kind"], result["id"], result["item_id"], result["meeting_id"],
                      result["date"], result["exact"]),
                     ("item", ids["land"], ids["land"], ids["meeting"], "2026-07-01", False),
                     "result")
        expect_equal(result["title"], "Giải quyết dứt điểm hồ sơ đất đai tồn đọng", "title")
        assert "[đất] [đai]" in result["snippet_marked"], result
        assert "[" not in result["snippet"], result
        # Typed with the diacritics, the match is exact.
        assert db.json("search", "đất đai")["results"][0]["exact"] is True

        # Hostile input is words, never query syntax: exit 0, nothing found, no error.
        for hostile in ['"(" AND * -', 'NEAR(', '"', '*', ')))', "' OR 1=1 --"]:
            code, out, err = db.run("search", hostile)
            expect_equal((code, err), (0, ""), f"search {hostile!r}")
            expect_equal(out.strip(), "Nothing found. Try fewer words, or remove the filters.",
                         f"search {hostile!r}")
            got = db.json("search", hostile)
            expect_equal((got["query"], got["results"]), (hostile, []), f"JSON {hostile!r}")
        # Punctuation around a word separates words: the word is still found.
        got = db.json("search", '"(đất*" AND')
        expect_equal(got["results"], [], "AND is a word that must match too")
        got = db.json("search", '"(đất*"')
        expect_equal([r["item_id"] for r in got["results"]], [ids["land"]], "quoted word")

        # Filters.
        expect_equal(db.json("search", "dat dai", "--kind", "meeting")["results"], [], "--kind")
        expect_equal(db.json("search", "dat dai", "--unit", "van phong")["results"], [],
                     "--unit")
        expect_equal(len(db.json("search", "dat dai", "--from", "01/07/2026")["results"]), 1,
                     "--from")
        expect_equal(db.json("search", "dat dai", "--to", "30/06/2026")["results"], [], "--to")
        assert_unchanged(db, before, "search")

        for args, code in ((["search"], 2), (["search", "dat", "--limit", "0"], 2),
                           (["search", "dat", "--limit", "501"], 2),
                           (["search", "dat", "--kind", "bogus"], 2),
                           (["search", "dat", "--from", "31/02/2026"], 4),
                           (["search", "dat", "--unit", "Phòng Không Có"], 3)):
            got_code, out, err = db.run(*args)
            expect_equal(got_code, code, f"{args} (stderr: {err!r})")
            expect_equal((out, err.count("\n")), ("", 1), f"{args}: one line on stderr")
        assert_unchanged(db, before, "a refused search")

        db.ok("search-index", "rebuild")
        expect_equal(db.json("search", "dat dai")["results"][0]["item_id"], ids["land"],
                     "search after rebuild")
    finally:
        db.close()


def test_export_items_csv():
    db = Db()
    try:
        unit = db.new_id("unit", "add", "Phòng Kinh tế")
        meeting = db.new_id("meeting", "add", "Họp", "--date", "01/07/2026")
        first = db.new_id("item", "add", meeting, "=HYPERLINK(\"http://x\",\"bấm\")",
                          "--lead", unit, "--deadline", "30/09/2026")
        second = db.new_id("item", "add", meeting, "Rà soát \"hồ sơ\", thủ tục", "--lead", unit)
        before = db.bytes()
        out = os.path.join(db.dir, "viec.csv")

        expect_equal(db.ok("export", "items", "--csv", "-o", out, "--today", TODAY).strip(),
                     f"Wrote {out}.", "message")
        with open(out, "rb") as f:
            data = f.read()
        assert data.startswith(b"\xef\xbb\xbf"), data[:10]
        lines = data[3:].decode("utf-8").split("\r\n")
        expect_equal(lines[-1], "", "the last line ends in CR LF")
        lines = lines[:-1]
        expect_equal(len(lines), 3, "a header and a row per item")
        assert lines[0].startswith('"No.","Item","Content","Lead unit","Coordinating units",'
                                   '"Meeting"'), lines[0]
        assert '"Deadline"' in lines[0] and '"Status"' in lines[0], lines[0]
        # Sorted by deadline, the item without one last; the formula is neutralised and
        # quotes are doubled.
        assert lines[1].startswith(f'"1","{first}","\'=HYPERLINK(""http://x"",""bấm"")",'
                                   '"Phòng Kinh tế",'), lines[1]
        assert '"30/09/2026"' in lines[1], lines[1]
        assert lines[2].startswith(f'"2","{second}","Rà soát ""hồ sơ"", thủ tục",'), lines[2]
        assert "\n" not in data.decode("utf-8").replace("\r\n", ""), "bare line feed"
        assert_unchanged(db, before, "export items")

        written = db.json("export", "items", "--csv", "-o", out, "--status", "no-deadline")
        expect_equal(written, {"file": out}, "JSON")
        with open(out, "rb") as f:
            expect_equal(len(f.read().split(b"\r\n")), 3, "one item with --status")

        for args, code in ((["--csv", "--xlsx", "-o", out], 2), (["--csv"], 2),
                           (["-o", out], 2), (["--csv", "-o", out, "--status", "late"], 4),
                           (["--csv", "-o", out, "--unit", "Phòng Không Có"], 3)):
            got_code, _, err = db.run("export", "items", *args)
            expect_equal(got_code, code, f"export items {args} (stderr: {err!r})")
        assert_unchanged(db, before, "a refused export")
    finally:
        db.close()


def test_export_notice_pdf():
    db = Db()
    try:
        db.ok("sample", "load")
        before = db.bytes()
        out = os.path.join(db.dir, "thong-bao.pdf")
        expect_equal(db.json("export", "notice", "1", "--pdf", "-o", out), {"file": out}, "JSON")
        with open(out, "rb") as f:
            data = f.read()
        assert data.startswith(b"%PDF-"), data[:10]
        assert len(data) > 1000, len(data)
        assert_unchanged(db, before, "export notice")

        docx = os.path.join(db.dir, "thong-bao.docx")
        db.ok("export", "notice", "1", "--docx", "-o", docx)
        with open(docx, "rb") as f:
            assert f.read(2) == b"PK", "a Word document is a zip file"

        missing = os.path.join(db.dir, "khong-co.pdf")
        code, _, err = db.run("export", "notice", "99", "--pdf", "-o", missing)
        expect_equal(code, 3, f"unknown meeting (stderr: {err!r})")
        assert not os.path.exists(missing), "a refused export left a file"
        for args in (["1", "-o", missing], ["1", "--pdf", "--docx", "-o", missing],
                     ["1", "--pdf"], ["tam", "--pdf", "-o", missing]):
            code, _, err = db.run("export", "notice", *args)
            expect_equal(code, 2, f"export notice {args} (stderr: {err!r})")
        assert_unchanged(db, before, "a refused export")

        if shutil.which("pdftotext") is None:
            if os.environ.get("CI"):
                raise AssertionError("pdftotext (poppler-utils) is needed on CI")
            raise Skip("the PDF was written; pdftotext is not installed to read its text")
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", out, "-"], capture_output=True,
                              check=True).stdout.decode("utf-8")
        for expected in ("THÔNG BÁO", "Số: 45/TB-UBND", "Hội nghị"):
            assert expected in text, f"{expected!r} not in the notice's text:\n{text[:2000]}"
    finally:
        db.close()


def test_export_calendar():
    db = Db()
    try:
        db.ok("sample", "load")
        before = db.bytes()
        unit = db.json("unit", "list")
        kt = [u["id"] for u in unit if u["name"] == "Phòng Kinh tế"][0]
        items = db.json("item", "list", "--unit", kt, "--coordinating", "--limit", "0",
                        "--status", "all")["items"]
        open_ids = sorted(i["id"] for i in items
                          if i["state"] in ("open", "reported-done", "returned"))
        assert open_ids, "the sample gives Phòng Kinh tế open items"

        out = os.path.join(db.dir, "kinh-te.ics")
        expect_equal(db.ok("export", "calendar", "--unit", "phong kinh te", "-o", out), "",
                     "nothing printed")
        with open(out, "rb") as f:
            data = f.read().decode("utf-8")
        assert data.startswith("BEGIN:VCALENDAR\r\n"), data[:40]
        assert data.endswith("END:VCALENDAR\r\n"), data[-40:]
        expect_equal(data.count("BEGIN:VTODO\r\n"), len(open_ids), "a VTODO per open item")
        expect_equal(data.count("END:VTODO\r\n"), len(open_ids), "VTODOs closed")
        uids = sorted(int(m) for m in re.findall(r"^UID:docket-item-(\d+)@", data, re.M))
        expect_equal(uids, open_ids, "the open items the unit leads or coordinates")
        assert "X-WR-CALNAME:Phòng Kinh tế\r\n" in data, data[:400]
        expect_equal(db.json("export", "calendar", "--unit", kt, "-o", out),
                     {"unit_id": kt, "file": out}, "JSON")
        assert_unchanged(db, before, "export calendar")

        for args, code in ((["--unit", kt], 2), (["-o", out], 2),
                           (["--unit", "Phòng Không Có", "-o", out + ".2"], 3)):
            got_code, _, err = db.run("export", "calendar", *args)
            expect_equal(got_code, code, f"export calendar {args} (stderr: {err!r})")
        assert not os.path.exists(out + ".2"), "a refused export left a file"
        assert_unchanged(db, before, "a refused export")
    finally:
        db.close()


IMPORT_BAD = ("Nội dung;Đơn vị chủ trì;Thời hạn\r\n"
              "Thống kê đất công chưa sử dụng;Phòng Kinh tế;30/11/2026\r\n"
              "Kiểm tra bếp ăn trường học;Trạm Y tế xã;31/02/2026\r\n")
IMPORT_GOOD = ("Nội dung;Đơn vị chủ trì;Đơn vị phối hợp;Thời hạn\n"
               "Rà soát hồ sơ đất đai tồn đọng;phong kinh te;Công an xã;30/11/2026\n"
               "Kiểm tra bếp ăn trường học;Trạm Y tế xã;;15/12/2026\n"
               "Tuyên truyền phòng chống dịch;Trạm Y tế xã;;Thường xuyên\n")


def import_db():
    """The sample (its meeting's notice is issued, its items locked) and a new meeting
    to import into."""
    db = Db()
    db.ok("sample", "load")
    meeting = db.new_id("meeting", "add", "Họp giao ban tháng 11", "--date", "02/11/2026")
    return db, meeting


def write_file(db, name, text):
    path = os.path.join(db.dir, name)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    return path


def test_import_dry_run():
    db, meeting = import_db()
    try:
        bad = write_file(db, "bad.csv", IMPORT_BAD)
        before = db.bytes()
        code, out, err = db.run("import", bad, "--meeting", meeting, "--dry-run")
        expect_equal((code, err), (4, ""), "a dry run with a bad row")
        line3 = [line for line in out.splitlines() if re.match(r"\s*3\s+error\s", line)]
        assert line3 and "31/02/2026" in line3[0], f"the report names line 3:\n{out}"
        assert re.search(r"^\s*2\s+ready\s", out, re.M), out
        assert "1 ready, 1 with errors, 0 skipped (empty or already in Docket)." in out, out
        assert "Dry run: nothing was written." in out, out
        assert_unchanged(db, before, "import --dry-run")

        code, out, _ = db.run("import", bad, "--meeting", meeting, "--dry-run",
                              json_output=True)
        expect_equal(code, 4, "JSON dry run")
        report = json.loads(out)
        expect_equal((report["encoding"], report["separator"], report["dry_run"],
                      report["ready"], report["errors"], report["skipped"], report["imported"]),
                     ("UTF-8", ";", True, 1, 1, 0, None), "JSON report")
        expect_equal(report["mapping"], {"content": 1, "lead-unit": 2, "deadline": 3},
                     "the columns found from the header")
        expect_equal([(r["line"], r["status"]) for r in report["rows"]],
                     [(2, "ready"), (3, "error")], "rows")
        expect_equal(report["rows"][0]["deadline"], "2026-11-30", "deadline read")
        problem = report["rows"][1]["problems"][0]
        expect_equal((problem["kind"], problem["error"], problem["field"], problem["value"]),
                     ("bad-deadline", True, "deadline", "31/02/2026"), "problem")
        assert "31/02/2026" in problem["message"], problem
        assert_unchanged(db, before, "import --dry-run --json")

        # Without --dry-run the same file is refused whole.
        code, out, err = db.run("import", bad, "--meeting", meeting)
        expect_equal(code, 4, f"an import with a bad row (stderr: {err!r})")
        assert "cannot be imported" in err, err
        assert_unchanged(db, before, "a refused import")
        expect_equal(db.json("item", "list", "--meeting", meeting)["total"], 0, "nothing imported")

        # Refused before any row is read.
        for args, code in (([bad], 4),                                # no meeting for the rows
                           ([bad, "--meeting", "99"], 3),
                           ([bad, "--meeting", "tam"], 2),
                           ([bad, "--meeting", meeting, "--map", "Không có=deadline"], 4),
                           ([os.path.join(db.dir, "khong-co.csv")], 1),
                           ([], 2)):
            got_code, _, err = db.run("import", *args)
            expect_equal(got_code, code, f"import {args} (stderr: {err!r})")
        assert_unchanged(db, before, "a refused import")
    finally:
        db.close()


def test_import():
    db, meeting = import_db()
    try:
        good = write_file(db, "good.csv", IMPORT_GOOD)
        # The sample meeting's notice is issued: its items are locked, and the
        # check of the rows says so before anything is written.
        before = db.bytes()
        code, out, err = db.run("import", good, "--meeting", "1")
        expect_equal(code, 4, f"import into a locked meeting (stderr: {err!r})")
        assert "notice of this meeting was issued" in out + err, out + err
        assert_unchanged(db, before, "a refused import")

        out = db.ok("import", good, "--meeting", meeting)
        assert "3 ready, 0 with errors, 0 skipped (empty or already in Docket)." in out, out
        assert "Imported 3 items." in out, out
        listed = db.json("item", "list", "--meeting", meeting, "--today", "02/11/2026")["items"]
        by_content = {i["content"]: i for i in listed}
        expect_equal(sorted(by_content), ["Kiểm tra bếp ăn trường học",
                                          "Rà soát hồ sơ đất đai tồn đọng",
                                          "Tuyên truyền phòng chống dịch"], "imported items")
        land = by_content["Rà soát hồ sơ đất đai tồn đọng"]
        expect_equal((land["lead_unit"], land["deadline"], land["state"]),
                     ("Phòng Kinh tế", "2026-11-30", "open"), "imported item")
        expect_equal(len(land["coordinating_unit_ids"]), 1, "coordinating unit")
        expect_equal(by_content["Tuyên truyền phòng chống dịch"]["deadline"], None,
                     "“Thường xuyên” is no deadline")
        text = db.ok("item", "list", "--meeting", meeting)
        assert "Kiểm tra bếp ăn trường học" in text and "Trạm Y tế xã" in text, text

        # The same file again adds nothing: every row is already in Docket.
        before = db.bytes()
        out = db.ok("import", good, "--meeting", meeting)
        assert "0 ready, 0 with errors, 3 skipped (empty or already in Docket)." in out, out
        assert "Docket already has this item" in out, out
        report = db.json("import", good, "--meeting", meeting, "--dry-run")
        expect_equal([p["kind"] for r in report["rows"] for p in r["problems"]],
                     ["already-recorded"] * 3, "re-import problems")
        expect_equal(db.json("item", "list", "--meeting", meeting)["total"], 3, "no duplicates")
        assert_unchanged(db, before, "importing the same file again")

        # --skip-invalid imports the good row of the bad file, in JSON.
        bad = write_file(db, "bad.csv", IMPORT_BAD)
        report = db.json("import", bad, "--meeting", meeting, "--skip-invalid")
        expect_equal((report["dry_run"], report["ready"], report["errors"], report["imported"]),
                     (False, 1, 1, 1), "--skip-invalid")
        expect_equal(db.json("item", "list", "--meeting", meeting)["total"], 4, "one more item")
    finally:
        db.close()


def test_remind_dry_run():
    db = Db()
    try:
        db.ok("sample", "load")
        overdue = db.json("item", "list", "--overdue", "--today", "15/10/2026")["items"]
        assert overdue, "the sample has overdue items on 15/10/2026"
        before = db.bytes()

        # Thursday 15/10/2026, 08:00: a working morning.
        code, out, err = db.run("remind", "--dry-run", "--now", "15/10/2026 08:00")
        expect_equal((code, err), (0, ""), "remind --dry-run")
        assert "Overdue by" in out, out
        for item in overdue:
            assert item["content"] in out, f"no reminder for {item['content']!r}:\n{out}"
        assert "Reminders sent" not in out, out
        assert_unchanged(db, before, "remind --dry-run")

        listed = db.json("remind", "--dry-run", "--now", "15/10/2026 08:00")
        expect_equal(set(listed), {"reminders"}, "no claimed or notified with --dry-run")
        kinds = {(r["item_id"], r["kind"]) for r in listed["reminders"]}
        for item in overdue:
            assert (item["id"], "overdue") in kinds, (item["id"], kinds)
        for r in listed["reminders"]:
            expect_equal(set(r), {"item_id", "unit_id", "recipient_unit_id", "kind", "day",
                                  "caught_up", "title"}, "reminder members")
        # --unit 0: only what the secretariat receives.
        secretariat = db.json("remind", "--dry-run", "--now", "15/10/2026 08:00", "--unit", "0")
        assert secretariat["reminders"], secretariat
        assert all(r["recipient_unit_id"] == 0 for r in secretariat["reminders"]), secretariat

        # Before working hours, and on a Saturday, nothing is due.
        for now in ("15/10/2026 07:00", "17/10/2026 08:00"):
            code, out, _ = db.run("remind", "--dry-run", "--now", now)
            expect_equal((code, out.strip()), (0, "No reminders are due now."), now)
        assert_unchanged(db, before, "remind --dry-run")

        for args in (["--now", "hôm nay"], ["--unit", "Phòng Kinh tế"], ["thừa"]):
            code, out, err = db.run("remind", "--dry-run", *args)
            expect_equal((code, out), (2, ""), f"remind {args} (stderr: {err!r})")
        assert_unchanged(db, before, "a refused remind")
    finally:
        db.close()


TESTS = [
    ("a whole meeting from the shell: the report's table, JSON and CSV",
     test_whole_meeting_report),
    ("a whole meeting from the shell: item lists, filters and show", test_whole_meeting_items),
    ("the sample reads 10 of 18, 55,56 % on its reference date", test_sample_report),
    ("holidays and working days", test_calendar),
    ("--help shows examples", test_help_has_examples),
    ("search: without diacritics, hostile input as words, JSON", test_search),
    ("export items --csv: BOM, header, rows, formulas neutralised", test_export_items_csv),
    ("export notice --pdf (and --docx)", test_export_notice_pdf),
    ("export calendar: a VTODO per open item", test_export_calendar),
    ("import --dry-run: the bad line named, exit 4, nothing written", test_import_dry_run),
    ("import into a new meeting; refused into an issued one", test_import),
    ("remind --dry-run --now lists the overdue items and writes nothing", test_remind_dry_run),
] + [("bad input: " + name, case) for name, case in BAD_INPUT] + [
    ("bad input in Vietnamese", test_vietnamese_message),
]


def main():
    print(f"1..{len(TESTS)}")
    failed = 0
    for n, (name, case) in enumerate(TESTS, 1):
        try:
            case()
            print(f"ok {n} - {name}")
        except Skip as reason:
            print(f"ok {n} - {name} # SKIP {reason}")
        except Exception:  # noqa: BLE001 — every failure is reported, then the next case runs
            failed += 1
            print(f"not ok {n} - {name}")
            for line in traceback.format_exc().splitlines():
                print(f"# {line}")
        sys.stdout.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
