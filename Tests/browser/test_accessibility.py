#!/usr/bin/python3
"""Accessibility of Deltaberaad in a real browser (WCAG 2.1 AA, issue 12).

  1. A keyboard-only walk (TAB, SHIFT+TAB, ENTER, SPACE and typed text; no
     clicks): the skip link, signing in, editing a milestone and saving it,
     proposing and editing a meeting's agenda. After every key the focused
     element must show a focus indicator (its computed outline or box-shadow
     differs from the one it has unfocused) and the focus must move forward
     in document order; no element may have a positive tabindex.
  2. axe-core (the rules tagged wcag2a, wcag2aa, wcag21a and wcag21aa) on
     every page type, anonymous and signed in (an editor and an admin), in
     Dutch and in French. Any serious or critical violation fails the test,
     each printed with its rule, impact, target and help. The counts by impact
     of every page and combination go to accessibility-axe.json and
     accessibility-axe.md in the screenshots directory (docs/ACCESSIBILITY.md
     records a run).
  3. Reflow: the overview, a dossier, the investments page and an edit form
     on a 360 px wide screen and at 200 % zoom (a 1280 px window seen as
     640 CSS px at device scale 2): the page never scrolls sideways (wide
     tables scroll inside their own box); screenshots a11y-*.png.

Run through scripts/browser-test, which also fetches axe-core (axe.min.js,
MPL-2.0) and passes its path in DELTABERAAD_AXE; the rest of the environment
is that of test_editing.py. The test changes the register (a milestone's note,
an agenda of a meeting that no other browser test uses), so it needs the
fresh register scripts/browser-test makes. unittest runs the classes in the
order of their names: the keyboard walk first, so that the axe run sees the
agenda form it leaves on its meeting.
"""

import base64
import json
import os
import sys
import tempfile
import time
import unittest

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_editing import (  # noqa: E402
    PASSWORD, SCREENSHOTS, BrowserTestCase)

AXE = os.environ.get("DELTABERAAD_AXE", ".build/axe/axe.min.js")
REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
# A declaration whose review holds candidates, an earlier document proposed as a stub and parties.
EXTRACT_SAMPLE = "002-slotverklaring-top-2025.txt"
# The sample forty times over (about 1.7 MB, under the 4 MB upload limit): its reading takes long
# enough to see its progress page. Twelve times (500 KB) was read before the page was asked for
# on a fast machine.
LONG_SAMPLE = os.path.join(tempfile.mkdtemp(prefix="deltaberaad-a11y-"), "long-" + EXTRACT_SAMPLE)
with open(os.path.join(REPO_ROOT, "data", "demo", "texts", EXTRACT_SAMPLE), encoding="utf-8") as sample, \
        open(LONG_SAMPLE, "w", encoding="utf-8") as long_sample:
    long_sample.write(sample.read() * 40)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FAILING_IMPACTS = ("serious", "critical")
IMPACTS = ("critical", "serious", "moderate", "minor")

EDITOR = "anna"     # NL editor of werkgroep-3rx, politiek-overleg, werkgroep-be-nl
ADMIN = "beheer"    # NL admin (scripts/browser-test)

# Register content (data/demo). The keyboard walk changes a milestone and a meeting that no other
# browser test touches.
DOSSIER = "3rx"
DOCUMENT = "verklaring-2026"
BODY = "politiek-overleg"
MEETING = "politiek-overleg-zomer-2026"
WALK_MEETING = "vervolgbijeenkomst-2026-q2"
WALK_DOSSIER = "3rx"
WALK_MILESTONE = "afsprakenkader-zomer-2026"
ORGANISATION = "ienw"
INVESTMENT = "kamerbrief-2026-miljard"
MILESTONE = "ondertekening-verklaring-2026"

RUN = time.strftime("%Y%m%d-%H%M%S") + "-" + str(os.getpid())

