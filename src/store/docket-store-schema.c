/* docket-store-schema.c: the schema of a Docket database and its migrations
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Conventions of the schema:
 *
 * - Identifiers are `INTEGER PRIMARY KEY` (the rowid), so a lookup by id is one
 *   b-tree descent and ids are never reused while the row exists.
 * - Calendar days are `YYYY-MM-DD` TEXT (they sort and compare as text and read well
 *   in any SQLite tool); NULL means "no date".  Instants are UTC unix seconds INTEGER.
 * - Enums are stored as the INTEGER values of the core enums (DocketUnitKind,
 *   DocketMeetingKind, DocketMeetingState, DocketAttendance, DocketItemState,
 *   DocketExtensionState); CHECK constraints keep them in range.
 * - Every table a person edits carries `created_at`, `updated_at` and `updated_by`
 *   (the actor: a person's name as set with docket_store_set_actor()), and every
 *   change appends a row to `audit_log` in the same transaction.
 * - `*_folded` columns hold the text folded for Vietnamese (lower case, no
 *   diacritics, đ → d) so lookups and sorting by name use an index.
 * - Foreign keys are enforced (PRAGMA foreign_keys=ON on every connection): records
 *   that others point at are RESTRICTed (a unit with items cannot vanish), parts of a
 *   record CASCADE with it (the attendees of a meeting).
 *
 * Indexes are designed for a million items: every list the UI pages through has an
 * index whose leading columns are the filter and whose trailing columns are the sort
 * key ending in `id`, so a page is an index range scan (keyset or indexed offset) and
 * never a sort of the whole table.  Each index says which query it serves.
 *
 * Migrations: migration N turns a version N-1 file into a version N file and is run
 * in one transaction together with `PRAGMA user_version = N`.  The list only grows:
 * never edit a migration once a release has shipped it; append a new one.
 */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include "docket-store-private.h"

