#!/usr/bin/python3
# check-ics.py FILE IDS: reads an iCalendar file written by test-ics with an
# independent parser (python3-icalendar) and checks the to-dos test-ics made.
# IDS are the item ids of the fixture's items 0-3, comma-separated.  Exits 77 (skip)
# when python3-icalendar is missing.
#
# Copyright 2026 The Docket authors
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import sys

try:
    import icalendar
except ImportError:
    sys.exit(77)

APP_ID = 'io.github.ketluan.Docket'
UTC = datetime.timezone.utc


def fail(message):
    print('not ok: ' + message)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)


def raw_categories(text, uid):
    """CATEGORIES of the VTODO @uid, split on the commas that are not escaped.

    python3-icalendar 4.0 (Debian 12) unescapes CATEGORIES before splitting it, so a
    unit named "Phòng Tư pháp, Hộ tịch" comes back as two categories; the text rules
    are RFC 5545 §3.3.11, read here directly."""
    unfolded = text.replace('\r\n ', '')
    block = unfolded.split('UID:' + uid + '\r\n', 1)[1].split('END:VTODO', 1)[0]
    value = [line for line in block.split('\r\n') if line.startswith('CATEGORIES:')][0]
    value = value[len('CATEGORIES:'):]
    cats, current, i = [], '', 0
    while i < len(value):
        if value[i] == '\\' and i + 1 < len(value):
            current += {'n': '\n', 'N': '\n'}.get(value[i + 1], value[i + 1])
            i += 2
            continue
        if value[i] == ',':
            cats.append(current)
            current = ''
        else:
            current += value[i]
        i += 1
    return cats + [current]


def main():
    path, ids = sys.argv[1], [int(i) for i in sys.argv[2].split(',')]
    raw = open(path, 'rb').read()
    check(b'\n' not in raw.replace(b'\r\n', b''), 'bare LF line end')
    cal = icalendar.Calendar.from_ical(raw.decode('utf-8'))

    check(str(cal['VERSION']) == '2.0', 'VERSION')
    check(str(cal['X-WR-CALNAME']) == 'Phòng Tư pháp, Hộ tịch', 'calendar name unescaped')
    todos = {str(t['UID']): t for t in cal.walk('VTODO')}
    check(len(todos) == 4, 'expected 4 VTODOs, got %d' % len(todos))
    uid = ['docket-item-%d@%s' % (i, APP_ID) for i in ids]
    check(set(todos) == set(uid), 'UIDs %s' % sorted(todos))

    first = todos[uid[0]]
    summary = str(first['SUMMARY'])
    check(summary.startswith('Rà soát, khắc phục ngay các hạn chế; làm rõ trách nhiệm \\ đơn vị'),
          'summary unescaped: %r' % summary)
    check(len(summary) <= 120 and summary.endswith('…'), 'summary shortened: %r' % summary)
    description = str(first['DESCRIPTION'])
    check('\nDòng thứ hai' in description, 'newline in description')
    check('Hội nghị sơ kết cải cách hành chính (27/04/2026)' in description, 'meeting')
    check('Khắc phục hạn chế' in description, 'conclusion')
    check('Phòng Nội vụ' in description, 'coordinating unit')
    check(first.decoded('DUE') == datetime.date(2026, 5, 15), 'DUE is a DATE')
    cats = raw_categories(raw.decode('utf-8'), uid[0])
    check(cats == ['Phòng Tư pháp, Hộ tịch', 'In progress within deadline'],
          'categories: unit then status: %r' % cats)
    check(str(first['CATEGORIES'].cats[-1] if hasattr(first['CATEGORIES'], 'cats')
              else first['CATEGORIES'][-1]) == 'In progress within deadline',
          'status category as icalendar reads it')
    check(str(first['STATUS']) == 'NEEDS-ACTION', 'status of an untouched item')
    triggers = sorted(a.decoded('TRIGGER') for a in first.walk('VALARM'))
    check(triggers == [datetime.datetime(2026, 5, d, 0, 30, tzinfo=UTC) for d in (12, 14, 15)],
          'alarms 3 and 1 working days before and on the day: %r' % triggers)
    for alarm in first.walk('VALARM'):
        check(str(alarm['ACTION']) == 'DISPLAY' and str(alarm['DESCRIPTION']), 'alarm action')

    starred = todos[uid[1]]
    check(int(starred['PRIORITY']) == 1, 'starred is priority 1')
    check(str(starred['STATUS']) == 'IN-PROCESS', 'reported progress is in process')
    check(starred.decoded('DUE') == datetime.date(2026, 5, 9), 'Saturday deadline kept')

    check(len(list(todos[uid[2]].walk('VALARM'))) == 2, 'a past alarm is left out')
    ongoing = todos[uid[3]]
    check('DUE' not in ongoing and not list(ongoing.walk('VALARM')), 'no deadline, no alarm')
    for todo in todos.values():
        check(isinstance(todo.decoded('DTSTAMP'), datetime.datetime), 'DTSTAMP')

    print('ok: %d VTODOs read by icalendar %s' % (len(todos), icalendar.__version__))


main()
