"""Loader history (issue 9.4): which vendor owns a URL that two signatures claim, and the old loader
generations as data. The shapes themselves are annotated fixtures (fixtures/js/history/, and the
positive-legacy / negative-*-hosts pages under fixtures/vendors/)."""

from __future__ import annotations

import pytest

from analyzer import signatures
from analyzer.facts.detect import inline_url_hit, outranked, split_url

DB = signatures.load()


@pytest.mark.parametrize(
    ("url", "owner"),
    [
        # The 2025 Hotjar tag sits on a Contentsquare host: Hotjar's path outranks Contentsquare's wildcard.
        ("https://static.hj.contentsquare.net/c/csq-7654321.js", "hotjar"),
        ("https://static.hj.contentsquare.net/c/hotjar-7654321.js", "hotjar"),
        # The Contentsquare UXA tag stays Contentsquare's (no Hotjar path on it).
        ("https://t.contentsquare.net/uxa/0123456789abc.js", "contentsquare"),
        ("//dnn506yrbagrg.cloudfront.net/pages/scripts/0012/3456.js", "crazyegg"),
        ("https://d10lpsik1i8c69.cloudfront.net/w.js", "luckyorange"),
        ("http://a.mouseflow.com/projects/00000000-1111-2222-3333-444444444444.js", "mouseflow"),
        ("http://www.inspectlet.com/inspectlet.js", "inspectlet"),
    ],
)
def test_the_most_specific_claim_owns_a_url(url: str, owner: str) -> None:
    split = split_url(url)
    assert split is not None
    claimants = [v for v in DB.vendors.values() if v.urls.matches(*split)]
    owners = [v.id for v in claimants if not outranked(v, split, claimants)]
    assert owners == [owner]


@pytest.mark.parametrize(
    ("host", "hostpath", "rank"),
    [
        ("static.hj.contentsquare.net", "static.hj.contentsquare.net/c/csq-1.js", 3),
        ("t.contentsquare.net", "t.contentsquare.net/uxa/x.js", 2),
        ("static.hj.contentsquare.net", "static.hj.contentsquare.net/other.js", 1),
        ("example.org", "example.org/c/csq-1.js", 0),
    ],
    ids=["path-regex", "exact-host", "wildcard-host", "unrelated"],
)
def test_rank_orders_path_over_host_over_wildcard(host: str, hostpath: str, rank: int) -> None:
    merged = max(DB.vendors["hotjar"].urls.rank(host, hostpath), DB.vendors["contentsquare"].urls.rank(host, hostpath))
    assert merged == rank


def test_code_naming_a_rivals_path_is_not_this_vendors_loader() -> None:
    code = "e.src = 'https://static.hj.contentsquare.net/c/csq-' + id + '.js'; t.contentsquare.net;"
    vendors = [DB.vendors["hotjar"], DB.vendors["contentsquare"]]
    assert inline_url_hit(DB.vendors["contentsquare"], code, vendors) is None
    assert inline_url_hit(DB.vendors["contentsquare"], code + " s.src='//t.contentsquare.net/uxa/a.js'", vendors) == "t.contentsquare.net"


def test_second_stage_groups_are_loaded_as_data() -> None:
    assert DB.vendors["hotjar"].second_stage == frozenset({("hjSiteSettings", "hjBootstrap(", "script.hotjar.com/")})
    assert any("mouseflowPlayback" in g for g in DB.vendors["mouseflow"].second_stage)
    assert not DB.vendors["clarity"].second_stage


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "functions.php",
            "<?php\nadd_action('wp_enqueue_scripts', function () {\n  wp_enqueue_script('hj', 'https://static.hj.contentsquare.net/c/csq-7654321.js');\n});\n",
        ),
        (
            "layout.html.erb",
            "<html><head><%= javascript_include_tag 'https://static.hj.contentsquare.net/c/csq-7654321.js' %></head><body></body></html>\n",
        ),
    ],
    ids=["php-enqueue", "erb-helper"],
)
def test_templates_give_a_contested_url_to_its_owner(tmp_path, name: str, text: str) -> None:
    """Template helpers, GTM templates and code strings use the same ownership rule as markup."""
    from analyzer.scan import ScanOptions, run

    path = tmp_path / name
    path.write_text(text)
    result = run(ScanOptions(paths=(str(path),)))
    assert {d.vendor for d in result.detections} == {"hotjar"}
