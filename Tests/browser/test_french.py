#!/usr/bin/python3
"""Browser test for Deltaberaad in French: a French browser (Accept-Language
fr-BE) walks the main flow and every fixed text is compared with the French
catalogue (Resources/locales/fr/*.yaml) and with the Dutch one, to prove the
page is not Dutch.

  1. the overview arrives in French without ?lang=; record titles stay Dutch
     and are marked lang="nl";
  2. the language switcher: to English and back; the choice sticks (cookie
     deltaberaad_lang), also for an address typed in the address bar;
  3. a dossier: health, status and due-state labels, dates and the health
     reasons in French, milestone titles in « … » and in Dutch;
  4. the French login page, a wrong password, a correct sign-in;
  5. the edit form of a milestone: labels, hints and choices in French, the
     French error for an empty title, then a valid change seen on the dossier;
  6. the planning page and a body's progress report in French;
  7. accessibility basics: <html lang="fr"> on every page visited, a <label>
     for every form control.

Structural checks parse the page source with html.parser (never regexes), so
a missing element fails instead of passing. Checks of fixed texts against the
catalogue are soft (unittest subTest): a wrong text is reported and the flow
goes on, so that one defect does not hide the next.

Run through scripts/browser-test, which builds a throw-away register, creates
the accounts and starts the server; the environment is the same as for
test_editing.py (DELTABERAAD_URL, DELTABERAAD_PASSWORD,
DELTABERAAD_SCREENSHOTS). Uses the standard library, Debian's
python3-selenium and, when /usr/bin/python3 has it, PyYAML (else a minimal
reader for the catalogue's simple `key: "value"` nesting).
"""

import contextlib
import os
import re
import sys
import unittest
from html.parser import HTMLParser

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_editing import (  # noqa: E402
    BASE_URL, PASSWORD, RUN, SCREENSHOTS, BrowserTestCase, safe_name)

FRENCH = "fr-BE"          # the browser's Accept-Language
LANG_COOKIE = "deltaberaad_lang"
EDITOR = "pieter"         # an NL editor of werkgroep-be-nl, which carries 3RX (scripts/browser-test)

DOSSIER = "3rx"
# Register content, as in data/demo/dossiers.yaml and milestones.yaml.
DOSSIER_TITLE = "3RX – spoorverbinding haven Antwerpen–Ruhrgebied"
# The milestones of 3RX are shared by the ten dossiers of the 2026 declaration; a saved form goes
# back to the first of them.
MILESTONE = "afsprakenkader-zomer-2026"   # not touched by test_editing or test_meetings
MILESTONE_TITLE = "Aanvullend en concreet afsprakenkader klaar voor ondertekening"
MILESTONE_HOME = DOSSIER  # the dossier the form was opened from (?from=)
ACHIEVED_MILESTONE = "ondertekening-verklaring-2026"   # achieved on 2026-02-18
MANDATE_DATE = "2026-02-18"
BODY = "politiek-overleg"
REPORT_YEAR = "2026"

LOCALES = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                       "..", "..", "Resources", "locales")


# --- the catalogues -------------------------------------------------------------

def _scalar(text):
    """A scalar of the minimal YAML reader: "…" (with \\ escapes), '…' or plain."""
    text = text.strip()
    if text.startswith('"'):
        out, i = [], 1
        while text[i] != '"':
            if text[i] == "\\":
                i += 1
                out.append({"n": "\n", "t": "\t"}.get(text[i], text[i]))
            else:
                out.append(text[i])
            i += 1
        return "".join(out)
    if text.startswith("'"):
        return text[1:text.rindex("'")].replace("''", "'")
    return re.sub(r"\s+#.*$", "", text)


def _read_simple_yaml(path):
    """Nested `key: value` mappings as the catalogue writes them (no lists,
    no block scalars); used only when PyYAML is not installed."""
    root, stack = {}, [(-1, None)]
    stack[0] = (-1, root)
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            indent = len(line) - len(line.lstrip(" "))
            entry = line.strip()
            if entry[0] in "\"'":   # a quoted key such as "400"
                end = entry.index(entry[0], 1)
                key, value = entry[1:end], entry[end + 1:].lstrip()[1:]
            else:
                key, _, value = entry.partition(":")
            while stack[-1][0] >= indent:
                stack.pop()
            parent = stack[-1][1]
            if value.strip():
                parent[key] = _scalar(value)
            else:
                parent[key] = {}
                stack.append((indent, parent[key]))
    return root


def _flatten(tree, prefix, out):
    for key, value in tree.items():
        name = "%s.%s" % (prefix, key) if prefix else str(key)
        if isinstance(value, dict):
            _flatten(value, name, out)
        else:
            out[name] = "" if value is None else str(value)
    return out


def load_catalogue(language):
    """All texts of one language as {"area.key.sub": text}."""
    try:
        import yaml
        read = lambda path: yaml.safe_load(open(path, encoding="utf-8"))  # noqa: E731
    except ImportError:
        read = _read_simple_yaml
    folder = os.path.join(LOCALES, language)
    texts = {}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".yaml"):
            _flatten(read(os.path.join(folder, name)) or {}, "", texts)
    return texts


