"""Ingest: formats, encodings, metadata, boilerplate, wire copies, bad input."""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import json
import random
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.errors import InputError
from checker.ingest import Batch, document_from_text, load
from checker.ingest.decode import decode
from checker.ingest.duplicates import body_words, candidate_pairs, shingles
from checker.ingest.fields import parse_date
from checker.ingest.layout import analyse, dateline
from checker.model import Document

BODY = (
    "The regional council approved a new budget on Monday after a long debate.\n"
    "Officials said the plan adds 120 teachers and repairs 14 bridges over three years.\n"
    "Critics warned that the cost could rise if interest rates climb again next spring.\n"
)


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def body_of(doc: Document) -> str:
    """The text outside boilerplate, regions replaced by a newline."""
    out, pos = [], 0
    for s, e in doc.boilerplate:
        out.append(doc.text[pos:s])
        out.append("\n")
        pos = e
    out.append(doc.text[pos:])
    return "".join(out)


def in_boilerplate(doc: Document, needle: str) -> bool:
    start = doc.text.index(needle)
    end = start + len(needle)
    return any(s <= start and end <= e for s, e in doc.boilerplate)


def by_id(batch: Batch) -> dict[str, Document]:
    return {d.id: d for d in batch.documents}


# --------------------------------------------------------------------- seeds

SEED_META = [
    ("000_17ed3e5948d68f38", "Los Angeles Times (Associated Press)", dt.date(2024, 11, 27)),
    ("001_e05421ac2e0ded0a", "The Korea Times", dt.date(2024, 11, 27)),
    ("003_7c43dcd8dd1cd5bf", "ABC News (Associated Press)", dt.date(2024, 10, 22)),
    ("004_c4590c5089a8cb2d", "Korea Bizwire", dt.date(2024, 11, 27)),
]


@pytest.mark.parametrize(("doc_id", "outlet", "published"), SEED_META)
def test_seeds_take_outlet_and_date_from_the_manifest(
    seed_batch: Batch, doc_id: str, outlet: str, published: dt.date
) -> None:
    doc = by_id(seed_batch)[doc_id]
    assert (doc.outlet, doc.published) == (outlet, published)
    assert doc.path.endswith(f"{doc_id}.txt")


def test_seeds_load_in_sorted_order_with_bylines_and_no_warnings(seed_batch: Batch) -> None:
    assert [d.id for d in seed_batch.documents] == [x[0] for x in SEED_META]
    assert seed_batch.warnings == ()
    assert by_id(seed_batch)["001_e05421ac2e0ded0a"].byline == "Kwak Yeon-soo"
    assert all(d.copy_of is None for d in seed_batch.documents)  # four outlets, no copies


def test_seed_metadata_is_inferred_without_the_manifest(seeds_without_manifest: Path) -> None:
    docs = by_id(load([seeds_without_manifest]))
    # dateline "SEOUL, Nov. 27 (Korea Bizwire) –"
    assert docs["004_c4590c5089a8cb2d"].outlet == "Korea Bizwire"
    assert docs["004_c4590c5089a8cb2d"].byline == "M. H. Lee"  # signature line with e-mail
    # wire credits: "Kim writes for the Associated Press." / "Associated Press writers ... contributed"
    assert docs["000_17ed3e5948d68f38"].outlet == "Associated Press"
    assert docs["003_7c43dcd8dd1cd5bf"].outlet == "Associated Press"
    assert docs["001_e05421ac2e0ded0a"].byline == "Kwak Yeon-soo"
    assert docs["001_e05421ac2e0ded0a"].outlet is None  # nothing in the text names it
    # no year anywhere: the date stays unknown instead of guessing
    assert all(d.published is None for d in docs.values())
    assert docs["000_17ed3e5948d68f38"].title == (
        "South Korean leader meets Ukraine delegation, calls for response to North Korean "
        "troops in Russia"
    )
    assert docs["004_c4590c5089a8cb2d"].title is None  # its first line is a sentence


PROMOS = {
    "000_17ed3e5948d68f38": [
        "South Korean leader meets Ukraine delegation",  # title line
        "Kim writes for the Associated Press.",
        "More to Read",
        "Sign up for Essential California",
        "The most important California stories and recommendations in your inbox every morning.",
        "You may occasionally receive promotional content from the Los Angeles Times.",
    ],
    "001_e05421ac2e0ded0a": [
        "Yoon discusses countermeasures against North Korea-Russia military ties",
        "By Kwak Yeon-soo",
        "Top 10 Stories",
        "LETTER",
        "Sign up for eNewsletter",
        "Courtesy of presidential office",
    ],
    "003_7c43dcd8dd1cd5bf": [
        "S. Korea warns it can send arms to Ukraine",
        "___",
        "Associated Press writers Lorne Cook in Brussels and Kim Tong-hyung contributed to this report.",
    ],
    "004_c4590c5089a8cb2d": ["M. H. Lee (mhlee@koreabizwire.com)"],
}
BODY_SENTENCES = {
    "000_17ed3e5948d68f38": [
        "Some 10,000 North Korean troops are in Russia near the Ukraine battleground.",
        "SEOUL — South Korea’s president on Wednesday met a visiting Ukraine delegation",
    ],
    "001_e05421ac2e0ded0a": [
        "The North is believed to have sent more than 10,000 troops to Russia",
        "President Yoon Suk Yeol held closed-door talks with a Ukrainian delegation in Seoul",
    ],
    "003_7c43dcd8dd1cd5bf": [
        "The U.S. and NATO haven’t confirmed North Korea’s troop deployment.",
        "SEOUL, South Korea -- South Korea warned Tuesday",
    ],
    "004_c4590c5089a8cb2d": [
        "SEOUL, Nov. 27 (Korea Bizwire) – South Korean President Yoon Suk Yeol met",
        "Trump has previously pledged to broker an end to the war",
    ],
}


