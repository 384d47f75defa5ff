#!/usr/bin/python3
"""Browser tests for Deltaberaad: editing, edit conflicts, private notes and
a small accessibility smoke test.

Run through scripts/browser-test, which builds a throw-away register, creates
the accounts and starts the server. It passes:

  DELTABERAAD_URL          base URL of the running server (http://127.0.0.1:PORT)
  DELTABERAAD_PASSWORD     password of the accounts anna, pieter (NL editors)
                           and bart (BE reader)
  DELTABERAAD_SCREENSHOTS  directory for screenshots and page sources of
                           failing tests

Uses only the standard library and Debian's python3-selenium (4.8); run with
/usr/bin/python3.
"""

import functools
import os
import re
import sys
import time
import unittest

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE_URL = os.environ.get("DELTABERAAD_URL", "http://127.0.0.1:8080").rstrip("/")
PASSWORD = os.environ.get("DELTABERAAD_PASSWORD", "")
SCREENSHOTS = os.environ.get("DELTABERAAD_SCREENSHOTS", ".build/browser-screenshots")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
WAIT = 15  # seconds

DOSSIER = "3rx"
# Milestones of 3RX, shared by the ten dossiers of the 2026 declaration (data/demo/milestones.yaml),
# which werkgroep-be-nl carries: the editors need werkgroep-be-nl in their scope (scripts/browser-test).
EDIT_MILESTONE = "vervolgbijeenkomst-2026-q2"
CONFLICT_MILESTONE = "ondertekening-verklaring-2026"
# A milestone form opened from a dossier page goes back to that dossier (?from=), even when the
# milestone is shared and its first dossier is another one.
MILESTONE_HOME = DOSSIER

# One suffix per run, so that repeated runs against the same register never
# find the text of an earlier run.
RUN = time.strftime("%Y%m%d-%H%M%S") + "-" + str(os.getpid())


