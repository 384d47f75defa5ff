"""The network map in a real browser: Chromium lays out the server-rendered SVG, and the label
boxes it really draws (getBBox, in the SVG's units) never intersect; every link is a focusable,
named link that opens its page; the table beside the map holds the same links. Screenshots of the
map, a link's page and a dossier's small map are saved to look at."""

import os
import sys
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

sys.path.insert(0, os.path.dirname(__file__))
from test_editing import BrowserTestCase  # noqa: E402

BOXES_JS = """
return Array.from(document.querySelectorAll('svg.network-map text.map-label')).map(t => {
  const b = t.getBBox(); return {text: t.textContent, x: b.x, y: b.y, w: b.width, h: b.height};
});
"""


class NetworkMapTest(BrowserTestCase):
    def test_labels_drawn_without_overlap_and_links_open_their_page(self):
        d = self.driver("visitor", language="en-GB")
        self.open(d, "/network?lang=en")
        svg = d.find_element(By.CSS_SELECTOR, "figure.map svg.network-map")
        self.assertGreater(svg.size["width"], 300, "the map is laid out")
        boxes = d.execute_script(BOXES_JS)
        self.assertGreater(len(boxes), 15, "stations and links are labelled")
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                overlap = a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]
                self.assertFalse(overlap, "labels overlap as drawn: %r and %r" % (a, b))
        # Every link on the map is named and reaches its page; the table names the same links.
        names = [a.get_attribute("aria-label") for a in d.find_elements(By.CSS_SELECTOR, "svg.network-map a.map-link")]
        self.assertTrue(any(n.startswith("Hamont–Weert:") for n in names), names)
        table = [a.get_attribute("href").rsplit("/", 1)[-1] for a in d.find_elements(By.CSS_SELECTOR, "#h-links ~ div table th a")]
        drawn = [a.get_attribute("id").replace("network-map-link-", "") for a in d.find_elements(By.CSS_SELECTOR, "svg.network-map a.map-link")]
        self.assertTrue(set(drawn) <= set(table), "every drawn link is in the table")
        self.save_artifacts("network-map")
        # Keyboard: tab to the first map link and open it with Enter.
        first = d.find_element(By.CSS_SELECTOR, "svg.network-map a.map-link")
        d.execute_script("arguments[0].focus()", first)
        self.assertEqual(first, d.switch_to.active_element, "a map link takes focus")
        href = first.get_dom_attribute("href")
        d.execute_script("window.__deltaberaadOldPage = true;")
        d.switch_to.active_element.send_keys(Keys.ENTER)
        self.wait(d).until(lambda drv: drv.execute_script(
            "return window.__deltaberaadOldPage === undefined && document.readyState === 'complete';"))
        self.assertTrue(d.current_url.endswith(href.rsplit("/", 1)[-1]), "Enter opened %s, not %s" % (d.current_url, href))
        self.assertIn("/rail-links/", d.current_url)
        self.save_artifacts("rail-link")

    def test_dossier_shows_its_links_on_a_small_map(self):
        d = self.driver("visitor", language="nl-NL")
        self.open(d, "/dossiers/limburg-verbindingen")
        small = d.find_element(By.CSS_SELECTOR, "figure.small-map svg")
        self.assertGreater(small.size["width"], 100)
        highlighted = d.find_elements(By.CSS_SELECTOR, "figure.small-map path[stroke-width='6']")
        self.assertGreaterEqual(len(highlighted), 3, "the dossier's drawn links are highlighted")
        self.save_artifacts("dossier-small-map")


if __name__ == "__main__":
    unittest.main()
