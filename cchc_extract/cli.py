"""The ``cchc-extract`` command."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cchc_extract.pipeline import PipelineOptions
from cchc_extract.reconcile import ReconcileSettings

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cchc-extract", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    conv = sub.add_parser("convert", help="convert files and folders to JSON (and dashboard tables)")
    conv.add_argument("inputs", nargs="+", type=Path, help="files or folders (walked recursively)")
    conv.add_argument("--out", required=True, type=Path, help="output folder")
    conv.add_argument("--review-below", type=float, default=0.8, metavar="CONF",
                      help="send rows under this confidence to review (default 0.8)")
    conv.add_argument("--no-repair", action="store_true", help="skip the Vietnamese repair stage")
    conv.add_argument("--debug", action="store_true", help="tracebacks in error records")

    rep = sub.add_parser("repair", help="repair diacritic-mangled Vietnamese: stdin to stdout, line for line")
    rep.add_argument("--debug", action="store_true")

    val = sub.add_parser("validate", help="re-validate output JSON files and re-run the checks")
    val.add_argument("files", nargs="+", type=Path)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code not in (0, None) else EXIT_OK
    if args.command == "convert":
        return _convert(args)
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
    options = PipelineOptions(reconcile=ReconcileSettings(review_below=args.review_below),
                              repair=not args.no_repair, debug=args.debug)
    summary = run_convert(args.inputs, args.out, options)
    return EXIT_FAILED if summary.failed else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
