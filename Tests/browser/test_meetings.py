#!/usr/bin/python3
"""Browser test for Deltaberaad meetings: prepare an agenda, record a decision
and an action, approve the minutes and open the progress report.

Run through scripts/browser-test, which builds a throw-away register, creates
the accounts (anna and pieter are NL editors of politiek-overleg, among
others) and starts the server. It passes the same environment as for
test_editing.py:

  DELTABERAAD_URL          base URL of the running server (http://127.0.0.1:PORT)
  DELTABERAAD_PASSWORD     password of the accounts anna, pieter and bart
  DELTABERAAD_SCREENSHOTS  directory for screenshots and page sources of
                           failing tests

The test approves the minutes of the meeting, which cannot be undone: it needs
a fresh register (scripts/browser-test makes one on every run).

Uses only the standard library and Debian's python3-selenium (4.8); run with
/usr/bin/python3. The browser helpers come from test_editing.py.
"""

import os
import sys
import time
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_editing import BASE_URL, PASSWORD, BrowserTestCase  # noqa: E402

BODY = "politiek-overleg"
MEETING = "politiek-overleg-zomer-2026"
# A milestone shared by the ten dossiers of the 2026 declaration (ERTMS among them), carried by
# werkgroep-be-nl under the consultation; test_editing sets it achieved earlier in the run, and
# test_french keeps afsprakenkader-zomer-2026 to itself.
DECISION_RECORD = "vervolgbijeenkomst-2026-q2"
DECISION_DOSSIER = "ertms"
ACTION_OWNER = "ienw"

# One suffix per run, so that repeated runs never find the text of an earlier run.
RUN = time.strftime("%Y%m%d-%H%M%S") + "-" + str(os.getpid())


