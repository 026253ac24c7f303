"""The law as code (method v2, rules B1 and W1): residual bijstand and loonkostensubsidie.

Decimal arithmetic, rounded exactly as the spec says; every result carries its derivation (the
inputs, every table row used with its source and line, every step, and the article).
"""
