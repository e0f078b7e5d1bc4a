"""Run doctest over Python modules and print one JSON report on stdout.

This is `python3 -m doctest -v FILE` item by item: the same finder and runner
(`testmod`'s defaults), with each item's verbose output captured on its own so
the side-by-side report can show it next to that item's result.

Usage: python3 doctest_report.py FILE.py [FILE.py ...]
"""
import doctest
import importlib
import io
import json
import os
import sys
import time
import traceback


def run_file(path):
    directory, filename = os.path.split(os.path.abspath(path))
    sys.path.insert(0, directory)
    try:
        module = importlib.import_module(filename[:-3])
    except BaseException:  # a module that fails to import is reported, not fatal
        return {"file": path, "error": traceback.format_exc(), "items": []}
    finally:
        sys.path.pop(0)
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(verbose=True)
    items = []
    for test in finder.find(module, module.__name__):
        if not test.examples:
            continue
        out = io.StringIO()
        started = time.perf_counter()
        failed, attempted = runner.run(test, out=out.write)
        items.append(
            {
                "name": test.name,
                "line": (test.lineno or 0) + 1,
                "attempted": attempted,
                "failed": failed,
                "skipped": len(test.examples) - attempted,
                "durationMs": (time.perf_counter() - started) * 1000,
                "output": out.getvalue(),
                "examples": [{"source": e.source, "want": e.want} for e in test.examples],
            }
        )
    return {"file": path, "items": items}


def main(paths):
    json.dump({"files": [run_file(p) for p in paths]}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
