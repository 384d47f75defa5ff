"""The investments page in a real browser: the server-rendered chart is drawn (an SVG with
bars and a legend that Chromium lays out), its text alternative and table are beside it, and
the filter form works without JavaScript. A screenshot is always saved to look at."""

import os
import sys
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

sys.path.insert(0, os.path.dirname(__file__))
from test_editing import BrowserTestCase  # noqa: E402


class InvestmentsTest(BrowserTestCase):
    def test_chart_is_drawn_and_filters_work(self):
        d = self.driver("visitor", language="en-GB")
        self.open(d, "/investments?lang=en&rows=year&columns=status")
        svg = d.find_element(By.CSS_SELECTOR, "figure.chart svg")
        self.assertGreater(svg.size["width"], 300, "the chart is laid out")
        self.assertGreater(svg.size["height"], 150, "the chart is laid out")
        self.assertEqual("img", svg.get_attribute("role"))
        bars = d.find_elements(By.CSS_SELECTOR, "figure.chart svg g.bar rect")
        self.assertTrue(bars, "the chart has bars")
        self.assertTrue(all(bar.size["height"] >= 0 for bar in bars))
        caption = d.find_element(By.CSS_SELECTOR, "figure.chart figcaption").text
        self.assertIn("Netherlands", caption, "the text alternative names the country")
        # The chart's table beside it.
        self.assertTrue(d.find_elements(By.XPATH, "//table[caption=\"The chart\u2019s figures\"]"))
        self.save_artifacts("chart")
        # The filter form, submitted by the browser (no JavaScript): only committed amounts.
        Select(d.find_element(By.ID, "f-status")).select_by_value("committed")
        self.click_and_wait(d, d.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]"))
        self.assertIn("status=committed", d.current_url)
        statuses = [th.text for th in d.find_elements(By.CSS_SELECTOR, "section[aria-labelledby=h-pivot] thead th")]
        self.assertIn("committed", " ".join(statuses).lower())
        self.save_artifacts("filtered")


if __name__ == "__main__":
    unittest.main()
