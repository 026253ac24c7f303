"""Reading case files and writing results; no calculation happens here."""
