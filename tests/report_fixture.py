"""A hand-made Report for the renderer tests: three invented articles about an
invented flood, claims with slots, entities, and findings of every verdict.

Built from plain records only (no pipeline, no models), so the report tests
pin the renderers and nothing else. Offsets are computed by searching the
text, so editing a sentence cannot leave a claim pointing at the wrong place.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from checker.model import (
    Claim,
    Document,
    Entity,
    Finding,
    Mention,
    Place,
    Quantity,
    Report,
    Story,
    TimeExpr,
)

COURIER = """Levee breaks as Tessel River floods Marlow Ridge
Flood waters forced more than 2,000 residents of Marlow Ridge to leave their homes on Sunday, the county emergency office said.
The levee on the Tessel River broke near the old mill in the north of the town, officials said.
Mayor Ana Reyes-Clarke said the town's water supply is safe to drink.
The state will release $4.5 million in emergency aid this month, Governor Paul Okafor announced.
Sign up for our *daily* newsletter & get the [top stories] first."""

WIRE = """About 800 residents of Marlow Ridge were evacuated on Saturday, according to the fire department.
The Tessel River levee failed south of the town centre, near the rail bridge.
Health officials have not confirmed whether the water supply is safe.
Gov. Paul Okafor pledged $4.5 million in emergency aid.
A local bakery has been handing out free bread to volunteers."""

GAZETTE = """Engineers said the levee on the Tessel River showed no signs of damage after last week's storm.
More than 2,000 homes in the county lie within the flood zone, the state survey found.
Mayor Ana Reyes Clarke said on Tuesday that the water supply was safe."""

HOSTILE_TEXT = (
    "Officials said <script>window.__pwned=1;alert(1)</script> 40 people were rescued "
    'overnight <img src=x onerror="window.__pwned=1;alert(1)"> from Marlow Ridge.\n'
    "A second paragraph keeps the claim in context."
)
HOSTILE_MARKUP = '<img src=x onerror="window.__pwned=1;alert(1)">'


def _doc(
    id: str, text: str, outlet: str, published: dt.date | None, title: str, **kw: object
) -> Document:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return Document(
        id=id, path=f"articles/{id}.txt", text=text, sha256=sha, outlet=outlet,
        published=published, title=title, **kw,  # type: ignore[arg-type]
    )


def _at(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    start = text.index(needle, after)
    return start, start + len(needle)


class _Builder:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.n = 0

    def claim(
        self,
        sentence: str,
        *,
        quantities: tuple[tuple[str, float, float | None, float | None, str | None, str | None], ...] = (),
        times: tuple[tuple[str, dt.date | None, dt.date | None, str, str], ...] = (),
        places: tuple[tuple[str, str, str | None, str, tuple[str, ...]], ...] = (),
        mentions: tuple[tuple[str, str, str], ...] = (),
        **kw: object,
    ) -> Claim:
        s, e = _at(self.doc.text, sentence)
        text = self.doc.text

        def inside(needle: str) -> tuple[int, int, str]:
            a, b = _at(text, needle, s)
            assert b <= e, (needle, sentence)
            return a, b, needle

        claim = Claim(
            id=f"{self.doc.id}:{self.n}",
            doc=self.doc.id,
            sentence=self.n,
            start=s,
            end=e,
            text=sentence,
            quantities=tuple(
                Quantity(*inside(t), value=v, low=lo, high=hi, unit=u, thing=th)
                for t, v, lo, hi, u, th in quantities
            ),
            times=tuple(
                TimeExpr(*inside(t), low=lo, high=hi, precision=p, role=r)  # type: ignore[arg-type]
                for t, lo, hi, p, r in times
            ),
            places=tuple(
                Place(*inside(t), name=n, country=c, kind=k, within=w)
                for t, n, c, k, w in places
            ),
            mentions=tuple(Mention(*inside(t), type=ty, entity=ent) for t, ty, ent in mentions),
            **kw,  # type: ignore[arg-type]
        )
        self.n += 1
        return claim


D = dt.date
RIDGE = ("Marlow Ridge", "Marlow Ridge", "XX", "city", ("Tessel County",))


def make_report(*, extra: tuple[Document, ...] = ()) -> Report:
    courier = _doc(
        "valley-courier", COURIER, "The Valley Courier", D(2024, 3, 4),
        "Levee breaks as Tessel River floods Marlow Ridge",
        url="https://courier.invalid/flood", byline="Jo Tran",
        boilerplate=(_at(COURIER, "Sign up for our *daily* newsletter & get the [top stories] first."),),
    )
    wire = _doc(
        "northern-wire", WIRE, "Northern Wire | Service", D(2024, 3, 4),
        "Levee *fails*; 800 out_of homes",
    )
    gazette = _doc(
        "riverside-gazette", GAZETTE, "Riverside Gazette", D(2024, 2, 20),
        "Engineers: levee sound after storm",
    )
    c, w, g = _Builder(courier), _Builder(wire), _Builder(gazette)
    reyes = ("PERSON", "person:ana-reyes-clarke")
    okafor = ("PERSON", "person:paul-okafor")
    c_evac = c.claim(
        "Flood waters forced more than 2,000 residents of Marlow Ridge to leave their homes on Sunday, the county emergency office said.",
        quantities=(("more than 2,000", 2000, 2000, None, None, "residents"),),
        times=(("on Sunday", D(2024, 3, 3), D(2024, 3, 3), "day", "event"),),
        places=(RIDGE,),
        mentions=(("Marlow Ridge", "GPE", "gpe:marlow-ridge"),),
        source="the county emergency office",
        predicate="force",
    )
    c_levee = c.claim(
        "The levee on the Tessel River broke near the old mill in the north of the town, officials said.",
        places=(("the north of the town", "north Marlow Ridge", "XX", "place", ("Marlow Ridge",)),),
        mentions=(("Tessel River", "LOC", "loc:tessel-river"),),
        source="officials",
        predicate="break",
    )
    c_water = c.claim(
        "Mayor Ana Reyes-Clarke said the town's water supply is safe to drink.",
        mentions=(("Ana Reyes-Clarke", *reyes),),
        source="Mayor Ana Reyes-Clarke",
        predicate="be",
    )
    c_aid = c.claim(
        "The state will release $4.5 million in emergency aid this month, Governor Paul Okafor announced.",
        quantities=(("$4.5 million", 4_500_000, 4_500_000, 4_500_000, "USD", "emergency aid"),),
        times=(("this month", D(2024, 3, 1), D(2024, 3, 31), "month", "event"),),
        mentions=(("Paul Okafor", *okafor),),
        source="Governor Paul Okafor",
        predicate="release",
    )
    w_evac = w.claim(
        "About 800 residents of Marlow Ridge were evacuated on Saturday, according to the fire department.",
        quantities=(("About 800", 800, 760, 840, None, "residents"),),
        times=(("on Saturday", D(2024, 3, 2), D(2024, 3, 2), "day", "event"),),
        places=(RIDGE,),
        mentions=(("Marlow Ridge", "GPE", "gpe:marlow-ridge"),),
        source="the fire department",
        predicate="evacuate",
    )
    w_levee = w.claim(
        "The Tessel River levee failed south of the town centre, near the rail bridge.",
        places=(("south of the town centre", "south Marlow Ridge", "XX", "place", ("Marlow Ridge",)),),
        mentions=(("Tessel River", "LOC", "loc:tessel-river"),),
        predicate="fail",
    )
    w_water = w.claim(
        "Health officials have not confirmed whether the water supply is safe.",
        certainty="unconfirmed",
        source="Health officials",
        predicate="confirm",
        negated=True,
    )
    w_aid = w.claim(
        "Gov. Paul Okafor pledged $4.5 million in emergency aid.",
        quantities=(("$4.5 million", 4_500_000, 4_500_000, 4_500_000, "USD", "emergency aid"),),
        mentions=(("Paul Okafor", *okafor),),
        source="Gov. Paul Okafor",
        predicate="pledge",
    )
    w_bread = w.claim("A local bakery has been handing out free bread to volunteers.", predicate="hand")
    g_levee = g.claim(
        "Engineers said the levee on the Tessel River showed no signs of damage after last week's storm.",
        times=(("last week", D(2024, 2, 12), D(2024, 2, 18), "week", "event"),),
        mentions=(("Tessel River", "LOC", "loc:tessel-river"),),
        source="Engineers",
        predicate="show",
        negated=True,
    )
    g_homes = g.claim(
        "More than 2,000 homes in the county lie within the flood zone, the state survey found.",
        quantities=(("More than 2,000", 2000, 2000, None, None, "homes"),),
        source="the state survey",
        certainty="confirmed",
        predicate="lie",
    )
    g_water = g.claim(
        "Mayor Ana Reyes Clarke said on Tuesday that the water supply was safe.",
        times=(("on Tuesday", D(2024, 2, 20), D(2024, 2, 20), "day", "report"),),
        mentions=(("Ana Reyes Clarke", *reyes),),
        source="Mayor Ana Reyes Clarke",
        predicate="be",
    )
    claims = [c_evac, c_levee, c_water, c_aid, w_evac, w_levee, w_water, w_aid, w_bread,
              g_levee, g_homes, g_water]

    def f(fid: str, verdict: str, kind: str | None, cs: tuple[Claim, ...], comparator: str,
          score: float, rationale: str, group: str | None) -> Finding:
        return Finding(
            id=fid, verdict=verdict, kind=kind,  # type: ignore[arg-type]
            claims=tuple(x.id for x in cs), docs=tuple(dict.fromkeys(x.doc for x in cs)),
            comparator=comparator, score=score, rationale=rationale, group=group,
        )

    findings = [
        f("f-3a1c0e", "conflict", "number", (c_evac, w_evac), "quantity.v1", 0.9123456,
          "'more than 2,000' residents (2000..∞) vs 'About 800' (760..840): the intervals do not overlap.", "g-evacuation"),
        f("f-7b22d4", "conflict", "time", (c_evac, w_evac), "time.v1", 0.71,
          "'on Sunday' (2024-03-03) vs 'on Saturday' (2024-03-02) for the same evacuation.", "g-evacuation"),
        f("f-0c9e51", "conflict", "place", (c_levee, w_levee), "place.v1", 0.8,
          "'the north of the town' vs 'south of the town centre': the breach cannot be in both.", "g-levee"),
        f("f-51d0aa", "update", None, (g_levee, c_levee), "time.v1", 0.66,
          "'no signs of damage' (2024-02-20) is superseded by 'broke' (2024-03-04).", "g-levee"),
        f("f-9d4e07", "disputed", None, (c_water, w_water), "certainty.v1", 0.74,
          "asserted by 'Mayor Ana Reyes-Clarke' vs unconfirmed by 'Health officials'.", "g-water"),
        f("f-2e8b13", "agree", None, (c_water, g_water), "certainty.v1", 0.88,
          "both say the water supply is safe.", "g-water"),
        f("f-64f2c8", "agree", None, (c_aid, w_aid), "quantity.v1", 0.95,
          "'$4.5 million' = '$4.5 million' emergency aid.", "g-aid"),
        f("f-aa0731", "scope", None, (c_evac, g_homes), "quantity.v1", 0.41,
          "'residents' evacuated vs 'homes' in the flood zone: different counted things.", "g-evacuation"),
        f("f-c3b9f0", "unique", None, (w_bread,), "unique.v1", 1.0,
          "only 'Northern Wire | Service' reports this.", None),
        f("f-e0d4b6", "unrelated", None, (w_bread, g_homes), "match.v1", 0.12,
          "the sentences are not about the same fact.", None),
    ]
    entities = [
        Entity("gpe:marlow-ridge", "Marlow Ridge", "GPE", ("Marlow Ridge",),
               ("valley-courier", "northern-wire")),
        Entity("loc:tessel-river", "Tessel River", "LOC", ("Tessel River",),
               ("valley-courier", "northern-wire", "riverside-gazette")),
        Entity("person:ana-reyes-clarke", "Ana Reyes-Clarke", "PERSON",
               ("Ana Reyes Clarke", "Ana Reyes-Clarke"), ("valley-courier", "riverside-gazette")),
        Entity("person:paul-okafor", "Paul Okafor", "PERSON", ("Paul Okafor",),
               ("valley-courier", "northern-wire")),
    ]
    return Report(
        documents=(courier, wire, gazette, *extra),
        claims=tuple(claims),
        entities=tuple(entities),
        findings=tuple(findings),
        config={"tool": "0.1.0", "model": "all-MiniLM-L6-v2", "top_k": 8, "min_similarity": 0.5},
        warnings=("riverside-gazette: no byline found",),
    )


def hostile_report() -> Report:
    """The fixture plus an article whose text, title and outlet carry markup
    that must never run: a script element and an ``onerror`` handler."""
    base = make_report()
    doc = _doc(
        "hostile", HOSTILE_TEXT, "<script>window.__pwned=1</script>Evil Outlet",
        D(2024, 3, 5), f"Rescue {HOSTILE_MARKUP}<script>alert(1)</script>",
    )
    b = _Builder(doc)
    sentence = HOSTILE_TEXT.split("\n")[0]
    claim = b.claim(
        sentence,
        quantities=(("40", 40, 40, 40, None, "people"),),
        source="Officials <b>bold</b>",
    )
    finding = Finding(
        id="f-hostile", verdict="conflict", kind="number",
        claims=(claim.id, base.claims[0].id), docs=("hostile", base.claims[0].doc),
        comparator="quantity.v1", score=0.99,
        rationale="'40' vs 'more than 2,000' <script>alert('rationale')</script>",
        group="g-evacuation",
    )
    unique = Finding(
        id="f-hostile-unique", verdict="unique", kind=None, claims=(claim.id,),
        docs=("hostile",), comparator="unique.v1", score=1.0,
        rationale=f"only {HOSTILE_MARKUP} reports this",
    )
    return Report(
        documents=(*base.documents, doc),
        claims=(*base.claims, claim),
        entities=base.entities,
        findings=(finding, *base.findings, unique),
        config=base.config,
    )


OUTLETS = ("Harbor Herald", "Inland Ledger", "Coastline Daily", "Summit Post", "Prairie Times")
TOWNS = ("Alder Bay", "Birch Hollow", "Cedar Falls", "Dunmore", "Elm Crossing", "Fernwick",
         "Glen Ashby", "Holloway", "Ivy Mills", "Juniper Point")


def many_stories_report(n: int = 40) -> Report:
    """``n`` invented stories of three outlets each (one outlet with a
    second, later article every third story), spread over nine years, with
    conflicts, disputes, updates, agreements and single-source claims; its
    ``stories`` are the true grouping."""
    from checker.stories import story_id

    documents: list[Document] = []
    claims: list[Claim] = []
    findings: list[Finding] = []
    stories = []
    for k in range(n):
        town = f"{TOWNS[k % len(TOWNS)]} {k}"
        day = D(2010 + k % 9, 1 + k % 12, 1 + k % 27)
        outlets = [OUTLETS[(k + i) % len(OUTLETS)] for i in range(3)]
        spec = [(outlets[0], day), (outlets[1], day + dt.timedelta(days=1)),
                (outlets[2], day + dt.timedelta(days=3 + k % 20))]
        if k % 3 == 0:
            spec.append((outlets[0], day + dt.timedelta(days=30 + k)))
        story_docs: list[Document] = []
        story_claims: list[Claim] = []
        for i, (outlet, published) in enumerate(spec):
            people = 10 + k + (5 * i if i in (1, 3) else 0)
            text = (
                f"Storm damage in {town}\n"
                f"A storm destroyed {people} homes in {town} on Monday, officials said.\n"
                f"The mayor of {town} said the bridge would reopen next week."
            )
            doc = _doc(f"story{k:02d}-{i}", text, outlet, published,
                       f"Storm hits {town}" if i == 0 else f"{town}: {people} homes lost")
            b = _Builder(doc)
            count = f"{people} homes"
            story_claims.append(b.claim(
                f"A storm destroyed {people} homes in {town} on Monday, officials said.",
                quantities=((count, people, people, people, None, "homes"),),
                source="officials", predicate="destroy",
            ))
            story_claims.append(b.claim(
                f"The mayor of {town} said the bridge would reopen next week.",
                source="the mayor", predicate="reopen",
            ))
            story_docs.append(doc)
        homes = story_claims[0::2]
        bridge = story_claims[1::2]
        sid = story_id([d.id for d in story_docs])

        def f(verdict: str, kind: str | None, cs: list[Claim], group: str | None,
              k: int = k, sid: str = sid) -> Finding:
            return Finding(
                id=f"f{k:02d}-{verdict}-{len(findings)}", verdict=verdict,  # type: ignore[arg-type]
                kind=kind,  # type: ignore[arg-type]
                claims=tuple(c.id for c in cs), docs=tuple(dict.fromkeys(c.doc for c in cs)),
                comparator="quantity.v1", score=0.5 + (k % 5) / 10,
                rationale=f"story {k}: {verdict} between {len(cs)} claims", group=group,
                story=sid,
            )

        if k % 4 != 3:
            findings.append(f("conflict", "number", [homes[0], homes[1]], f"g{k}-homes"))
        findings.append(f("agree", None, [homes[0], homes[2]], f"g{k}-homes"))
        if k % 2 == 0:
            findings.append(f("disputed", None, [bridge[0], bridge[1]], f"g{k}-bridge"))
        if len(spec) == 4:
            findings.append(f("update", None, [homes[1], homes[3]], f"g{k}-homes"))
        findings.append(f("unique", None, [bridge[2]], None))
        documents.extend(story_docs)
        claims.extend(story_claims)
        dates = sorted(d.published for d in story_docs if d.published)
        stories.append(Story(
            id=story_id([d.id for d in story_docs]), label=f"Storm hits {town}",
            documents=tuple(d.id for d in story_docs),
            first_published=dates[0], last_published=dates[-1],
        ))
    return Report(
        documents=tuple(documents), claims=tuple(claims), entities=(),
        findings=tuple(findings), config={"tool": "0.1.0"}, stories=tuple(stories),
    )
