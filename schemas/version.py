"""The pipeline's version, apart from the records that carry it: the command line prints it and
``cchc_extract.__version__`` is it, and neither should cost the import of every record class
(a twenty-fifth of a whole `cchc-extract repair` run on benchmarks/speed's text)."""

PIPELINE_VERSION = "0.1.0"
