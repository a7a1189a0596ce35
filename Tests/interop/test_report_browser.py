"""The HTML report in a real browser: headless Chromium loads the pages from file://, every
console error fails, the rendered DOM shows each mention and cue of a known sentence with the
right type and rule, hostile article text stays text, and screenshots go to build/report-shots/
for people to look at. `make test` installs Chromium (as root) before running these."""
import json
import os
import subprocess
from pathlib import Path

import pytest

from report_browser import SHOWN_DOCUMENT, Browser, chromium_path
from test_release import RELEASE, ROOT
from release_lists import relist

REPORT = ROOT / "build" / "report"
DATA = ROOT / "build" / "release" / RELEASE / "data"
SHOTS = ROOT / "build" / "report-shots"
STANDOFF = Path(os.environ.get("STANDOFF_BINARY", ROOT / ".build" / "release" / "standoff"))

pytestmark = pytest.mark.skipif(chromium_path() is None, reason="chromium is not installed: `make test` installs it (apt-get install -y chromium)")


@pytest.fixture(scope="module")
def browser():
    instance = Browser(width=1100, height=900)
    yield instance
    instance.close()


def rows(table):
    with open(DATA / f"{table}.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def known_sentence():
    """The shown document's sentence with the most labelled cues, then mentions: its id, mentions and stance row."""
    mentions, stances = {}, {}
    for mention in rows("mentions"):
        mentions.setdefault(mention["sentence_id"], []).append(mention)
    for stance in rows("stances"):
        stances[stance["sentence_id"]] = stance
    candidates = [s for s in stances if s.startswith(SHOWN_DOCUMENT + "-")]
    best = max(candidates, key=lambda s: (sum(c["label"] is not None for c in stances[s]["cues"]), len(mentions.get(s, [])), s))
    return best, mentions.get(best, []), stances[best]


def test_the_harness_reports_console_errors_and_dialogs(browser, tmp_path):
    page = tmp_path / "broken.html"
    page.write_text("<!DOCTYPE html><title>x</title><script>console.error('bad'); alert(2); undefinedFunction();</script>", encoding="utf-8")
    problems = browser.open(page.as_uri())
    assert any("console.error: bad" in p for p in problems), problems
    assert any("dialog" in p for p in problems), problems
    assert any("undefinedFunction" in p for p in problems), problems


def test_index_loads_cleanly_sorts_and_draws_its_charts(browser):
    browser.resize(1200, 900)
    assert browser.open((REPORT / "index.html").as_uri()) == []
    documents = rows("documents")
    assert browser.evaluate("document.querySelectorAll('#documents tbody tr').length") == len(documents)
    for chart in ("chart-stance", "chart-types", "chart-entities"):
        assert browser.evaluate(f"document.querySelectorAll('#{chart} svg rect').length") > 0, chart
    # Sorting by sentences, twice: ascending, then descending.
    order = """(() => { const head = [...document.querySelectorAll('#documents thead th')].find(th => th.textContent.startsWith('sentences'));
        head.querySelector('button').click(); %s
        const column = [...head.parentNode.children].indexOf(head);
        return [...document.querySelectorAll('#documents tbody tr')].map(r => Number(r.cells[column].textContent)); })()"""
    counts = sorted(d["n_sentences"] for d in documents)
    assert browser.evaluate(order % "") == counts
    assert browser.evaluate(order % "") == counts[::-1]
    assert browser.evaluate("document.querySelectorAll('#rules tbody tr').length") > 10
    browser.screenshot(SHOTS / "index.png")


def test_document_page_highlights_each_mention_and_cue_of_a_known_sentence(browser):
    browser.resize(1000, 900)
    assert browser.open((REPORT / "documents" / f"{SHOWN_DOCUMENT}.html").as_uri()) == []
    sentence_id, mentions, stance = known_sentence()
    index = int(sentence_id.rsplit("-s", 1)[1])
    dom = browser.evaluate("""(() => {
        const sentence = document.getElementById('s%04d');
        const style = e => getComputedStyle(e);
        const legend = type => document.querySelector('.legend mark.ent[data-type="' + type + '"]');
        const marks = [...sentence.querySelectorAll('mark.ent')].map(m => ({text: m.firstChild ? [...m.childNodes].map(n => n.textContent).join('') : '',
            type: m.dataset.type, entity: m.dataset.entity, span: m.dataset.span, title: m.title,
            background: style(m).backgroundColor, legend: legend(m.dataset.type) && style(legend(m.dataset.type)).backgroundColor}));
        const cues = {};
        for (const u of sentence.querySelectorAll('u.cue')) {
            const key = u.dataset.rule + ' ' + u.dataset.span;
            cues[key] = cues[key] || {text: '', title: u.title, line: style(u).textDecorationLine, label: u.dataset.label || null};
            cues[key].text += u.textContent;
        }
        const swatch = document.querySelector('.legend .swatch.l-' + sentence.dataset.label);
        return {label: sentence.dataset.label, holder: sentence.dataset.holder, marks, cues,
                background: style(sentence).backgroundColor, swatch: swatch && style(swatch).backgroundColor};
    })()""" % index)
    assert dom["label"] == stance["label"] and dom["holder"] == stance["holder"]
    if stance["label"] != "none":
        assert dom["background"] == dom["swatch"] != "rgba(0, 0, 0, 0)"
    # Sentence-relative offsets in the tables, document offsets on the page: compare text, type and entity in order.
    assert [(m["text"], m["type"], m["entity"]) for m in dom["marks"]] == [(m["text"], m["type"], m["entity_id"]) for m in mentions]
    for mark in dom["marks"]:
        assert mark["background"] == mark["legend"] != "rgba(0, 0, 0, 0)", mark
        assert mark["entity"] in mark["title"] and mark["type"] in mark["title"]
    assert len(dom["cues"]) == len({(c["rule"], c["start"], c["end"]) for c in stance["cues"]})
    found = {(key.split(" ")[0], value["text"], value["label"]) for key, value in dom["cues"].items()}
    assert found == {(c["rule"], c["text"], c["label"]) for c in stance["cues"]}
    for key, value in dom["cues"].items():
        assert "underline" in value["line"], key
        assert value["title"].startswith(key.split(" ")[0] + ":"), key
        if value["label"] in ("favor", "against"):
            assert "weight" in value["title"], key
    browser.screenshot(SHOTS / "document.png")
    browser.screenshot(SHOTS / "document-print.png", media="print")


HOSTILE = """Markup inside a test article

The minister said that <script>alert(1)</script> was printed in the draft by mistake on Monday.

A reader typed "><img src=x onerror=alert(1)> into the comment form of the newspaper last week.

Talks between Japan and North Korea should resume soon, the editor argued in a long column.
"""


def test_hostile_article_text_shows_as_text(browser, tmp_path):
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "100_hostile.txt").write_text(HOSTILE, encoding="utf-8")
    result = subprocess.run([str(STANDOFF), "report", "--raw", str(tmp_path / "raw"), "--build", str(tmp_path / "build"), "--no-snapshot", "--no-cache"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    page = tmp_path / "build" / "report" / "documents" / "100_hostile.html"
    assert browser.open(page.as_uri()) == [], "no dialog, no error: nothing in the article ran"
    assert browser.evaluate("document.querySelectorAll('img').length") == 0
    assert browser.evaluate("document.querySelectorAll('script').length") == 1
    text = browser.evaluate("document.querySelector('main').textContent")
    assert "<script>alert(1)</script>" in text
    assert '"><img src=x onerror=alert(1)>' in text
    browser.screenshot(SHOTS / "hostile.png")


def test_diff_page_shows_a_label_change_and_a_removed_mention(browser, tmp_path):
    """`standoff diff OLD NEW --html DIR` over the release and a copy with one label flipped and one mention dropped."""
    old = ROOT / "build" / "release" / RELEASE
    new = tmp_path / RELEASE
    subprocess.run(["cp", "-r", str(old), str(new)], check=True)
    sentence_id, mentions, stance = known_sentence()
    flipped = "favor" if stance["label"] != "favor" else "against"
    stances = rows("stances")
    with open(new / "data" / "stances.jsonl", "w", encoding="utf-8") as f:
        for row in stances:
            if row["sentence_id"] == sentence_id:
                row = dict(row, label=flipped)
            f.write(json.dumps(row, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n")
    dropped = mentions[0]
    with open(new / "data" / "mentions.jsonl", "w", encoding="utf-8") as f:
        for row in rows("mentions"):
            if row["mention_id"] != dropped["mention_id"]:
                f.write(json.dumps(row, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n")
    relist(new)
    result = subprocess.run([str(STANDOFF), "diff", str(old), str(new), "--html", str(tmp_path / "diff")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    browser.resize(1200, 900)
    assert browser.open((tmp_path / "diff" / "index.html").as_uri()) == []
    row = browser.evaluate("""(() => { const row = document.querySelector('tr[data-sentence="%s"]');
        return row && [...row.querySelectorAll('.badge')].map(b => b.textContent); })()""" % sentence_id)
    assert row == [stance["label"], flipped]
    removed = browser.evaluate("""[...document.querySelectorAll('table.mention-changes del.m-removed')].map(d => [d.dataset.type, d.dataset.entity, getComputedStyle(d).backgroundColor])""")
    assert [r[:2] for r in removed] == [[dropped["type"], dropped["entity_id"]]]
    assert removed[0][2] != "rgba(0, 0, 0, 0)"
    assert browser.evaluate("document.querySelectorAll('table.matrix').length") == 1
    browser.screenshot(SHOTS / "diff.png")
