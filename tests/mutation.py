"""Mutation testing with mutmut over loaders/ and programme_analysis/ (not part of CI: it takes minutes to hours).

    .venv/bin/python -m tests.mutation                 # the default scopes, one mutmut run each, then the scores
    .venv/bin/python -m tests.mutation loaders.transform programme_analysis.money_views
    .venv/bin/python -m tests.mutation --scores        # only print the scores of the last runs
    .venv/bin/python -m tests.mutation --sample 10 loaders.extract   # every 10th mutant (a fixed sample), one run
    .venv/bin/python -m tests.mutation --sample 10 --recheck loaders.extract.__init__   # the package's own code; run its
                                                       # sample's survivors again (after adding tests)

``--sample N`` runs the mutants whose name hashes (CRC-32) to 0 modulo N: a fixed, reproducible sample of about
1 in N, for scopes too large to run whole on a busy machine; ``--scores --sample N`` scores that sample only.
mutmut keeps a mutant's result until its function changes, so after adding tests ``--recheck`` runs the sample's
survivors (and mutants that had no test) again. ``--max-children 1`` leaves a core to others on a shared machine.

mutmut copies the code into mutants/ (git-ignored), makes one changed copy of a function per mutant and runs
the tests that cover that function; a mutant the tests do not notice "survived". Its settings, including the
fast unit tests it runs, are [tool.mutmut] in pyproject.toml. Hypothesis uses its small "mutation" profile.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import zlib
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTMUT = [sys.executable, "-m", "mutmut"]
# Each scope is one mutmut run; together they cover the loaders' computing modules and the money arithmetic.
# Not mutated (docs/testing.md, "Mutation testing", says why): the command line, the build's orchestration, the upload
# worker, the reader's sandbox process, the export's zip writing, the PDF/DOCX readers (their tests render files).
SCOPES = [
    ["loaders.extract"],
    ["loaders.ukrainian_text", "loaders.validate", "loaders.categories", "programme_analysis.money_views"],
    ["loaders.transform"],
    [
        "loaders.intake.community_match",
        "loaders.vocabularies",
        "loaders.gazetteer",
        "loaders.source_documents",
        "loaders.partner_register",
    ],
    ["loaders.read.wrapped_text", "loaders.read.text_file", "loaders.read.document_text", "loaders.read.zip_checks"],
]
KILLED = ("killed", "timeout", "segfault", "caught by type check")
_NAME = re.compile(r"^\s*(?P<module>[\w.]+?)\.x[_ǁ].*?: (?P<status>.+?)\s*$")


def run(modules: list[str], children: int) -> None:
    env = {**os.environ, "HYPOTHESIS_PROFILE": "mutation"}
    patterns = [
        p
        for m in modules
        for p in (
            [f"{m[: -len('.__init__')]}.x_*", f"{m[: -len('.__init__')]}.xǁ*"]
            if m.endswith(".__init__")
            else [f"{m}.*"]
        )
    ]
    subprocess.run([*MUTMUT, "run", *patterns, "--max-children", str(children)], cwd=ROOT, env=env, check=False)


def in_sample(name: str, sample: int) -> bool:
    return zlib.crc32(name.encode()) % sample == 0


def statuses() -> dict[str, str]:
    """``{mutant name: status}`` of every mutant mutmut has generated (status ``not checked`` until run)."""
    out = subprocess.run(
        [*MUTMUT, "results", "--all", "true"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    found = {}
    for line in out.splitlines():
        if match := _NAME.match(line):
            found[line.strip().rsplit(": ", 1)[0]] = match["status"]
    return found


def _module(name: str) -> str:
    return re.split(r"\.x[_ǁ]", name, maxsplit=1)[0]


def in_scope(name: str, modules: list[str]) -> bool:
    """Whether a mutant is in one of ``modules`` or their submodules; ``package.__init__`` is the package's own code only.

    >>> in_scope("loaders.extract.x_check_layout__mutmut_1", ["loaders.extract.__init__"])
    True
    >>> in_scope("loaders.extract.detect.x__years__mutmut_1", ["loaders.extract.__init__"])
    False
    >>> in_scope("loaders.extract.detect.x__years__mutmut_1", ["loaders.extract"])
    True
    """
    module = _module(name)
    return any(
        module == m.removesuffix(".__init__") if m.endswith(".__init__") else module == m or module.startswith(m + ".")
        for m in modules
    )


def run_sample(modules: list[str], sample: int, children: int, recheck: bool = False) -> None:
    """Run the unchecked mutants of ``modules`` that are in the sample (and, with ``recheck``, the ones that survived
    or had no test, to measure new tests)."""
    wanted = {"not checked", "survived", "no tests"} if recheck else {"not checked"}
    names = [
        n for n, status in statuses().items() if status in wanted and in_sample(n, sample) and in_scope(n, modules)
    ]
    if names:
        env = {**os.environ, "HYPOTHESIS_PROFILE": "mutation"}
        subprocess.run([*MUTMUT, "run", *names, "--max-children", str(children)], cwd=ROOT, env=env, check=False)


def results(sample: int = 1) -> dict[str, Counter]:
    """``{module: Counter(status)}`` of every mutant mutmut has checked (in the sample, if one is given)."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for name, status in statuses().items():
        if status != "not checked" and in_sample(name, sample):
            counts[_module(name)][status] += 1
    return counts


def score_lines(counts: dict[str, Counter]) -> list[str]:
    lines = [f"{'module':40} {'killed':>7} {'timeout':>7} {'survived':>8} {'no tests':>8} {'total':>6} {'score':>6}"]
    for module, c in sorted(counts.items()):
        total = sum(c.values())
        caught = sum(c[s] for s in KILLED)
        lines.append(
            f"{module:40} {c['killed']:7} {c['timeout']:7} {c['survived']:8} {c['no tests']:8} {total:6} {100 * caught / total:5.1f}%"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help="dotted module names to mutate (default: the scopes in SCOPES)")
    parser.add_argument("--scores", action="store_true", help="print the scores of the last runs without running")
    parser.add_argument("--max-children", type=int, default=2, help="mutants tested at once (default 2)")
    parser.add_argument(
        "--sample", type=int, default=1, metavar="N", help="only the fixed sample of about 1 in N mutants"
    )
    parser.add_argument(
        "--recheck",
        action="store_true",
        help="with --sample: run again the sample's survivors and mutants without a test",
    )
    args = parser.parse_args(argv)
    if not args.scores:
        for scope in [args.modules] if args.modules else SCOPES:
            if args.sample > 1:
                run_sample(scope, args.sample, args.max_children, args.recheck)
            else:
                run(scope, args.max_children)
    print("\n".join(score_lines(results(args.sample))))
    print("score = (killed + timeout) / mutants checked; list the survivors with: .venv/bin/mutmut results")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