CATALOGUES = {language: load_catalogue(language) for language in ("fr", "nl", "en")}


def norm(text):
    """Whitespace collapsed (also no-break spaces), as a browser shows it."""
    return " ".join((text or "").split())


def t(key, language="fr", **values):
    """The catalogue text of `key`, with {name} placeholders filled in; a
    value given as name_key=KEY is the text of KEY in the same language."""
    text = CATALOGUES[language][key]
    for name, value in values.items():
        if name.endswith("_key"):
            name, value = name[:-len("_key")], t(value, language)
        text = text.replace("{%s}" % name, str(value))
    return norm(text)


def template_regex(template):
    """A regex that matches the catalogue template with anything for {name}."""
    parts = re.split(r"\{[A-Za-z]+\}", norm(template))
    return re.compile("(.+?)".join(re.escape(p) for p in parts) + r"\Z", re.S)


def keys_under(prefix, language="fr"):
    return sorted(k for k in CATALOGUES[language] if k.startswith(prefix + "."))


def date_label(iso, language="fr"):
    """A date as the catalogue writes it: 18 février 2026, 1er juin 2026."""
    year, month, day = (int(p) for p in iso.split("-"))
    month_name = t("date.month.%d" % month, language)
    if day == 1 and "date.firstOfMonth" in CATALOGUES[language]:
        return t("date.firstOfMonth", language, month=month_name, year=year)
    return t("date.day", language, day=day, month=month_name, year=year)


FRENCH_DATE = re.compile(r"(1er|[1-9]|[12][0-9]|3[01]) (%s) [0-9]{4}" % "|".join(
    re.escape(t("date.month.%d" % m)) for m in range(1, 13)))
DUTCH_MONTHS = re.compile(r"\b(%s)\b" % "|".join(
    re.escape(t("date.month.%d" % m, "nl")) for m in range(1, 13)))


def _foreign_texts(language):
    """What only `language` says, not French: exact texts, and templates (with
    at least one word of their own) as regexes."""
    french = {norm(v) for v in CATALOGUES["fr"].values()}
    exact, templates = set(), []
    for key, value in CATALOGUES[language].items():
        text = norm(value)
        if text in french or not re.search(r"[^\W\d_]{3}", text):
            continue
        if "{" in text:
            if re.search(r"[^\W\d_]{3}", re.sub(r"\{[A-Za-z]+\}", "", text)):
                templates.append((key, template_regex(text)))
        else:
            exact.add(text)
    return exact, templates


FOREIGN = {language: _foreign_texts(language) for language in ("nl", "en")}


# --- pages as trees (html.parser) ----------------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "param", "source", "track", "wbr"}


def attr_name(keyword):
    """for_ → for, aria_label → aria-label."""
    return keyword.rstrip("_").replace("_", "-")


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag = tag
        self.attrs = {k: ("" if v is None else v) for k, v in attrs}
        self.parent = parent
        self.children = []

    def get(self, name, default=None):
        return self.attrs.get(name, default)

    @property
    def classes(self):
        return self.attrs.get("class", "").split()

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, tag=None, cls=None, **attrs):
        """Descendants (and self) by tag, a class and attribute values
        (attr=True: present)."""
        out = []
        for node in self.iter():
            if tag is not None and node.tag != tag:
                continue
            if cls is not None and cls not in node.classes:
                continue
            if all((attr_name(name) in node.attrs) if want is True
                   else node.attrs.get(attr_name(name)) == want
                   for name, want in attrs.items()):
                out.append(node)
        return out

    def raw_text(self, skip_hidden=False):
        parts = []
        for child in self.children:
            if isinstance(child, Node):
                if child.tag in ("script", "style"):
                    continue
                if skip_hidden and child.attrs.get("aria-hidden") == "true":
                    continue
                parts.append(child.raw_text(skip_hidden))
            else:
                parts.append(child)
        return "".join(parts)

    def text(self, skip_hidden=False):
        return norm(self.raw_text(skip_hidden))

    def lang(self):
        """The language in effect: the nearest lang attribute, primary subtag."""
        node = self
        while node is not None:
            if "lang" in node.attrs:
                return node.attrs["lang"].split("-")[0].lower()
            node = node.parent
        return None

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def describe(self):
        bits = [self.tag] + (["#" + self.attrs["id"]] if "id" in self.attrs else [])
        bits += ["." + c for c in self.classes]
        return "<%s>" % "".join(bits)


class PageTree(HTMLParser):
    """The page source as a tree of Node; text nodes are str children."""

    def __init__(self, source):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", [], None)
        self.current = self.root
        self.feed(source)
        self.close()

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, attrs, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(source):
    return PageTree(source).root


def text_chunks(root):
    """(text, language in effect, node) of every text node and of the
    human-readable attributes, outside <script> and <style>."""
    for node in root.iter():
        if node.tag in ("script", "style"):
            continue
        for name in ("aria-label", "title", "placeholder", "alt"):
            if node.attrs.get(name):
                yield norm(node.attrs[name]), node.lang(), node
        for child in node.children:
            if isinstance(child, str) and norm(child):
                yield norm(child), node.lang(), node


