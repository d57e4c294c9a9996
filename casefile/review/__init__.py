"""Review: what extraction proposes for a source becomes proposals in the case, and the
analyst's decisions on them become records.

``proposals`` writes a source's proposals (and mentions of known records); ``decisions``
accepts, edits, merges and rejects them one by one; ``groups`` reads the open proposals as
groups by name and ``decide`` applies one decision to a whole group; ``stoplist`` keeps the
names the analyst said are not entities; ``candidates`` ranks link targets; ``case_gazetteer``
turns the case's confirmed actors, places and aliases into names the next extraction knows.
``casefile.extraction`` only reads text and returns results; what writes to the case is here.
Services take a Session and do not commit; the caller owns the transaction.
"""
