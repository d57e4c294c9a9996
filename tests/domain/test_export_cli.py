"""``casefile export``: exit codes, clear errors, and a case left byte-for-byte unchanged."""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
import subprocess

import pytest
from test_export_data import ACTOR, ALIAS, build_sample_case

from casefile.cases import create_case
from casefile.cli import main
from casefile.normalize import normalize


@pytest.fixture
def case_file(tmp_path):
    """A closed case file (so nothing of ours holds it open while the CLI runs)."""
    path = tmp_path / "case.casefile"
    case = create_case(path, name="توترات دير الزور")
    ids = build_sample_case(case)
    case.close()
    return path, ids


def run(capsys, *args):
    code = main(["export", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_dossier_json_and_timeline_csv(case_file, tmp_path, capsys):
    path, ids = case_file
    code, out, _ = run(capsys, "dossier", "--case", path, "--actor", ALIAS,
                       "--out", tmp_path / "d.json")
    assert code == 0 and out.strip() == str(tmp_path / "d.json")
    data = json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))
    assert data["actor"]["name"] == ACTOR and data["case"] == "توترات دير الزور"

    code, _, _ = run(capsys, "timeline", "--case", path, "--place", "دير الزور",
                     "--from", "2024-08", "--to", "2024-08", "--type", "visit_meeting",
                     "--type", "statement_call", "--out", tmp_path / "t.csv")
    assert code == 0
    with (tmp_path / "t.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["event_id"] for r in rows] == [f"CF{ids['visit']}", f"CF{ids['boycott']}"]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_dossier_pdf_from_the_command_line(case_file, tmp_path, capsys):
    path, ids = case_file
    out = tmp_path / "dossier.pdf"
    code, _, err = run(capsys, "dossier", "--case", path, "--actor", ids["actor"], "--out", out,
                       "--page-size", "Letter", "--marking", "محدود")
    assert code == 0, err
    text = normalize(subprocess.run(["pdftotext", str(out), "-"], capture_output=True,
                                    text=True, check=True).stdout)
    assert normalize(ACTOR) in text and normalize("محدود") in text


def test_unknown_actor_exits_2_with_the_closest_names(case_file, tmp_path, capsys):
    path, _ = case_file
    code, _, err = run(capsys, "dossier", "--case", path, "--actor", "أبو رقيا الأهوازي",
                       "--out", tmp_path / "d.pdf")
    assert code == 2
    assert "No actor is called «أبو رقيا الأهوازي»" in err and "Closest names" in err
    assert ACTOR in err
    assert not (tmp_path / "d.pdf").exists()


def test_ambiguous_actor_exits_2_listing_candidates(case_file, tmp_path, capsys):
    path, _ = case_file
    code, _, err = run(capsys, "timeline", "--case", path, "--actor", "محمد",
                       "--out", tmp_path / "t.csv")
    assert code == 2
    assert "names 3 actors" in err
    for name in (ACTOR, "محمد الركاض", "محمد خلف الحسين"):
        assert name in err


def test_unknown_place_exits_2(case_file, tmp_path, capsys):
    path, _ = case_file
    code, _, err = run(capsys, "timeline", "--case", path, "--place", "حلب",
                       "--out", tmp_path / "t.csv")
    assert code == 2 and "No place is called «حلب»" in err


def test_unwritable_output_exits_2_and_says_so(case_file, tmp_path, capsys):
    path, _ = case_file
    code, _, err = run(capsys, "dossier", "--case", path, "--actor", ACTOR,
                       "--out", tmp_path / "missing" / "d.json")
    assert code == 2 and "the folder" in err and "does not exist" in err
    (tmp_path / "adir").mkdir()
    code, _, err = run(capsys, "timeline", "--case", path, "--format", "csv",
                       "--out", tmp_path / "adir")
    assert code == 2 and "it is a folder" in err
    assert list((tmp_path / "adir").iterdir()) == []  # no temporary file left behind


def test_usage_errors_exit_2(case_file, tmp_path, capsys):
    path, _ = case_file
    code, _, err = run(capsys, "timeline", "--case", path, "--out", tmp_path / "t.txt")
    assert code == 2 and "--format" in err
    code, _, err = run(capsys, "timeline", "--case", path, "--from", "2024-09", "--to",
                       "2024-08", "--out", tmp_path / "t.csv")
    assert code == 2 and "starts" in err
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "timeline", "--case", str(path), "--from", "August",
              "--out", str(tmp_path / "t.csv")])
    assert exit_info.value.code == 2


def test_a_case_that_cannot_be_opened_exits_1(tmp_path, capsys):
    not_a_case = tmp_path / "notes.txt"
    not_a_case.write_text("hello", encoding="utf-8")
    code, _, err = run(capsys, "dossier", "--case", not_a_case, "--actor", "x",
                       "--out", tmp_path / "d.json")
    assert code == 1 and "not a Casefile case" in err
    code, _, _ = run(capsys, "dossier", "--case", tmp_path / "nope.casefile", "--actor", "x",
                     "--out", tmp_path / "d.json")
    assert code == 1


def test_exports_leave_the_case_file_byte_for_byte_unchanged(case_file, tmp_path, capsys):
    path, _ = case_file
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    for args in (["dossier", "--actor", ACTOR, "--out", tmp_path / "d.json"],
                 ["dossier", "--actor", ACTOR, "--out", tmp_path / "d.html"],
                 ["timeline", "--out", tmp_path / "t.csv"],
                 ["timeline", "--actor", ALIAS, "--out", tmp_path / "t.json"],
                 ["case", "--out", tmp_path / "case.json"],
                 ["dossier", "--actor", "nobody at all", "--out", tmp_path / "x.json"]):
        run(capsys, *args[:1], "--case", path, *args[1:])
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert json.loads((tmp_path / "case.json").read_text(encoding="utf-8"))["kind"] == "case"