@pytest.mark.parametrize("doc_id", sorted(PROMOS))
def test_seed_boilerplate_is_marked_and_body_is_not(seed_batch: Batch, doc_id: str) -> None:
    doc = by_id(seed_batch)[doc_id]
    for line in PROMOS[doc_id]:
        assert in_boilerplate(doc, line), line
    for sentence in BODY_SENTENCES[doc_id]:
        start = doc.text.index(sentence)
        end = start + len(sentence)
        assert not any(s < end and start < e for s, e in doc.boilerplate), sentence


def test_boilerplate_regions_round_trip(seed_batch: Batch) -> None:
    for doc in seed_batch.documents:
        assert list(doc.boilerplate) == sorted(doc.boilerplate)
        for s, e in doc.boilerplate:
            assert doc.text[s:e] == doc.text[s:e].strip()  # regions hug the text
            assert 0 <= s < e <= len(doc.text)
        assert doc.sha256 == hashlib.sha256(doc.text.encode()).hexdigest()


def test_repeated_caption_keeps_the_first_copy(seed_batch: Batch) -> None:
    doc = by_id(seed_batch)["001_e05421ac2e0ded0a"]
    caption = "arrives at the Ministry of National Defense in Seoul, Wednesday"
    first = doc.text.index(caption)
    second = doc.text.index(caption, first + 1)
    covered = [(s, e) for s, e in doc.boilerplate if s <= first < e]
    assert covered == []  # first copy is body (its "Yonhap" credit is boilerplate)
    assert any(s <= second < e for s, e in doc.boilerplate)
    credit = doc.text.index("Yonhap", first)  # the trailing credit of the first copy
    assert any(s <= credit and credit + len("Yonhap") <= e for s, e in doc.boilerplate)


def test_deck_under_the_title_is_boilerplate(seed_batch: Batch) -> None:
    doc = by_id(seed_batch)["003_7c43dcd8dd1cd5bf"]
    deck = "South Korea warns it could consider supplying weapons to Ukraine in response"
    assert in_boilerplate(doc, deck)
    assert body_of(doc).count(deck) == 0
    assert "South Korea warned Tuesday it could consider" in body_of(doc)


# ---------------------------------------------------------------- datelines


@pytest.mark.parametrize(
    ("line", "year", "expected"),
    [
        ("SEOUL, Nov. 27 (Korea Bizwire) – South Korea", None, ("SEOUL", "Korea Bizwire", None)),
        (
            "SEOUL, Nov. 27 (Korea Bizwire) – South Korea",
            2024,
            ("SEOUL", "Korea Bizwire", dt.date(2024, 11, 27)),
        ),
        ("SEOUL, South Korea -- South Korea warned", None, ("SEOUL, South Korea", None, None)),
        ("SEOUL — South Korea’s president", None, ("SEOUL", None, None)),
        ("WASHINGTON (AP) — The Senate voted", None, ("WASHINGTON", "AP", None)),
        ("Nov 27 (Reuters) - Oil prices fell", None, (None, "Reuters", None)),
        (
            "NEW YORK, Nov. 27, 2024 /PRNewswire/ -- Acme Corp said",
            None,
            ("NEW YORK", "PRNewswire", dt.date(2024, 11, 27)),
        ),
        ("SEOUL, Feb. 30 (Yonhap) -- It said", 2024, ("SEOUL", "Yonhap", None)),  # no such day
    ],
)
def test_dateline(
    line: str, year: int | None, expected: tuple[str | None, str | None, dt.date | None]
) -> None:
    assert dateline(line, year_hint=year) == expected


@pytest.mark.parametrize(
    "line",
    [
        "South Korea warned Tuesday it could consider supplying weapons.",
        "North Korea - Russia ties grew closer, officials said.",
        "A - the first letter.",
        "Nov. 27 was a quiet day in Seoul.",
    ],
)
def test_not_a_dateline(line: str) -> None:
    assert dateline(line) is None


def test_dateline_year_comes_from_the_url_never_from_today(tmp_path: Path) -> None:
    text = "SEOUL, Nov. 27 (Yonhap) -- The cabinet met on Wednesday to discuss the budget plan."
    rec = {"text": text, "url": "https://example.com/news/2023/11/27/cabinet"}
    write(tmp_path / "a.json", json.dumps(rec))
    write(tmp_path / "b.txt", text)
    docs = by_id(load([tmp_path]))
    assert docs["a"].published == dt.date(2023, 11, 27)
    assert docs["a"].outlet == "Yonhap"
    assert docs["b"].published is None


