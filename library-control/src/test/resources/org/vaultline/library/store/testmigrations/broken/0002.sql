-- test schema two, broken half way
CREATE TABLE half (id INTEGER PRIMARY KEY) STRICT;
INSERT INTO half (id) VALUES (1);
INSERT INTO no_such_table (id) VALUES (2);
