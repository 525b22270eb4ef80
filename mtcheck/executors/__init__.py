"""Where ``mtcheck scan`` checks its pairs: in this process, in local worker processes
(``--jobs N``) or on a Ray cluster (``--executor ray``).

Every executor runs the same per-pair function (:mod:`mtcheck.executors.work`) and hands back
one result per pair; :func:`mtcheck.scan.run_scan` puts them in the plan's order, so the report
is the same whichever executor made it.
"""
