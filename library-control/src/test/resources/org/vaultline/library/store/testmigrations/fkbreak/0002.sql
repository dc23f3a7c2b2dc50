-- test schema two, leaving a dangling reference
CREATE TABLE child (id INTEGER PRIMARY KEY, parent INTEGER NOT NULL REFERENCES parent (id)) STRICT;
INSERT INTO child (id, parent) VALUES (10, 99);
