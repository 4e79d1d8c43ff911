"""HTML lives in templates (issue 18, point 4).

Markup written in Python has to be kept in step with the templates by hand, and each
``format_html``/``mark_safe`` is a place where escaping is decided by code rather than by the
template engine. What is left is a short, known list of one-liners: the sanitised rich text, the
JSON-LD filter, short admin links. Anything longer belongs in a template (``templates/includes``,
an app's ``includes/``, an inclusion tag), cached as a fragment where speed needs it.
"""

import ast
from pathlib import Path

from django.template.loader import render_to_string

ROOT = Path(__file__).resolve().parent.parent
SKIPPED = {".venv", "node_modules", "tests", "bench", "staticfiles", "media", ".git"}
BUILDERS = {"format_html", "format_html_join", "mark_safe"}
MOST = 10


def html_builder_calls():
    calls = []
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT)
        if SKIPPED & set(relative.parts):
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name in BUILDERS:
                calls.append((str(relative), node.lineno, node.end_lineno))
    return calls


def test_at_most_ten_html_builders_in_python():
    calls = html_builder_calls()
    assert len(calls) <= MOST, "\n".join(f"{path}:{line}" for path, line, _end in calls)


def test_each_html_builder_is_a_one_liner():
    long = [f"{path}:{line}-{end}" for path, line, end in html_builder_calls() if end != line]
    assert long == []


def test_json_ld_is_escaped_like_json_script():
    """A title cannot close the script element or open a comment in it."""
    html = render_to_string(
        "includes/json_ld.html", {"data": {"name": "</script><!-- A & B", "city": "الرباط"}}
    )
    assert html.strip() == (
        '<script type="application/ld+json">'
        '{"name": "\\u003C/script\\u003E\\u003C!-- A \\u0026 B", "city": "الرباط"}</script>'
    )