# Every page type: (name, path, who may see it). "all" pages are checked in every combination;
# "account" pages signed in only; "admin" pages as admin only; "anonymous" pages signed out only.
PAGES = [
    ("overview", "/", "all"),
    ("dossiers", "/dossiers", "all"),
    ("dossier", "/dossiers/%s" % DOSSIER, "all"),
    ("documents", "/documents", "all"),
    ("document", "/documents/%s" % DOCUMENT, "all"),
    ("bodies", "/bodies", "all"),
    ("body", "/bodies/%s" % BODY, "all"),
    ("body decisions", "/bodies/%s/decisions" % BODY, "all"),
    ("body report", "/bodies/%s/report?year=2026" % BODY, "all"),
    ("meeting", "/meetings/%s" % MEETING, "all"),
    ("meeting with agenda form", "/meetings/%s" % WALK_MEETING, "all"),
    ("organisations", "/organisations", "all"),
    ("investments", "/investments", "all"),
    ("goals", "/goals", "all"),
    ("planning", "/planning", "all"),
    ("accessibility statement", "/accessibility", "all"),
    ("portal", "/portal", "all"),
    ("agreement", "/agreements/beslisnota-2026-kamerbrief", "all"),
    ("network", "/network", "all"),
    ("rail link", "/rail-links/hamont-weert", "all"),
    ("station", "/stations/weert", "all"),
    ("search", "/search?q=3RX", "all"),
    ("obstacles", "/obstacles", "all"),
    ("obstacle", "/obstacles/co2-transport-verenigd-koninkrijk", "all"),
    ("obstacles, filtered", "/obstacles?domain=transport-mobility", "all"),
    ("report an obstacle", "/obstacles/report", "all"),
    ("search without results", "/search?q=zzzzgeenresultaat", "all"),
    ("dossiers, one window", "/dossiers?limit=5", "all"),
    ("not found (404)", "/dossiers/no-such-dossier", "all"),
    ("unknown address (404)", "/no-such-page", "all"),
    ("login", "/login", "anonymous"),
    ("account", "/account", "account"),
    ("edit milestone", "/milestones/%s/edit?from=%s" % (MILESTONE, DOSSIER), "account"),
    ("edit dossier", "/dossiers/%s/edit" % DOSSIER, "account"),
    ("edit meeting", "/meetings/%s/edit" % MEETING, "account"),
    ("edit organisation", "/organisations/%s/edit" % ORGANISATION, "account"),
    ("edit investment", "/investments/%s/edit" % INVESTMENT, "account"),
    ("edit rail link", "/rail-links/mol-weert/edit", "account"),
    ("edit obstacle", "/obstacles/co2-transport-verenigd-koninkrijk/edit", "account"),
    ("new document", "/documents/new", "account"),
    ("body members", "/bodies/%s/members" % BODY, "account"),
    ("extract (upload)", "/extract", "account"),
    ("history", "/milestones/%s/history" % MILESTONE, "account"),
    ("admin changes", "/admin/changes", "admin"),
    ("admin users", "/admin/users", "admin"),
]

# (label, account or None, Accept-Language, the language the pages must be in)
COMBINATIONS = [
    ("anonymous nl", None, "nl-NL", "nl"),
    ("anonymous fr", None, "fr-BE", "fr"),
    ("editor nl", EDITOR, "nl-NL", "nl"),
    ("editor fr", EDITOR, "fr-BE", "fr"),
    ("admin nl", ADMIN, "nl-NL", "nl"),
    ("admin fr", ADMIN, "fr-BE", "fr"),
]

# The focus indicator of the element in focus, compared with the style it had before any focus:
# window.__a11yUnfocused holds that style for every focusable element of the page.
SNAPSHOT_UNFOCUSED_JS = """
const styleOf = el => { const s = getComputedStyle(el);
  return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor, s.borderColor].join('|'); };
window.__a11yStyleOf = styleOf;
window.__a11yUnfocused = new Map();
for (const el of document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]'))
  window.__a11yUnfocused.set(el, styleOf(el));
window.__a11yPrevious = null;
return window.__a11yUnfocused.size;
"""

FOCUS_STATE_JS = """
const el = document.activeElement;
if (!el || el === document.body) return null;
const before = window.__a11yUnfocused ? window.__a11yUnfocused.get(el) : undefined;
const s = getComputedStyle(el);
const now = window.__a11yStyleOf ? window.__a11yStyleOf(el) : '';
const r = el.getBoundingClientRect();
const previous = window.__a11yPrevious;
const forward = !previous || previous === el
  || !!(previous.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
window.__a11yPrevious = el;
return {
  tag: el.tagName.toLowerCase(), id: el.id, name: el.getAttribute('name') || '',
  type: el.getAttribute('type') || '', href: el.getAttribute('href') || '',
  text: (el.innerText || el.value || '').trim().slice(0, 60),
  cls: el.className || '',
  outline: s.outlineStyle + ' ' + s.outlineWidth, boxShadow: s.boxShadow,
  indicated: before !== undefined ? before !== now
             : (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none',
  onScreen: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
            && r.left < window.innerWidth + 1,
  forward: forward,
};
"""


