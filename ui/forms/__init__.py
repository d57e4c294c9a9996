"""The record forms (actor, incident, place, source) on a shared base with inline validation, and
their pickers and row editors."""
