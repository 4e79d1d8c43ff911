"""The one stylesheet parses: every block closed (a merge that loses a "}" silently drops
every rule after it, which no page test notices until a style is checked)."""

import re
from pathlib import Path

STYLESHEETS = sorted((Path(__file__).resolve().parent.parent / "static" / "css").glob("*.css"))


def test_every_block_of_every_stylesheet_is_closed():
    assert STYLESHEETS
    for path in STYLESHEETS:
        text = re.sub(r"/\*.*?\*/", "", path.read_text(), flags=re.S)
        text = re.sub(r'"[^"]*"|\'[^\']*\'', '""', text)
        depth = 0
        for number, line in enumerate(text.splitlines(), start=1):
            depth += line.count("{") - line.count("}")
            assert depth >= 0, f"{path.name}:{number}: a '}}' closes nothing"
            # A rule at the start of a line opens at the top level only.
            if depth > 0 and re.match(r"^[.#a-z@:\[*]", line) and line.rstrip().endswith("{"):
                assert depth == 1, f"{path.name}:{number}: a rule opens inside an unclosed block"
        assert depth == 0, f"{path.name}: {depth} block(s) left open"