# --- the test case ----------------------------------------------------------------

class FrenchTestCase(BrowserTestCase):
    """BrowserTestCase with French pages as parsed trees and soft text checks."""

    # soft checks: a wrong text is a subTest failure, the flow goes on

    @contextlib.contextmanager
    def soft(self, what):
        with self.subTest(what):
            try:
                yield
            except self.failureException:
                self.save_soft_artifacts(what)
                raise

    def save_soft_artifacts(self, what):
        self.save_artifacts(what)

    def expect_text(self, key, actual, what, **values):
        """`actual` is the French catalogue text of `key`, and not the Dutch one."""
        expected = t(key, "fr", **values)
        dutch = t(key, "nl", **values)
        with self.soft("%s = fr %s" % (what, key)):
            self.assertEqual(expected, norm(actual), "%s: not the French text of %s (nl: %r)"
                             % (what, key, dutch))
            if dutch != expected:
                self.assertNotEqual(dutch, norm(actual), "%s is Dutch" % what)

    # pages

    def page(self, driver, language="fr"):
        """The current page as a tree; checks <html lang> and that no fixed
        text of another language shows outside elements marked with its lang."""
        root = parse(driver.page_source)
        where = driver.current_url.replace(BASE_URL, "")
        html = root.find_all("html")
        self.assertEqual(1, len(html), "no single <html> on %s" % where)
        self.assertEqual(language, html[0].get("lang"), "<html lang> on %s" % where)
        if language == "fr":
            self.assert_no_foreign_text(root, where)
        return root

    def goto(self, driver, path, language="fr"):
        self.open(driver, path)
        return self.page(driver, language)

    def assert_no_foreign_text(self, root, where):
        found = []
        for text, lang, node in text_chunks(root):
            if lang != "fr":
                continue
            for language in ("nl", "en"):
                exact, templates = FOREIGN[language]
                if text in exact:
                    found.append("%s %s %r" % (language, node.describe(), text))
                for key, regex in templates:
                    if regex.match(text):
                        found.append("%s %s %r (%s)" % (language, node.describe(), text, key))
                        break
            if DUTCH_MONTHS.search(text):
                found.append("nl month %s %r" % (node.describe(), text))
        with self.soft("no Dutch or English fixed text on %s" % where):
            self.assertEqual([], found, "fixed texts of another language on %s, outside an "
                             "element marked with that lang" % where)

    def one(self, root, what, tag=None, cls=None, **attrs):
        found = root.find_all(tag, cls, **attrs)
        self.assertEqual(1, len(found), "expected one %s, found %d" % (what, len(found)))
        return found[0]

    def main(self, root):
        return self.one(root, "<main>", "main")

    def assert_lang_nl(self, node, what):
        self.assertEqual("nl", node.lang(), "%s is not marked lang=\"nl\": %s %r"
                         % (what, node.describe(), node.text()))

    def assert_labelled_controls(self, root, where):
        """Every form control (not hidden inputs or buttons) has an id and a
        non-empty <label for>; aria-describedby points to elements that exist."""
        controls = [n for n in root.find_all()
                    if n.tag in ("input", "select", "textarea")
                    and n.get("type", "text") not in ("hidden", "submit", "button")]
        self.assertTrue(controls, "no form controls on %s" % where)
        labels = {}
        for label in root.find_all("label"):
            labels.setdefault(label.get("for"), []).append(label)
        ids = [n.get("id") for n in root.find_all() if n.get("id")]
        self.assertEqual(sorted(set(ids)), sorted(ids), "duplicate ids on %s" % where)
        missing = []
        for control in controls:
            cid = control.get("id")
            texts = [l.text(skip_hidden=True) for l in labels.get(cid, [])] if cid else []
            if not any(texts):
                missing.append("%s[name=%s]" % (control.describe(), control.get("name")))
        self.assertEqual([], missing, "controls without a <label for> on %s" % where)
        for control in controls:
            for target in control.get("aria-describedby", "").split():
                self.assertTrue(root.find_all(id=target),
                                "%s: aria-describedby=%s points nowhere" % (control.describe(), target))
        return controls

    def menu_and_switcher(self, root, language):
        """Checks the main menu and the language switcher; returns the
        switcher's links by language."""
        menu = self.one(root, "main menu", "nav", aria_label=t("layout.mainMenu", language))
        items = [a.text() for a in menu.find_all("a")]
        keys = ["portal.nav", "common.overview", "common.dossiers", "common.documents", "common.bodies",
                "common.organisations", "network.nav", "common.investments", "common.goals", "common.planning",
                "obstacles.nav"]
        with self.soft("main menu in %s" % language):
            self.assertEqual([t(k, language) for k in keys], items, "main menu")
            if language != "nl":
                self.assertNotEqual([t(k, "nl") for k in keys], items, "main menu is Dutch")

        switcher = self.one(root, "nav.languages", "nav", "languages")
        if language == "fr":
            self.expect_text("layout.languageSwitcher", switcher.get("aria-label"),
                             "aria-label of the switcher")
        links = {}
        for a in switcher.find_all("a"):
            self.assertEqual(a.get("lang"), a.get("hreflang"), "switcher link %r" % a.attrs)
            links[a.get("hreflang")] = a
        self.assertEqual(["en", "fr", "nl"], sorted(links), "switcher languages")
        for code, a in links.items():
            self.assertEqual(t("languageName." + code), a.text(), "name of %s" % code)
            self.assertTrue(a.get("href", "").endswith("lang=" + code), a.get("href"))
        current = [code for code, a in links.items() if a.get("aria-current") == "true"]
        self.assertEqual([language], current, "aria-current of the switcher")
        return links

    def cookie_language(self, driver):
        cookie = driver.get_cookie(LANG_COOKIE)
        return cookie and cookie.get("value")

    def click_link(self, driver, css, language):
        self.click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, css))
        return self.page(driver, language)

    def assert_reasons_french(self, paragraph, titles):
        """The health reasons of a dossier: French sentences of reasons.yaml,
        whose « titles » are the (Dutch) milestone titles."""
        reasons = [s.text() for s in paragraph.find_all("span", "muted")]
        self.assertTrue(reasons, "no health reasons next to the health badge")
        templates = [(k, template_regex(CATALOGUES["fr"][k])) for k in keys_under("reason")
                     if k not in ("reason.quotedTitle", "reason.titleSeparator")]
        dutch = [(k, template_regex(CATALOGUES["nl"][k])) for k in keys_under("reason", "nl")
                 if k not in ("reason.quotedTitle", "reason.titleSeparator")]
        quoted = []
        for reason in reasons:
            with self.soft("health reason in French: %s" % reason[:60]):
                self.assertTrue([k for k, r in templates if r.match(reason)],
                                "health reason is no French sentence of reasons.yaml: %r" % reason)
                self.assertEqual([], [k for k, r in dutch if r.match(reason)],
                                 "health reason is Dutch: %r" % reason)
            quoted += re.findall(r"«\s*(.+?)\s*»", reason)
        self.assertTrue(quoted, "no milestone title in « … » in the reasons: %r" % reasons)
        for title in quoted:
            self.assertIn(title, titles, "« %s » in a reason is not a milestone title "
                          "of the dossier as written (Dutch)" % title)
        return reasons


