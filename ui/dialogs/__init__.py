"""Dialogs: export, preferences, conflict, about, the actor picker, the "not an entity" list, task
progress, and the small questions and messages the other parts ask."""