def axe_source():
    with open(AXE, encoding="utf-8") as fh:
        return fh.read()


def format_violation(v):
    targets = "; ".join(" ".join(str(t) for t in n.get("target", [])) for n in v.get("nodes", []))
    return "%s [%s] %s — %s (%d element(s): %s)" % (
        v["id"], v.get("impact"), v.get("help", ""), v.get("helpUrl", ""),
        len(v.get("nodes", [])), targets[:400])


class AccessibilityTestCase(BrowserTestCase):
    """Helpers shared by the keyboard walk, axe and reflow tests."""

    def sign_in(self, driver, username):
        """Signs in by form (language-independent) and checks the account link appears."""
        self.login(driver, username)
        self.assertNotIn("/login", driver.current_url, "sign-in of %s failed" % username)
        self.wait(driver).until(
            EC.presence_of_element_located((By.CSS_SELECTOR, "a[href='/account']")))

    def run_axe(self, driver, source):
        driver.set_script_timeout(120)
        driver.execute_script(source)
        return driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
            ".then(r => done({violations: r.violations, passes: r.passes.length, version: axe.version}))"
            ".catch(e => done({error: String(e)}));", AXE_TAGS)


class KeyboardWalkTest(AccessibilityTestCase):
    """Signing in, editing a milestone and preparing an agenda with the keyboard only."""

    # --- keys -----------------------------------------------------------------

    def keys(self, driver, *keys):
        ActionChains(driver).send_keys(*keys).perform()

    def mark_page(self, driver):
        """After a page loaded: remember every focusable element's unfocused style."""
        self.wait(driver).until(
            lambda d: d.execute_script("return document.readyState") == "complete")
        positive = driver.execute_script(
            "return [...document.querySelectorAll('[tabindex]')]"
            ".filter(e => parseInt(e.getAttribute('tabindex'), 10) > 0)"
            ".map(e => e.outerHTML.slice(0, 120));")
        self.assertEqual([], positive, "positive tabindex on %s" % driver.current_url)
        driver.execute_script(SNAPSHOT_UNFOCUSED_JS)

    def focus_state(self, driver):
        return driver.execute_script(FOCUS_STATE_JS)

    def describe(self, state):
        if state is None:
            return "<body>"
        return "%s#%s[name=%s][href=%s] %r" % (state["tag"], state["id"], state["name"],
                                               state["href"], state["text"])

    def tab(self, driver, backwards=False):
        """One TAB (or SHIFT+TAB): the new focus must be visible, on screen and (forwards) later
        in the document than the previous one."""
        if backwards:
            ActionChains(driver).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
        else:
            self.keys(driver, Keys.TAB)
        state = self.focus_state(driver)
        self.assertIsNotNone(state, "TAB left the focus on <body> on %s" % driver.current_url)
        where = "%s on %s" % (self.describe(state), driver.current_url)
        self.assertTrue(state["indicated"], "no visible focus indicator: %s (outline %s, shadow %s)"
                        % (where, state["outline"], state["boxShadow"]))
        self.assertTrue(state["onScreen"], "focused element is off screen: " + where)
        if not backwards:
            self.assertTrue(state["forward"], "TAB moved the focus backwards: " + where)
        self.walked.append(self.describe(state))
        return state

    def tab_to(self, driver, matches, what, limit=400):
        """TAB until the focused element matches; fails after `limit` keys."""
        for _ in range(limit):
            state = self.tab(driver)
            if matches(state):
                return state
        self.fail("%s not reached with %d TABs on %s" % (what, limit, driver.current_url))

    def press_and_wait(self, driver, key):
        """ENTER or SPACE on a link or button that loads a new page."""
        driver.execute_script("window.__deltaberaadOldPage = true;")
        self.keys(driver, key)

        def new_page_loaded(d):
            try:
                return d.execute_script("return window.__deltaberaadOldPage === undefined"
                                        " && document.readyState === 'complete';")
            except WebDriverException:
                return False
        self.wait(driver).until(new_page_loaded)
        self.mark_page(driver)

    def open_marked(self, driver, path):
        """Typing an address: the walk starts each flow from a page's address."""
        self.open(driver, path)
        self.mark_page(driver)

    # --- the walk -------------------------------------------------------------------

    def test_keyboard_walk_sign_in_edit_milestone_and_agenda(self):
        self.walked = []
        d = self.driver("keyboard")

        # The skip link comes first, shows when focused, and moves the focus into <main>.
        self.open_marked(d, "/")
        first = self.tab(d)
        self.assertIn("skip", first["cls"], "the first TAB is not the skip link: %s" % first)
        self.assertEqual("#inhoud", first["href"])
        self.keys(d, Keys.ENTER)
        after_skip = self.tab(d)
        self.assertTrue(d.execute_script(
            "return document.querySelector('main').contains(document.activeElement);"),
            "after the skip link, TAB goes to %s, outside <main>" % self.describe(after_skip))

        # Sign in: the header's sign-in link, the two fields, ENTER.
        self.open_marked(d, "/")
        self.tab_to(d, lambda s: s["href"] == "/login", "the sign-in link")
        self.press_and_wait(d, Keys.ENTER)
        self.tab_to(d, lambda s: s["id"] == "username", "#username")
        self.keys(d, ADMIN)
        state = self.tab(d)
        self.assertEqual("password", state["id"], "TAB from #username goes to %s" % self.describe(state))
        self.keys(d, PASSWORD)
        state = self.tab(d)
        self.assertEqual("button", state["tag"], "TAB from #password goes to %s" % self.describe(state))
        self.press_and_wait(d, Keys.ENTER)
        self.assertNotIn("/login", d.current_url, "keyboard sign-in failed")
        self.assertTrue(d.find_elements(By.CSS_SELECTOR, "a[href='/account']"))

        # Edit a milestone from its dossier: TAB to its edit link, ENTER, fill the note, save with ENTER.
        note = "Toetsenbordtest %s" % RUN
        self.open_marked(d, "/dossiers/%s" % WALK_DOSSIER)
        edit_href = "/milestones/%s/edit?from=%s" % (WALK_MILESTONE, WALK_DOSSIER)
        self.tab_to(d, lambda s: s["href"] == edit_href, "the edit link of " + WALK_MILESTONE)
        self.press_and_wait(d, Keys.ENTER)
        self.assertIn("/milestones/%s/edit" % WALK_MILESTONE, d.current_url)
        self.tab_to(d, lambda s: s["id"] == "f-note", "#f-note")
        self.keys(d, Keys.END, " " + note)
        self.tab_to(d, lambda s: s["tag"] == "button" and s["type"] == "submit", "the save button")
        self.press_and_wait(d, Keys.ENTER)
        self.assertEqual([], d.find_elements(By.ID, "form-errors"), "the keyboard edit was refused")
        self.assertIn("/dossiers/%s" % WALK_DOSSIER, d.current_url)
        self.assertIn(note, d.find_element(By.ID, WALK_MILESTONE).text)

        # Prepare an agenda: propose it (SPACE on the button), park item 1, add an item, save (ENTER).
        self.open_marked(d, "/meetings/%s" % WALK_MEETING)
        self.tab_to(d, lambda s: s["id"] == "propose-agenda", "#propose-agenda")
        self.press_and_wait(d, " ")
        self.assertEqual([], d.find_elements(By.ID, "meeting-message"),
                         "proposing the agenda was refused")
        self.assertTrue(d.find_elements(By.ID, "agenda-form"), "no agenda form after proposing")
        self.tab_to(d, lambda s: s["id"] == "park-1", "#park-1")
        self.keys(d, " ")
        self.assertTrue(d.find_element(By.ID, "park-1").is_selected(), "SPACE did not check #park-1")
        new_item = "Agendapunt toetsenbord %s" % RUN
        self.tab_to(d, lambda s: s["id"] == "new-item", "#new-item")
        self.keys(d, new_item)
        self.tab_to(d, lambda s: s["id"] == "save-agenda", "#save-agenda")
        self.press_and_wait(d, Keys.ENTER)
        self.assertEqual([], d.find_elements(By.ID, "meeting-message"), "saving the agenda was refused")
        titles = [i.get_attribute("value") for i in
                  d.find_elements(By.CSS_SELECTOR, "#agenda-form input[name^='title_']")]
        self.assertIn(new_item, titles)
        self.assertTrue(d.find_element(By.ID, "park-1").is_selected(), "item 1 is not parked")

        # Search from the header: TAB to the field, type, ENTER, TAB to a result, ENTER.
        self.walk_search(d, "3RX")

        # SHIFT+TAB goes back with a visible focus as well.
        for _ in range(3):
            self.tab(d, backwards=True)

        os.makedirs(SCREENSHOTS, exist_ok=True)
        with open(os.path.join(SCREENSHOTS, "accessibility-keyboard-walk.txt"), "w",
                  encoding="utf-8") as fh:
            fh.write("\n".join(self.walked) + "\n")
        print("  keyboard walk: %d focus steps, each visible and in document order"
              % len(self.walked), file=sys.stderr)

    def walk_search(self, driver, query):
        """The keyboard walk of the search form in the header (issue 12)."""
        self.open_marked(driver, "/")
        self.tab_to(driver, lambda s: s["tag"] == "input" and s["name"] == "q", "the search field")
        self.keys(driver, query)
        self.press_and_wait(driver, Keys.ENTER)
        self.assertIn("/search", driver.current_url)
        self.mark_page(driver)
        self.tab_to(driver, lambda s: s["tag"] == "a" and query.lower() in s["text"].lower(),
                    "a search result naming %r" % query)
        self.press_and_wait(driver, Keys.ENTER)


