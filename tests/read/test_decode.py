"""read/decode.py: bytes to text, and what is binary."""
import pytest

from pipeline.read.decode import BINARY_CONTROLS


@pytest.mark.parametrize("char, binary", [
    ("\x00", True), ("\x07", True), ("\x7f", True), ("\x85", True), ("\x9f", True),
    ("\t", False), ("\n", False), ("\r", False), ("\f", False), ("\v", False), ("\x1b", False),
    ("а", False), ("\u00ad", False), ("\u200b", False),  # soft hyphen, zero-width space: format, not control
])
def test_binary_controls_are_unicodes_control_characters_but_whitespace_and_escape(char, binary):
    assert bool(BINARY_CONTROLS.fullmatch(char)) is binary