/* Version 1: the records of issue 3. */
static const char migration_1[] =
  /* The issuing body and the wording of its documents: a single row (id 1). */
  "CREATE TABLE organisation ("
  "  id                INTEGER PRIMARY KEY CHECK (id = 1),"
  "  issuing_body      TEXT NOT NULL DEFAULT '',"
  "  parent_body       TEXT NOT NULL DEFAULT '',"
  "  place_name        TEXT NOT NULL DEFAULT '',"
  "  notice_symbol     TEXT NOT NULL DEFAULT '',"
  "  signing_authority TEXT NOT NULL DEFAULT '',"
  "  signer_name       TEXT NOT NULL DEFAULT '',"
  "  drafting_unit     TEXT NOT NULL DEFAULT '',"
  "  updated_at        INTEGER NOT NULL DEFAULT 0,"
  "  updated_by        TEXT NOT NULL DEFAULT ''"
  ");"
  "INSERT INTO organisation (id) VALUES (1);"

  /* Settings shared by everyone who uses this file (per-machine preferences live in
   * GSettings instead): key → text value. */
  "CREATE TABLE settings ("
  "  key        TEXT PRIMARY KEY,"
  "  value      TEXT NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  updated_by TEXT NOT NULL"
  ") WITHOUT ROWID;"

  /* The unit tree: departments, commune committees, agencies.  Units are archived,
   * never deleted, because old items keep pointing at them. */
  "CREATE TABLE units ("
  "  id          INTEGER PRIMARY KEY,"
  "  parent_id   INTEGER REFERENCES units (id) ON DELETE RESTRICT,"
  "  kind        INTEGER NOT NULL DEFAULT 0 CHECK (kind BETWEEN 0 AND 3),"
  "  name        TEXT NOT NULL CHECK (length (trim (name)) > 0),"
  "  name_folded TEXT NOT NULL,"
  "  short_name  TEXT,"
  "  head        TEXT,"
  "  email       TEXT,"
  "  phone       TEXT,"
  "  archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),"
  "  created_at  INTEGER NOT NULL,"
  "  updated_at  INTEGER NOT NULL,"
  "  updated_by  TEXT NOT NULL,"
  "  CHECK (parent_id IS NULL OR parent_id <> id)"
  ");"
  /* Children of a unit in name order (the tree), and lookup by folded name. */
  "CREATE INDEX units_by_parent ON units (parent_id, name_folded, id);"
  "CREATE INDEX units_by_name ON units (name_folded, id);"

  /* People who chair, take minutes or attend. */
  "CREATE TABLE people ("
  "  id          INTEGER PRIMARY KEY,"
  "  name        TEXT NOT NULL CHECK (length (trim (name)) > 0),"
  "  name_folded TEXT NOT NULL,"
  "  title       TEXT,"
  "  unit_id     INTEGER REFERENCES units (id) ON DELETE RESTRICT,"
  "  created_at  INTEGER NOT NULL,"
  "  updated_at  INTEGER NOT NULL,"
  "  updated_by  TEXT NOT NULL"
  ");"
  "CREATE INDEX people_by_name ON people (name_folded, id);"
  "CREATE INDEX people_by_unit ON people (unit_id, name_folded, id);"

  /* Meetings.  `date` is the day the meeting was held; `period_*` the period a
   * review meeting reviews; times are minutes after midnight. */
  "CREATE TABLE meetings ("
  "  id            INTEGER PRIMARY KEY,"
  "  kind          INTEGER NOT NULL DEFAULT 0 CHECK (kind BETWEEN 0 AND 4),"
  "  state         INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 2),"
  "  title         TEXT NOT NULL CHECK (length (trim (title)) > 0),"
  "  title_folded  TEXT NOT NULL,"
  "  period_start  TEXT,"
  "  period_end    TEXT,"
  "  date          TEXT NOT NULL,"
  "  start_minutes INTEGER CHECK (start_minutes IS NULL OR start_minutes BETWEEN 0 AND 1439),"
  "  end_minutes   INTEGER CHECK (end_minutes IS NULL OR end_minutes BETWEEN 0 AND 1439),"
  "  location      TEXT,"
  "  chair_id      INTEGER REFERENCES people (id) ON DELETE RESTRICT,"
  "  secretary_id  INTEGER REFERENCES people (id) ON DELETE RESTRICT,"
  "  notice_number TEXT,"
  "  notice_date   TEXT,"
  "  created_at    INTEGER NOT NULL,"
  "  updated_at    INTEGER NOT NULL,"
  "  updated_by    TEXT NOT NULL"
  ");"
  /* The meetings list: newest first, optionally one kind, optionally one year
   * (a `date` range). */
  "CREATE INDEX meetings_by_date ON meetings (date, id);"
  "CREATE INDEX meetings_by_kind_date ON meetings (kind, date, id);"
  "CREATE INDEX meetings_by_chair ON meetings (chair_id);"
  "CREATE INDEX meetings_by_secretary ON meetings (secretary_id);"

  /* Who was invited and who came: a unit, a person, or a person for a unit. */
  "CREATE TABLE attendees ("
  "  id         INTEGER PRIMARY KEY,"
  "  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,"
  "  unit_id    INTEGER REFERENCES units (id) ON DELETE RESTRICT,"
  "  person_id  INTEGER REFERENCES people (id) ON DELETE RESTRICT,"
  "  attendance INTEGER NOT NULL DEFAULT 0 CHECK (attendance BETWEEN 0 AND 2),"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  updated_by TEXT NOT NULL,"
  "  CHECK (unit_id IS NOT NULL OR person_id IS NOT NULL)"
  ");"
  "CREATE INDEX attendees_by_meeting ON attendees (meeting_id, id);"
  "CREATE INDEX attendees_by_unit ON attendees (unit_id);"
  "CREATE INDEX attendees_by_person ON attendees (person_id);"

  /* The minutes, in numbered sections; positions run 1…n without gaps within a
   * meeting (the store renumbers in the same transaction). */
  "CREATE TABLE minutes_sections ("
  "  id         INTEGER PRIMARY KEY,"
  "  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,"
  "  position   INTEGER NOT NULL CHECK (position > 0),"
  "  speaker    TEXT,"
  "  text       TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  updated_by TEXT NOT NULL"
  ");"
  "CREATE INDEX minutes_by_meeting ON minutes_sections (meeting_id, position);"

  /* The chair's numbered conclusions; positions 1…n as shown "1.", "2.". */
  "CREATE TABLE conclusions ("
  "  id         INTEGER PRIMARY KEY,"
  "  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,"
  "  position   INTEGER NOT NULL CHECK (position > 0),"
  "  text       TEXT NOT NULL CHECK (length (trim (text)) > 0),"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  updated_by TEXT NOT NULL"
  ");"
  "CREATE INDEX conclusions_by_meeting ON conclusions (meeting_id, position);"

  /* Directive items.  `deadline` is the deadline in force (NULL: none, ongoing);
   * `original_deadline` the one first given (kept when an extension is approved);
   * `deadline_working_days` > 0 when the deadline was given as N working days from
   * the notice date.  `state` is DocketItemState (0 open, 1 reported done and
   * awaiting confirmation, 2 confirmed, 3 returned for rework, 4 cancelled); the
   * status people see is derived, never stored.  `completed_on` is the unit's
   * reported completion day (it counts once confirmed).  `last_progress_on` is the
   * day of the latest progress report, kept here by the store so the update rate and
   * "not started" are answered from an index rather than a join over all reports.
   * `source_document` ("45/TB-UBND") and `directing_leader` are the item fields seen
   * in real trackers (DOMAIN.md). */
  "CREATE TABLE items ("
  "  id                    INTEGER PRIMARY KEY,"
  "  meeting_id            INTEGER REFERENCES meetings (id) ON DELETE RESTRICT,"
  "  conclusion_id         INTEGER REFERENCES conclusions (id) ON DELETE RESTRICT,"
  "  content               TEXT NOT NULL CHECK (length (trim (content)) > 0),"
  "  lead_unit_id          INTEGER NOT NULL REFERENCES units (id) ON DELETE RESTRICT,"
  "  deadline              TEXT,"
  "  original_deadline     TEXT,"
  "  deadline_working_days INTEGER NOT NULL DEFAULT 0 CHECK (deadline_working_days >= 0),"
  "  state                 INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 4),"
  "  completed_on          TEXT,"
  "  assigned_on           TEXT,"
  "  last_progress_on      TEXT,"
  "  starred               INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1)),"
  "  source_document       TEXT,"
  "  directing_leader      TEXT,"
  "  created_at            INTEGER NOT NULL,"
  "  updated_at            INTEGER NOT NULL,"
  "  updated_by            TEXT NOT NULL"
  ");"
  /* "My unit's items by deadline" (lead unit). */
  "CREATE INDEX items_by_lead_deadline ON items (lead_unit_id, deadline, id);"
  /* All items by deadline; overdue / due-soon ranges. */
  "CREATE INDEX items_by_deadline ON items (deadline, id);"
  /* The items of a meeting, of a conclusion. */
  "CREATE INDEX items_by_meeting ON items (meeting_id, id);"
  "CREATE INDEX items_by_conclusion ON items (conclusion_id, id);"
  /* Open / awaiting confirmation / completed … by deadline; reminders scan
   * (state, deadline) ranges of open items only. */
  "CREATE INDEX items_by_state_deadline ON items (state, deadline, id);"
  /* Starred items by deadline. */
  "CREATE INDEX items_by_starred_deadline ON items (starred, deadline, id);"
  /* Period reports: completions within a range; update rate and "not started"
   * (open items by the day of their latest progress). */
  "CREATE INDEX items_by_completed ON items (completed_on, id);"
  "CREATE INDEX items_by_state_progress ON items (state, last_progress_on);"
  "CREATE INDEX items_by_assigned ON items (assigned_on, id);"

  /* Coordinating units of an item (zero or more; never the lead unit). */
  "CREATE TABLE item_coordinating_units ("
  "  item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,"
  "  unit_id INTEGER NOT NULL REFERENCES units (id) ON DELETE RESTRICT,"
  "  PRIMARY KEY (item_id, unit_id)"
  ") WITHOUT ROWID;"
  /* "Items my unit coordinates". */
  "CREATE INDEX coordinating_by_unit ON item_coordinating_units (unit_id, item_id);"

  /* Dated progress reports of an item; evidence files are attachments. */
  "CREATE TABLE progress_reports ("
  "  id          INTEGER PRIMARY KEY,"
  "  item_id     INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,"
  "  reported_on TEXT NOT NULL,"
  "  text        TEXT NOT NULL,"
  "  percent     INTEGER CHECK (percent IS NULL OR percent BETWEEN 0 AND 100),"
  "  author      TEXT,"
  "  created_at  INTEGER NOT NULL,"
  "  updated_at  INTEGER NOT NULL,"
  "  updated_by  TEXT NOT NULL"
  ");"
  "CREATE INDEX progress_by_item ON progress_reports (item_id, reported_on, id);"

  /* Deadline extensions: requested, then approved (the item's deadline changes, its
   * original_deadline stays) or rejected. */
  "CREATE TABLE extensions ("
  "  id                INTEGER PRIMARY KEY,"
  "  item_id           INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,"
  "  requested_on      TEXT NOT NULL,"
  "  new_deadline      TEXT NOT NULL,"
  "  reason            TEXT NOT NULL DEFAULT '',"
  "  state             INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 2),"
  "  decision_document TEXT,"
  "  decided_on        TEXT,"
  "  created_at        INTEGER NOT NULL,"
  "  updated_at        INTEGER NOT NULL,"
  "  updated_by        TEXT NOT NULL"
  ");"
  "CREATE INDEX extensions_by_item ON extensions (item_id, id);"
  /* Pending requests waiting for a decision. */
  "CREATE INDEX extensions_by_state ON extensions (state, id);"

  /* Files: of a meeting, or the evidence of a progress report.  The bytes live in
   * the database so that one backup holds everything. */
  "CREATE TABLE attachments ("
  "  id          INTEGER PRIMARY KEY,"
  "  meeting_id  INTEGER REFERENCES meetings (id) ON DELETE CASCADE,"
  "  progress_id INTEGER REFERENCES progress_reports (id) ON DELETE CASCADE,"
  "  file_name   TEXT NOT NULL CHECK (length (file_name) > 0),"
  "  mime_type   TEXT NOT NULL DEFAULT 'application/octet-stream',"
  "  size        INTEGER NOT NULL,"
  "  content     BLOB NOT NULL,"
  "  created_at  INTEGER NOT NULL,"
  "  updated_at  INTEGER NOT NULL,"
  "  updated_by  TEXT NOT NULL,"
  "  CHECK ((meeting_id IS NULL) <> (progress_id IS NULL)),"
  "  CHECK (size = length (content))"
  ");"
  "CREATE INDEX attachments_by_meeting ON attachments (meeting_id, id);"
  "CREATE INDEX attachments_by_progress ON attachments (progress_id, id);"

  /* The editable holiday schedule of each year: a day off (a holiday, a
   * compensation day) or a swapped working day (a Saturday worked).  Days not listed
   * follow the computed defaults of the core calendar. */
  "CREATE TABLE holiday_schedule ("
  "  year       INTEGER NOT NULL,"
  "  date       TEXT NOT NULL,"
  "  is_day_off INTEGER NOT NULL CHECK (is_day_off IN (0, 1)),"
  "  name       TEXT,"
  "  updated_at INTEGER NOT NULL,"
  "  updated_by TEXT NOT NULL,"
  "  PRIMARY KEY (year, date),"
  "  CHECK (substr (date, 1, 4) = printf ('%04d', year))"
  ") WITHOUT ROWID;"

  /* Reminders claimed (sent) so far: at most one per item, unit, kind and day, so
   * the application, a second instance and `docketctl remind` never send one twice.
   * `kind` is the reminder layer's name for it ("before-3", "overdue", …). */
  "CREATE TABLE reminder_log ("
  "  id            INTEGER PRIMARY KEY,"
  "  item_id       INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,"
  "  unit_id       INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,"
  "  kind          TEXT NOT NULL,"
  "  day           TEXT NOT NULL,"
  "  claimed_at    INTEGER NOT NULL,"
  "  claimed_by    TEXT NOT NULL DEFAULT '',"
  "  delivered_at  INTEGER,"
  "  snoozed_until INTEGER,"
  "  dismissed     INTEGER NOT NULL DEFAULT 0 CHECK (dismissed IN (0, 1)),"
  "  UNIQUE (item_id, unit_id, kind, day)"
  ");"
  "CREATE INDEX reminder_log_by_unit ON reminder_log (unit_id, day);"
  "CREATE INDEX reminder_log_snoozed ON reminder_log (snoozed_until) "
  "  WHERE snoozed_until IS NOT NULL;"

  /* Who changed what and when.  Append-only: the triggers below abort any UPDATE
   * or DELETE (or REPLACE), whoever runs it.  `changes` is a JSON object of the changed fields. */
  "CREATE TABLE audit_log ("
  "  id         INTEGER PRIMARY KEY,"
  "  at         INTEGER NOT NULL,"
  "  actor      TEXT NOT NULL,"
  "  table_name TEXT NOT NULL,"
  "  record_id  INTEGER,"
  "  action     TEXT NOT NULL,"
  "  changes    TEXT NOT NULL DEFAULT '{}'"
  ");"
  "CREATE INDEX audit_by_record ON audit_log (table_name, record_id, id);"
  "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
  "BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
  "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
  "BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
  /* INSERT OR REPLACE deletes the row it collides with without firing DELETE
   * triggers (unless recursive_triggers is on), so a collision is refused too. */
  "CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log "
  "WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id) "
  "BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;";

