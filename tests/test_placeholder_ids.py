"""Ids left as the docs wrote them (``[code] placeholder_ids`` / ``placeholder_numbers``): a word
anywhere in the start's text, a number only where an id is written."""

from __future__ import annotations

import pytest

from analyzer.facts.detect import placeholder_id
from tests.conftest import scan_text


@pytest.mark.parametrize(
    ("text", "mark"),
    [
        ("h._hjSettings={hjid:1234567,hjsv:6};", "1234567"),
        ("h._hjSettings = { hjid: 0000000, hjsv: 6 };", "0000000"),
        ('})(window, document, "clarity", "script", "0000000");', "0000000"),
        ("smartlook('init', '123456789', { region: 'eu' });", "123456789"),
        ("__insp.push(['wid', 1234567890]);", "1234567890"),
        ("h._hjSettings={hjid:YOUR_HOTJAR_ID,hjsv:6};", "YOUR_"),
    ],
)
def test_placeholders_are_found(db, text: str, mark: str) -> None:
    assert placeholder_id(text, db.script_types.code) == mark


@pytest.mark.parametrize(
    "text",
    [
        "h._hjSettings={hjid:4819273,hjsv:6};",  # a real-looking id
        "h._hjSettings={hjid:31234567,hjsv:6};",  # the sequence inside a longer id
        'return String(t)+"000000"',  # arithmetic, not an id
        "s.src='https://static.hotjar.com/c/hotjar-1234567.js?sv=6';",  # inside a URL
        "ClickTale(12345, 0.5, 'www02');",  # five digits: real ids that short exist
        "var t = 1234567.5;",  # a fraction
    ],
)
def test_look_alikes_are_not_placeholders(db, text: str) -> None:
    assert placeholder_id(text, db.script_types.code) is None


CLARITY = """<script type="text/javascript">
    (function(c,l,a,r,i,t,y){
        c[a]=c[a]||function(){(c[a].q=c[a].q||[]).push(arguments)};
        t=l.createElement(r);t.async=1;t.src="https://www.clarity.ms/tag/"+i;
        y=l.getElementsByTagName(r)[0];y.parentNode.insertBefore(t,y);
    })(window, document, "clarity", "script", "ID");
</script>"""


def test_a_template_output_tag_is_not_a_run_of_zeros(tmp_path, db) -> None:
    # The neutralised template fills "{{ . }}" with zeros; the id is the site's configuration.
    page = "{{ with site.Params.clarity }}\n" + CLARITY.replace("ID", "{{ . }}") + "\n{{ end }}\n"
    (tmp_path / "layouts" / "partials").mkdir(parents=True)
    result = scan_text(tmp_path, page, db, name="layouts/partials/extend-head.html")
    assert [(d.vendor, d.verdict.status.value) for d in result.detections] == [("clarity", "ungated")]


def test_zeros_written_in_a_template_are_a_placeholder(tmp_path, db) -> None:
    page = "{% if site.clarity %}\n" + CLARITY.replace("ID", "0000000") + "\n{% endif %}\n"
    (tmp_path / "_includes").mkdir()
    result = scan_text(tmp_path, page, db, name="_includes/clarity.html")
    assert result.detections == []
    assert [f.rule for f in result.findings] == ["RL130"]
