"""End to end in Debian's Chromium: a drafter composes a « Nous » declaration from precedents.

The app runs on 127.0.0.1 (werkzeug's server in a thread, a free port, a fresh database with
the bank built from the bundled corpus). Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import io
import re
import shutil
import threading
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
PASSWORD = "correct horse battery"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian's chromium is needed"),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """Serve a fresh app on a free port of 127.0.0.1; yield its base URL; stop it."""
    from werkzeug.serving import make_server

    import accounts
    from drafting import create_app

    folder = tmp_path_factory.mktemp("e2e")
    app = create_app({"TESTING": True, "SECRET_KEY": "e2e-only",
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'e2e.sqlite'}"})
    with app.extensions["sessionmaker"]() as session:
        accounts.create_user(session, "alice", PASSWORD)
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield app, f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    thread.join(timeout=10)
    app.extensions["engine"].dispose()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=shutil.which("chromium"),
                                              args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 800},
                                  accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(20_000)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"


def sign_in(page, base: str) -> None:
    page.goto(f"{base}/auth/login")
    page.fill("#username", "alice")
    page.fill("#password", PASSWORD)
    with page.expect_navigation():
        page.click("form button[type=submit]")


def texts(page, part: str) -> list[str]:
    return page.locator(f"ol[data-part={part}] textarea.text").evaluate_all(
        "areas => areas.map(a => a.value)")


def insert(page, starts: str, part: str) -> None:
    """Click « Insérer comme PP/OP » on the bank result whose text starts with *starts*."""
    result = page.locator("#bank-results .result").filter(has_text=starts).first
    label = "Insérer comme PP" if part == "preambular" else "Insérer comme OP"
    with page.expect_navigation():
        result.get_by_role("button", name=label).click()


def search(page, query: str) -> None:
    """Type into the bank's search box and wait for the results drawn as you type."""
    page.fill("#bank-q", "")
    page.locator("#bank-q").press_sequentially(query, delay=20)
    page.locator("#bank-results .result").first.wait_for()


def drag(page, source, target) -> None:
    """Drag *source* onto the top of *target* with the mouse, in small steps as a hand does."""
    page.locator("#block-operative").evaluate("heading => heading.scrollIntoView()")
    start, end = source.bounding_box(), target.bounding_box()
    page.mouse.move(start["x"] + start["width"] / 2, start["y"] + start["height"] / 2)
    page.mouse.down()
    page.mouse.move(start["x"] + 10, start["y"] + 10, steps=3)
    page.mouse.move(end["x"] + 40, end["y"] + 5, steps=10)
    page.mouse.up()


def shoot_panel(page, selector: str, name: str) -> None:
    """Screenshot the side panel *selector* as the drafter sees it, beside the draft."""
    page.evaluate("window.scrollTo(0, 0)")
    page.locator(".side").evaluate(
        "(side, selector) => { side.scrollTop = document.querySelector(selector).offsetTop"
        " - side.offsetTop - 8; }", selector)
    page.screenshot(path=str(ARTIFACTS / name), clip=page.locator(".side").bounding_box())


def save(page) -> None:
    with page.expect_navigation():
        page.click("#save-button")