/* Version 2: the items lists of issue 7 over a million items.
 *
 * Every list order the items area offers is one index walk, never a sort: an index
 * leads with the sort key, then `id` (the tiebreaker, so `ORDER BY key, id` is the
 * index order and keyset paging is a range), then the columns the view filters test
 * (state, completed_on, deadline, starred, lead unit, meeting), so a page query reads
 * the index alone and rows that fail a filter are skipped without touching the table.
 * The same orders exist again under `lead_unit_id` for "my units".  Keys that would be
 * NULL are written as expressions that never are, so keyset row values compare:
 * no deadline sorts after every date ('9999-12-31'; the store refuses deadlines after
 * 9998), no meeting before every date ('').  The lead unit's folded name and the
 * meeting's date are copied into the item (kept in step by the triggers below) so that
 * ordering by them needs no join.  `content_folded` serves the text filter and the
 * content order (its first 48 characters; FTS5 search comes with the search issue).
 * docket-store-item-query.c writes its ORDER BY and WHERE with exactly these
 * expressions. */
static const char migration_2[] =
  "ALTER TABLE items ADD COLUMN content_folded TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE items ADD COLUMN lead_unit_folded TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE items ADD COLUMN meeting_date TEXT;"
  "UPDATE items SET content_folded = docket_fold (content),"
  "  lead_unit_folded = (SELECT name_folded FROM units WHERE units.id = items.lead_unit_id),"
  "  meeting_date = (SELECT date FROM meetings WHERE meetings.id = items.meeting_id);"
  "CREATE TRIGGER items_follow_unit_name AFTER UPDATE OF name_folded ON units "
  "WHEN NEW.name_folded IS NOT OLD.name_folded BEGIN "
  "  UPDATE items SET lead_unit_folded = NEW.name_folded WHERE lead_unit_id = NEW.id; "
  "END;"
  "CREATE TRIGGER items_follow_meeting_date AFTER UPDATE OF date ON meetings "
  "WHEN NEW.date IS NOT OLD.date BEGIN "
  "  UPDATE items SET meeting_date = NEW.date WHERE meeting_id = NEW.id; "
  "END;"
  /* All items, one index per order. */
  "CREATE INDEX items_page_deadline ON items (ifnull (deadline, '9999-12-31'), id,"
  "  state, completed_on, starred, lead_unit_id, meeting_id);"
  "CREATE INDEX items_page_lead_unit ON items (lead_unit_folded, id,"
  "  state, completed_on, deadline, starred, lead_unit_id, meeting_id);"
  "CREATE INDEX items_page_meeting_date ON items (ifnull (meeting_date, ''), id,"
  "  state, completed_on, deadline, starred, lead_unit_id, meeting_id);"
  "CREATE INDEX items_page_status ON items (state, ifnull (deadline, '9999-12-31'), id,"
  "  completed_on, starred, lead_unit_id, meeting_id);"
  "CREATE INDEX items_page_created ON items (created_at, id,"
  "  state, completed_on, deadline, starred, lead_unit_id, meeting_id);"
  "CREATE INDEX items_page_content ON items (substr (content_folded, 1, 48), id,"
  "  state, completed_on, deadline, starred, lead_unit_id, meeting_id);"
  /* The same orders within one lead unit ("my units"). */
  "CREATE INDEX items_page_unit_deadline ON items (lead_unit_id,"
  "  ifnull (deadline, '9999-12-31'), id, state, completed_on, starred, meeting_id);"
  "CREATE INDEX items_page_unit_meeting_date ON items (lead_unit_id,"
  "  ifnull (meeting_date, ''), id, state, completed_on, deadline, starred, meeting_id);"
  "CREATE INDEX items_page_unit_status ON items (lead_unit_id, state,"
  "  ifnull (deadline, '9999-12-31'), id, completed_on, starred, meeting_id);"
  "CREATE INDEX items_page_unit_created ON items (lead_unit_id, created_at, id,"
  "  state, completed_on, deadline, starred, meeting_id);"
  "CREATE INDEX items_page_unit_content ON items (lead_unit_id,"
  "  substr (content_folded, 1, 48), id, state, completed_on, deadline, starred, meeting_id);"
  "CREATE INDEX items_page_unit_lead_unit ON items (lead_unit_id, lead_unit_folded, id,"
  "  state, completed_on, deadline, starred, meeting_id);";