# -------------------------------------------------------------- inference


@pytest.mark.parametrize(
    ("footer", "outlet"),
    [
        ("Kim and Lee write for The Associated Press.", "Associated Press"),
        ("Reuters reporters in Kyiv and Seoul contributed to this report.", "Reuters"),
        ("This story includes reporting from the Associated Press.", "Associated Press"),
        ("Copyright 2024 The Associated Press. All rights reserved.", "Associated Press"),
    ],
)
def test_wire_credit_gives_outlet_and_is_boilerplate(
    tmp_path: Path, footer: str, outlet: str
) -> None:
    f = write(tmp_path / "a.txt", BODY + footer + "\n")
    (doc,) = load([f]).documents
    assert doc.outlet == outlet
    assert in_boilerplate(doc, footer)


def test_known_outlet_is_not_replaced_by_a_wire_credit(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", BODY + "Kim writes for the Associated Press.\n")
    write(tmp_path / "manifest.csv", "file,outlet\na.txt,Daily Planet\n")
    (doc,) = load([tmp_path]).documents
    assert doc.outlet == "Daily Planet"


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("By Kwak Yeon-soo", "Kwak Yeon-soo"),
        ("By JOHN SMITH and JANE DOE", "JOHN SMITH and JANE DOE"),
        ("By Kim Tong-hyung, The Associated Press", "Kim Tong-hyung"),
    ],
)
def test_byline(tmp_path: Path, line: str, byline: str) -> None:
    f = write(tmp_path / "a.txt", f"Budget passes after long debate\n{line}\n{BODY}")
    (doc,) = load([f]).documents
    assert doc.byline == byline
    assert in_boilerplate(doc, line)
    assert doc.title == "Budget passes after long debate"


def test_sentence_starting_with_by_is_not_a_byline(tmp_path: Path) -> None:
    line = "By Monday, the troops had crossed the river near the border town."
    f = write(tmp_path / "a.txt", BODY + line + "\n")
    (doc,) = load([f]).documents
    assert doc.byline is None
    assert not in_boilerplate(doc, line)


def test_one_paragraph_has_no_title_and_no_boilerplate() -> None:
    doc = document_from_text("Some 10,000 North Korean troops are in Russia", id="a")
    assert doc.boilerplate == ()
    assert doc.title is None


def test_published_line_gives_the_date(tmp_path: Path) -> None:
    f = write(tmp_path / "a.txt", "Budget passes after debate\nPublished: Nov 27, 2024\n" + BODY)
    (doc,) = load([f]).documents
    assert doc.published == dt.date(2024, 11, 27)
    assert in_boilerplate(doc, "Published: Nov 27, 2024")


def test_related_headlines_after_a_section_marker_are_boilerplate(tmp_path: Path) -> None:
    footer = (
        "Related Stories\n"
        "Mayor says bridge repairs will start in June\n"
        "Teachers union welcomes new hiring plan\n"
    )
    (doc,) = load([write(tmp_path / "a.txt", BODY + footer)]).documents
    for line in footer.splitlines():
        assert in_boilerplate(doc, line)
    assert body_of(doc).strip() == BODY.strip()


_GALLERY_CAPTION = "A firefighter sprays water on a burning warehouse near the harbour on Friday."


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (f"Image 3 of 12 {_GALLERY_CAPTION}", f"Image 9 of 12 {_GALLERY_CAPTION}"),
        (f"Photo 2 of 9 {_GALLERY_CAPTION}", f"Photo 7 of 9 {_GALLERY_CAPTION}"),
        (f"Slide 4/20: {_GALLERY_CAPTION}", f"Slide 11/20: {_GALLERY_CAPTION}"),
        (_GALLERY_CAPTION, f"Image 5 of 8 {_GALLERY_CAPTION}"),
        (f"3 of 16 {_GALLERY_CAPTION}", f"14 of 16 {_GALLERY_CAPTION}"),
    ],
)
def test_gallery_caption_repeated_with_another_counter_is_boilerplate(
    tmp_path: Path, first: str, second: str
) -> None:
    text = f"{BODY}{first}\n{BODY.splitlines()[1]} Again.\n{second}\n"
    (doc,) = load([write(tmp_path / "a.txt", text)]).documents
    second_at = text.rindex(second)
    assert any(s <= second_at and second_at + len(second) <= e for s, e in doc.boilerplate)
    first_caption = text.index(_GALLERY_CAPTION)  # the first copy keeps its words
    assert not any(s < first_caption + 10 and first_caption < e for s, e in doc.boilerplate)
    for s, e in doc.boilerplate:
        assert doc.text[s:e] == text[s:e] and 0 <= s < e <= len(text)


