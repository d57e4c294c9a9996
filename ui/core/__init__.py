"""The application core: start-up, the operation runner (the one way work leaves the UI thread),
the case handle, the shared selection and navigation, settings, translations, fonts, icons and
small shared widgets."""
