"""The desktop application: PySide6 widgets over the domain services of ``casefile``.

Widgets never hold a Session and never write SQL; work runs through the
operation runner (``ui.core.operations``) off the UI thread.
"""
