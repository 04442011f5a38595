"""The rules the plan parser applies, one module per concern, all plain Python.

``fold`` makes text comparable, ``numbers``, ``comparators`` and ``dates`` read
values, ``blocks`` turns lines into logical paragraphs, ``sections`` finds
headings, and ``targets``, ``actuals``, ``tasks``, ``units``, ``meta`` and
``tables`` take the items out. ``giamsat.parsing.core`` runs them in order.
"""
