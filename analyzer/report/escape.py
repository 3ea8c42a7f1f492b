"""Report output is data, never control: what a scanned file or its name holds is shown, not obeyed.

Terminal control (ESC sequences, OSC titles, carriage returns, line breaks inside a name, C1
controls, bidirectional overrides) is written as a visible escape in text output; SARIF URIs are
percent-encoded. File names that are not valid UTF-8 are escaped once, where the display path is
made (discover.display_path), so every format carries the same valid text.
"""

from __future__ import annotations

import re
import urllib.parse

_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _visible(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def text(value: object) -> str:
    """``value`` as one line of inert text (tabs kept)."""
    return _CONTROL.sub(_visible, str(value))


def uri(path: str) -> str:
    """A display path as a SARIF ``artifactLocation.uri``: forward slashes, percent-encoded."""
    return urllib.parse.quote(path.encode("utf-8", "backslashreplace"), safe="/")