class MeetingFlowTest(BrowserTestCase):

    # --- helpers --------------------------------------------------------------

    def assert_no_meeting_message(self, driver, doing):
        messages = driver.find_elements(By.ID, "meeting-message")
        self.assertEqual([], messages, "%s was refused: %s" % (
            doing, [m.text for m in messages]))

    def post_meeting_form(self, driver, button_id, doing):
        """Submit a form of the meeting page; it answers with a redirect to the
        meeting page, or the page with #meeting-message saying why not."""
        self.click_and_wait(driver, driver.find_element(By.ID, button_id))
        self.assert_no_meeting_message(driver, doing)
        self.assertEqual(BASE_URL + "/meetings/%s" % MEETING,
                         driver.current_url.split("?")[0].split("#")[0],
                         "%s did not come back to the meeting page" % doing)

    def agenda_rows(self, driver):
        """(number, title, parked) of the rows of the agenda form."""
        form = driver.find_element(By.ID, "agenda-form")
        rows = []
        for row in form.find_elements(By.CSS_SELECTOR, "table.agenda-edit tbody tr"):
            title = row.find_element(By.CSS_SELECTOR, "input[name^='title_']")
            number = int(title.get_attribute("name").split("_", 1)[1])
            parked = row.find_element(By.CSS_SELECTOR, "input[name^='parked_']").is_selected()
            rows.append((number, title.get_attribute("value"), parked))
        return rows

    def minutes_section(self, driver):
        return driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby='h-minutes']")

    def outcome_texts(self, container):
        return [li.text for li in container.find_elements(By.CSS_SELECTOR, "li.outcome")]

    def set_checkbox(self, driver, name, checked):
        box = driver.find_element(By.CSS_SELECTOR, "#agenda-form input[name='%s']" % name)
        if box.is_selected() != checked:
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", box)
            box.click()
        self.assertEqual(checked, box.is_selected(), "could not set %s" % name)

    def select_item_with_title(self, driver, title):
        select = Select(driver.find_element(By.ID, "o-item"))
        matching = [o for o in select.options if title in o.text]
        self.assertEqual(1, len(matching), "#o-item offers %r for %r" % (
            [o.text for o in select.options], title))
        select.select_by_value(matching[0].get_attribute("value"))

    # --- the test ---------------------------------------------------------------

    def test_agenda_outcomes_approval_and_report(self):
        d = self.driver("anna")
        self.login_ok(d, "anna")

        # 1. From the body page to the meeting.
        self.open(d, "/bodies/%s" % BODY)
        links = [a for a in d.find_elements(By.CSS_SELECTOR, "a")
                 if (a.get_attribute("href") or "").endswith("/meetings/%s" % MEETING)]
        self.assertTrue(links, "/bodies/%s has no link to /meetings/%s" % (BODY, MEETING))
        self.click_and_wait(d, links[0])
        self.assertTrue(d.current_url.endswith("/meetings/%s" % MEETING), d.current_url)
        self.assertEqual("concept", d.find_element(
            By.CSS_SELECTOR, "#h-minutes .badge").text.strip(),
            "the minutes are not a draft: run against a fresh register")

        # 2. Propose an agenda, then edit it: drop item 2, park item 3, add an item.
        self.post_meeting_form(d, "propose-agenda", "proposing the agenda")
        self.wait(d).until(EC.presence_of_element_located(
            (By.CSS_SELECTOR, "form#agenda-form table.agenda-edit")))
        before = self.agenda_rows(d)
        self.assertGreaterEqual(len(before), 3, "the proposed agenda has fewer than 3 items: %r"
                                % (before,))
        self.assertEqual(list(range(1, len(before) + 1)), [r[0] for r in before])
        for number in range(1, len(before) + 1):
            self.assertTrue(d.find_element(By.NAME, "keep_%d" % number).is_selected(),
                            "keep_%d is not checked" % number)
        dropped_title = before[1][1]
        parked_title = before[2][1]
        titles_before = [r[1] for r in before]
        new_title = "Nieuw agendapunt browsertest %s" % RUN

        self.set_checkbox(d, "keep_2", False)
        self.set_checkbox(d, "parked_3", True)
        self.set_field(d, "new-item", new_title)
        Select(d.find_element(By.ID, "new-item-dossier")).select_by_value(DECISION_DOSSIER)
        self.post_meeting_form(d, "save-agenda", "saving the agenda")

        after = self.agenda_rows(d)
        titles_after = [r[1] for r in after]
        self.assertEqual(len(before), len(after),
                         "expected one item less and one more:\nbefore %r\nafter %r"
                         % (titles_before, titles_after))
        self.assertIn(new_title, titles_after)
        self.assertEqual(new_title, titles_after[-1], "the new item is not last")
        self.assertEqual(titles_before.count(dropped_title) - 1,
                         titles_after.count(dropped_title),
                         "item 2 (%r) was not removed: %r" % (dropped_title, titles_after))
        if titles_before.count(dropped_title) == 1:
            self.assertNotIn(dropped_title, titles_after)
        parked_rows = [r for r in after if r[1] == parked_title]
        self.assertTrue(parked_rows and all(r[2] for r in parked_rows),
                        "item 3 (%r) is not parked: %r" % (parked_title, after))

        # 3. A decision that moves a milestone, and an action.
        decision = "Besluit browsertest %s: vervolgbijeenkomst eind 2026" % RUN
        action = "Actie browsertest %s: IenW werkt het afsprakenkader uit" % RUN

        self.select_item_with_title(d, new_title)
        Select(d.find_element(By.ID, "o-kind")).select_by_value("decision")
        self.set_field(d, "o-text", decision)
        Select(d.find_element(By.ID, "o-change")).select_by_value("milestone-due")
        self.set_field(d, "o-record", DECISION_RECORD)
        self.set_field(d, "o-value", "eind 2026")
        self.post_meeting_form(d, "save-outcome", "recording the decision")

        self.select_item_with_title(d, new_title)
        Select(d.find_element(By.ID, "o-kind")).select_by_value("action")
        self.set_field(d, "o-text", action)
        Select(d.find_element(By.ID, "o-owner")).select_by_value(ACTION_OWNER)
        self.set_field(d, "o-due", "voorjaar 2027")
        self.post_meeting_form(d, "save-outcome", "recording the action")

        outcomes = self.outcome_texts(self.minutes_section(d))
        listing = "\n".join(outcomes)
        decision_items = [t for t in outcomes if decision in t]
        action_items = [t for t in outcomes if action in t]
        self.assertEqual(1, len(decision_items), "decision not once in the minutes:\n" + listing)
        self.assertEqual(1, len(action_items), "action not once in the minutes:\n" + listing)
        self.assertIn("2027", action_items[0], "the action's due period is not shown")
        self.assertTrue(d.find_elements(By.CSS_SELECTOR, "li.outcome.outcome-decision"),
                        "no li.outcome-decision")
        self.assertTrue(d.find_elements(By.CSS_SELECTOR, "li.outcome.outcome-action"),
                        "no li.outcome-action")

        self.open(d, "/dossiers/%s" % DECISION_DOSSIER)
        milestone = d.find_element(By.ID, DECISION_RECORD).text
        self.assertIn("eind 2026", milestone,
                      "the decision did not move %s: %r" % (DECISION_RECORD, milestone))

        # 4. Approve the minutes.
        self.open(d, "/meetings/%s" % MEETING)
        Select(d.find_element(By.ID, "a-by")).select_by_value("chair")
        approved_on = d.find_element(By.ID, "a-on")
        d.execute_script("arguments[0].value='2026-11-20';"
                         "arguments[0].dispatchEvent(new Event('input',{bubbles:true}));"
                         "arguments[0].dispatchEvent(new Event('change',{bubbles:true}));",
                         approved_on)
        self.assertEqual("2026-11-20", approved_on.get_attribute("value"))
        self.post_meeting_form(d, "approve-minutes", "approving the minutes")

        badge = d.find_element(By.CSS_SELECTOR, "#h-minutes .badge")
        self.assertEqual("vastgesteld", badge.text.strip())
        self.assertIn("2026-11-20", self.minutes_section(d).text)
        self.assertEqual([], d.find_elements(By.ID, "outcome-form"),
                         "the outcome form is still there after approval")
        self.assertEqual([], d.find_elements(By.ID, "approve-form"),
                         "the approval form is still there after approval")
        # Actions are followed up after approval (done, dropped, open again:
        # docs/RULES.md), so their buttons stay; the minutes take only a correction.
        forms = [f.get_attribute("action") for f in
                 self.minutes_section(d).find_elements(By.TAG_NAME, "form")]
        minutes_forms = [f for f in forms if "/actions/" not in f]
        self.assertEqual(["%s/meetings/%s/minutes/corrections" % (BASE_URL, MEETING)],
                         minutes_forms,
                         "expected only the correction form in the minutes: %r" % (forms,))
        self.assertTrue(d.find_elements(By.ID, "c-text"), "no correction text field")
        outcomes = self.outcome_texts(self.minutes_section(d))
        self.assertTrue([t for t in outcomes if decision in t], "decision gone after approval")
        self.assertTrue([t for t in outcomes if action in t], "action gone after approval")

        # 5. The body's decisions and actions, and the progress report.
        self.open(d, "/bodies/%s/decisions" % BODY)
        decisions = self.outcome_texts(d.find_element(
            By.CSS_SELECTOR, "section[aria-labelledby='h-decisions']"))
        self.assertTrue([t for t in decisions if decision in t],
                        "decision not in the decision list:\n" + "\n".join(decisions))
        actions = self.outcome_texts(d.find_element(
            By.CSS_SELECTOR, "section[aria-labelledby='h-actions']"))
        self.assertTrue([t for t in actions if action in t],
                        "action not among the open actions:\n" + "\n".join(actions))

        self.open(d, "/bodies/%s/report?year=2026&lang=nl" % BODY)
        report = self.body_text(d)
        self.assertIn("Voortgangsrapportage", report)
        self.assertIn(decision, report, "the decision is not in the report")

        self.open(d, "/bodies/%s/report?year=2026&lang=fr" % BODY)
        report = self.body_text(d)
        self.assertIn("Rapport d\u2019avancement", report)
        self.assertIn(decision, report, "the decision is not in the French report")


if __name__ == "__main__":
    if not PASSWORD:
        print("DELTABERAAD_PASSWORD is not set", file=sys.stderr)
        sys.exit(2)
    unittest.main(verbosity=2)
