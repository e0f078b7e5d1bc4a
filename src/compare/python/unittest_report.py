"""Run unittest over test modules and write one JSON report.

This is `python -m unittest -v MODULE...`: the same loader, suite and
TextTestResult, with each test's own text captured on its own (its verbose
line, and for a failure or an error the block unittest prints at the end) so
the side-by-side report can show it next to that test's result.

Usage: python3 unittest_report.py REPORT.json FILE.py [FILE.py ...]
(run from the directory the files are relative to, as `python -m unittest` is)
"""
import inspect
import io
import json
import sys
import time
import traceback
import unittest


class RecordingResult(unittest.TextTestResult):
    """unittest's verbose result, writing each test's text to a buffer of its own."""

    def __init__(self, stream, descriptions, verbosity, **kwargs):
        super().__init__(stream, descriptions, verbosity, **kwargs)
        self.records = []
        self._message = None

    def addError(self, test, err):
        self._note(err)
        super().addError(test, err)

    def addFailure(self, test, err):
        self._note(err)
        super().addFailure(test, err)

    def addSubTest(self, test, subtest, err):
        if err is not None:
            self._note(err)
        super().addSubTest(test, subtest, err)

    def _note(self, err):
        """The first failure's exception line, `AssertionError: 2 != 3`."""
        if self._message is None:
            text = "".join(traceback.format_exception_only(err[0], err[1]))
            self._message = text.strip().splitlines()[0] if text.strip() else err[0].__name__

    def startTest(self, test):
        self.stream = unittest.runner._WritelnDecorator(io.StringIO())
        self._counts = self._tally()
        self._message = None
        self._started = time.perf_counter()
        super().startTest(test)

    def stopTest(self, test):
        super().stopTest(test)
        before = self._counts
        failures = self.failures[before[0]:]
        errors = self.errors[before[1]:]
        skips = self.skipped[before[2]:]
        # unittest's own block for each failure and error, as printErrors shows it.
        self.printErrorList("ERROR", errors)
        self.printErrorList("FAIL", failures)
        problems = errors + failures
        if problems:
            status, message = "failed", self._message
        elif self.unexpectedSuccesses[before[3]:]:
            status, message = "failed", "unexpected success"
        elif skips:
            status, message = "skipped", skips[0][1]
        else:
            status, message = "passed", None
        self.records.append(
            {
                "id": test.id(),
                "status": status,
                "message": message,
                "durationMs": (time.perf_counter() - self._started) * 1000,
                "line": line_of(test),
                "output": self.stream.getvalue(),
            }
        )

    def _tally(self):
        return (len(self.failures), len(self.errors), len(self.skipped), len(self.unexpectedSuccesses))


def line_of(test):
    method = getattr(test, "_testMethodName", None)
    try:
        return inspect.getsourcelines(getattr(type(test), method))[1]
    except (TypeError, OSError, AttributeError):
        return None


def module_name(path):
    """`python -m unittest demo/test_x.py` runs the module `demo.test_x`."""
    return path[:-3].replace("\\", "/").replace("/", ".") if path.endswith(".py") else path


def main(report, paths):
    sys.path.insert(0, "")
    names = [module_name(p) for p in paths]
    suite = unittest.defaultTestLoader.loadTestsFromNames(names)
    runner = unittest.TextTestRunner(stream=io.StringIO(), verbosity=2, resultclass=RecordingResult)
    result = runner.run(suite)
    # Errors outside any test (setUpClass, setUpModule) have no startTest of their own.
    recorded = {r["id"] for r in result.records}
    outside = [(t, e) for t, e in result.errors if t.id() not in recorded]
    with open(report, "w", encoding="utf-8") as out:
        json.dump(
            {
                "modules": names,
                "tests": result.records,
                "errors": [{"id": t.id(), "output": e} for t, e in outside],
            },
            out,
        )
    return result.wasSuccessful()


if __name__ == "__main__":
    # Exits as `python -m unittest` does: 1 when a test failed.
    sys.exit(0 if main(sys.argv[1], sys.argv[2:]) else 1)
