"""Where parameter values come from: defaults, the workbook sheet, --params and --set."""
