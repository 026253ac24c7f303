"""Results to files, always atomically: JSON, TOML, plots and the Excel workbooks."""
