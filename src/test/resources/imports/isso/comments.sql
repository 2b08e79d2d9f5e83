-- An Isso database written for Moderato's tests, in Isso's own schema (isso/db/__init__.py, comments.py, threads.py).
-- The test builds the SQLite file from it; statements end with ";" at the end of a line.
CREATE TABLE preferences (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE threads (id INTEGER PRIMARY KEY, uri VARCHAR(256) UNIQUE, title VARCHAR(256));
CREATE TABLE comments (
    tid REFERENCES threads(id), id INTEGER PRIMARY KEY, parent INTEGER,
    created FLOAT NOT NULL, modified FLOAT, mode INTEGER, remote_addr VARCHAR,
    text VARCHAR, author VARCHAR, email VARCHAR, website VARCHAR,
    likes INTEGER DEFAULT 0, dislikes INTEGER DEFAULT 0, voters BLOB NOT NULL,
    notification INTEGER DEFAULT 0);
INSERT INTO preferences VALUES ('session-key', 'not-a-real-key');
INSERT INTO threads VALUES (1, '/2026/05/gruesse-aus-koeln/', 'Grüße aus Köln – 東京へ');
INSERT INTO threads VALUES (2, '/impressum/', NULL);
INSERT INTO threads VALUES (3, '/ohne-kommentare/', 'Ohne Kommentare');
INSERT INTO comments VALUES (1, 1, NULL, 1777630500.25, NULL, 1, '203.0.113.0', 'Schöne Grüße zurück! Siehe [hier](https://example.de/koeln).', 'Jürgen Müller', 'juergen@example.de', 'https://juergen.example.de', 3, 0, X'00', 1);
INSERT INTO comments VALUES (1, 2, 1, 1777633200.0, NULL, 1, '2001:db8::', '東京からこんにちは。', '山田 花子', NULL, NULL, 0, 0, X'00', 0);
INSERT INTO comments VALUES (1, 3, 2, 1777636800.0, 1777640000.0, 1, '192.0.2.0', '🎉🎉 Glückwunsch!', NULL, NULL, NULL, 0, 0, X'00', 0);
INSERT INTO comments VALUES (1, 4, 3, 1777640400.5, NULL, 1, '198.51.100.0', 'Tief verschachtelt <script>alert(''xss'')</script>', 'Mallory', 'mallory@example.net', '', 0, 0, X'00', 0);
INSERT INTO comments VALUES (1, 5, NULL, 1777701600.0, NULL, 2, '192.0.2.0', 'Wartet noch auf Freigabe.', 'Erika', 'erika@example.de', NULL, 0, 0, X'00', 0);
INSERT INTO comments VALUES (1, 6, 1, 1777708800.0, NULL, 4, '192.0.2.0', '', NULL, NULL, NULL, 0, 0, X'00', 0);
INSERT INTO comments VALUES (1, 7, NULL, 1777712400.0, NULL, 8, '192.0.2.0', 'A mode Isso does not know.', 'Unklar', NULL, NULL, 0, 0, X'00', 0);
INSERT INTO comments VALUES (2, 8, NULL, 1736586000.0, NULL, 1, '192.0.2.0', 'Geschrieben im Impressum.', 'Leser', 'leser@example.de', NULL, 0, 0, X'00', 0);