@pytest.mark.parametrize(
    ("line", "counter"),
    [
        ("Image 13 of 16", "Image 13 of 16"),
        ("Photo 2 of 9", "Photo 2 of 9"),
        ("Image 1 of 4 Smoke rises over the port after the blast on Friday.", "Image 1 of 4"),
        ("PHOTOS 2/7 - Crowds gather outside the court before the verdict.", "PHOTOS 2/7 -"),
    ],
)
def test_gallery_counter_is_boilerplate(tmp_path: Path, line: str, counter: str) -> None:
    (doc,) = load([write(tmp_path / "a.txt", BODY + line + "\n")]).documents
    assert in_boilerplate(doc, counter)
    rest = line[len(counter) :].strip()
    if rest:
        assert not in_boilerplate(doc, rest)


@pytest.mark.parametrize(
    "extra",
    [
        # prose that starts with "N of M" is no counter
        "3 of 16 pumps were working when the levee failed, the utility said.\n",
        # a fraction is no counter
        "3/4 of the town was flooded by the river overnight, officials said.\n",
        # the same sentence with another figure: an update, both kept
        "The death toll rose to 12 by Monday evening, police said.\n"
        "The death toll rose to 14 by Monday evening, police said.\n",
        # a counter beyond its total is no counter
        "Image 17 of 16 is how the archive labels this picture of the old harbour.\n",
    ],
)
def test_not_a_gallery_counter_or_repeat(tmp_path: Path, extra: str) -> None:
    (doc,) = load([write(tmp_path / "a.txt", BODY + extra)]).documents
    for line in extra.splitlines():
        start = doc.text.index(line)
        assert not any(s < start + len(line) and start < e for s, e in doc.boilerplate), line


# ------------------------------------------------------------------- formats


def test_txt(tmp_path: Path) -> None:
    f = write(tmp_path / "story.txt", BODY)
    batch = load([f])
    (doc,) = batch.documents
    assert (doc.id, doc.path, doc.text) == ("story", str(f), BODY)
    assert doc.sha256 == hashlib.sha256(BODY.encode()).hexdigest()


def test_markdown_front_matter(tmp_path: Path) -> None:
    text = (
        "---\ntitle: Budget passes\noutlet: Daily Planet\npublished: 2024-11-27\n"
        "url: https://example.com/budget\n---\n# Budget passes\n\n" + BODY
    )
    (doc,) = load([write(tmp_path / "story.md", text)]).documents
    assert doc.text == text  # the file, unchanged: offsets are file offsets
    assert (doc.title, doc.outlet, doc.published, doc.url) == (
        "Budget passes",
        "Daily Planet",
        dt.date(2024, 11, 27),
        "https://example.com/budget",
    )
    assert in_boilerplate(doc, "outlet: Daily Planet")
    assert in_boilerplate(doc, "# Budget passes")
    assert body_of(doc).strip() == BODY.strip()


def test_markdown_without_front_matter_takes_the_heading_as_title(tmp_path: Path) -> None:
    (doc,) = load([write(tmp_path / "s.md", "# Budget passes\n\n" + BODY)]).documents
    assert doc.title == "Budget passes"


def test_html_main_text_only(tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>{line}</p>" for line in BODY.splitlines())
    html = (
        "<html><head><title>Budget passes | Daily Planet</title>"
        '<meta property="og:site_name" content="Daily Planet">'
        '<meta property="article:published_time" content="2024-11-27T08:00:00Z">'
        "</head><body><nav><a href='/'>Home</a> | <a href='/world'>World news menu</a></nav>"
        f"<article><h1>Budget passes</h1>{paragraphs}</article>"
        "<footer>Contact us about advertising opportunities</footer></body></html>"
    )
    (doc,) = load([write(tmp_path / "page.html", html)]).documents
    assert "World news menu" not in doc.text
    assert "advertising" not in doc.text
    assert "Officials said the plan adds 120 teachers" in doc.text
    assert (doc.outlet, doc.published) == ("Daily Planet", dt.date(2024, 11, 27))
    assert doc.title is not None and doc.title.startswith("Budget passes")


def test_json_list_with_aliases_and_own_ids(tmp_path: Path) -> None:
    records = [
        {"doc_id": "x1", "body": BODY, "dct": "2024-11-27", "outlet_domain": "planet.example"},
        {"content": BODY.replace("Monday", "Tuesday"), "date": "Nov 26, 2024", "source": "Wire"},
    ]
    docs = load([write(tmp_path / "feed.json", json.dumps(records))]).documents
    assert [d.id for d in docs] == ["x1", "feed#2"]
    assert (docs[0].outlet, docs[0].published) == ("planet.example", dt.date(2024, 11, 27))
    assert (docs[1].outlet, docs[1].published) == ("Wire", dt.date(2024, 11, 26))


def test_json_single_object_and_nested_article_lists(tmp_path: Path) -> None:
    write(tmp_path / "one.json", json.dumps({"title": "T", "text": BODY}))
    grouped = [{"incident": 1, "documents": [{"text": BODY}, {"text": BODY + "More."}]}]
    write(tmp_path / "groups.json", json.dumps(grouped))
    write(
        tmp_path / "api.json",
        json.dumps(
            {
                "status": "ok",
                "articles": [
                    {"content": BODY, "source": {"id": None, "name": "Planet"}},
                ],
            }
        ),
    )
    docs = by_id(load([tmp_path]))
    assert sorted(docs) == ["api", "groups#1", "groups#2", "one"]
    assert docs["api"].outlet == "Planet"
    assert docs["one"].title == "T"


def test_jsonl_records_get_numbered_ids_and_bad_lines_are_warned(tmp_path: Path) -> None:
    lines = [json.dumps({"text": BODY}), "{not json", "", json.dumps({"text": BODY + "x y z."})]
    batch = load([write(tmp_path / "feed.jsonl", "\n".join(lines))])
    assert [d.id for d in batch.documents] == ["feed#1", "feed#2"]
    assert batch.warnings[0] == f"{tmp_path / 'feed.jsonl'} line 2: not valid JSON, skipped"


def test_csv_records(tmp_path: Path) -> None:
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["headline", "text", "published_at", "publisher"])
    w.writerow(["Budget passes", BODY, "2024-11-27", "Planet"])
    w.writerow(["Budget fails", BODY.replace("approved", "rejected"), "", "Star"])
    docs = load([write(tmp_path / "arts.csv", buf.getvalue())]).documents
    assert [(d.id, d.title, d.outlet, d.published) for d in docs] == [
        ("arts#1", "Budget passes", "Planet", dt.date(2024, 11, 27)),
        ("arts#2", "Budget fails", "Star", None),
    ]
    assert docs[0].text == BODY


