"""``mtcheck review``: editors go through the findings in the browser and decide on each.

- :mod:`mtcheck.review.store`: the review file beside the draft (decisions by fingerprint),
  read by later ``check``, ``scan`` and ``review`` runs; CSV export.
- :mod:`mtcheck.review.working`: the working copy of the draft (edits kept in the loaded
  file's coordinates) and saving it byte for byte outside the edited spans.
- :mod:`mtcheck.review.recheck`: the checks re-run on the sentence pairs an edit touched.
- :mod:`mtcheck.review.session`: one review's state, its actions and undo.
- :mod:`mtcheck.review.app`: the Starlette app on uvicorn, with its token and Host checks.
"""