class PageAxeTest(AccessibilityTestCase):
    """axe-core on every page type in six combinations; zero serious or critical violations."""

    def test_axe_on_every_page_type(self):
        self.assertTrue(os.path.isfile(AXE), "axe-core not found at %s: run scripts/browser-test, "
                        "which fetches it, or set DELTABERAAD_AXE" % AXE)
        source = axe_source()
        results = []
        failures = []
        version = None
        self.assert_axe_finds_a_planted_violation(source)
        for label, account, accept, lang in COMBINATIONS:
            d = self.driver(label, accept)
            if account:
                self.sign_in(d, account)
            for name, path, audience in PAGES:
                if audience == "anonymous" and account:
                    continue
                if audience == "account" and not account:
                    continue
                if audience == "admin" and account != ADMIN:
                    continue
                self.open(d, path)
                results.append(self.check(d, source, label, name, path, lang, failures))
                version = version or results[-1].get("axe")
            # A form shown with its validation errors: an empty title is refused.
            if account:
                self.open(d, "/milestones/%s/edit?from=%s" % (MILESTONE, DOSSIER))
                title = d.find_element(By.ID, "f-title")
                d.execute_script("arguments[0].value = '';", title)
                self.click_and_wait(d, self.submit_button(
                    d.find_element(By.CSS_SELECTOR, "form.record-form")))
                error = d.find_element(By.ID, "e-title")
                self.assertEqual("true", title_invalid(d), "#f-title is not aria-invalid")
                self.assertIn("e-title", (d.find_element(By.ID, "f-title")
                                          .get_attribute("aria-describedby") or "").split(),
                              "#f-title is not described by its error #e-title")
                self.assertTrue(error.text.strip())
                results.append(self.check(d, source, label, "edit form with errors",
                                          "/milestones/%s/edit (POST)" % MILESTONE, lang, failures))
                # The reading's progress page. The server runs with --extraction-patience 0, so an
                # upload answers with it at once; a long document (the sample twelve times) is
                # still being read when the page is asked for. Checked without its reloading
                # (?refresh=no), so that axe sees one page. A reading that finished first shows
                # its review instead: the upload is tried again, three times at most.
                for _attempt in range(3):
                    self.open(d, "/extract")
                    upload = d.find_element(By.ID, "f-file")
                    upload.send_keys(LONG_SAMPLE)
                    self.click_and_wait(d, self.submit_button(upload.find_element(By.XPATH, "ancestor::form")))
                    self.assertIn("/extract/jobs/", d.current_url, "an upload answers with its reading's page first")
                    job = d.current_url[d.current_url.index("/extract/jobs/"):].split("?")[0]
                    self.open(d, job + "?refresh=no")
                    if d.find_elements(By.CSS_SELECTOR, "ol.job-steps"):
                        break
                self.assertTrue(d.find_elements(By.CSS_SELECTOR, "ol.job-steps"), "the long reading's progress page")
                results.append(self.check(d, source, label, "extraction job", "/extract/jobs/{id}", lang, failures))
                # The extraction review of an uploaded declaration: candidate records, earlier
                # documents proposed as stubs and parties proposed as organisations. Its progress
                # page reloads itself until the review is ready.
                self.open(d, "/extract")
                upload = d.find_element(By.ID, "f-file")
                upload.send_keys(os.path.join(REPO_ROOT, "data", "demo", "texts", EXTRACT_SAMPLE))
                self.click_and_wait(d, self.submit_button(upload.find_element(By.XPATH, "ancestor::form")))
                self.wait(d, 120).until(
                    EC.presence_of_element_located((By.CSS_SELECTOR, "form[action='/extract/accept']")))
                results.append(self.check(d, source, label, "extraction review", "/extract (POST)", lang, failures))
            else:
                self.login(d, EDITOR, password="wrong-" + PASSWORD)
                self.wait(d).until(EC.visibility_of_element_located((By.ID, "login-error")))
                for field in ("username", "password"):
                    element = d.find_element(By.ID, field)
                    self.assertEqual("true", element.get_attribute("aria-invalid"), "#%s" % field)
                    self.assertEqual("login-error", element.get_attribute("aria-describedby"), "#%s" % field)
                results.append(self.check(d, source, label, "login with error",
                                          "/login (POST)", lang, failures))
            d.quit()
            del self.drivers[label]
        self.write_summary(results, version)
        self.assertEqual([], failures, "serious or critical axe violations:\n" + "\n".join(failures))

    def assert_axe_finds_a_planted_violation(self, source):
        """The check can fail: on a page with an image without alternative text and grey-on-white
        text added, axe reports image-alt (critical) and color-contrast (serious)."""
        d = self.driver("planted")
        self.open(d, "/")
        # Styles set through the CSSOM: the page's CSP refuses style attributes in markup.
        d.execute_script(
            "const main = document.querySelector('main');"
            "const img = document.createElement('img'); img.src = '/static/none.png';"
            "const p = document.createElement('p'); p.textContent = 'planted';"
            "p.style.color = '#bbb'; p.style.background = '#fff';"
            "main.prepend(img, p);")
        result = self.run_axe(d, source)
        found = {v["id"]: v.get("impact") for v in result.get("violations", [])}
        self.assertEqual("critical", found.get("image-alt"), "axe missed the planted image: %r" % found)
        self.assertEqual("serious", found.get("color-contrast"), "axe missed the planted contrast: %r" % found)
        d.quit()
        del self.drivers["planted"]

    def check(self, driver, source, label, name, path, lang, failures):
        page_lang = driver.execute_script("return document.documentElement.lang")
        self.assertEqual(lang, page_lang, "%s in %s is in %r" % (path, label, page_lang))
        result = self.run_axe(driver, source)
        self.assertNotIn("error", result, "axe failed on %s: %s" % (path, result.get("error")))
        counts = {impact: 0 for impact in IMPACTS}
        rules = []
        for v in result["violations"]:
            impact = v.get("impact") or "minor"
            counts[impact] = counts.get(impact, 0) + len(v.get("nodes", []))
            rules.append("%s (%s)" % (v["id"], impact))
            line = "%s · %s %s: %s" % (label, name, path, format_violation(v))
            print("  axe: " + line, file=sys.stderr)
            if impact in FAILING_IMPACTS:
                failures.append(line)
        self.assertGreater(result.get("passes", 0), 5, "axe checked almost nothing on %s" % path)
        return {"combination": label, "page": name, "path": path, "url": driver.current_url,
                "counts": counts, "rules": rules, "rulesPassed": result.get("passes"),
                "axe": result.get("version")}

    def write_summary(self, results, version):
        os.makedirs(SCREENSHOTS, exist_ok=True)
        day = time.strftime("%Y-%m-%d")
        with open(os.path.join(SCREENSHOTS, "accessibility-axe.json"), "w", encoding="utf-8") as fh:
            json.dump({"date": day, "axe": version, "tags": AXE_TAGS, "results": results}, fh, indent=1)
        combos = [c[0] for c in COMBINATIONS]
        lines = ["axe-core %s, rules %s, %s. Cells: critical/serious/moderate/minor elements; "
                 "— where the combination does not show the page." % (version, ", ".join(AXE_TAGS), day),
                 "", "| page | " + " | ".join(combos) + " |",
                 "| --- |" + " --- |" * len(combos)]
        pages = []
        for r in results:
            if r["page"] not in pages:
                pages.append(r["page"])
        for page in pages:
            cells = []
            for combo in combos:
                found = [r for r in results if r["page"] == page and r["combination"] == combo]
                cells.append("/".join(str(found[0]["counts"][i]) for i in IMPACTS) if found else "—")
            path = [r["path"] for r in results if r["page"] == page][0]
            lines.append("| %s `%s` | %s |" % (page, path, " | ".join(cells)))
        rules = sorted({rule for r in results for rule in r["rules"]})
        lines += ["", "Rules with violations: " + (", ".join(rules) if rules else "none") + "."]
        with open(os.path.join(SCREENSHOTS, "accessibility-axe.md"), "w", encoding="utf-8") as fh:
            fh.write("\n".join(lines) + "\n")
        print("  axe: %d page checks written to %s/accessibility-axe.{json,md}"
              % (len(results), SCREENSHOTS), file=sys.stderr)


