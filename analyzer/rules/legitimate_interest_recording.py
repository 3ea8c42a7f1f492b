"""RL503 legitimate-interest-recording: a policy gives legitimate interest as the basis for recording.

**What it finds.** A sentence of a privacy or cookie policy that gives legitimate interest (GDPR Art.
6(1)(f) in any citation form: "Art. 6(1)(f)", "Art. 6 Abs. 1 lit. f DSGVO", "art. 6.1.f RGPD", "art. 6
lid 1 sub f AVG"; or the words: "legitimate interest", "berechtigtes Interesse", "intérêt légitime",
"interesse legittimo", "interés legítimo", "gerechtvaardigd belang", ... in twelve languages) as the
legal basis for a recorder (named in the sentence, in its paragraph or in the heading of its section),
for session recording or heatmaps, or for the analytics / statistics category on a page that names a
recorder (or on any policy page of a site that loads one). The sentence is quoted with its line.
Legitimate interest for security, fraud prevention, server logs, enquiries or newsletters is not
reported, nor a bare list of the GDPR bases, nor a negated mention ("we do not rely on legitimate
interest").

**Why it matters.** Recording a visit reads and stores information on the visitor's device, which
needs prior consent under ePrivacy Art. 5(3) whatever the GDPR basis of the later processing. The
EDPB holds that another GDPR basis such as legitimate interest cannot stand in for that consent
(Opinion 5/2019) and reads Art. 6(1)(f) restrictively (Guidelines 1/2024: no open door, three
documented conditions); the ICO asks for consent as the lawful basis of what follows a consent under
PECR; CNIL and the Garante require prior consent for trackers that are not strictly necessary. A policy
that claims legitimate interest also misdescribes the visitor's choice: an objection after the fact
instead of a consent they can refuse.

**How to fix.** State consent (GDPR Art. 6(1)(a), with § 25 TDDDG / Art. 82 Loi Informatique et
Libertés / the national ePrivacy rule) as the basis for the recorder and the analytics category, say
that it is withdrawn in the cookie settings, and load the recorder only after analytics consent.

**Fires on:**

    ### Hotjar
    Die Nutzung erfolgt auf Grundlage von Art. 6 Abs. 1 lit. f DSGVO; wir haben ein berechtigtes
    Interesse an der Analyse des Nutzerverhaltens.

**Does not fire on:**

    We keep server logs for 14 days on the basis of our legitimate interest in preventing fraud and abuse (Art. 6(1)(f) GDPR).
"""

from __future__ import annotations

from collections.abc import Iterator

from analyzer.model import Finding, Location, Severity
from analyzer.rules.common import legal_notes

ID = "RL503"
NAME = "legitimate-interest-recording"
SEVERITY = "medium"
SUMMARY = "A policy gives legitimate interest as the basis for recording"
SCOPE = "compliance"


def check(ctx) -> Iterator[Finding]:
    """One finding per legitimate-interest claim of a policy page (one about the analytics category only
    when the site loads a recorder)."""
    loads_recorder = bool(ctx.detections)
    for page in ctx.policies:
        for claim in page.claims:
            if claim.conditional and not loads_recorder:
                continue  # LI for analytics on a page naming no recorder, in a site that loads none
            names = ", ".join(ctx.db.vendors[v].name for v in claim.vendors)
            what = f"{claim.covers} ({names})" if names and names not in claim.covers else claim.covers
            if claim.conditional:
                what += f", which holds {', '.join(ctx.db.vendors[v].name for v in ctx.recorders)} on this site"
            yield Finding(
                rule=ID,
                name=NAME,
                severity=Severity.MEDIUM,
                location=Location(path=page.path, line=claim.line, column=claim.column),
                message=f"legitimate interest ('{claim.basis}') is given as the legal basis for {what}: \u201c{claim.quote[:160]}\u201d",
                evidence=claim.quote,
                remediation=(
                    "Give consent (GDPR Art. 6(1)(a), with the national ePrivacy rule: § 25 TDDDG, Art. 82 Loi "
                    "Informatique et Libertés, PECR reg. 6 …) as the basis for session recording, heatmaps and the "
                    "analytics category, say how consent is withdrawn, and load the recorder only after analytics consent."
                ),
                legal=legal_notes(ctx, "legal-basis"),
                vendor=claim.vendors[0] if claim.vendors else None,
            )
