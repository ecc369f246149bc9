"""The ``cchc-extract`` command."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cchc_extract.batch import BatchSettings
from cchc_extract.outdir import OutputError
from cchc_extract.pipeline import PipelineOptions, one_line
from cchc_extract.reconcile import ReconcileSettings

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for Ctrl-C


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cchc-extract", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    conv = sub.add_parser("convert", help="convert files and folders to JSON (and dashboard tables)")
    conv.add_argument("inputs", nargs="+", type=Path, help="files or folders (walked recursively)")
    conv.add_argument("--out", required=True, type=Path, help="output folder")
    conv.add_argument(
        "--review-below",
        type=float,
        default=ReconcileSettings.review_below,
        metavar="CONF",
        help=f"send rows under this confidence to review (default {ReconcileSettings.review_below:g})",
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
    conv.add_argument("--progress", action="store_true", help="progress bar even when stderr is not a terminal")

    app = sub.add_parser("apply-review", help="apply the corrections typed into a review.xlsx/.csv to the JSON")
    app.add_argument("review_file", type=Path, help="review.xlsx or review.csv with corrected_value filled in")
    app.add_argument("--out", required=True, type=Path, help="the output folder the review file came from")
    app.add_argument(
        "--review-below",
        type=float,
        default=ReconcileSettings.review_below,
        metavar="CONF",
        help=f"send rows under this confidence to review (default {ReconcileSettings.review_below:g})",
    )

    rep = sub.add_parser("repair", help="repair diacritic-mangled Vietnamese: stdin to stdout, line for line")
    rep.add_argument("--debug", action="store_true")

    val = sub.add_parser("validate", help="re-validate output JSON files and re-run the checks")
    val.add_argument("files", nargs="+", type=Path)

    desk = sub.add_parser("review", help="work the review queue of an output folder in a local page")
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
    try:
        if args.command == "convert":
            return _convert(args)
        if args.command == "apply-review":
            return _apply_review(args)
        if args.command == "review":
            return _review(args)
    except KeyboardInterrupt:  # a second Ctrl-C while the tables are written: they stay as they were
        print("cchc-extract: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    if args.command == "repair":
        from normalize.vietnamese import repair_text

        for line in sys.stdin:
            sys.stdout.write(repair_text(line.rstrip("\n")) + "\n")
        return EXIT_OK
    if args.command == "validate":
        from cchc_extract.validate import validate_files

        return validate_files(args.files)
    return EXIT_USAGE


def _convert(args) -> int:
    from cchc_extract.batch import run_convert

    missing = [p for p in args.inputs if not p.exists()]
    if missing:
        print(f"cchc-extract: no such file or folder: {missing[0]}", file=sys.stderr)
        return EXIT_USAGE
    if not 0 <= args.review_below <= 1:
        print("cchc-extract: --review-below takes a confidence from 0 to 1", file=sys.stderr)
        return EXIT_USAGE
    if args.workers < 0 or args.timeout < 0:
        print("cchc-extract: --workers and --timeout take a number of 0 or more", file=sys.stderr)
        return EXIT_USAGE
    options = PipelineOptions(
        reconcile=ReconcileSettings(review_below=args.review_below), repair=not args.no_repair, debug=args.debug
    )
    settings = BatchSettings(workers=args.workers, timeout_s=args.timeout, force=args.force, progress=args.progress)
    try:
        summary = run_convert(args.inputs, args.out, options, settings)
    except (OSError, OutputError) as exc:  # the output folder itself cannot be written
        print(f"cchc-extract: cannot write to {args.out}: {one_line(exc)}", file=sys.stderr)
        return EXIT_FAILED
    if summary.interrupted:
        return EXIT_INTERRUPTED
    return EXIT_FAILED if summary.failed or summary.output_error else EXIT_OK


def _apply_review(args) -> int:
    from cchc_extract.review import ApplySettings, apply_review

    if not args.review_file.is_file():
        print(f"cchc-extract: no such review file: {args.review_file}", file=sys.stderr)
        return EXIT_USAGE
    if not args.out.is_dir():
        print(f"cchc-extract: no such output folder: {args.out}", file=sys.stderr)
        return EXIT_USAGE
    try:
        report = apply_review(
            args.review_file, args.out, ApplySettings(reconcile=ReconcileSettings(review_below=args.review_below))
        )
    except ValueError as exc:  # not a review file
        print(f"cchc-extract: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (OSError, OutputError) as exc:  # a full disk, an output folder not ours to write
        print(f"cchc-extract: could not write the corrected outputs: {one_line(exc)}", file=sys.stderr)
        return EXIT_FAILED
    for problem in report.problems:
        print(f"skipped: {problem}", file=sys.stderr)
    print(
        f"cchc-extract: {report.applied} corrections applied to {report.documents} documents"
        f" ({report.unchanged} already applied, {len(report.problems)} skipped)",
        file=sys.stderr,
    )
    return EXIT_FAILED if report.problems else EXIT_OK


def _review(args) -> int:
    from cchc_extract.desk import Desk, DeskSettings, serve

    if not args.out.is_dir():
        print(f"cchc-extract: no such output folder: {args.out}", file=sys.stderr)
        return EXIT_USAGE
    if not 0 <= args.port <= 65535:
        print("cchc-extract: --port takes a number from 0 to 65535", file=sys.stderr)
        return EXIT_USAGE

    def ready(desk: Desk) -> None:
        print(f"cchc-extract: review page of {args.out} at {desk.url} (Ctrl-C stops it)", file=sys.stderr, flush=True)

    try:
        serve(args.out, DeskSettings(port=args.port, open_browser=not args.no_browser), ready)
    except OSError as exc:  # the port is taken
        print(f"cchc-extract: cannot listen on 127.0.0.1:{args.port}: {one_line(exc)}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