/* Version 3: the period report.  docket_store_compute_report() counts every item of
 * the file with one GROUP BY lead_unit_id; this index holds, in that order, every
 * column its rules read, so the report is one pass over the index, grouped as it
 * comes, and never reads the table. */
static const char migration_3[] =
  "CREATE INDEX items_report ON items (lead_unit_id, state, completed_on, deadline,"
  "  assigned_on, last_progress_on);";

/* Version 4: the in-app reminders list (issue 8) pages through the reminders that no
 * notification showed (no server, or back from a snooze), newest day first.  The log
 * grows every working day and is never pruned, so the list reads a partial index of
 * exactly those rows rather than the whole log. */
static const char migration_4[] =
  "CREATE INDEX reminder_log_pending ON reminder_log (day, id)"
  "  WHERE delivered_at IS NULL AND dismissed = 0 AND snoozed_until IS NULL;";

/* Version 5: the list indexes of version 2 made covering.  SQLite reads a page from
 * an index alone only when the index holds every column the query names; an indexed
 * expression does not count as its column, so without the plain `deadline` and
 * `meeting_date` beside ifnull (…) every row walked cost a table lookup (the
 * benchmark showed 6 µs a row).  The content order keeps its lookups: holding the
 * whole folded content in an index would double the file. */
static const char migration_5[] =
  "DROP INDEX items_page_deadline;"
  "DROP INDEX items_page_meeting_date;"
  "DROP INDEX items_page_status;"
  "DROP INDEX items_page_unit_deadline;"
  "DROP INDEX items_page_unit_meeting_date;"
  "DROP INDEX items_page_unit_status;"
  "CREATE INDEX items_page_deadline ON items (ifnull (deadline, '9999-12-31'), id,"
  "  state, completed_on, deadline, starred, lead_unit_id, meeting_id);"
  "CREATE INDEX items_page_meeting_date ON items (ifnull (meeting_date, ''), id,"
  "  state, completed_on, deadline, starred, lead_unit_id, meeting_id, meeting_date);"
  "CREATE INDEX items_page_status ON items (state, ifnull (deadline, '9999-12-31'), id,"
  "  completed_on, deadline, starred, lead_unit_id, meeting_id);"
  "CREATE INDEX items_page_unit_deadline ON items (lead_unit_id,"
  "  ifnull (deadline, '9999-12-31'), id, state, completed_on, deadline, starred, meeting_id);"
  "CREATE INDEX items_page_unit_meeting_date ON items (lead_unit_id,"
  "  ifnull (meeting_date, ''), id, state, completed_on, deadline, starred, meeting_id,"
  "  meeting_date);"
  "CREATE INDEX items_page_unit_status ON items (lead_unit_id, state,"
  "  ifnull (deadline, '9999-12-31'), id, completed_on, deadline, starred, meeting_id);";

/* Version 6: search (issue 4).  One FTS5 index holds every searchable text: a meeting
 * (its title and location), a section of minutes, a conclusion, an item, a progress
 * report.  Its rowid says which: `id * 8 + kind`, kind being DocketSearchKind (0
 * meeting, 1 minutes, 2 conclusion, 3 item, 4 progress), so a hit leads to its record
 * by a rowid lookup and the kind filter needs no join.
 *
 * Each text is indexed twice: `folded` holds docket_fold (text) (no case, no
 * diacritics, đ → d), which every query matches; `original` holds the text as
 * written, which the tokenizer lower-cases but leaves its diacritics (and keeps
 * combining marks inside words), so a query typed with diacritics can rank the exact
 * matches first.  The index is contentless: the texts already live in their tables,
 * and snippets are cut from there, so the index does not store them a second time.
 * A contentless index forgets a row only when told the very values it indexed, which
 * the DELETE and UPDATE triggers give it from OLD; the triggers run inside the
 * statement that changes the record, so the index commits and rolls back with it.
 * docket_store_rebuild_search_index() refills it from the tables. */
