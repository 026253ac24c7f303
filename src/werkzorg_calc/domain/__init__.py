"""Vocabulary and values: errors, columns, items, stakeholders, parameters, prices, cases, result.

Imports nothing else of ours.
"""
