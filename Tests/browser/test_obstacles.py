"""The obstacle intake in a real browser, without an account: the form refuses a report sent too
fast and gives everything back filled in; after the minimum time it is received, with a
reference number and a private status link whose page shows the report. The public list and an
obstacle page the seeds name are shown too. Screenshots of each step are saved to look at."""

import os
import sys
import time
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

sys.path.insert(0, os.path.dirname(__file__))
from test_editing import BrowserTestCase  # noqa: E402

# The served register's minimum time to fill in the form (ObstacleIntake.Rules.minimumSeconds).
MINIMUM_SECONDS = 5


class ObstaclesTest(BrowserTestCase):
    def fill(self, d):
        d.find_element(By.ID, "f-title").send_keys("Reiskosten grensarbeiders")
        d.find_element(By.ID, "f-description").send_keys("Grensarbeiders kunnen hun reiskosten niet aftrekken.")
        d.find_element(By.ID, "f-placeBelgium").send_keys("Hamont-Achel")
        d.find_element(By.ID, "f-placeNetherlands").send_keys("Weert")
        Select(d.find_element(By.ID, "f-domain")).select_by_value("tax")
        d.find_element(By.ID, "f-contact").send_keys("melder@example.org")

    def test_report_an_obstacle(self):
        d = self.driver("visitor", language="en-GB")
        self.open(d, "/obstacles/report?lang=en")
        self.assertFalse(d.find_element(By.ID, "f-website").is_displayed(), "people do not see the honeypot")
        self.fill(d)
        self.save_artifacts("obstacle-form")
        # Sent at once: refused as too fast, nothing typed is lost.
        self.click_and_wait(d, d.find_element(By.CSS_SELECTOR, "form.record-form button[type=submit]"))
        self.assertIn("seconds of opening it", d.find_element(By.ID, "form-error").text)
        self.assertEqual("Reiskosten grensarbeiders", d.find_element(By.ID, "f-title").get_attribute("value"))
        self.assertEqual("melder@example.org", d.find_element(By.ID, "f-contact").get_attribute("value"))
        self.assertEqual("tax", Select(d.find_element(By.ID, "f-domain")).first_selected_option.get_attribute("value"))
        self.save_artifacts("obstacle-too-fast")
        # After the minimum time, the same form (with its new stamp) is received.
        time.sleep(MINIMUM_SECONDS + 1)
        self.click_and_wait(d, d.find_element(By.CSS_SELECTOR, "form.record-form button[type=submit]"))
        reference = d.find_element(By.ID, "reference").text
        self.assertRegex(reference, r"^GB-\d{4}-[A-Z2-9]{6}$")
        self.save_artifacts("obstacle-received")
        self.click_and_wait(d, d.find_element(By.ID, "status-link"))
        self.assertIn("/obstacles/status/", d.current_url)
        self.assertIn(reference, d.page_source)
        self.assertIn("Grensarbeiders kunnen hun reiskosten niet aftrekken.", d.page_source)
        self.assertNotIn("melder@example.org", d.page_source)
        self.save_artifacts("obstacle-status")

    def test_public_list_and_page(self):
        d = self.driver("visitor", language="en-GB")
        self.open(d, "/obstacles?lang=en")
        self.assertTrue(d.find_elements(By.LINK_TEXT, "Juridische barrières voor koolstofdioxide-transport naar het Verenigd Koninkrijk"))
        self.save_artifacts("obstacles")
        self.open(d, "/obstacles/co2-transport-verenigd-koninkrijk?lang=en")
        self.assertTrue(d.find_elements(By.CSS_SELECTOR, "figure.passage blockquote"), "the passage that names it")
        self.save_artifacts("obstacle")


if __name__ == "__main__":
    unittest.main()
