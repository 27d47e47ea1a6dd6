"""Mutation testing of docs/_ext/ and scripts/ with mutmut, over the fast tests (`make mutation`).

mutmut names a mutant after its module's path relative to the project (``docs._ext.faq_schema``),
but Sphinx and the tests import our modules by their bare names (``faq_schema``), so in place the
two never match and every mutant would survive. The run therefore happens in a staging copy of the
project where the modules sit in ``src/`` (mutmut strips that prefix), and ``docs/_ext`` and
``scripts`` in mutmut's working copy are links to it: the pages, the tests and ``sphinx-build``
subprocesses all load the mutated code.

Only tests run in the pytest process count towards a mutant: mutmut maps tests to functions by
recording calls, and calls made in a ``sphinx-build`` subprocess are not seen (a mutant reached only
that way reports "no tests").

Writes tests/mutation/report.md (per module: killed / survived / timeout / no tests, and each
survivor with its diff, marked where tests/mutation/equivalent.md explains why it cannot be killed).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
REPORT = HERE / "report.md"
EQUIVALENT = HERE / "equivalent.md"
# The modules the project sets a target for: at least this share of their mutants killed.
TARGETS = ("faq_schema", "faq_html", "faq_catalog", "search_id", "faq_glossary", "faq_sidebar")
TARGET = 0.90
# mutmut times a test without its fixtures' setup, where our tests build their project: its default time
# limit (15 × (that time + 1 s)) cuts the builds short, hence the larger constant.
# The fast tests only (no browser, LaTeX or live server: marked "slow"); not the lint test, which would
# rightly find mutmut's generated code unformatted.
CONFIG = """\
[mutmut]
source_paths = src
pytest_add_cli_args_test_selection = tests/
pytest_add_cli_args =
    -m
    not slow
    --ignore=tests/test_hygiene.py
    -p
    no:cacheprovider
use_git_change_detection = false
timeout_constant = 60
"""
# mutmut's own first step, without running anything: copy src/ into its working copy and write the
# mutants with their .meta files (whose keys are the mutant names), so that a sample can be drawn.
GENERATE = (
    "import mutmut.__main__ as m; m.set_mutant_under_test('mutant_generation'); m.copy_src_dir(); "
    "m.copy_also_copy_files(); m.setup_source_paths(); m.create_mutants({jobs})"
)


def stage(work: Path, modules: list[str]) -> None:
    """The project's tracked files, with our modules moved to src/ (only `modules` mutated, if given)."""
    if work.exists():
        shutil.rmtree(work)
    files = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split("\0")
    for name in filter(None, files):
        source = ROOT / name
        if not source.is_file():
            continue  # deleted in the working tree
        if name.startswith(("docs/_ext/", "scripts/")) and "/" not in name.split("/", 2)[-1]:
            target = work / "src" / Path(name).name
        else:
            target = work / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    # Extension assets (stylesheets, the JS stemmer, the root list) stay reachable from both places.
    for asset in (ROOT / "docs" / "_ext").iterdir():
        if asset.suffix != ".py" and asset.name != "__pycache__":
            copy = shutil.copytree if asset.is_dir() else shutil.copy2
            copy(asset, work / "src" / asset.name)
    only = "".join(f"\n    src/{module}.py" for module in modules)
    (work / "setup.cfg").write_text(CONFIG + (f"only_mutate ={only}\n" if only else ""), encoding="utf-8")
    # mutmut's working copy: everything but src/ and tests/ (mutmut copies those), _ext and scripts linked to src.
    mutants = work / "mutants"
    mutants.mkdir()
    for path in work.iterdir():
        if path.name not in {"src", "tests", "mutants", "setup.cfg"}:
            (shutil.copytree if path.is_dir() else shutil.copy2)(path, mutants / path.name)
    shutil.rmtree(mutants / "docs" / "_ext", ignore_errors=True)
    (mutants / "docs" / "_ext").symlink_to(Path("..") / "src")
    (mutants / "scripts").symlink_to("src")
    for untracked in (".venv", "node_modules"):  # the tools some fast tests run through make or Node
        if (ROOT / untracked).is_dir():
            (mutants / untracked).symlink_to(ROOT / untracked)