@pytest.mark.parametrize("sep", [",", ";", "\t"])
def test_csv_delimiter_comes_from_the_header(tmp_path: Path, sep: str) -> None:
    text = "Officials said; however, the plan; which was late, passed; critics; disagreed."
    data = f'id{sep}text{sep}outlet\nk1{sep}"{text}"{sep}Planet\n'
    (doc,) = load([write(tmp_path / "a.csv", data)]).documents
    assert (doc.id, doc.text, doc.outlet) == ("k1", text, "Planet")


def test_manifest_named_on_the_command_line(tmp_path: Path) -> None:
    write(tmp_path / "texts" / "a.txt", BODY)
    write(tmp_path / "texts" / "b.txt", BODY.replace("Monday", "Friday"))
    manifest = write(
        tmp_path / "meta" / "list.csv",
        "path,source,date,byline\n../texts/b.txt,Star,2024-11-02,Ann Lee\n../texts/a.txt,Planet,,\n",
    )
    # Its rows lead out of its folder: allowed when the texts' folder is named too.
    docs = load([manifest, tmp_path / "texts"]).documents
    assert [(d.id, d.outlet, d.published, d.byline) for d in docs] == [
        ("b", "Star", dt.date(2024, 11, 2), "Ann Lee"),
        ("a", "Planet", None, None),
    ]


