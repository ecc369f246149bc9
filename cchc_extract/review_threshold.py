"""The confidence under which a value goes to review, by default: ``ReconcileSettings`` reads it,
and so does the command line's ``--review-below`` without importing the reconcile stage (whose
import is a twentieth of a whole `cchc-extract repair` run on benchmarks/speed's text)."""

REVIEW_BELOW = 0.8
