"""Words for people, in Dutch and English: labels, number formats, verdicts."""
