"""The Excel workbooks: summary, comparison, uncertainty workbooks and the case template."""