def test_compose_check_revise_and_export_a_declaration(server, page, tmp_path):
    import docx

    app, base = server
    ARTIFACTS.mkdir(exist_ok=True)
    sign_in(page, base)

    # A « Nous » declaration from its starter.
    page.goto(f"{base}/drafts/new")
    page.fill("#title", "Déclaration de Paris sur la traite des personnes")
    page.check("input[name=starter][value=ministerial]")
    with page.expect_navigation():
        page.get_by_role("button", name="Créer le projet").click()
    assert re.search(r"/drafts/\d+$", page.url)
    draft_url = page.url

    # The bank, searched as one types; two preambular and two operative precedents.
    search(page, "traite des personnes")
    assert page.locator("#bank-results .result").count() >= 10
    shoot_panel(page, "#bank", "bank-panel.png")
    insert(page, "RÉITÉRANT la Déclaration interaméricaine", "preambular")
    insert(page, "RECONNAISSANT que la majorité des victimes", "preambular")
    insert(page, "D’encourager la prévention de la traite", "operative")
    insert(page, "De rejeter tout acte susceptible", "operative")
    operative = texts(page, "operative")
    assert operative[0].startswith("Encourageons la prévention de la traite")
    assert operative[1].startswith("Rejetons tout acte susceptible")
    assert [t[:13] for t in texts(page, "preambular")] == ["RÉITÉRANT la ", "RECONNAISSANT"]

    # The third operative precedent from the CELAC communiqué (seed 003), by its filters.
    page.fill("#bank-q", "")
    page.locator("details.filter-box summary").click()
    celac = page.locator("#bank-source option", has_text="Communiqué spécial")
    page.select_option("#bank-source", celac.get_attribute("value"))
    page.fill("#bank-opener", "réaffirmer")
    page.locator("#bank-results .result").filter(has_text="Réaffirment également").wait_for()
    insert(page, "Réaffirment également leur préoccupation", "operative")
    operative = texts(page, "operative")
    assert len(operative) == 3
    assert operative[2].startswith("Réaffirmons également leur préoccupation")
    badge = page.locator("ol[data-part=operative] li.para").nth(2).locator(".badge")
    assert "Communiqué spécial" in badge.inner_text() and "OP2" in badge.inner_text()

    # Edit one paragraph, then save.
    first = page.locator("ol[data-part=operative] textarea.text").nth(1)
    first.fill("Rejetons tout acte susceptible de constituer le délit de traite des personnes ;")
    assert "pas enregistrées" in page.locator("#save-state").inner_text()
    save(page)
    assert texts(page, "operative")[1].endswith("délit de traite des personnes ;")

    # Reorder by drag and drop: the CELAC paragraph to the top of the operative block.
    drag(page, page.locator("ol[data-part=operative] li.para .handle").nth(2),
         page.locator("ol[data-part=operative] li.para").nth(0))
    labels = page.locator("ol[data-part=operative] li.para .label").all_inner_texts()
    assert labels == ["OP1", "OP2", "OP3"]
    assert texts(page, "operative")[0].startswith("Réaffirmons également")
    save(page)
    assert texts(page, "operative")[0].startswith("Réaffirmons également")
    page.screenshot(path=str(ARTIFACTS / "editor.png"), full_page=True)

    # A planted duplicate, reported by the checks, fixed from the checks panel.
    with page.expect_navigation():
        page.locator("ol[data-part=operative] li.para").nth(1).get_by_role(
            "button", name="Dupliquer").click()
    checks = page.locator("#checks")
    assert "répète OP2" in checks.inner_text()
    shoot_panel(page, "#checks", "checks-panel.png")
    with page.expect_navigation():
        checks.get_by_role("button", name="Supprimer le doublon OP3").click()
    assert len(texts(page, "operative")) == 3
    assert "répète" not in page.locator("#checks").inner_text()
    finding = page.locator("#checks .finding").filter(
        has=page.get_by_role("button", name="Appliquer la correction")).first
    message = finding.locator(".message").inner_text()
    with page.expect_navigation():
        finding.get_by_role("button", name="Appliquer la correction").click()
    assert "Correction appliquée" in page.locator(".flashes").first.inner_text()
    assert message not in page.locator("#checks").inner_text()

    # Name the current revision, change a paragraph, export with tracked changes against it.
    page.goto(f"{draft_url}/revisions")
    current = page.locator("tr:has(.tag)").first
    number = int(re.search(r"\d+", current.locator("td").first.inner_text()).group())
    current.locator("input[name=name]").fill("Rév. avant les consultations")
    with page.expect_navigation():
        current.get_by_role("button", name="Nommer").click()
    page.goto(draft_url)
    target = page.locator("ol[data-part=operative] textarea.text").nth(2)
    target.fill(target.input_value().replace(" tout acte", " résolument tout acte"))
    save(page)
    page.goto(f"{draft_url}/export")
    page.select_option("#compare_with", str(number))
    page.check("#labels")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Télécharger").click()
    download = download_info.value
    assert download.suggested_filename.startswith("Déclaration de Paris sur la traite")
    assert download.suggested_filename.endswith(f"contre Rév. {number}.docx")
    path = tmp_path / "export.docx"
    download.save_as(path)

    document = docx.Document(str(path))
    body = [p.text for p in document.paragraphs]
    assert any(t.startswith("Réaffirmons également leur préoccupation") for t in body)
    numbered = [p for p in document.paragraphs
                if p._p.pPr is not None and p._p.pPr.numPr is not None]
    assert len(numbered) >= 3  # the operative paragraphs carry Word numbering
    xml = zipfile.ZipFile(io.BytesIO(path.read_bytes())).read("word/document.xml").decode()
    inserted = " ".join(re.sub(r"<[^>]+>", "", m) for m in
                        re.findall(r"<w:ins [^>]*>.*?</w:ins>", xml, re.S))
    assert "résolument" in inserted
    assert "Encourageons" not in inserted  # unchanged paragraphs are not marked


