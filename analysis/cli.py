"""Command line: ``python -m analysis {analyze,report,corpus} ...``.

Every failure a user can cause is printed as one line on stderr with exit code 2; a traceback is
shown only with ``--debug``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from analysis.errors import AnalysisError, InputError

if TYPE_CHECKING:
    from analysis.article import Article

EXIT_USAGE = 2
EXIT_INTERNAL = 1


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors are one line and exit code 2 like every other input error."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m analysis",
        description="Analyse how a news article is written: structure, readability, sentence "
        "sentiment, actors and attributions. Every span is a character offset into the text.",
    )
    parser.add_argument("--debug", action="store_true", help="show full tracebacks on errors")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    analyze = sub.add_parser(
        "analyze",
        help="write the structure, readability, sentence, actor and attribution tables",
        description="Analyse one article and write its tables. JSON output holds the text too, "
        "so every offset can be checked against it.",
    )
    analyze.add_argument("path", type=Path, help="article text file (UTF-8 or detected)")
    analyze.add_argument("--format", choices=("json", "csv"), default="json", help="default: json")
    analyze.add_argument(
        "--out", type=Path, default=None, help="output folder (default: reports/<slug>/tables)"
    )

    report = sub.add_parser(
        "report",
        help="render the HTML report for one article",
        description="Execute every notebook on the article and write reports/<slug>/index.html.",
    )
    report.add_argument("path", type=Path, help="article text file")
    report.add_argument("--out", type=Path, default=None, help="default: reports/<slug>")
    report.add_argument("--workers", type=int, default=2, help="notebooks run in parallel")
    report.add_argument(
        "--force",
        action="store_true",
        help="re-execute every notebook (by default a page whose notebook, article and code are "
        "unchanged since the last report is reused)",
    )

    from analysis.corpus import add_corpus_arguments

    corpus = sub.add_parser(
        "corpus",
        help="analyse every article in a folder into tidy tables (Parquet or CSV)",
        description="Run the one-pass analysis over many articles, locally or on a Dask "
        "cluster. Tables carry an article_id column; a re-run skips articles already done "
        "(keyed by content hash) unless --force; files that fail are listed in errors.",
    )
    add_corpus_arguments(corpus)
    return parser


def _summary(article: Article) -> str:
    """One line a user can check: what was read, how it was decoded, what was found."""
    extracted = " · text extracted from HTML" if article.extraction else ""
    return (
        f"article: {article.source} · encoding {article.encoding} · language {article.language}"
        f"{extracted} · {len(article.paragraphs)} paragraphs, {len(article.sentences)} sentences"
    )


def _print_warnings(article: Article) -> None:
    for warning in article.warnings:
        print(f"warning: {warning}", file=sys.stderr)


def _cmd_analyze(args: argparse.Namespace) -> int:
    from analysis.loading import load_article
    from analysis.paths import REPORTS_DIR
    from analysis.pipeline import analyze, write_tables
    from analysis.report import check_output_dir, save_extracted_text

    article = load_article(args.path)
    out = args.out if args.out is not None else REPORTS_DIR / article.slug / "tables"
    check_output_dir(out)
    result = analyze(article)
    try:
        written = write_tables(result, out, fmt=args.format)
        extracted = save_extracted_text(article, out)
    except OSError as exc:  # a read-only folder, a full disk: the user's to fix, not a bug
        where = f": {exc.filename}" if exc.filename else ""
        raise InputError(f"cannot write output: {exc.strerror or exc}{where}") from exc
    if extracted is not None:
        written.append(extracted)
    print(_summary(article))
    _print_warnings(article)
    print(f"wrote {len(written)} file(s) to {out}")
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from analysis.loading import load_article
    from analysis.report import render_report

    article = load_article(args.path)  # fails fast with one line; render_report loads it again
    print(_summary(article))
    _print_warnings(article)
    index = render_report(args.path, args.out, workers=args.workers, force=args.force)
    print(f"report: {index}")
    return 0


def _cmd_corpus(args: argparse.Namespace) -> int:
    from analysis.corpus import run_corpus_cli

    return run_corpus_cli(args)


COMMANDS = {"analyze": _cmd_analyze, "report": _cmd_report, "corpus": _cmd_corpus}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except AnalysisError as exc:
        if args.debug:
            raise
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug, not bad input: still one line unless --debug
        if args.debug:
            raise
        print(f"internal error: {type(exc).__name__}: {exc} (rerun with --debug)", file=sys.stderr)
        return EXIT_INTERNAL
