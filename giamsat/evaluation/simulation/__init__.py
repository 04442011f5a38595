"""``giamsat simulate``: a country's worth of synthetic reports for measuring the
dashboards at national scale (see docs/performance.md).

``catalog`` lists the indicators, ``model`` how their values behave, ``build`` makes the
units, catalog, plans, targets and tasks, ``fill`` the reports, ``bulk`` writes fast.
"""
