"""The analyst's desk: the main window and its panels — documents, the right-to-left viewer
(with the page image of OCR'd sources), the review queue and review by name, records,
citations, the status bar, and the import flow."""