#define SEARCH_MEETING_TEXT(row) row ".title || ' ' || ifnull (" row ".location, '')"
#define SEARCH_TRIGGERS(table, kind, text, columns) \
  "CREATE TRIGGER search_" table "_insert AFTER INSERT ON " table " BEGIN " \
  "  INSERT INTO search_index (rowid, folded, original) " \
  "  VALUES (NEW.id * 8 + " kind ", docket_fold (" text ("NEW") "), " text ("NEW") "); " \
  "END;" \
  "CREATE TRIGGER search_" table "_delete AFTER DELETE ON " table " BEGIN " \
  "  INSERT INTO search_index (search_index, rowid, folded, original) " \
  "  VALUES ('delete', OLD.id * 8 + " kind ", docket_fold (" text ("OLD") "), " \
  "          " text ("OLD") "); " \
  "END;" \
  "CREATE TRIGGER search_" table "_update AFTER UPDATE OF " columns " ON " table " BEGIN " \
  "  INSERT INTO search_index (search_index, rowid, folded, original) " \
  "  VALUES ('delete', OLD.id * 8 + " kind ", docket_fold (" text ("OLD") "), " \
  "          " text ("OLD") "); " \
  "  INSERT INTO search_index (rowid, folded, original) " \
  "  VALUES (NEW.id * 8 + " kind ", docket_fold (" text ("NEW") "), " text ("NEW") "); " \
  "END;"
#define SEARCH_TEXT(row) row ".text"
#define SEARCH_CONTENT(row) row ".content"

static const char migration_6[] =
  "CREATE VIRTUAL TABLE search_index USING fts5 (folded, original, content = '',"
  "  tokenize = \"unicode61 remove_diacritics 0 categories 'L* N* Co M*'\");"
  SEARCH_TRIGGERS ("meetings", "0", SEARCH_MEETING_TEXT, "title, location")
  SEARCH_TRIGGERS ("minutes_sections", "1", SEARCH_TEXT, "text")
  SEARCH_TRIGGERS ("conclusions", "2", SEARCH_TEXT, "text")
  SEARCH_TRIGGERS ("items", "3", SEARCH_CONTENT, "content")
  SEARCH_TRIGGERS ("progress_reports", "4", SEARCH_TEXT, "text")
  "INSERT INTO search_index (rowid, folded, original) "
  "  SELECT id * 8, docket_fold (" SEARCH_MEETING_TEXT ("meetings") "), "
  "         " SEARCH_MEETING_TEXT ("meetings") " FROM meetings;"
  "INSERT INTO search_index (rowid, folded, original) "
  "  SELECT id * 8 + 1, docket_fold (text), text FROM minutes_sections;"
  "INSERT INTO search_index (rowid, folded, original) "
  "  SELECT id * 8 + 2, docket_fold (text), text FROM conclusions;"
  "INSERT INTO search_index (rowid, folded, original) "
  "  SELECT id * 8 + 3, docket_fold (content), content FROM items;"
  "INSERT INTO search_index (rowid, folded, original) "
  "  SELECT id * 8 + 4, docket_fold (text), text FROM progress_reports;";

/* Version 7: the search index is written once per transaction, at its COMMIT.
 *
 * SQLite's FTS5 (3.40) writes its pending terms to disk at every savepoint, and every
 * statement that fires a trigger opens one; with the triggers of version 6 writing
 * to the index directly, each insert in a transaction after the first flushed the
 * index and made a tiny segment to merge later: about 0.5 ms per item, five times
 * the cost of the item itself.  Now the triggers queue what the index must learn
 * or forget in `search_queue` (an ordinary table, in the same transaction) and
 * _docket_store_commit() replays the queue into the index just before COMMIT
 * (DOCKET_STORE_FLUSH_SEARCH_SQL), in order: the index still commits and rolls back
 * with the records, and a crash can lose neither.  Opening the store replays a queue
 * left by a program that wrote with raw SQL. */
#define QUEUE_TRIGGERS(table, kind, text, columns) \
  "DROP TRIGGER search_" table "_insert;" \
  "DROP TRIGGER search_" table "_delete;" \
  "DROP TRIGGER search_" table "_update;" \
  "CREATE TRIGGER search_" table "_insert AFTER INSERT ON " table " BEGIN " \
  "  INSERT INTO search_queue (doc, forget, folded, original) " \
  "  VALUES (NEW.id * 8 + " kind ", 0, docket_fold (" text ("NEW") "), " text ("NEW") "); " \
  "END;" \
  "CREATE TRIGGER search_" table "_delete AFTER DELETE ON " table " BEGIN " \
  "  INSERT INTO search_queue (doc, forget, folded, original) " \
  "  VALUES (OLD.id * 8 + " kind ", 1, docket_fold (" text ("OLD") "), " text ("OLD") "); " \
  "END;" \
  "CREATE TRIGGER search_" table "_update AFTER UPDATE OF " columns " ON " table " BEGIN " \
  "  INSERT INTO search_queue (doc, forget, folded, original) " \
  "  VALUES (OLD.id * 8 + " kind ", 1, docket_fold (" text ("OLD") "), " text ("OLD") "); " \
  "  INSERT INTO search_queue (doc, forget, folded, original) " \
  "  VALUES (NEW.id * 8 + " kind ", 0, docket_fold (" text ("NEW") "), " text ("NEW") "); " \
  "END;"

static const char migration_7[] =
  "CREATE TABLE search_queue ("
  "  seq      INTEGER PRIMARY KEY,"
  "  doc      INTEGER NOT NULL,"
  "  forget   INTEGER NOT NULL CHECK (forget IN (0, 1)),"
  "  folded   TEXT NOT NULL,"
  "  original TEXT NOT NULL"
  ");"
  QUEUE_TRIGGERS ("meetings", "0", SEARCH_MEETING_TEXT, "title, location")
  QUEUE_TRIGGERS ("minutes_sections", "1", SEARCH_TEXT, "text")
  QUEUE_TRIGGERS ("conclusions", "2", SEARCH_TEXT, "text")
  QUEUE_TRIGGERS ("items", "3", SEARCH_CONTENT, "content")
  QUEUE_TRIGGERS ("progress_reports", "4", SEARCH_TEXT, "text");

/* Version 8: fewer indexes to keep up on every write, and a period report counted by
 * ranges (issue 3's budgets: 100,000 items inserted in 2 s, the report over a million
 * items in 100 ms).
 *
 * Dropped, because no query reads them any more (the list queries of v2 and v5 use
 * their own indexes, whose keys are the ifnull (…) expressions): the v1 indexes by
 * lead unit and deadline, by deadline, by star, by completion, by assignment and by
 * state and progress, and the report index of v3, which the report walked entry by
 * entry.  Kept from v1: by meeting and by conclusion (the meeting page, and the
 * foreign keys of meetings and conclusions), by state and deadline (the reminders).
 *
 * The report (docket-store-report.c) counts each figure as one range of an index,
 * unit by unit:
 * - items_report_done: confirmed items by lead unit, late or not (`completed_on >
 *   deadline`, 0 when either is missing), completion day (none last); the completed
 *   on time and late are two ranges of it;
 * - items_report_open: the open items (states 0, 1, 3: never completed) by lead unit
 *   and deadline key, with the day they were assigned, for the four deadline ranges;
 * - items_report_progress: the open items by lead unit and day of the latest progress
 *   report, for the update rate (both partial: a third of the entries, one range per
 *   unit; they hold `state` too, without which SQLite would not read them alone);
 * - report_done_counts: the number of completed items (confirmed, with a completion
 *   day) of each lead unit, late or not, kept by the triggers below in the statement
 *   that changes an item, so a report from the beginning reads a counter where it
 *   would walk half a million index entries; the report takes off the few items
 *   completed after its day;
 * - items_report_early: the completed items assigned after their completion (odd
 *   data, but imports bring it), which a period that ends may leave out.
 *
 * And items_page_deadline gains the keys of the other orders (lead unit, meeting
 * date, creation): "due soon" is read from it as a small deadline range and sorted,
 * and every row of that range cost a table lookup for its sort key (6 ms a page). */
