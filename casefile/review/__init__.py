"""Review at the scale of a case: proposals grouped by name, one decision per group, and what
the case remembers (the "not an entity" list, confirmed aliases).

``groups`` reads the open proposals as groups, ``decide`` applies one decision to a group,
``stoplist`` keeps the names the analyst said are not entities. Services take a Session and
do not commit; the caller owns the transaction (one per user action).
"""
