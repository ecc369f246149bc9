"""The ``cchc-extract`` command."""

from __future__ import annotations

import argparse
import gc
import importlib.util
import logging
import sys
from collections.abc import Callable
from pathlib import Path

# Only what every command needs: each command imports its own machinery when it runs, so that
# `repair` and `--help` never load the readers, pandas or jsonschema (tests/test_cli_imports.py).
from cchc_extract.batch_settings import LOG, BatchSettings, log_to
from cchc_extract.dataclass_code import dataclass_code_cached
from cchc_extract.i18n import DEFAULT_LANG, LANGUAGES, translator
from cchc_extract.review_threshold import REVIEW_BELOW
from schemas.version import PIPELINE_VERSION

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for Ctrl-C


def _common(suppress: bool) -> argparse.ArgumentParser:
    """-q, -v and --lang, taken before the command or after it (``suppress``: a command's copy
    leaves the value given before it alone)."""
    common = argparse.ArgumentParser(add_help=False)
    loud = common.add_mutually_exclusive_group()
    quiet = loud.add_argument("-q", "--quiet", action="store_true", help="only problems: no progress bar, no summary")
    verbose = loud.add_argument("-v", "--verbose", action="store_true", help="also each file as it is done")
    lang = common.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=DEFAULT_LANG,
        help=f"language of the messages, the review files and the report (default {DEFAULT_LANG})",
    )
    if suppress:
        for action in (quiet, verbose, lang):
            action.default = argparse.SUPPRESS
    return common


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cchc-extract", description=__doc__, parents=[_common(False)])
    parser.add_argument("--version", action="version", version=f"cchc-extract {PIPELINE_VERSION}")
    sub = parser.add_subparsers(dest="command", required=True)
    common = [_common(True)]

    conv = sub.add_parser("convert", parents=common, help="convert files and folders to JSON (and dashboard tables)")
    conv.add_argument("inputs", nargs="+", type=Path, help="files or folders (walked recursively)")
    conv.add_argument("--out", required=True, type=Path, help="output folder")
    conv.add_argument(
        "--review-below",
        type=float,
        default=REVIEW_BELOW,
        metavar="CONF",
        help=f"send rows under this confidence to review (default {REVIEW_BELOW:g})",
    )
    conv.add_argument("--no-repair", action="store_true", help="skip the Vietnamese repair stage")
    conv.add_argument("--debug", action="store_true", help="tracebacks in error records")
    conv.add_argument(
        "--workers", type=int, default=0, metavar="N", help="conversions run in parallel (default: one per CPU)"
    )
    conv.add_argument(
        "--timeout",
        type=float,
        default=BatchSettings.timeout_s,
        metavar="SECONDS",
        help=f"per-file time limit; 0 for none (default {BatchSettings.timeout_s:g})",
    )
    conv.add_argument("--force", action="store_true", help="convert again files whose output is up to date")
    conv.add_argument(
        "--executor",
        choices=("pool", "dask"),
        default=BatchSettings.executor,
        help="where the conversions run: our own process pool (default), or a dask.distributed cluster",
    )
    conv.add_argument(
        "--scheduler",
        default="",
        metavar="ADDRESS",
        help="with --executor dask: an existing scheduler (tcp://host:8786); default a local cluster",
    )
    conv.add_argument("--progress", action="store_true", help="progress bar even when stderr is not a terminal")

    app = sub.add_parser(
        "apply-review", parents=common, help="apply the corrections typed into a review.xlsx/.csv to the JSON"
    )
    app.add_argument("review_file", type=Path, help="review.xlsx or review.csv with corrected_value filled in")
    app.add_argument("--out", required=True, type=Path, help="the output folder the review file came from")
    app.add_argument(
        "--review-below",
        type=float,
        default=REVIEW_BELOW,
        metavar="CONF",
        help=f"send rows under this confidence to review (default {REVIEW_BELOW:g})",
    )

    rep = sub.add_parser(
        "repair", parents=common, help="repair diacritic-mangled Vietnamese: stdin to stdout, line for line"
    )
    rep.add_argument("--debug", action="store_true")

    val = sub.add_parser(
        "validate",
        parents=common,
        help="re-validate output JSON (files, or output folders) and re-run the checks; exit 1 on any difference",
    )
    val.add_argument("files", nargs="+", type=Path, metavar="PATH")

    desk = sub.add_parser("review", parents=common, help="work the review queue of an output folder in a local page")
    desk.add_argument("out", type=Path, help="the output folder")
    desk.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: a free one)")
    desk.add_argument("--no-browser", action="store_true", help="print the address instead of opening a browser")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code not in (0, None) else EXIT_OK
    level = logging.WARNING if args.quiet else logging.DEBUG if args.verbose else logging.INFO
    _ = translator(args.lang)
    # The methods of the dataclasses the command's modules define, compiled in an earlier run
    # (cchc_extract/dataclass_code.py): a quarter of a one-file conversion's CPU otherwise.
    with log_to(sys.stderr, level), dataclass_code_cached():
        try:
            if args.command == "convert":
                return _convert(args, _)
            if args.command == "apply-review":
                return _apply_review(args, _)
            if args.command == "review":
                return _review(args, _)
        except KeyboardInterrupt:  # a second Ctrl-C while the tables are written: they stay as they were
            LOG.error("cchc-extract: " + _("interrupted"))
            return EXIT_INTERRUPTED
        if args.command == "repair":
            # The repair makes no reference cycles (its objects go by reference counting): the
            # cyclic collector would only walk its modules, model and growing caches again and
            # again (6% of the command's instructions on benchmarks/repair's speed text, and
            # nothing collected).
            gc.disable()
            try:
                from normalize.vietnamese import repair_text

                for line in sys.stdin:
                    sys.stdout.write(repair_text(line.rstrip("\n")) + "\n")
            finally:
                # What the repair holds lives as long as the process: the collection the
                # interpreter runs as it exits need not walk it (3% of the instructions).
                gc.freeze()
                gc.enable()
            return EXIT_OK
        if args.command == "validate":
            from cchc_extract.validate import validate_paths

            return validate_paths(args.files, lang=args.lang)
    return EXIT_USAGE


