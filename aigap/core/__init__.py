"""The ground floor: text, numbers, records, errors, the label catalogue.

Imports nothing of aigap above it.
"""