def mutmut(work: Path, *args: str, check: bool = True) -> str:
    command = [str(Path(sys.executable).parent / "mutmut"), *args]
    result = subprocess.run(command, cwd=work, capture_output=True, text=True, check=False)
    if check and result.returncode != 0:
        sys.exit(f"mutmut {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def sample(work: Path, per_module: int, seed: int, jobs: int) -> list[str]:
    """Up to `per_module` mutant names per module, drawn at random (reproducible with the seed)."""
    subprocess.run([sys.executable, "-c", GENERATE.format(jobs=jobs)], cwd=work, check=True, capture_output=True)
    chosen = []
    for meta in sorted((work / "mutants" / "src").glob("*.py.meta")):
        names = sorted(json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"])
        chosen += random.Random(seed).sample(names, min(per_module, len(names)))
    return chosen


def equivalents() -> dict[str, str]:
    """Mutant name -> reason, from the reviewed list (lines "- `name`: reason")."""
    if not EQUIVALENT.exists():
        return {}
    return dict(re.findall(r"^- `([^`]+)`: (.+)$", EQUIVALENT.read_text(encoding="utf-8"), re.M))


def report(work: Path, seconds: float | None, jobs: int, base: str, chosen: int) -> str:
    statuses: dict[str, dict[str, str]] = defaultdict(dict)
    for name, status in re.findall(r"^\s*(\S+): (.+)$", mutmut(work, "results", "--all", "true"), re.M):
        if status.strip() != "not checked":  # outside the mutants this run was given
            statuses[name.split(".x")[0]][name] = status.strip()
    known = equivalents()
    lines = [
        "# Mutation testing report",
        "",
        f"Code and tests at commit `{base}`; mutmut {mutmut_version()}, {jobs} jobs"
        + (f", {seconds / 60:.0f} min wall time" if seconds is not None else "")
        + (f", {chosen} chosen mutants only" if chosen else ", every mutant")
        + ". Regenerate with `make mutation`.",
        "",
        "Score = killed / (all − equivalent). Modules with a target need ≥ 90 %.",
        "",
        "| module | mutants | killed | survived | equivalent | timeout | no tests | other | score | target |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    survivors = []
    for module in sorted(statuses):
        count = Counter(statuses[module].values())
        equivalent = sum(1 for name, s in statuses[module].items() if s != "killed" and name in known)
        total = sum(count.values())
        other = total - count["killed"] - count["survived"] - count["timeout"] - count["no tests"]
        score = count["killed"] / max(total - equivalent, 1)
        target = ("met" if score >= TARGET else "**missed**") if module in TARGETS else ""
        lines.append(
            f"| {module} | {total} | {count['killed']} | {count['survived'] - equivalent} | {equivalent} | "
            f"{count['timeout']} | {count['no tests']} | {other} | {score:.0%} | {target} |"
        )
        survivors += [(module, name, s) for name, s in sorted(statuses[module].items()) if s not in {"killed"}]
    ran = {name: status for module in statuses.values() for name, status in module.items()}
    stale = sorted(name for name in known if ran.get(name) == "killed")
    if stale:  # a test now kills it, or the code moved and the name means another mutant: review the list
        lines += ["", "Listed as equivalent but killed (remove from equivalent.md): " + ", ".join(stale)]
    lines += ["", "## Mutants not killed", ""]
    for module, name, status in survivors:
        if module not in TARGETS and status == "no tests":
            continue  # listed by count above: modules tested only through a browser or LaTeX
        reason = known.get(name)
        lines.append(f"### `{name}`: {status}" + (" (equivalent)" if reason else ""))
        if reason:
            lines.append(f"\nEquivalent: {reason}")
        diff = mutmut(work, "show", name, check=False).split("\n", 1)[-1].strip()
        lines += ["", "```diff", diff, "```", ""]
    return "\n".join(lines).rstrip() + "\n"


def mutmut_version() -> str:
    from importlib.metadata import version

    return version("mutmut")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, default=ROOT / "_build" / "mutation", help="staging folder")
    parser.add_argument("--jobs", type=int, default=2, help="parallel mutant runs")
    parser.add_argument("--out", type=Path, default=REPORT, help="report file")
    parser.add_argument("--keep", action="store_true", help="reuse the staging folder (mutmut's stats and results)")
    parser.add_argument("--report-only", action="store_true", help="write the report of the last run only")
    parser.add_argument("--from-file", type=Path, help="only the mutants named in this file, one a line")
    parser.add_argument("--modules", nargs="+", default=[], help="mutate only these modules (e.g. faq_html)")
    parser.add_argument("--targets", action="store_true", help="mutate only the modules with a target")
    parser.add_argument("--sample", type=int, help="run only this many mutants per module, drawn at random")
    parser.add_argument("--seed", type=int, default=16, help="the sample's random seed")
    parser.add_argument("mutants", nargs="*", help="only these mutants (globs, e.g. 'faq_sidebar.*')")
    args = parser.parse_args()
    base = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout
    args.work = args.work.resolve()
    if not (args.keep or args.report_only):
        stage(args.work, list(TARGETS) if args.targets else args.modules)
    chosen = args.mutants + (args.from_file.read_text(encoding="utf-8").split() if args.from_file else [])
    if args.sample and not args.report_only:
        chosen += sample(args.work, args.sample, args.seed, args.jobs)
    seconds = None
    if not args.report_only:
        start = time.monotonic()
        mutmut(args.work, "run", "--max-children", str(args.jobs), *chosen)
        seconds = time.monotonic() - start
    args.out.write_text(report(args.work, seconds, args.jobs, base.strip(), len(chosen)), encoding="utf-8")
    print(args.out)


if __name__ == "__main__":
    main()