def test_no_typed_text_is_lost(server, browser):
    """A stale save offers the merge view; text typed before an expiry survives sign-in."""
    import accounts
    from drafts import store
    from tests.editor_helpers import sample_draft

    app, base = server
    with app.extensions["sessionmaker"]() as session:
        if accounts.find_user(session, "bob") is None:
            accounts.create_user(session, "bob", PASSWORD)
        owner = accounts.find_user(session, "alice").id
        draft_id = store.create_draft(session, sample_draft(), owner_id=owner)
        store.share_draft(session, draft_id, username="bob", role="editor")
    url = f"{base}/drafts/{draft_id}"
    pages = {}
    for name in ("alice", "bob"):
        context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 800})
        pages[name] = context.new_page()
        pages[name].set_default_timeout(20_000)
        page = pages[name]
        page.goto(f"{base}/auth/login")
        page.fill("#username", name)
        page.fill("#password", PASSWORD)
        with page.expect_navigation():
            page.click("form button[type=submit]")
        page.goto(url)
    alice, bob = pages["alice"], pages["bob"]

    alice.fill("#text-op1", "Condamnons (Alice) la traite des personnes ;")
    save(alice)
    bob.fill("#text-op1", "Condamnons (Bob) la traite des personnes ;")
    with bob.expect_navigation():
        bob.click("#save-button")
    assert "Quelqu'un a enregistré avant vous" in bob.content()
    assert "Condamnons (Bob)" in bob.locator("#merge-form").inner_html()
    assert "Condamnons (Alice)" in bob.locator("#merge-form").inner_text()
    bob.screenshot(path=str(ARTIFACTS / "merge-view.png"), full_page=True)
    with bob.expect_navigation():
        bob.get_by_role("button", name="Enregistrer la fusion").click()
    assert bob.locator("#text-op1").input_value() == "Condamnons (Bob) la traite des personnes ;"

    # Alice types, her session ends (cookie gone), she signs in again: the text comes back.
    alice.goto(url)
    alice.fill("#text-op2", "Appelons (texte tapé avant l'expiration) les États à :")
    alice.wait_for_timeout(600)  # the copy in localStorage is written after a short pause
    alice.context.clear_cookies()
    alice.goto(url)
    assert "/auth/login" in alice.url
    alice.fill("#username", "alice")
    alice.fill("#password", PASSWORD)
    with alice.expect_navigation():
        alice.click("form button[type=submit]")
    assert alice.url.startswith(url)
    banner = alice.locator("#restore-banner")
    banner.wait_for(state="visible")
    with alice.expect_navigation():
        banner.get_by_role("button", name="Les récupérer").click()
    with app.extensions["sessionmaker"]() as session:
        draft, _revision = store.load_draft(session, draft_id)
    assert draft.operative[1].text == "Appelons (texte tapé avant l'expiration) les États à :"
    assert draft.operative[0].text == "Condamnons (Bob) la traite des personnes ;"
    assert alice.locator("#restore-banner").is_hidden()

    # A narrow window: one column, everything reachable.
    alice.set_viewport_size({"width": 420, "height": 900})
    alice.goto(url)
    alice.screenshot(path=str(ARTIFACTS / "editor-narrow.png"))
    assert alice.evaluate("document.documentElement.scrollWidth") <= 420
    for context in {p.context for p in pages.values()}:
        context.close()
