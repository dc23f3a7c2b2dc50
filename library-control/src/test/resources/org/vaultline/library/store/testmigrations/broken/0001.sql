-- test schema one: a parent table and the activity log
CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT;
CREATE TABLE activity_log (id INTEGER PRIMARY KEY AUTOINCREMENT, time INTEGER NOT NULL, msg_number INTEGER NOT NULL,
  severity TEXT NOT NULL, text TEXT NOT NULL, admin TEXT, process INTEGER) STRICT;
INSERT INTO parent (id, name) VALUES (1, 'one');