#define REPORT_DONE(row) row ".state = 2 AND " row ".completed_on IS NOT NULL"
#define REPORT_LATE(row) "ifnull (" row ".completed_on > " row ".deadline, 0)"
#define REPORT_DONE_ADD \
  "  INSERT INTO report_done_counts (lead_unit_id, late, n) " \
  "  SELECT NEW.lead_unit_id, " REPORT_LATE ("NEW") ", 1 WHERE " REPORT_DONE ("NEW") " " \
  "  ON CONFLICT (lead_unit_id, late) DO UPDATE SET n = n + 1; "
#define REPORT_DONE_REMOVE \
  "  UPDATE report_done_counts SET n = n - 1 WHERE " REPORT_DONE ("OLD") \
  "  AND lead_unit_id = OLD.lead_unit_id AND late = " REPORT_LATE ("OLD") "; "
#define REPORT_DONE_TRIGGERS \
  "CREATE TRIGGER report_done_insert AFTER INSERT ON items " \
  "WHEN " REPORT_DONE ("NEW") " BEGIN " REPORT_DONE_ADD "END;" \
  "CREATE TRIGGER report_done_delete AFTER DELETE ON items " \
  "WHEN " REPORT_DONE ("OLD") " BEGIN " REPORT_DONE_REMOVE "END;" \
  "CREATE TRIGGER report_done_update AFTER UPDATE OF state, completed_on, deadline," \
  "  lead_unit_id ON items " \
  "WHEN (" REPORT_DONE ("OLD") ") OR (" REPORT_DONE ("NEW") ") " \
  "BEGIN " REPORT_DONE_REMOVE REPORT_DONE_ADD "END;"

static const char migration_8[] =
  "DROP INDEX items_by_lead_deadline;"
  "DROP INDEX items_by_deadline;"
  "DROP INDEX items_by_starred_deadline;"
  "DROP INDEX items_by_completed;"
  "DROP INDEX items_by_state_progress;"
  "DROP INDEX items_by_assigned;"
  "DROP INDEX items_report;"
  "DROP INDEX items_page_deadline;"
  "CREATE INDEX items_page_deadline ON items (ifnull (deadline, '9999-12-31'), id,"
  "  state, completed_on, deadline, starred, lead_unit_id, meeting_id, lead_unit_folded,"
  "  meeting_date, created_at);"
  "CREATE INDEX items_report_done ON items (lead_unit_id, state,"
  "  ifnull (completed_on > deadline, 0), ifnull (completed_on, '9999-12-31'), assigned_on,"
  "  last_progress_on, deadline, completed_on);"
  "CREATE INDEX items_report_open ON items (lead_unit_id, ifnull (deadline, '9999-12-31'),"
  "  assigned_on, deadline, state) WHERE state IN (0, 1, 3);"
  "CREATE INDEX items_report_progress ON items (lead_unit_id, last_progress_on, assigned_on,"
  "  state) WHERE state IN (0, 1, 3);"
  "CREATE INDEX items_report_early ON items (lead_unit_id,"
  "  ifnull (completed_on > deadline, 0), completed_on, assigned_on, deadline, state)"
  "  WHERE state = 2 AND assigned_on > completed_on;"
  "CREATE TABLE report_done_counts ("
  "  lead_unit_id INTEGER NOT NULL,"
  "  late         INTEGER NOT NULL CHECK (late IN (0, 1)),"
  "  n            INTEGER NOT NULL,"
  "  PRIMARY KEY (lead_unit_id, late)"
  ") WITHOUT ROWID;"
  "INSERT INTO report_done_counts (lead_unit_id, late, n)"
  "  SELECT lead_unit_id, ifnull (completed_on > deadline, 0), count(*) FROM items"
  "  WHERE state = 2 AND completed_on IS NOT NULL GROUP BY 1, 2;"
  REPORT_DONE_TRIGGERS;

/* Version 9: the search index again (issue 4's budget), with two changes.
 *
 * The rowid is `kind << 56 | id` rather than `id * 8 + kind`, so the records of one
 * kind are one range of rowids, newest (highest id) last.  A search asks FTS5 for the
 * newest matches of each kind by a rowid range in descending order, which it answers
 * by seeking, without visiting the matches of other kinds (see
 * docket-store-search.c for why the search takes the newest matches).  Ids stay far
 * below 2^56.
 *
 * prefix = '1 2' keeps the records of every prefix of one or two characters, so the
 * word being typed ("cải c", "hop ng") is one list to read instead of the merge of
 * the lists of every word it begins, which FTS5 builds in full whatever the LIMIT:
 * 0.2 s for "n" and 1 s for "t" over a million items.  It makes the index about
 * twice as large ('1 2 3' would make it three times, for no faster search).
 *
 * search_words holds the words of the index longer than that (docket_search_words ():
 * as written, in lower case, and folded), so a longer prefix becomes the few words
 * it begins, which FTS5 reads lazily (see docket-store-search.c).  The triggers add
 * the words of each new text; a word whose last record is gone stays, matching
 * nothing, until docket_store_rebuild_search_index ().
 *
 * Both changes need the index made again; the triggers change with the rowid.  They
 * still queue what the index must learn or forget (version 7), replayed at COMMIT;
 * the words are an ordinary table and go in directly.  The rebuilt index is merged
 * ('optimize'), as a long-lived one would be: unmerged, searches take twice as long. */
#define SEARCH_DROP_TRIGGERS(table) \
  "DROP TRIGGER search_" table "_insert;" \
  "DROP TRIGGER search_" table "_delete;" \
  "DROP TRIGGER search_" table "_update;"
#define SEARCH_KEY_9(base, row) base " + " row ".id"
#define SEARCH_ADD_WORDS_9(text) \
  "  INSERT OR IGNORE INTO search_words (word) " \
  "  SELECT value FROM json_each (docket_search_words (" text ")); "
