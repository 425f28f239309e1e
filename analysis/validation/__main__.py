"""``python -m analysis.validation``: score the package on ../shared and refresh the committed JSON.

Prints the headline figures, then rewrites ``analysis/data/validation_figures.json`` (``--check``
only compares). Exits 2 when the reference data is absent.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis.paths import shared_data_dir
from analysis.validation.summary import (
    FIGURES_PATH,
    collect_validation_figures,
    figure_differences,
    figures_table,
    load_validation_figures,
    write_validation_figures,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m analysis.validation", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--shared", type=Path, default=None, help="default: ../shared/data")
    parser.add_argument("--out", type=Path, default=FIGURES_PATH, help="default: %(default)s")
    parser.add_argument(
        "--check", action="store_true", help="compare with the file, do not write; exit 1 if stale"
    )
    args = parser.parse_args(argv)
    shared = args.shared or shared_data_dir()
    if shared is None or not Path(shared).is_dir():
        print("../shared/data is absent: nothing to validate against", file=sys.stderr)
        return 2
    figures = collect_validation_figures(shared)
    table = figures_table(figures)
    print(table.drop(columns="dataset").to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    committed = load_validation_figures(args.out)
    differences = figure_differences(committed, figures)
    if args.check:
        for line in differences:
            print(f"differs: {line}")
        print(f"{args.out}: {'stale' if differences else 'up to date'}")
        return 1 if differences else 0
    if differences or not committed:
        write_validation_figures(figures, args.out)
        changed = f"{len(differences)} figure(s) changed" if committed else "new file"
        print(f"wrote {args.out} ({changed})")
    else:
        print(f"{args.out} is up to date (figures unchanged; date kept)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