def test_manifest_in_a_folder_applies_to_its_files(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", BODY)
    write(tmp_path / "sub" / "b.txt", BODY.replace("Monday", "Friday"))
    write(tmp_path / "manifest.csv", "file,outlet,published\nsub/b.txt,Star,2024-11-02\n")
    docs = by_id(load([tmp_path]))
    assert sorted(docs) == ["a", "b"]
    assert (docs["b"].outlet, docs["b"].published) == ("Star", dt.date(2024, 11, 2))
    assert docs["a"].outlet is None


def test_manifest_row_for_a_missing_file_is_a_warning(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", BODY)
    m = write(tmp_path / "m.csv", "file,outlet\na.txt,Planet\ngone.txt,Star\n")
    batch = load([m])
    assert [d.id for d in batch.documents] == ["a"]
    assert batch.warnings == (
        f"manifest row 3: no such file {tmp_path / 'gone.txt'} (check the path)",
    )


def test_folders_are_recursive_sorted_and_ids_unique(tmp_path: Path) -> None:
    write(tmp_path / "b" / "story.txt", BODY)
    write(tmp_path / "a" / "story.txt", BODY.replace("Monday", "Friday"))
    write(tmp_path / "a" / "z.txt", BODY.replace("Monday", "Sunday"))
    write(tmp_path / ".hidden" / "x.txt", BODY)
    write(tmp_path / "logo.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    batch = load([tmp_path])
    assert [(d.id, Path(d.path).relative_to(tmp_path).as_posix()) for d in batch.documents] == [
        ("story", "a/story.txt"),
        ("z", "a/z.txt"),
        ("story#2", "b/story.txt"),
    ]
    assert batch.warnings == ()  # .png and hidden files are skipped silently
    assert load([tmp_path]) == batch  # deterministic


def test_same_file_twice_is_read_once(tmp_path: Path) -> None:
    f = write(tmp_path / "a.txt", BODY)
    assert [d.id for d in load([tmp_path, f]).documents] == ["a"]


def test_document_from_text() -> None:
    doc = document_from_text(BODY, id="a", published="2024-11-27", outlet="Planet")
    assert (doc.id, doc.text, doc.published, doc.outlet) == (
        "a",
        BODY,
        dt.date(2024, 11, 27),
        "Planet",
    )
    assert document_from_text(BODY, id="b", published=dt.date(2024, 1, 2)).published == dt.date(
        2024, 1, 2
    )
    with pytest.raises(
        InputError, match=r"cannot read published date 'soon' as a date \(use YYYY-MM-DD\)"
    ):
        document_from_text(BODY, id="c", published="soon")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-11-27", dt.date(2024, 11, 27)),
        ("2024-11-27T22:10:00+09:00", dt.date(2024, 11, 27)),
        ("Nov 27, 2024", dt.date(2024, 11, 27)),
        ("27 November 2024", dt.date(2024, 11, 27)),
        ("Tuesday, October 22, 2024 8:00 AM EDT", dt.date(2024, 10, 22)),
        (dt.datetime(2024, 1, 2, 3, 4), dt.date(2024, 1, 2)),
        ("Nov. 27", None),  # no year: never guessed
        ("yesterday", None),  # relative: never resolved against today
        ("2024-02-30", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_date(value: object, expected: dt.date | None) -> None:
    assert parse_date(value) == expected


def test_unreadable_manifest_date_is_a_warning(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", BODY)
    write(tmp_path / "manifest.csv", "file,published\na.txt,last week\n")
    batch = load([tmp_path])
    assert batch.documents[0].published is None
    assert batch.warnings == (
        f"{tmp_path / 'a.txt'}: cannot read published date 'last week' (use YYYY-MM-DD), left unknown",
    )


# ----------------------------------------------------------------- encodings

TEXT = "Café owners in Zürich said “prices rose 5%” — officials disagreed.\nA second line here.\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-16"),  # Python writes a BOM in native order
        TEXT.encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "utf-16", "cp1252"],
)
def test_encodings(tmp_path: Path, data: bytes) -> None:
    (doc,) = load([write(tmp_path / "a.txt", data)]).documents
    assert doc.text == TEXT  # BOM dropped, nothing else changed
    assert doc.sha256 == hashlib.sha256(TEXT.encode()).hexdigest()


def test_cp1252_smart_quotes_in_json(tmp_path: Path) -> None:
    data = json.dumps({"text": "He said \u2019no\u2019 to the plan on Monday."}, ensure_ascii=False)
    (doc,) = load([write(tmp_path / "a.json", data.encode("cp1252"))]).documents
    assert doc.text == "He said \u2019no\u2019 to the plan on Monday."


# ------------------------------------------------------------- wire copies


def _article(seed: int, n: int = 220) -> str:
    rnd = random.Random(seed)
    words = [rnd.choice(VOCAB) for _ in range(n)]
    lines = [" ".join(words[i : i + 20]).capitalize() + "." for i in range(0, n, 20)]
    return "\n".join(lines) + "\n"


VOCAB = (
    "troops border minister said officials reported city council budget river bridge army "
    "deployment talks delegation missile agency report week month statement president "
    "election vote court ruling police market prices energy gas oil school teachers"
).split()


def test_wire_copies_point_at_the_earlier_article(tmp_path: Path) -> None:
    original = _article(1)
    lines = original.splitlines()
    lines[3] = lines[3].replace(".", ", officials added.")  # a light edit
    copy = "Headline of the reprint\n" + "\n".join(lines) + "\nSign up for our newsletter\n"
    write(tmp_path / "a_copy.txt", copy)
    write(tmp_path / "z_orig.txt", original)
    write(tmp_path / "other.txt", _article(2))
    write(
        tmp_path / "manifest.csv",
        "file,published\na_copy.txt,2024-11-28\nz_orig.txt,2024-11-27\nother.txt,2024-11-26\n",
    )
    docs = by_id(load([tmp_path]))
    assert docs["a_copy"].copy_of == "z_orig"  # earlier by date, although later by id
    assert docs["z_orig"].copy_of is None
    assert docs["other"].copy_of is None


def test_identical_articles_without_dates_point_at_the_smaller_id(tmp_path: Path) -> None:
    for name in ("c", "a", "b"):
        write(tmp_path / f"{name}.txt", _article(7))
    docs = by_id(load([tmp_path]))
    assert [docs[k].copy_of for k in "abc"] == [None, "a", "a"]


def test_near_duplicate_threshold(tmp_path: Path) -> None:
    original = _article(3)
    edited = "\n".join(
        " ".join(w + (" very" if i in (5, 14) else "") for i, w in enumerate(line.split()))
        for line in original.splitlines()
    )
    write(tmp_path / "a.txt", original)
    write(tmp_path / "b.txt", edited)
    assert by_id(load([tmp_path]))["b"].copy_of is None  # shares about 60% of shingles
    assert by_id(load([tmp_path], near_duplicate=0.5))["b"].copy_of == "a"


def test_trimmed_copy_is_still_a_copy(tmp_path: Path) -> None:
    original = _article(4, n=400)
    write(tmp_path / "a.txt", original)
    write(tmp_path / "b.txt", "\n".join(original.splitlines()[:8]) + "\n")
    assert by_id(load([tmp_path]))["b"].copy_of == "a"


def test_copy_detection_stays_near_linear() -> None:
    docs = [document_from_text(_article(i), id=f"d{i}") for i in range(400)]
    sets = [shingles(body_words(d)) for d in docs]
    start = time.perf_counter()
    pairs = candidate_pairs(sets)
    assert len(pairs) < 400  # unrelated articles: few candidates, not n²/2 = 79,800
    many = [sets[0]] * 300  # the worst case: one story copied 300 times
    assert len(candidate_pairs(many)) < 2 * 300
    assert time.perf_counter() - start < 10


# ---------------------------------------------------------------- bad input

EXPECTED = "expected .txt, .md, .html, .json, .jsonl or .csv files"


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(InputError) as e:
        load([tmp_path / "nope"])
    assert str(e.value) == f"no such file or folder: {tmp_path / 'nope'} (check the path)"


def test_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    write(tmp_path / "empty" / "logo.png", b"\x89PNG")
    with pytest.raises(InputError) as e:
        load([tmp_path / "empty"])
    assert str(e.value) == f"no articles found in {tmp_path / 'empty'}/ ({EXPECTED})"


def test_no_paths() -> None:
    with pytest.raises(InputError, match="no paths given"):
        load([])


BAD_FILES: list[tuple[str, bytes, str]] = [
    ("empty.txt", b"", "empty file: {} (add the article text or remove the file)"),
    ("blank.txt", b"  \n\n\t", "empty file: {} (add the article text or remove the file)"),
    ("bom.txt", codecs.BOM_UTF16_LE, "empty file: {} (add the article text or remove the file)"),
    (
        "img.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
        "{} looks binary, not text (expected an article as text, e.g. UTF-8)",
    ),
    (
        "ctl.txt",
        bytes(range(1, 9)) * 20,
        "{} looks binary, not text (expected an article as text, e.g. UTF-8)",
    ),
    (
        "bad.txt",
        b"Caf\x81 \x8d\x90 owners said prices rose.",
        "cannot decode {} as UTF-8 or cp1252 text (re-save it as UTF-8)",
    ),
    (
        "bad16.txt",
        codecs.BOM_UTF16_LE + b"a\x00\x00\xdc",
        "cannot decode {} as UTF-16-LE text (re-save it as UTF-8)",
    ),
    (
        "word.txt",
        b"Hello\n",
        "{} is too short to be an article (1 word; expected at least one sentence)",
    ),
    (
        "notext.json",
        b'[{"title": "A", "url": "http://x"}]',
        'no article text in {} (expected records with a "text", "body" or "content" field)',
    ),
    (
        "broken.json",
        b'{"text": "a b c",',
        "{} is not valid JSON (line 1: Expecting property name "
        "enclosed in double quotes); fix or remove the file",
    ),
    (
        "nums.json",
        b"[1, 2, 3]",
        'no article text in {} (expected records with a "text", "body" or "content" field)',
    ),
    (
        "nocol.csv",
        b"title,url\nA,http://x\n",
        "{} has no text column (expected a text, body or "
        "content column, or a file or path column for a manifest)",
    ),
    (
        "empty.jsonl",
        b"\n{oops\n",
        "{} is not valid JSON Lines (line 2: no JSON object); fix or remove the file",
    ),
    (
        "page.html",
        b"<html><body><div></div></body></html>",
        "no article text found in {} (expected a news page with a main text)",
    ),
    (
        "front.md",
        b"---\ntitle: [unclosed\n---\nBody text of the story here.\n",
        "cannot read the front matter of {} (line 2): fix the YAML between the --- lines",
    ),
]


@pytest.mark.parametrize(("name", "data", "message"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_file_alone_is_an_error(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    f = write(tmp_path / name, data)
    with pytest.raises(InputError) as e:
        load([f])
    assert str(e.value) == message.format(f)


def test_good_files_load_and_bad_ones_are_named(tmp_path: Path) -> None:
    write(tmp_path / "good.txt", BODY)
    for name, data, _ in BAD_FILES:
        write(tmp_path / "bad" / name, data)
    write(tmp_path / "bad" / "photo.png", b"\x89PNG")
    batch = load([tmp_path])
    assert [d.id for d in batch.documents] == ["good"]
    assert len(batch.warnings) == len(BAD_FILES)
    for (name, _, message), warning in zip(sorted(BAD_FILES), batch.warnings, strict=True):
        assert warning == message.format(tmp_path / "bad" / name)


def test_folder_of_only_bad_files_names_them(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", b"")
    write(tmp_path / "b.txt", b"one")
    with pytest.raises(InputError) as e:
        load([tmp_path])
    assert str(e.value) == (
        f"no readable articles: 2 problems (empty file: {tmp_path / 'a.txt'} (add the article "
        f"text or remove the file); {tmp_path / 'b.txt'} is too short to be an article (1 word; "
        "expected at least one sentence))"
    )


def test_unsupported_file_named_explicitly(tmp_path: Path) -> None:
    f = write(tmp_path / "photo.png", b"\x89PNG")
    with pytest.raises(InputError) as e:
        load([f])
    assert str(e.value) == f"unsupported file type .png: {f} ({EXPECTED})"


def test_records_without_text_are_warned_and_others_kept(tmp_path: Path) -> None:
    data = json.dumps([{"text": BODY}, {"title": "no body"}, {"text": "  "}])
    batch = load([write(tmp_path / "f.json", data)])
    assert [d.id for d in batch.documents] == ["f#1"]
    assert batch.warnings == (
        f"{tmp_path / 'f.json'} record 2: no article text, skipped",
        f"{tmp_path / 'f.json'} record 3: no article text, skipped",
    )


# ------------------------------------------------------------------ laws


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=600))
def test_any_text_file_loads_or_raises_input_error(tmp_path: Path, text: str) -> None:
    f = tmp_path / "any.txt"
    try:
        f.write_text(text, encoding="utf-8", errors="surrogatepass")
        batch = load([f])
    except InputError as err:
        assert "\n" not in str(err)
        return
    for doc in batch.documents:
        for s, e in doc.boilerplate:
            assert 0 <= s <= e <= len(doc.text)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_decoding_any_bytes_gives_text_or_input_error(data: bytes) -> None:
    try:
        text = decode(data, "x")
    except InputError:
        return
    assert isinstance(text, str)


_LINES = st.sampled_from(
    [
        "By Kwak Yeon-soo",
        "Sign up for our newsletter",
        "___",
        "LETTER",
        "More to Read",
        "Top 10 Stories",
        "Kim writes for the Associated Press.",
        "SEOUL, Nov. 27 (Yonhap) -- x",
        "Photo by Ann Lee",
        "He said. Yonhap",
        "Troops moved north on Monday, officials said.",
        "A headline without a period",
        "",
        "  ",
        "# Heading",
        "Published: 2024-11-27",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_LINES, st.text(max_size=40)), max_size=12))
def test_layout_regions_are_sorted_disjoint_and_in_bounds(parts: list[str]) -> None:
    text = "\n".join(parts)
    layout = analyse(text, markdown=True)
    last = -1
    for s, e in layout.boilerplate:
        assert last < s < e <= len(text)  # sorted, disjoint, non-empty
        assert text[s:e] == text[s:e].strip()
        last = e


_SUFFIXES = st.sampled_from([".txt", ".md", ".html", ".json", ".jsonl", ".csv"])
_STRUCTURED = st.one_of(
    st.binary(max_size=200),
    st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=30),
        lambda kids: (
            st.lists(kids, max_size=4)
            | st.dictionaries(
                st.sampled_from(["text", "body", "date", "id", "file", "x"]), kids, max_size=4
            )
        ),
        max_leaves=12,
    ).map(lambda v: json.dumps(v).encode()),
    st.lists(st.text(max_size=20), max_size=6).map(
        lambda xs: ("text,date\n" + "\n".join(xs)).encode()
    ),
    st.text(max_size=200).map(lambda t: f"---\n{t}\n---\n{BODY}".encode("utf-8", "surrogatepass")),
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(_SUFFIXES, _STRUCTURED)
def test_any_file_of_any_type_loads_or_raises_input_error(
    tmp_path: Path, suffix: str, data: bytes
) -> None:
    f = tmp_path / f"any{suffix}"
    f.write_bytes(data)
    try:
        batch = load([f])
    except InputError as err:
        assert "\n" not in str(err)
        return
    for doc in batch.documents:
        assert all(0 <= s <= e <= len(doc.text) for s, e in doc.boilerplate)


def test_ingest_summary_tool(
    capsys: pytest.CaptureFixture[str], seeds_dir: Path, tmp_path: Path
) -> None:
    from checker.ingest.__main__ import main

    assert main([str(seeds_dir)]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[3].split("\t")[:3] == [
        "004_c4590c5089a8cb2d",
        "Korea Bizwire",
        "2024-11-27",
    ]
    assert err.startswith("4 documents, 0 copies, 4 with outlet, 4 with date, 0 warnings in ")
    assert main([str(tmp_path / "nope")]) == 2
    assert capsys.readouterr().err == (
        f"claimcheck: error: no such file or folder: {tmp_path / 'nope'} (check the path)\n"
    )


def test_related_box_in_mid_article_ends_at_the_next_sentence(tmp_path: Path) -> None:
    box = "MORE FROM EXAMPLE.COM\n+ Bridge repairs start in June\n+ Teachers welcome plan\n"
    text = BODY + box + "The mayor said the vote was close.\n" + BODY.replace("council", "board")
    (doc,) = load([write(tmp_path / "a.txt", text)]).documents
    for line in box.splitlines():
        assert in_boilerplate(doc, line)
    assert not in_boilerplate(doc, "The mayor said the vote was close.")


@pytest.mark.parametrize(
    "line",
    [
        "The company's newsletter reported that five people were hurt in the blast.",
        "Police said the cookies were laced with a sedative, according to the complaint.",
        "Top officials said the bridge would reopen.",
        "Sign language interpreters were present at the briefing on Monday.",
    ],
)
def test_body_lines_that_mention_promo_words_stay_body(tmp_path: Path, line: str) -> None:
    (doc,) = load([write(tmp_path / "a.txt", BODY + line + "\n" + BODY)]).documents
    assert not in_boilerplate(doc, line)


def test_a_file_named_on_its_own_takes_its_folders_manifest(seeds_dir: Path) -> None:
    (doc,) = load([seeds_dir / "003_7c43dcd8dd1cd5bf.txt"]).documents
    assert (doc.outlet, doc.published) == ("ABC News (Associated Press)", dt.date(2024, 10, 22))