#define SEARCH_QUEUE_9(key, forget, text) \
  "  INSERT INTO search_queue (doc, forget, folded, original) " \
  "  VALUES (" key ", " forget ", docket_fold (" text "), " text "); "
#define SEARCH_TRIGGERS_9(table, base, text, columns) \
  "CREATE TRIGGER search_" table "_insert AFTER INSERT ON " table " BEGIN " \
  SEARCH_QUEUE_9 (SEARCH_KEY_9 (base, "NEW"), "0", text ("NEW")) \
  SEARCH_ADD_WORDS_9 (text ("NEW")) \
  "END;" \
  "CREATE TRIGGER search_" table "_delete AFTER DELETE ON " table " BEGIN " \
  SEARCH_QUEUE_9 (SEARCH_KEY_9 (base, "OLD"), "1", text ("OLD")) \
  "END;" \
  "CREATE TRIGGER search_" table "_update AFTER UPDATE OF " columns " ON " table " BEGIN " \
  SEARCH_QUEUE_9 (SEARCH_KEY_9 (base, "OLD"), "1", text ("OLD")) \
  SEARCH_QUEUE_9 (SEARCH_KEY_9 (base, "NEW"), "0", text ("NEW")) \
  SEARCH_ADD_WORDS_9 (text ("NEW")) \
  "END;"
/* The first rowid of each DocketSearchKind. */
#define SEARCH_BASE_MEETING    "(0 << 56)"
#define SEARCH_BASE_MINUTES    "(1 << 56)"
#define SEARCH_BASE_CONCLUSION "(2 << 56)"
#define SEARCH_BASE_ITEM       "(3 << 56)"
#define SEARCH_BASE_PROGRESS   "(4 << 56)"

static const char migration_9[] =
  /* The index is made again from the tables: what was queued for the old one (by raw
   * SQL since the last commit) is in the tables already. */
  "DELETE FROM search_queue;"
  SEARCH_DROP_TRIGGERS ("meetings")
  SEARCH_DROP_TRIGGERS ("minutes_sections")
  SEARCH_DROP_TRIGGERS ("conclusions")
  SEARCH_DROP_TRIGGERS ("items")
  SEARCH_DROP_TRIGGERS ("progress_reports")
  "DROP TABLE search_index;"
  "CREATE VIRTUAL TABLE search_index USING fts5 (folded, original, content = '',"
  "  prefix = '1 2',"
  "  tokenize = \"unicode61 remove_diacritics 0 categories 'L* N* Co M*'\");"
  "CREATE TABLE search_words (word TEXT PRIMARY KEY) WITHOUT ROWID;"
  SEARCH_TRIGGERS_9 ("meetings", SEARCH_BASE_MEETING, SEARCH_MEETING_TEXT, "title, location")
  SEARCH_TRIGGERS_9 ("minutes_sections", SEARCH_BASE_MINUTES, SEARCH_TEXT, "text")
  SEARCH_TRIGGERS_9 ("conclusions", SEARCH_BASE_CONCLUSION, SEARCH_TEXT, "text")
  SEARCH_TRIGGERS_9 ("items", SEARCH_BASE_ITEM, SEARCH_CONTENT, "content")
  SEARCH_TRIGGERS_9 ("progress_reports", SEARCH_BASE_PROGRESS, SEARCH_TEXT, "text")
  "INSERT INTO search_index (rowid, folded, original) "
  "  SELECT " SEARCH_BASE_MEETING " + id, docket_fold (" SEARCH_MEETING_TEXT ("meetings") "), "
  "         " SEARCH_MEETING_TEXT ("meetings") " FROM meetings;"
  "INSERT INTO search_index (rowid, folded, original) "
  "  SELECT " SEARCH_BASE_MINUTES " + id, docket_fold (text), text FROM minutes_sections;"
  "INSERT INTO search_index (rowid, folded, original) "
  "  SELECT " SEARCH_BASE_CONCLUSION " + id, docket_fold (text), text FROM conclusions;"
  "INSERT INTO search_index (rowid, folded, original) "
  "  SELECT " SEARCH_BASE_ITEM " + id, docket_fold (content), content FROM items;"
  "INSERT INTO search_index (rowid, folded, original) "
  "  SELECT " SEARCH_BASE_PROGRESS " + id, docket_fold (text), text FROM progress_reports;"
  "INSERT OR IGNORE INTO search_words (word) "
  "  SELECT w.value FROM meetings, json_each (docket_search_words ("
  "    " SEARCH_MEETING_TEXT ("meetings") ")) w;"
  "INSERT OR IGNORE INTO search_words (word) "
  "  SELECT w.value FROM minutes_sections, json_each (docket_search_words (text)) w;"
  "INSERT OR IGNORE INTO search_words (word) "
  "  SELECT w.value FROM conclusions, json_each (docket_search_words (text)) w;"
  "INSERT OR IGNORE INTO search_words (word) "
  "  SELECT w.value FROM items, json_each (docket_search_words (content)) w;"
  "INSERT OR IGNORE INTO search_words (word) "
  "  SELECT w.value FROM progress_reports, json_each (docket_search_words (text)) w;"
  "INSERT INTO search_index (search_index) VALUES ('optimize');";

/* Version 10: the period report's counters by month (issue 7's budget: the dashboard
 * for a year over a million items in 150 ms).  Counting a year's completed items, or
 * the open items overdue for long, walked a range of an index entry by entry: tens of
 * thousands of entries per figure, 40 ms each.  These counters, kept by triggers in
 * the statement that changes an item, hold those sets by lead unit and month, so a
 * figure over whole months is a sum of a few hundred counters and only the month the
 * report's day falls in (and a period's first month, if it does not start on its
 * first day) is still walked in the index (docket-store-report.c):
 *
 * - report_done_months replaces report_done_counts (version 8): the completed items
 *   (confirmed, with a completion day) by lead unit, late or not, and month of
 *   completion ('YYYY-MM');
 * - report_open_months: the open items (states 0, 1, 3) by lead unit and month of
 *   the deadline ('none' without one, after every month);
 * - report_open_assigned: the same by month of assignment first ('' if none, before
 *   every month), so a period that ends on a month's last day takes off the items
 *   assigned after it by reading only their counters (none for a period that has
 *   not ended yet).  One table keyed by both months would be read whole for every
 *   report: four times the rows. */
