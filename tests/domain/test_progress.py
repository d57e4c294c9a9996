"""Export and the demo take one casefile.progress.Progress: they report to it and stop on Cancel."""

import pytest

from casefile.cases import create_case
from casefile.demo import create_demo_case
from casefile.export import export_case
from casefile.progress import Cancelled


class CancelAfter:
    """A Progress whose Cancel is pressed once ``label`` was reported."""

    def __init__(self, label: str):
        self.label = label
        self.reported: list[tuple[int, int, str]] = []

    def update(self, done: int, total: int, label: str = "") -> None:
        self.reported.append((done, total, str(label)))

    def check(self) -> None:
        if any(self.label in label for _d, _t, label in self.reported):
            raise Cancelled()


def test_export_reports_its_steps_and_a_cancel_leaves_no_file(tmp_path):
    case = create_case(tmp_path / "case.casefile")
    out = tmp_path / "out"
    out.mkdir()
    try:
        done = CancelAfter("never")
        export_case(case, out / "whole.json", progress=done)
        assert [label for _d, _t, label in done.reported] == [
            "Reading the case", "Writing JSON", "Done"]
        assert (out / "whole.json").exists()

        stopped = CancelAfter("Reading the case")
        with pytest.raises(Cancelled):
            export_case(case, out / "cancelled.json", progress=stopped)
        assert not (out / "cancelled.json").exists()
        assert [p.name for p in out.iterdir()] == ["whole.json"]  # no part file left
    finally:
        case.close()


def test_a_cancelled_demo_build_keeps_nothing(tmp_path):
    progress = CancelAfter("")  # Cancel pressed as soon as the first file is reported
    target = tmp_path / "demo.casefile"
    with pytest.raises(Cancelled):
        create_demo_case(target, progress=progress)
    assert progress.reported, "the import reported no progress"
    assert list(tmp_path.iterdir()) == []  # neither the case nor a half-built one
