"""Rich renderables for the terminal: results, explanations, uncertainty."""