#define REPORT_OPEN(row) row ".state IN (0, 1, 3)"
#define REPORT_MONTH(row, column) "substr (" row "." column ", 1, 7)"
#define REPORT_DUE(row) "ifnull (" REPORT_MONTH (row, "deadline") ", 'none')"
#define REPORT_ASSIGNED(row) "ifnull (" REPORT_MONTH (row, "assigned_on") ", '')"
#define REPORT_DONE_ADD_10 \
  "  INSERT INTO report_done_months (lead_unit_id, late, month, n) " \
  "  SELECT NEW.lead_unit_id, " REPORT_LATE ("NEW") ", " REPORT_MONTH ("NEW", "completed_on") ", 1 " \
  "  WHERE " REPORT_DONE ("NEW") " " \
  "  ON CONFLICT (lead_unit_id, late, month) DO UPDATE SET n = n + 1; "
#define REPORT_DONE_REMOVE_10 \
  "  UPDATE report_done_months SET n = n - 1 WHERE " REPORT_DONE ("OLD") \
  "  AND lead_unit_id = OLD.lead_unit_id AND late = " REPORT_LATE ("OLD") \
  "  AND month = " REPORT_MONTH ("OLD", "completed_on") "; "
#define REPORT_OPEN_ADD \
  "  INSERT INTO report_open_months (lead_unit_id, due, n) " \
  "  SELECT NEW.lead_unit_id, " REPORT_DUE ("NEW") ", 1 WHERE " REPORT_OPEN ("NEW") " " \
  "  ON CONFLICT (lead_unit_id, due) DO UPDATE SET n = n + 1; " \
  "  INSERT INTO report_open_assigned (assigned, lead_unit_id, due, n) " \
  "  SELECT " REPORT_ASSIGNED ("NEW") ", NEW.lead_unit_id, " REPORT_DUE ("NEW") ", 1 " \
  "  WHERE " REPORT_OPEN ("NEW") " " \
  "  ON CONFLICT (assigned, lead_unit_id, due) DO UPDATE SET n = n + 1; "
#define REPORT_OPEN_REMOVE \
  "  UPDATE report_open_months SET n = n - 1 WHERE " REPORT_OPEN ("OLD") \
  "  AND lead_unit_id = OLD.lead_unit_id AND due = " REPORT_DUE ("OLD") "; " \
  "  UPDATE report_open_assigned SET n = n - 1 WHERE " REPORT_OPEN ("OLD") \
  "  AND assigned = " REPORT_ASSIGNED ("OLD") " AND lead_unit_id = OLD.lead_unit_id " \
  "  AND due = " REPORT_DUE ("OLD") "; "

static const char migration_10[] =
  "DROP TRIGGER report_done_insert;"
  "DROP TRIGGER report_done_delete;"
  "DROP TRIGGER report_done_update;"
  "DROP TABLE report_done_counts;"
  "CREATE TABLE report_done_months ("
  "  lead_unit_id INTEGER NOT NULL,"
  "  late         INTEGER NOT NULL CHECK (late IN (0, 1)),"
  "  month        TEXT NOT NULL,"
  "  n            INTEGER NOT NULL,"
  "  PRIMARY KEY (lead_unit_id, late, month)"
  ") WITHOUT ROWID;"
  "CREATE TABLE report_open_months ("
  "  lead_unit_id INTEGER NOT NULL,"
  "  due          TEXT NOT NULL,"
  "  n            INTEGER NOT NULL,"
  "  PRIMARY KEY (lead_unit_id, due)"
  ") WITHOUT ROWID;"
  "CREATE TABLE report_open_assigned ("
  "  assigned     TEXT NOT NULL,"
  "  lead_unit_id INTEGER NOT NULL,"
  "  due          TEXT NOT NULL,"
  "  n            INTEGER NOT NULL,"
  "  PRIMARY KEY (assigned, lead_unit_id, due)"
  ") WITHOUT ROWID;"
  "INSERT INTO report_done_months (lead_unit_id, late, month, n)"
  "  SELECT lead_unit_id, " REPORT_LATE ("items") ", " REPORT_MONTH ("items", "completed_on") ","
  "    count(*) FROM items WHERE " REPORT_DONE ("items") " GROUP BY 1, 2, 3;"
  "INSERT INTO report_open_assigned (assigned, lead_unit_id, due, n)"
  "  SELECT " REPORT_ASSIGNED ("items") ", lead_unit_id, " REPORT_DUE ("items") ", count(*)"
  "  FROM items WHERE " REPORT_OPEN ("items") " GROUP BY 1, 2, 3;"
  "INSERT INTO report_open_months (lead_unit_id, due, n)"
  "  SELECT lead_unit_id, due, sum (n) FROM report_open_assigned GROUP BY 1, 2;"
  "CREATE TRIGGER report_done_insert AFTER INSERT ON items "
  "WHEN " REPORT_DONE ("NEW") " BEGIN " REPORT_DONE_ADD_10 "END;"
  "CREATE TRIGGER report_done_delete AFTER DELETE ON items "
  "WHEN " REPORT_DONE ("OLD") " BEGIN " REPORT_DONE_REMOVE_10 "END;"
  "CREATE TRIGGER report_done_update AFTER UPDATE OF state, completed_on, deadline,"
  "  lead_unit_id ON items "
  "WHEN (" REPORT_DONE ("OLD") ") OR (" REPORT_DONE ("NEW") ") "
  "BEGIN " REPORT_DONE_REMOVE_10 REPORT_DONE_ADD_10 "END;"
  "CREATE TRIGGER report_open_insert AFTER INSERT ON items "
  "WHEN " REPORT_OPEN ("NEW") " BEGIN " REPORT_OPEN_ADD "END;"
  "CREATE TRIGGER report_open_delete AFTER DELETE ON items "
  "WHEN " REPORT_OPEN ("OLD") " BEGIN " REPORT_OPEN_REMOVE "END;"
  "CREATE TRIGGER report_open_update AFTER UPDATE OF state, deadline, assigned_on,"
  "  lead_unit_id ON items "
  "WHEN (" REPORT_OPEN ("OLD") ") OR (" REPORT_OPEN ("NEW") ") "
  "BEGIN " REPORT_OPEN_REMOVE REPORT_OPEN_ADD "END;";

static const DocketMigration migrations[] = {
  { 1, migration_1 },
  { 2, migration_2 },
  { 3, migration_3 },
  { 4, migration_4 },
  { 5, migration_5 },
  { 6, migration_6 },
  { 7, migration_7 },
  { 8, migration_8 },
  { 9, migration_9 },
  { 10, migration_10 },
};

const DocketMigration *
_docket_store_get_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}

/**
 * docket_store_get_latest_schema_version:
 *
 * Returns: the schema version this Docket writes; a file with a higher
 *   `user_version` comes from a newer Docket and is refused.
 */
int
docket_store_get_latest_schema_version (void)
{
  return G_N_ELEMENTS (migrations);
}
