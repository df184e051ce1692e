-- The words of each live shared contact's search text, so that a directory search reads the words
-- starting with its query from one index instead of matching every row of the domain with LIKE. A
-- word is a run of non-spaces that follows a space, exactly what "search_text LIKE '% query%'"
-- matches for a query without spaces. Deleted contacts have no terms. Filled from the rows already
-- stored: the pieces of the text split at spaces, but the first (it follows no space).
CREATE TABLE shared_contact_terms (
  domain TEXT NOT NULL,
  term TEXT COLLATE "C" NOT NULL,
  contact_id TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (domain, term, contact_id)
);
CREATE INDEX shared_contact_terms_by_contact ON shared_contact_terms (domain, contact_id);

INSERT INTO shared_contact_terms (domain, term, contact_id)
  SELECT DISTINCT s.domain, w.word, s.id
  FROM shared_contacts s, unnest(string_to_array(s.search_text, ' ')) WITH ORDINALITY AS w (word, n)
  WHERE s.deleted = FALSE AND w.n > 1 AND w.word <> ''
ON CONFLICT DO NOTHING;
