"""Generate a realistic synthetic built site for the benchmark (deterministic for a given seed).

Shape: N pages of ~40 KB sharing one layout (head with a consent manager and a gated Hotjar
snippet, as many production sites have it in the layout), article text, a JSON-LD block, forms on
a share of the pages, an ungated Clarity snippet on a tenth of them, and a handful of JS bundles
of which two carry vendor strings.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

WORDS = (
    "insurance policy health coverage premium claim deductible family plan hospital dental vision "
    "contact pricing compare benefit member network provider annual monthly quote apply service "
    "support team office berlin munich vienna zurich customer review rating secure simple fast"
).split()

HEAD = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title><meta name="description" content="{desc}">
<link rel="stylesheet" href="/assets/style-8e21b0.css">
<script id="Cookiebot" src="https://consent.cookiebot.com/uc.js" data-cbid="00000000-0000-0000-0000-000000000000"
 data-blockingmode="manual" type="text/javascript"></script>
<script type="text/plain" data-cookieconsent="statistics">
(function(h,o,t,j,a,r){{h.hj=h.hj||function(){{(h.hj.q=h.hj.q||[]).push(arguments)}};
h._hjSettings={{hjid:3141592,hjsv:6}};a=o.getElementsByTagName('head')[0];r=o.createElement('script');r.async=1;
r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;a.appendChild(r);}})(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');
</script>
{extra_head}
<script type="application/ld+json">{ld}</script>
<style>{css}</style>
</head><body>
<header class="site-header"><nav>{nav}</nav></header><main>
"""
CLARITY = """<script type="text/javascript">(function(c,l,a,r,i,t,y){c[a]=c[a]||function(){(c[a].q=c[a].q||[]).push(arguments)};
t=l.createElement(r);t.async=1;t.src="https://www.clarity.ms/tag/"+i;y=l.getElementsByTagName(r)[0];y.parentNode.insertBefore(t,y);
})(window, document, "clarity", "script", "abcdef1234");</script>"""
FORM = """<form action="/apply" method="post" class="quote-form"><fieldset><legend>Your details</legend>
<label for="fn{i}">First name</label><input id="fn{i}" name="first_name" autocomplete="given-name">
<label for="em{i}">Email</label><input id="em{i}" type="email" name="email" autocomplete="email">
<label for="dob{i}">Date of birth</label><input id="dob{i}" type="date" name="dob">
<label for="cond{i}">Pre-existing conditions</label><textarea id="cond{i}" name="conditions"></textarea>
<p>Are you currently pregnant?</p><label><input type="radio" name="pregnant" value="yes"> Yes</label>
<label><input type="radio" name="pregnant" value="no"> No</label>
<button type="submit">Get a quote</button></fieldset></form>"""
FOOT = """</main><footer class="site-footer"><p>&copy; 2026 Example GmbH</p>{nav}</footer>
<script src="/assets/app-{bundle}.js" defer></script></body></html>
"""


def paragraph(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(60, 120))]
    return "<p>" + " ".join(words).capitalize() + ".</p>"


def page(i: int, rng: random.Random, target: int) -> str:
    nav = "".join(f'<a href="/section-{k}/">Section {k}</a>' for k in range(25))
    ld = json.dumps({"@context": "https://schema.org", "@type": "WebPage", "name": f"Page {i}", "url": f"https://example.org/p/{i}/"})
    css = "".join(f".c{k}{{margin:{k}px;padding:{k % 7}px;color:#{k:06x}}}" for k in range(120))
    parts = [HEAD.format(title=f"Page {i}", desc="Health insurance", extra_head=CLARITY if i % 10 == 0 else "", ld=ld, css=css, nav=nav)]
    if i % 4 == 0:
        parts.append(FORM.format(i=i))
    size = sum(len(p) for p in parts)
    while size < target:
        p = f'<section class="c{rng.randint(0, 119)}"><h2>{rng.choice(WORDS).title()}</h2>{paragraph(rng)}{paragraph(rng)}</section>\n'
        parts.append(p)
        size += len(p)
    parts.append(FOOT.format(nav=nav, bundle=f"{i % 20:04x}"))
    return "".join(parts)


def bundle(k: int, rng: random.Random, size: int) -> str:
    body = ";".join(f"function f{k}_{n}(a,b){{return a*{n}+b-{rng.randint(0, 999)}}}" for n in range(size // 40))
    if k == 3:
        body += ';var u="https://cdn.lr-in-prod.com/logger-1.min.js";LogRocket.init("acme/web")'
    if k == 7:
        body += ';import("https://edge.fullstory.com/s/fs.js")'
    return body


def generate(out: Path, pages: int, page_bytes: int = 40_000, seed: int = 7) -> Path:
    rng = random.Random(seed)
    (out / "assets").mkdir(parents=True, exist_ok=True)
    for i in range(pages):
        folder = out / f"p{i // 100:03d}"
        folder.mkdir(exist_ok=True)
        (folder / f"page-{i}.html").write_text(page(i, rng, page_bytes), encoding="utf-8")
    for k in range(20):
        (out / "assets" / f"app-{k:04x}.js").write_text(bundle(k, rng, 200_000), encoding="utf-8")
    (out / "assets" / "style-8e21b0.css").write_text("body{margin:0}" * 1000, encoding="utf-8")
    return out


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out", type=Path)
    ap.add_argument("--pages", type=int, default=2000)
    args = ap.parse_args()
    generate(args.out, args.pages)
    print(f"generated {args.pages} pages in {args.out}")
