-- The words of each live shared contact's search text, so that a directory search reads the words
-- starting with its query from one index instead of matching every row of the domain with LIKE. A
-- word is a run of non-spaces that follows a space, exactly what "search_text LIKE '% query%'"
-- matches for a query without spaces. Deleted contacts have no terms. Filled from the rows already
-- stored: each step of the recursion cuts the next word off the text after its first space.
CREATE TABLE shared_contact_terms (
  domain TEXT NOT NULL,
  term TEXT NOT NULL,
  contact_id TEXT NOT NULL,
  PRIMARY KEY (domain, term, contact_id)
) WITHOUT ROWID;
CREATE INDEX shared_contact_terms_by_contact ON shared_contact_terms (domain, contact_id);

INSERT OR IGNORE INTO shared_contact_terms (domain, term, contact_id)
  WITH RECURSIVE words (domain, id, word, rest) AS (
    SELECT domain, id, '', substr(search_text, instr(search_text, ' ') + 1) || ' '
      FROM shared_contacts WHERE deleted = FALSE AND instr(search_text, ' ') > 0
    UNION ALL
    SELECT domain, id, substr(rest, 1, instr(rest, ' ') - 1), substr(rest, instr(rest, ' ') + 1)
      FROM words WHERE rest <> ''
  )
  SELECT domain, word, id FROM words WHERE word <> '';
