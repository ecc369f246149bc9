"""Normalisation: Vietnamese repair, numbers, criterion codes, markup."""