def new_driver(language="nl-NL"):
    """A headless Chromium whose Accept-Language is `language` (the pages
    follow it when no ?lang= or cookie chose otherwise)."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu",
                "--window-size=1280,1800", "--lang=" + language):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"intl.accept_languages": language})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    return driver


def safe_name(text):
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text)


def saving_artifacts(test_method):
    """Wrap a test method: when it fails or errors, save a screenshot and the
    page source of every open browser before unittest records the failure."""
    @functools.wraps(test_method)
    def wrapper(self, *args, **kwargs):
        try:
            return test_method(self, *args, **kwargs)
        except unittest.SkipTest:
            raise
        except BaseException:
            self.save_artifacts()
            raise
    return wrapper


class BrowserTestCase(unittest.TestCase):
    """Opens drivers on demand, saves a screenshot and the page source of each
    of them when a test fails or errors (every test_* method of a subclass is
    wrapped with saving_artifacts), and always quits them in tearDown."""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        for name, value in list(vars(cls).items()):
            if name.startswith("test") and callable(value):
                setattr(cls, name, saving_artifacts(value))

    def setUp(self):
        self.drivers = {}

    def driver(self, label, language="nl-NL"):
        if label not in self.drivers:
            self.drivers[label] = new_driver(language)
        return self.drivers[label]

    def tearDown(self):
        for driver in self.drivers.values():
            try:
                driver.quit()
            except WebDriverException:
                pass

    def save_artifacts(self, what=None):
        """Saves a screenshot and the page source of every open browser, named
        after the test (and `what`, when a test saves more than once)."""
        os.makedirs(SCREENSHOTS, exist_ok=True)
        name = self.id().split(".")[-1] + ("-" + what if what else "")
        base = safe_name(name)[:120]
        for label, driver in self.drivers.items():
            stem = os.path.join(SCREENSHOTS, "%s-%s" % (base, label))
            try:
                driver.save_screenshot(stem + ".png")
                with open(stem + ".html", "w", encoding="utf-8") as fh:
                    fh.write("<!-- %s -->\n" % driver.current_url)
                    fh.write(driver.page_source)
                print("  saved %s.png / .html (%s)" % (stem, driver.current_url),
                      file=sys.stderr)
            except WebDriverException as exc:
                print("  could not save artifacts for %s: %s" % (label, exc),
                      file=sys.stderr)

    # --- helpers --------------------------------------------------------------

    def wait(self, driver, timeout=WAIT):
        return WebDriverWait(driver, timeout)

    def open(self, driver, path):
        driver.get(BASE_URL + path)
        self.wait(driver).until(
            lambda d: d.execute_script("return document.readyState") == "complete")

    def click_and_wait(self, driver, element, timeout=WAIT):
        """Click something that navigates and wait until the new page loaded.

        Marks the current window object and waits until a complete document
        without the mark is there (EC.staleness_of is racy in Chromium:
        "Node with given id does not belong to the document")."""
        driver.execute_script("window.__deltaberaadOldPage = true;")
        element.click()

        def new_page_loaded(d):
            try:
                return d.execute_script(
                    "return window.__deltaberaadOldPage === undefined"
                    " && document.readyState === 'complete';")
            except WebDriverException:
                return False  # navigation in progress
        self.wait(driver, timeout).until(new_page_loaded)

    def submit_button(self, form_or_driver, text=None):
        buttons = form_or_driver.find_elements(By.CSS_SELECTOR, "button[type=submit]")
        if text is not None:
            buttons = [b for b in buttons if b.text.strip() == text]
        self.assertTrue(buttons, "no submit button %r" % (text,))
        return buttons[0]

    def body_text(self, driver):
        return driver.find_element(By.TAG_NAME, "body").text

    def login(self, driver, username, password=PASSWORD, next_path=None):
        self.open(driver, "/login" + ("?next=" + next_path if next_path else ""))
        user = self.wait(driver).until(EC.presence_of_element_located((By.ID, "username")))
        user.clear()
        user.send_keys(username)
        pw = driver.find_element(By.ID, "password")
        pw.clear()
        pw.send_keys(password)
        form = pw.find_element(By.XPATH, "./ancestor::form")
        self.click_and_wait(driver, self.submit_button(form))

    def login_ok(self, driver, username):
        self.login(driver, username)
        self.assertNotIn("/login", driver.current_url,
                         "login of %s did not leave the login page" % username)
        who = self.wait(driver).until(
            EC.presence_of_element_located((By.CSS_SELECTOR, "a[href='/account']")))
        self.assertTrue(who.text.strip(), "signed-in name is empty")
        logout = [b for b in driver.find_elements(By.CSS_SELECTOR, "button")
                  if b.text.strip() == "Afmelden"]
        self.assertTrue(logout, "no 'Afmelden' button after signing in as %s" % username)

    def edit_link(self, driver, milestone_id):
        item = driver.find_element(By.ID, milestone_id)
        links = [a for a in item.find_elements(By.TAG_NAME, "a")
                 if a.text.strip() == "Bewerken"]
        self.assertTrue(links, "milestone %s has no 'Bewerken' link" % milestone_id)
        # The link names the dossier it comes from (?from=), so saving returns there.
        self.assertTrue(links[0].get_attribute("href").endswith(
            "/milestones/%s/edit?from=%s" % (milestone_id, DOSSIER)), links[0].get_attribute("href"))
        return links[0]

    def open_edit_form(self, driver, milestone_id):
        self.open(driver, "/dossiers/%s" % DOSSIER)
        self.click_and_wait(driver, self.edit_link(driver, milestone_id))
        self.assertTrue(driver.current_url.split("?")[0].endswith(
            "/milestones/%s/edit" % milestone_id), driver.current_url)
        return self.wait(driver).until(EC.presence_of_element_located((By.ID, "f-title")))

    def set_field(self, driver, field_id, value):
        el = driver.find_element(By.ID, field_id)
        el.clear()
        el.send_keys(value)

    def history_rows(self, driver, milestone_id):
        self.open(driver, "/milestones/%s/history" % milestone_id)
        table = self.wait(driver).until(EC.presence_of_element_located((By.TAG_NAME, "table")))
        return [r.text for r in table.find_elements(By.CSS_SELECTOR, "tbody tr")]

    def milestone_text(self, driver, milestone_id):
        return driver.find_element(By.ID, milestone_id).text


class EditMilestoneTest(BrowserTestCase):

    def test_edit_milestone_status_achieved(self):
        d = self.driver("anna")

        # A wrong password shows the error and keeps us on the login page.
        self.login(d, "anna", password="wrong-" + PASSWORD)
        err = self.wait(d).until(EC.visibility_of_element_located((By.ID, "login-error")))
        self.assertTrue(err.text.strip(), "#login-error is empty")
        self.assertEqual([], d.find_elements(By.CSS_SELECTOR, "a[href='/account']"))

        self.login_ok(d, "anna")

        self.open_edit_form(d, EDIT_MILESTONE)
        note = "Bereikt tijdens browsertest %s" % RUN
        status = Select(d.find_element(By.ID, "f-status"))
        status_before = status.first_selected_option.get_attribute("value")
        status.select_by_value("achieved")

        # "achieved" without a date is refused, with the error at the field.
        d.execute_script("arguments[0].value='';", d.find_element(By.ID, "f-achievedOn"))
        self.click_and_wait(d, self.submit_button(d, "Opslaan"))
        self.wait(d).until(EC.visibility_of_element_located((By.ID, "form-errors")))
        field_error = d.find_element(By.ID, "e-achievedOn")
        self.assertIn("field-error", field_error.get_attribute("class"))
        self.assertTrue(field_error.text.strip(), "#e-achievedOn is empty")
        self.assertEqual("achieved", Select(d.find_element(By.ID, "f-status"))
                         .first_selected_option.get_attribute("value"),
                         "the refused form lost the chosen status")

        status = Select(d.find_element(By.ID, "f-status"))
        status.select_by_value("achieved")
        achieved = d.find_element(By.ID, "f-achievedOn")
        d.execute_script("arguments[0].value='2026-11-20';"
                         "arguments[0].dispatchEvent(new Event('input',{bubbles:true}));"
                         "arguments[0].dispatchEvent(new Event('change',{bubbles:true}));",
                         achieved)
        self.assertEqual("2026-11-20", achieved.get_attribute("value"))
        self.set_field(d, "f-note", note)
        self.click_and_wait(d, self.submit_button(d, "Opslaan"))

        self.assertEqual([], d.find_elements(By.ID, "form-errors"),
                         "validation errors after saving: %s" % (
                             [e.text for e in d.find_elements(By.ID, "form-errors")],))
        self.assertIn("/dossiers/%s" % MILESTONE_HOME, d.current_url)
        self.assertTrue(d.current_url.endswith("#" + EDIT_MILESTONE), d.current_url)
        item = self.milestone_text(d, EDIT_MILESTONE)
        self.assertIn(note, item)
        self.assertIn("bereikt", item.lower())

        rows = self.history_rows(d, EDIT_MILESTONE)
        listing = "\n".join(rows)
        mine = [r for r in rows if note in r]
        self.assertEqual(1, len(mine), "expected one history row with the note:\n" + listing)
        change = mine[0]
        self.assertTrue("anna" in change or "Anna de Vries" in change,
                        "history row of the edit does not name anna:\n" + change)
        if status_before != "achieved":  # a fresh register: planned → achieved
            self.assertRegex(change, r"status\W+%s\W+achieved" % re.escape(status_before))
            self.assertIn("2026-11-20", change)
        else:  # a register reused from an earlier run
            self.assertTrue([r for r in rows if ("anna" in r or "Anna de Vries" in r)
                             and re.search(r"status\W+.*achieved", r)],
                            "no status change to achieved by anna:\n" + listing)


class ConflictTest(BrowserTestCase):

    def test_concurrent_edit_shows_conflict_and_saves_merge(self):
        anna = self.driver("anna")
        pieter = self.driver("pieter")
        self.login_ok(anna, "anna")
        self.login_ok(pieter, "pieter")

        self.open_edit_form(anna, CONFLICT_MILESTONE)
        self.open_edit_form(pieter, CONFLICT_MILESTONE)
        version_before = anna.find_element(By.NAME, "version").get_attribute("value")
        self.assertEqual(version_before,
                         pieter.find_element(By.NAME, "version").get_attribute("value"))

        pieter_title = "Titel van Pieter %s" % RUN
        anna_title = "Titel van Anna %s" % RUN
        merged_title = "Samengevoegde titel %s" % RUN

        # Pieter saves first.
        self.set_field(pieter, "f-title", pieter_title)
        self.click_and_wait(pieter, self.submit_button(pieter, "Opslaan"))
        self.assertIn("/dossiers/%s" % MILESTONE_HOME, pieter.current_url)
        self.assertIn(pieter_title, self.milestone_text(pieter, CONFLICT_MILESTONE))

        # Anna saves her stale form: conflict.
        self.set_field(anna, "f-title", anna_title)
        self.click_and_wait(anna, self.submit_button(anna, "Opslaan"))
        conflict = self.wait(anna).until(
            EC.visibility_of_element_located((By.ID, "conflict")))
        self.assertIn(pieter_title, conflict.text,
                      "conflict section does not show pieter's title")
        self.assertTrue(conflict.find_elements(By.TAG_NAME, "table"),
                        "conflict section has no comparison table")
        # The form keeps anna's input and carries the newer version.
        self.assertEqual(anna_title,
                         anna.find_element(By.ID, "f-title").get_attribute("value"))
        version_now = anna.find_element(By.NAME, "version").get_attribute("value")
        self.assertNotEqual(version_before, version_now,
                            "conflict form still carries the old version")

        self.set_field(anna, "f-title", merged_title)
        self.click_and_wait(anna, self.submit_button(anna, "Samengevoegd opslaan"))
        self.assertEqual([], anna.find_elements(By.ID, "conflict"),
                         "still a conflict after saving the merge")
        self.assertEqual([], anna.find_elements(By.ID, "form-errors"))
        self.assertIn("/dossiers/%s" % MILESTONE_HOME, anna.current_url)
        item = self.milestone_text(anna, CONFLICT_MILESTONE)
        self.assertIn(merged_title, item)
        self.assertNotIn(pieter_title, item)

        rows = self.history_rows(anna, CONFLICT_MILESTONE)
        by_pieter = [r for r in rows if ("pieter" in r or "Pieter Jansen" in r)
                     and pieter_title in r]
        by_anna = [r for r in rows if ("anna" in r or "Anna de Vries" in r)
                   and merged_title in r]
        self.assertTrue(by_pieter, "history lacks pieter's edit:\n%s" % "\n".join(rows))
        self.assertTrue(by_anna, "history lacks anna's merge:\n%s" % "\n".join(rows))


class PrivateNoteTest(BrowserTestCase):

    def notes_section(self, driver):
        return driver.find_element(By.CSS_SELECTOR, "section.private-notes")

    def test_private_note_visible_only_to_same_delegation(self):
        text = "Vertrouwelijke notitie %s" % RUN

        anna = self.driver("anna")
        self.login_ok(anna, "anna")
        self.open(anna, "/dossiers/%s" % DOSSIER)
        self.assertTrue(anna.find_elements(By.ID, "notities"), "no #notities for anna")
        self.set_field(anna, "note-text", text)
        Select(anna.find_element(By.ID, "note-about")).select_by_value("")
        self.click_and_wait(anna, self.submit_button(anna, "Notitie opslaan"))
        self.assertIn("/dossiers/%s" % DOSSIER, anna.current_url)
        self.assertIn(text, self.notes_section(anna).text)

        pieter = self.driver("pieter")
        self.login_ok(pieter, "pieter")
        self.open(pieter, "/dossiers/%s" % DOSSIER)
        self.assertIn(text, self.notes_section(pieter).text,
                      "pieter (NL) does not see anna's note")

        bart = self.driver("bart")
        self.login_ok(bart, "bart")
        self.open(bart, "/dossiers/%s" % DOSSIER)
        self.assertIn("3RX", bart.find_element(By.TAG_NAME, "h1").text)
        self.assertNotIn(text, bart.page_source, "bart (BE) sees the NL note")

        anon = self.driver("anonymous")
        self.open(anon, "/dossiers/%s" % DOSSIER)
        self.assertIn("3RX", anon.find_element(By.TAG_NAME, "h1").text)
        self.assertNotIn(text, anon.page_source, "an anonymous visitor sees the NL note")
        self.assertEqual([], anon.find_elements(By.ID, "note-text"))


class AccessibilityTest(BrowserTestCase):

    def assert_labels(self, driver, page):
        missing = driver.execute_script("""
            const out = [];
            for (const el of document.querySelectorAll('input, select, textarea')) {
              if (el.type === 'hidden') continue;
              const r = el.getBoundingClientRect();
              const style = getComputedStyle(el);
              if (style.display === 'none' || style.visibility === 'hidden'
                  || (r.width === 0 && r.height === 0)) continue;
              const id = el.id;
              const label = id && document.querySelector('label[for="' + CSS.escape(id) + '"]');
              if (!label || !label.textContent.trim())
                out.push(el.tagName.toLowerCase() + '#' + (id || '?') + '[name=' + el.name + ']');
            }
            return out;""")
        self.assertEqual([], missing, "controls without <label for> on %s" % page)

    def test_login_and_edit_form_labels(self):
        d = self.driver("anna")
        self.open(d, "/login")
        self.assertTrue(d.find_elements(By.ID, "username"))
        self.assert_labels(d, "/login")

        self.login_ok(d, "anna")
        self.open(d, "/milestones/%s/edit" % EDIT_MILESTONE)
        self.wait(d).until(EC.presence_of_element_located((By.ID, "f-title")))
        for field in ("f-title", "f-due", "f-status", "f-achievedOn", "f-note",
                      "f-visibility", "f-dossierIDs", "f-ownerID"):
            self.assertTrue(d.find_elements(By.ID, field), "edit form lacks #%s" % field)
        self.assert_labels(d, "/milestones/%s/edit" % EDIT_MILESTONE)


if __name__ == "__main__":
    if not PASSWORD:
        print("DELTABERAAD_PASSWORD is not set", file=sys.stderr)
        sys.exit(2)
    unittest.main(verbosity=2)
