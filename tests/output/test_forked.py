"""Work in a forked child: what it returns comes back, what it raises is raised here, a child
that dies says how; and an output set stages files in children as it does in this process."""
import os
import time

import pytest

from pipeline.output import forked
from pipeline.output.write import OutputSet, staging_folder

pytestmark = pytest.mark.skipif(not forked.CAN_FORK, reason="no fork on this platform")

STATE = {"connection": "parent's"}


def reconnect():
    STATE["connection"] = "child's"


def test_the_work_runs_after_prepare_in_the_child_and_its_result_comes_back():
    child = forked.Forked(lambda: (STATE["connection"], os.getpid()), reconnect)
    connection, pid = child.result()
    assert connection == "child's" and pid != os.getpid()
    assert STATE["connection"] == "parent's"  # the child's change stays in the child


def test_an_error_in_the_child_is_raised_with_its_message_and_traceback():
    def failing():
        raise ValueError("нет такого листа")
    with pytest.raises(forked.ChildFailed, match="ValueError: нет такого листа") as caught:
        forked.Forked(failing, reconnect).result()
    assert "Traceback" in caught.value.details and "failing" in caught.value.details


def test_a_child_that_dies_says_with_which_status():
    with pytest.raises(forked.ChildFailed, match="status 7"):
        forked.Forked(lambda: os._exit(7), reconnect).result()


def stage_two(files: OutputSet) -> None:
    for name in ("a.csv", "b/c.html"):
        files.add(name, f"fp-{name}", lambda path, name=name: path.write_text(name, encoding="utf-8"))


@pytest.mark.parametrize("can_fork", [True, False])
def test_files_staged_in_a_child_are_stamped_as_files_staged_here(tmp_path, monkeypatch, can_fork):
    monkeypatch.setattr(forked, "CAN_FORK", can_fork)
    out = tmp_path / "out"
    out.mkdir()
    files = OutputSet(staging_folder(out), out)
    files.background("two files", lambda: stage_two(files), reconnect)
    files.wait()
    assert sorted(files.stamps) == ["a.csv", "b/c.html"]
    assert [files.stamps[n]["fingerprint"] for n in sorted(files.stamps)] == ["fp-a.csv", "fp-b/c.html"]
    assert (files.staging / "b" / "c.html").read_text(encoding="utf-8") == "b/c.html"


def test_without_prepare_the_files_are_staged_here_at_once(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    files = OutputSet(staging_folder(out), out)
    files.background("two files", lambda: stage_two(files), None)
    assert sorted(files.stamps) == ["a.csv", "b/c.html"] and files.children == []


def test_a_failing_child_names_what_it_wrote_and_the_others_are_stopped(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    files = OutputSet(staging_folder(out), out)

    def broken(path):
        raise OSError("диск полон")
    files.background("the workbook", lambda: files.add("extract.xlsx", "fp", broken), reconnect)
    files.background("the report", lambda: time.sleep(60), reconnect)  # stopped, not waited for
    with pytest.raises(RuntimeError, match="writing the workbook: OSError: диск полон"):
        files.wait()
    assert files.children == []
    assert "extract.xlsx" not in files.stamps