def title_invalid(driver):
    return driver.find_element(By.ID, "f-title").get_attribute("aria-invalid")


class ReflowTest(AccessibilityTestCase):
    """360 px wide and 200 % zoom: no sideways scrolling of the page, no serious or critical axe
    violation in those views either (a table box that scrolls must be reachable by keyboard);
    screenshots."""

    VIEWS = [
        # (name, CSS width, device scale factor, mobile)
        ("360px", 360, 3, True),
        ("zoom200", 640, 2, False),
    ]
    PATHS = [
        ("overview", "/"),
        ("dossier", "/dossiers/%s" % DOSSIER),
        ("investments", "/investments"),
        ("edit-form", "/milestones/%s/edit?from=%s" % (MILESTONE, DOSSIER)),
    ]

    def test_reflow_at_360px_and_200_percent(self):
        d = self.driver("reflow")
        self.sign_in(d, EDITOR)
        source = axe_source()
        problems = []
        os.makedirs(SCREENSHOTS, exist_ok=True)
        for view, width, scale, mobile in self.VIEWS:
            d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                "width": width, "height": 900, "deviceScaleFactor": scale, "mobile": mobile})
            for name, path in self.PATHS:
                self.open(d, path)
                sizes = d.execute_script(
                    "return [document.documentElement.scrollWidth, window.innerWidth,"
                    " document.documentElement.clientWidth];")
                wide = d.execute_script("""
                    const out = [];
                    for (const el of document.querySelectorAll('body *')) {
                      const r = el.getBoundingClientRect();
                      if (r.right > document.documentElement.clientWidth + 1 && r.width > 0) {
                        let inside = false;
                        for (let p = el.parentElement; p; p = p.parentElement) {
                          const o = getComputedStyle(p).overflowX;
                          if (o === 'auto' || o === 'scroll' || o === 'hidden') { inside = true; break; }
                        }
                        if (!inside) out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                          + (typeof el.className === 'string' && el.className ? '.' + el.className.split(' ').join('.') : ''));
                      }
                    }
                    return out.slice(0, 10);""")
                self.save_view(d, "a11y-%s-%s" % (view, name))
                # On a mobile screen Chromium widens the layout viewport to fit a too wide page,
                # so the page is compared with the emulated width as well as with innerWidth.
                if max(sizes) > width:
                    problems.append("%s at %s: page %d px wide in a %d px screen (too wide: %s)"
                                    % (path, view, max(sizes), width, ", ".join(wide)))
                result = self.run_axe(d, source)
                for v in result.get("violations", []):
                    if v.get("impact") in FAILING_IMPACTS:
                        problems.append("%s at %s: axe %s" % (path, view, format_violation(v)))
        d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        self.assertEqual([], problems, "pages scroll sideways:\n" + "\n".join(problems))

    def save_view(self, driver, stem):
        """A full-page screenshot: the page's own height, at the emulated width."""
        height = driver.execute_script("return document.documentElement.scrollHeight")
        metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
        width = metrics["cssLayoutViewport"]["clientWidth"]
        shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": min(height, 2400), "scale": 1}})
        with open(os.path.join(SCREENSHOTS, stem + ".png"), "wb") as fh:
            fh.write(base64.b64decode(shot["data"]))


if __name__ == "__main__":
    if not PASSWORD:
        print("DELTABERAAD_PASSWORD is not set", file=sys.stderr)
        sys.exit(2)
    unittest.main(verbosity=2)