class FrenchFlowTest(FrenchTestCase):

    # 1 ----------------------------------------------------------------------
    def test_1_overview_in_french_from_accept_language(self):
        d = self.driver("visitor", language=FRENCH)
        root = self.goto(d, "/")
        self.assertNotIn("lang=", d.current_url)
        self.menu_and_switcher(root, "fr")
        main = self.main(root)
        self.expect_text("common.overview", self.one(main, "h1", "h1").text(), "h1 of /")
        self.expect_text("common.logIn", self.one(root, "login link", "a", href="/login").text(),
                         "login link")
        self.expect_text("layout.skipToContent", self.one(root, "skip link", "a", "skip").text(),
                         "skip link")
        dossiers = self.one(main, "dossier section", "section", aria_labelledby="h-dossiers")
        self.expect_text("common.dossiers", self.one(dossiers, "h2", "h2").text(),
                         "heading of the dossier table")
        with self.soft("dossier table headers of /"):
            self.assertEqual([t(k) for k in ("common.dossier", "common.health",
                                             "common.nextMilestone", "common.overdue")],
                             [th.text() for th in dossiers.find_all("th", scope="col")])
        link = self.one(dossiers, "link to /dossiers/%s" % DOSSIER, "a", href="/dossiers/" + DOSSIER)
        self.assertEqual(DOSSIER_TITLE, link.text(), "the dossier title is not shown as written")
        self.assert_lang_nl(link, "the dossier title")
        for badge in main.find_all("span", "badge"):
            health = [c[len("health-"):] for c in badge.classes if c.startswith("health-")]
            if health:
                self.expect_text("health." + health[0], badge.text(), "health badge on /")
        for time in main.find_all("time"):
            with self.soft("date on /"):
                self.assertEqual(date_label(time.get("datetime")), time.text(), "a date on /")

    # 2 ----------------------------------------------------------------------
    def test_2_language_switcher_and_cookie(self):
        d = self.driver("visitor", language=FRENCH)
        root = self.goto(d, "/dossiers")
        self.menu_and_switcher(root, "fr")

        # To English with the switcher: the page, and the choice sticks.
        root = self.click_link(d, "nav.languages a[hreflang='en']", "en")
        self.assertIn("lang=en", d.current_url)
        self.assertEqual("en", self.cookie_language(d), "cookie after choosing English")
        self.menu_and_switcher(root, "en")
        self.assertEqual(t("app.title.dossiers", "en"), self.one(self.main(root), "h1", "h1").text())

        root = self.click_link(d, "header nav:not(.languages) a[href='/bodies']", "en")
        self.assertNotIn("lang=", d.current_url)
        self.assertEqual(t("app.title.bodies", "en"), self.one(self.main(root), "h1", "h1").text())
        root = self.goto(d, "/planning", "en")   # typed in the address bar
        self.assertEqual(t("app.title.planning", "en"), self.one(self.main(root), "h1", "h1").text())
        self.menu_and_switcher(root, "en")

        # Back to French.
        root = self.click_link(d, "nav.languages a[hreflang='fr']", "fr")
        self.assertIn("lang=fr", d.current_url)
        self.assertEqual("fr", self.cookie_language(d), "cookie after choosing French")
        self.menu_and_switcher(root, "fr")
        self.expect_text("app.title.planning", self.one(self.main(root), "h1", "h1").text(),
                         "h1 of /planning")

        root = self.click_link(d, "header nav:not(.languages) a[href='/documents']", "fr")
        self.assertNotIn("lang=", d.current_url)
        self.expect_text("app.title.documents", self.one(self.main(root), "h1", "h1").text(),
                         "h1 of /documents")
        root = self.goto(d, "/organisations")   # typed in the address bar
        self.expect_text("app.title.organisations", self.one(self.main(root), "h1", "h1").text(),
                         "h1 of /organisations")
        self.menu_and_switcher(root, "fr")
        root = self.goto(d, "/dossiers/%s" % DOSSIER)
        self.assertEqual("fr", self.cookie_language(d))

    # 3 ----------------------------------------------------------------------
    def test_3_dossier_in_french(self):
        d = self.driver("visitor", language=FRENCH)
        root = self.goto(d, "/dossiers/%s" % DOSSIER)
        main = self.main(root)
        h1 = self.one(main, "h1", "h1")
        self.assertEqual(DOSSIER_TITLE, h1.text())
        self.assert_lang_nl(h1, "the dossier title")

        # Milestones: Dutch titles marked lang="nl", French labels.
        timeline = self.one(main, "ol.timeline", "ol", "timeline")
        items = timeline.find_all("li")
        self.assertGreaterEqual(len(items), 3, "fewer than 3 milestones on /dossiers/%s" % DOSSIER)
        titles = {}
        states = set()
        for li in items:
            strong = li.find_all("strong")
            self.assertTrue(strong and strong[0].text(), "milestone %s has no title" % li.get("id"))
            self.assert_lang_nl(strong[0], "title of milestone %s" % li.get("id"))
            titles[li.get("id")] = strong[0].text()
            state = [c[len("state-"):] for c in li.classes if c.startswith("state-")]
            self.assertEqual(1, len(state), "milestone %s has no state class" % li.get("id"))
            states.add(state[0])
            badge = self.one(li, "due-state badge of %s" % li.get("id"), "span", "state-" + state[0])
            self.expect_text("dueState." + state[0], badge.text(), "due state of %s" % li.get("id"))
            status = [s.text() for s in li.find_all("span", "muted")]
            with self.soft("status label of %s" % li.get("id")):
                self.assertTrue(status, "no status label")
                self.assertIn(status[0], [t(k) for k in keys_under("milestoneStatus")])
                self.assertNotIn(status[0], [t(k, "nl") for k in keys_under("milestoneStatus", "nl")
                                             if t(k, "nl") != t(k)])
        self.assertEqual(MILESTONE_TITLE, titles.get(MILESTONE),
                         "the title of %s is not kept as written (Dutch)" % MILESTONE)
        self.assertIn("done", states, "no achieved milestone")
        self.assertIn("overdue", states, "no overdue milestone")
        for state, text in (("done", "atteinte"), ("overdue", "en retard")):
            badges = [b.text() for b in main.find_all("span", "state-" + state)]
            with self.soft("badge %s" % text):
                self.assertIn(text, badges)

        # Dates in French: 18 février 2026 for the achieved milestone and the mandate.
        feb18 = date_label(MANDATE_DATE)
        self.assertEqual("18 février 2026", feb18)
        achieved = self.one(main, "milestone %s" % ACHIEVED_MILESTONE, "li", id=ACHIEVED_MILESTONE)
        dates_line = [p.text() for p in achieved.find_all("p") if p.lang() == "fr"
                      and t("dossier.dueBy") in p.text()]
        with self.soft("due and achieved dates of %s" % ACHIEVED_MILESTONE):
            self.assertEqual(["%s %s · %s %s" % (t("dossier.dueBy"), feb18,
                                                 t("dossier.achievedOn"), feb18)], dates_line)
        facts = self.one(main, "dl.facts", "dl", "facts")
        terms = [n for n in facts.children if isinstance(n, Node)]
        mandate = [terms[i + 1].text() for i, n in enumerate(terms[:-1])
                   if n.tag == "dt" and n.text() == t("dossier.mandate")]
        self.assertEqual(1, len(mandate), "no fact %r (%s) on the dossier page: %r" % (
            t("dossier.mandate"), "dossier.mandate", [n.text() for n in terms if n.tag == "dt"]))
        mandate = mandate[0]
        with self.soft("mandate date"):
            self.assertTrue(mandate.startswith(feb18 + ", " + t("dossier.mandateBy") + " "),
                            mandate)
        for time in main.find_all("time"):
            with self.soft("date %s" % time.get("datetime")):
                self.assertEqual(date_label(time.get("datetime")), time.text())

        # Health: a French label and French reasons with the titles in « … ».
        badge = [b for b in main.find_all("span", "badge")
                 if any(c.startswith("health-") for c in b.classes)]
        self.assertEqual(1, len(badge), "expected one health badge")
        health = [c[len("health-"):] for c in badge[0].classes if c.startswith("health-")][0]
        self.expect_text("health." + health, badge[0].text(), "health of the dossier")
        self.assertIn(health, ("off-track", "at-risk"), "the demo dossier 3rx is late")
        self.assert_reasons_french(badge[0].parent, set(titles.values()))

        # Section headings.
        for section, key in (("h-milestones", "dossier.milestones"),
                             ("h-agreements", "dossier.agreements"),
                             ("h-history", "dossier.historyInDocuments")):
            self.expect_text(key, self.one(main, "#" + section, id=section).text(),
                             "heading #" + section)
        for quote in main.find_all("blockquote"):
            self.assert_lang_nl(quote, "a quote")

    # 4, 5 and 7 -------------------------------------------------------------
    def test_4_login_and_edit_milestone(self):
        d = self.driver("editor", language=FRENCH)

        # 4. The French login page.
        root = self.goto(d, "/login")
        main = self.main(root)
        self.expect_text("common.logIn", self.one(main, "h1", "h1").text(), "h1 of /login")
        self.expect_text("common.username", self.one(main, "username label", "label",
                                                     for_="username").text(), "username label")
        self.expect_text("login.password", self.one(main, "password label", "label",
                                                    for_="password").text(), "password label")
        form = self.one(main, "login form", "form", action="/login")
        self.expect_text("common.logIn", self.one(form, "submit", "button", type="submit").text(),
                         "login button")
        self.assert_labelled_controls(root, "/login")

        self.login(d, EDITOR, password="wrong-" + PASSWORD)
        root = self.page(d)
        error = self.one(root, "#login-error", id="login-error")
        self.expect_text("app.login.failed", error.text(), "wrong-password message")
        self.assertEqual([], root.find_all("a", href="/account"), "signed in with a wrong password")
        self.assert_labelled_controls(root, "/login after a wrong password")

        self.login(d, EDITOR)
        self.assertNotIn("/login", d.current_url, "sign-in of %s did not leave /login" % EDITOR)
        root = self.page(d)
        self.assertTrue(self.one(root, "account link", "a", href="/account").text())
        logout = self.one(root, "logout form", "form", action="/logout")
        self.expect_text("layout.logOut", self.one(logout, "logout", "button").text(),
                         "logout button")

        # 5. The edit form of a milestone, from the dossier page.
        root = self.goto(d, "/dossiers/%s" % DOSSIER)
        item = self.one(root, "milestone %s" % MILESTONE, "li", id=MILESTONE)
        edit = self.one(item, "edit link", "a", href="/milestones/%s/edit?from=%s" % (MILESTONE, DOSSIER))
        self.expect_text("dossier.editItem", edit.text(), "edit link of a milestone")
        self.click_and_wait(d, d.find_element(
            By.CSS_SELECTOR, "li[id='%s'] a[href='/milestones/%s/edit?from=%s']" % (MILESTONE, MILESTONE, DOSSIER)))
        self.assertTrue(d.current_url.split("?")[0].endswith("/milestones/%s/edit" % MILESTONE),
                        d.current_url)
        root = self.page(d)
        where = "/milestones/%s/edit" % MILESTONE
        self.check_edit_form(root, where)

        # An empty title: refused, with the French message at the field.
        self.set_field(d, "f-title", "")
        self.click_and_wait(d, self.submit_button(d, t("edit.save")))
        root = self.page(d)
        self.check_edit_form(root, where + " (refused)")
        main = self.main(root)
        errors = self.one(main, "#form-errors", id="form-errors")
        self.expect_text("edit.notSaved", errors.text(), "form error summary")
        title_input = self.one(main, "#f-title", id="f-title")
        self.assertEqual("true", title_input.get("aria-invalid"), "#f-title is not aria-invalid")
        self.assertIn("e-title", title_input.get("aria-describedby", "").split())
        field_error = self.one(main, "#e-title", id="e-title")
        self.assertIn("field-error", field_error.classes)
        self.assertIs(title_input.parent, field_error.parent,
                      "the error of the title is not next to the field")
        self.expect_text("form.error.fillIn", field_error.text(),
                         "error of an empty title", label_key="form.milestones.title")
        self.assertEqual([], [n.get("id") for n in main.find_all(cls="field-error")
                              if n.get("id") != "e-title"], "errors at other fields")

        # A valid change, seen on the dossier page (in French, title in Dutch).
        new_title = "Afsprakenkader klaar voor ondertekening (3RX), browsertest %s" % RUN
        self.set_field(d, "f-title", new_title)
        self.click_and_wait(d, self.submit_button(d, t("edit.save")))
        root = self.page(d)
        self.assertEqual([], root.find_all(id="form-errors"), "the valid change was refused")
        self.assertIn("/dossiers/%s" % MILESTONE_HOME, d.current_url)
        self.assertTrue(d.current_url.endswith("#" + MILESTONE), d.current_url)
        item = self.one(root, "milestone %s" % MILESTONE, "li", id=MILESTONE)
        strong = item.find_all("strong")
        self.assertTrue(strong, "the milestone has no title")
        self.assertEqual(new_title, strong[0].text(), "the new title is not on the dossier page")
        self.assert_lang_nl(strong[0], "the new title")
        self.expect_text("dossier.editItem", self.one(
            item, "edit link", "a", href="/milestones/%s/edit?from=%s" % (MILESTONE, DOSSIER)).text(),
            "edit link after saving")

    def check_edit_form(self, root, where):
        """Labels, hints and choices of the milestone form in French; every
        control labelled."""
        main = self.main(root)
        self.expect_text("app.edit.editTitle", self.one(main, "h1", "h1").text(),
                         "h1 of the edit form", kind_key="kind.milestone", id=MILESTONE)
        # (field, label key, required, hint key); the due field's hint is the
        # catalogue's form.milestones.titleHint, which is about the deadline.
        fields = [("dossierIDs", "form.milestones.dossierIDs", True, "form.milestones.dossierIDsHint"),
                  ("title", "form.milestones.title", True, None),
                  ("due", "form.milestones.due", True, "form.milestones.titleHint"),
                  ("ownerID", "form.milestones.ownerID", False, None),
                  ("status", "form.milestones.status", True, None),
                  ("achievedOn", "form.milestones.achievedOn", False, "form.milestones.statusHint"),
                  ("note", "form.milestones.note", False, "form.milestones.noteHint"),
                  ("documentID", "form.passage.documentID", False, None),
                  ("quote", "form.passage.quote", False, "form.passage.quoteHint"),
                  ("visibility", "form.common.visibility", True, "form.common.visibilityHint")]
        # Every control of the page is labelled; the header's search field is on every page and
        # is not one of the form's.
        controls = [c for c in self.assert_labelled_controls(root, where) if c.get("id") != "site-search"]
        self.assertEqual(sorted("f-" + f[0] for f in fields),
                         sorted(c.get("id") for c in controls), "controls of the form")
        for name, label_key, required, hint_key in fields:
            control = self.one(main, "#f-" + name, id="f-" + name)
            label = self.one(main, "label for f-" + name, "label", for_="f-" + name)
            self.expect_text(label_key, label.text(skip_hidden=True), "label of %s" % name)
            self.assertEqual(required, "*" in label.text(), "required mark of %s" % name)
            self.assertIs(label.parent, control.parent, "label of %s not with its field" % name)
            hints = [p.text() for p in control.parent.find_all("p", "hint")]
            if hint_key:
                self.assertEqual(1, len(hints), "hint of %s" % name)
                self.expect_text(hint_key, hints[0], "hint of %s" % name)
            else:
                self.assertEqual([], hints, "unexpected hint at %s" % name)
        for name, prefix in (("status", "milestoneStatus"), ("visibility", "visibility")):
            options = self.one(main, "#f-" + name, id="f-" + name).find_all("option")
            self.assertTrue(options, "#f-%s has no options" % name)
            for option in options:
                self.expect_text("%s.%s" % (prefix, option.get("value")), option.text(),
                                 "choice %s of %s" % (option.get("value"), name))
        form = self.one(main, "edit form", "form", "record-form")
        self.expect_text("edit.save", self.one(form, "save button", "button", type="submit").text(),
                         "save button")
        self.expect_text("edit.cancel", self.one(form, "cancel link", "a",
                                                 href="/dossiers/%s#%s" % (MILESTONE_HOME, MILESTONE)).text(),
                         "cancel link")

    # 6 ----------------------------------------------------------------------
    def test_5_planning_and_report(self):
        d = self.driver("visitor", language=FRENCH)

        root = self.goto(d, "/planning")
        self.menu_and_switcher(root, "fr")
        main = self.main(root)
        self.expect_text("app.title.planning", self.one(main, "h1", "h1").text(), "h1 of /planning")
        lead = self.one(main, "p.lead", "p", "lead")
        with self.soft("lead of /planning"):
            self.assertTrue(lead.text().startswith(t("planning.lead") + " "), lead.text())
        headers = [th.text() for th in main.find_all("th", scope="col")]
        with self.soft("column headings of /planning"):
            self.assertEqual([t(k) for k in ("common.body", "common.rule", "planning.nextDueBy",
                                             "planning.nextPlanned", "common.thisYear",
                                             "planning.nextYear")], headers)
        rows = main.find_all("tr")[1:]
        self.assertTrue(rows, "no bodies on /planning")
        rules = [template_regex(CATALOGUES["fr"][k]) for k in keys_under("cadence.rule")]
        for row in rows:
            name = self.one(row, "body link", "a")
            self.assert_lang_nl(name, "a body's name")
            cells = row.find_all("td")
            with self.soft("rule of %s" % name.text()):
                self.assertTrue(cells and [r for r in rules if r.match(cells[0].text())],
                                "rule %r is not a French cadence.rule" % (cells[0].text() if cells else None))
            for badge in row.find_all("span", "badge"):
                verdict = [c[len("compliance-"):] for c in badge.classes if c.startswith("compliance-")]
                self.assertTrue(verdict, badge.describe())
                with self.soft("verdict %s of %s" % (verdict[0], name.text())):
                    self.assertIn(badge.text(), (t("compliance." + verdict[0]),
                                                 t("app.planning.toBePlanned")))
            for warning in row.find_all("strong", "warning-text"):
                with self.soft("planning warning of %s" % name.text()):
                    self.assertTrue([k for k in ("app.planning.warning", "app.planning.warningBefore")
                                     if template_regex(CATALOGUES["fr"][k]).match(warning.text())],
                                    warning.text())

        path = "/bodies/%s/report?year=%s" % (BODY, REPORT_YEAR)
        root = self.goto(d, path)
        report_title = t("report.reportTitle")
        self.assertNotEqual(t("report.reportTitle", "nl"), report_title)
        title = self.one(root, "<title>", "title").text()
        h1 = self.one(root, "h1", "h1").text()
        with self.soft("title of the report"):
            self.assertTrue(title.startswith(report_title + " "), title)
            self.assertTrue(h1.startswith(report_title + " "), h1)
            self.assertNotIn(t("report.reportTitle", "nl"), h1)
        self.expect_text("report.contents", self.one(root, "h2#toc", "h2", id="toc").text(),
                         "table of contents")
        summary = self.one(root, "section#summary", "section", id="summary")
        self.expect_text("report.summary", self.one(summary, "h2", "h2").text(), "summary heading")
        self.expect_text("report.summaryIntro", summary.find_all("p")[0].text(), "summary intro")
        with self.soft("summary columns"):
            self.assertEqual([t(k) for k in ("report.dossier", "report.health", "report.reached",
                                             "report.missed", "report.next")],
                             [th.text() for th in summary.find_all("th", scope="col")])
        self.expect_text("report.sourceNote", self.one(summary, "p.note", "p", "note").text(),
                         "source note")
        for cell in summary.find_all("td", "health"):
            health = [c for c in cell.classes if c != "health"][0]
            self.expect_text("health." + health, cell.text(), "health in the summary")
        # No next milestone: the report's French word for none ("néant": it
        # agrees with every heading it stands under), never the Dutch "geen".
        nothing = {t("report.none"), t("common.none"), t("report.none", "nl")}
        empty_next = [row.find_all("td")[-1].text() for row in summary.find_all("tr")
                      if row.find_all("td") and row.find_all("td")[-1].text() in nothing]
        with self.soft("report: no next milestone"):
            self.assertTrue(empty_next, "some dossier has no next milestone in 2026")
            self.assertEqual([t("report.none")] * len(empty_next), empty_next,
                             "column %r" % t("report.next"))

        sections = root.find_all("section", "dossier")
        self.assertTrue(sections, "no dossier sections in the report")
        expected_h3 = [t("report." + k) for k in (
            "milestonesReachedInPeriod", "milestonesMissedInPeriod", "nextMilestones",
            "decisionsTaken", "actionsOpen", "investments", "agreementsCompletion")]
        for section in sections:
            if section.get("id") == "general":
                continue
            with self.soft("headings of report section %s" % section.get("id")):
                self.assertEqual(expected_h3, [h.text() for h in section.find_all("h3")])
        # Register content in the report is Dutch; marked as such, as on every page.
        with self.soft("dossier titles in the report marked lang=nl"):
            unmarked = [h.text() for s in sections if s.get("id") != "general"
                        for h in s.find_all("h2") if h.lang() != "nl"]
            self.assertEqual([], unmarked, "Dutch dossier titles in the French report "
                             "without lang=\"nl\"")
        # French typography: a space before the colon (common.colon is " :",
        # as in "Source :" and "Au plus tard :" on the other pages).
        colon = " ".join(CATALOGUES["fr"]["common.colon"].split(" "))
        self.assertEqual(" :", colon)
        meta = self.one(root, "p.meta", "p", "meta").text()
        health_line = self.one(sections[0], "health line", "span", "health").text()
        with self.soft("report: a space before the colon"):
            for line, key in ((meta, "report.periodLabel"), (health_line, "report.health")):
                self.assertTrue(line.startswith(t(key) + colon + " "),
                                "%r does not start with %r" % (line, t(key) + colon + " "))
        with self.soft("report: date of the report"):
            self.assertRegex(meta, r"%s %s\Z" % (re.escape(t("report.generatedOn")),
                                                FRENCH_DATE.pattern))


if __name__ == "__main__":
    if not PASSWORD:
        print("DELTABERAAD_PASSWORD is not set", file=sys.stderr)
        sys.exit(2)
    unittest.main(verbosity=2)
