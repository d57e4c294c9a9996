"""Imported by the reader workers' fork server before it forks them: loads extraction's
models (gazetteer, tagger, lexicons) once, so every worker shares them copy-on-write instead
of loading its own copy (``NewSourceStep.preload``, ``casefile.importing.reader_process``).

Importing this module does the work; nothing else imports it.
"""

import gc

from .analysis import analyse_report

# A short report touches every model extraction loads lazily. Should that fail, each worker
# loads them when it first needs them, and reports the failure with the file.
try:
    analyse_report(None, "قال أحمد محمد إن قوات الأمن اعتقلت ثلاثة أشخاص في حلب يوم الاثنين.",
                   None)
except Exception:  # noqa: BLE001, S110 - the fork server must start all the same
    pass
# Objects made so far are left out of the workers' garbage collections, which would
# otherwise write to every page of them and so un-share them.
gc.freeze()