def _fail(message: str) -> None:
    LOG.error("cchc-extract: " + message)


def _convert(args, _: Callable[[str], str]) -> int:
    from cchc_extract.batch import run_convert
    from cchc_extract.executors import ExecutorError
    from cchc_extract.outdir import OutputError
    from cchc_extract.pipeline import PipelineOptions, one_line
    from cchc_extract.reconcile import ReconcileSettings

    missing = [p for p in args.inputs if not p.exists()]
    if missing:
        _fail(_("no such file or folder: {path}").format(path=missing[0]))
        return EXIT_USAGE
    if not 0 <= args.review_below <= 1:
        _fail(_("--review-below takes a confidence from 0 to 1"))
        return EXIT_USAGE
    if args.workers < 0 or args.timeout < 0:
        _fail(_("--workers and --timeout take a number of 0 or more"))
        return EXIT_USAGE
    options = PipelineOptions(
        reconcile=ReconcileSettings(review_below=args.review_below), repair=not args.no_repair, debug=args.debug
    )
    if args.scheduler and args.executor != "dask":
        print("cchc-extract: --scheduler goes with --executor dask", file=sys.stderr)
        return EXIT_USAGE
    if args.executor == "dask" and importlib.util.find_spec("distributed") is None:
        print("cchc-extract: --executor dask needs dask.distributed: pip install 'cchc-extract[dask]'", file=sys.stderr)
        return EXIT_USAGE
    settings = BatchSettings(
        workers=args.workers,
        timeout_s=args.timeout,
        force=args.force,
        progress=args.progress,
        executor=args.executor,
        scheduler=args.scheduler,
        quiet=args.quiet,
        lang=args.lang,
    )
    try:
        summary = run_convert(args.inputs, args.out, options, settings, stream=None)
    except ExecutorError as exc:
        print(f"cchc-extract: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except (OSError, OutputError) as exc:  # the output folder itself cannot be written
        _fail(_("cannot write to {folder}: {error}").format(folder=args.out, error=one_line(exc)))
        return EXIT_FAILED
    if summary.interrupted:
        return EXIT_INTERRUPTED
    return EXIT_FAILED if summary.failed or summary.output_error else EXIT_OK


def _apply_review(args, _: Callable[[str], str]) -> int:
    from cchc_extract.outdir import OutputError
    from cchc_extract.pipeline import one_line
    from cchc_extract.reconcile import ReconcileSettings
    from cchc_extract.review import ApplySettings, apply_review

    if not args.review_file.is_file():
        _fail(_("no such review file: {path}").format(path=args.review_file))
        return EXIT_USAGE
    if not args.out.is_dir():
        _fail(_("no such output folder: {path}").format(path=args.out))
        return EXIT_USAGE
    try:
        report = apply_review(
            args.review_file,
            args.out,
            ApplySettings(reconcile=ReconcileSettings(review_below=args.review_below)),
            lang=args.lang,
        )
    except ValueError as exc:  # not a review file
        _fail(str(exc))
        return EXIT_USAGE
    except (OSError, OutputError) as exc:  # a full disk, an output folder not ours to write
        _fail(_("could not write the corrected outputs: {error}").format(error=one_line(exc)))
        return EXIT_FAILED
    for problem in report.problems:
        LOG.warning(_("skipped: {problem}").format(problem=problem))
    LOG.info(
        "cchc-extract: "
        + _(
            "{applied} corrections applied to {documents} documents ({unchanged} already applied, {skipped} skipped)"
        ).format(
            applied=report.applied, documents=report.documents, unchanged=report.unchanged, skipped=len(report.problems)
        )
    )
    return EXIT_FAILED if report.problems else EXIT_OK


def _review(args, _: Callable[[str], str]) -> int:
    from cchc_extract.desk import Desk, DeskSettings, serve
    from cchc_extract.pipeline import one_line

    if not args.out.is_dir():
        _fail(_("no such output folder: {path}").format(path=args.out))
        return EXIT_USAGE
    if not 0 <= args.port <= 65535:
        _fail(_("--port takes a number from 0 to 65535"))
        return EXIT_USAGE

    def ready(desk: Desk) -> None:
        # A warning: the address is what the person needs, even with -q.
        LOG.warning(
            "cchc-extract: "
            + _("review page of {folder} at {url} (Ctrl-C stops it)").format(folder=args.out, url=desk.url)
        )

    try:
        settings = DeskSettings(
            port=args.port, open_browser=not args.no_browser, lang=args.lang, log_requests=args.verbose
        )
        serve(args.out, settings, ready)
    except OSError as exc:  # the port is taken
        _fail(_("cannot listen on 127.0.0.1:{port}: {error}").format(port=args.port, error=one_line(exc)))
        return EXIT_FAILED
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
