#!/usr/bin/env python3
"""The office server's web application in a real browser (Debian's chromium and chromium-driver, through selenium):
a clerk logs in, logs a petition through the form, records a letter, a case note and a receipt, sees them on the dashboard,
searches, opens the report, attaches a file and downloads it byte for byte, searches from the page header; a reader
is refused a form; log out. On a failure, screenshots at 400 and 1400 px go
to the folder given by --shots. Prints 'N passed, N failed'."""
import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
import traceback

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait


def run(bin_, db, *args, stdin=None):
    return subprocess.run([bin_, "--db", db, "--actor", "setup", *args], input=stdin, text=True, capture_output=True, check=True).stdout


def setup(bin_, folder):
    db = os.path.join(folder, "office.sqlite")
    run(bin_, db, "init", "--office", "browser")
    run(bin_, db, "authority", "add", "--name", "Moscow postal-telegraph supply centre", "--handle", "moscow-supply", "--on", "1919-01-01")
    run(bin_, db, "group", "add", "--name", "Postal-telegraph employees of the Dmitrov district", "--handle", "dmitrov-post",
        "--count", "employee=125", "--on", "1919-01-01")
    run(bin_, db, "decree", "add", "--handle", "decree-1918", "--name", "Decree of 15 August 1918", "--issued", "1918-08-15",
        "--supplier", "moscow-supply", "--ration", "employee: 8 funt wheat")
    run(bin_, db, "enrol", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--from", "1919-09-01")
    run(bin_, db, "delivery", "schedule", "--decree", "decree-1918", "--from", "1920-01", "--to", "1920-02")
    run(bin_, db, "user", "add", "clerk", "--role", "clerk", "--password-stdin", stdin="clerk passphrase\n")
    run(bin_, db, "user", "add", "reader", "--role", "reader", "--password-stdin", stdin="reader passphrase\n")
    return db


def gone(element):
    """A wait condition: `element` has left the document. chromium 156's driver says so either as a stale element or,
    while the next page replaces it, as an inspector error ("Node with given id does not belong to the document"),
    which selenium's own staleness_of does not take for an answer."""
    def predicate(_):
        try:
            element.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as e:
            if "does not belong to the document" in str(e) or "No node with given id" in str(e):
                return True
            raise
    return predicate


def loaded(driver):
    """A wait condition: the page that replaced the last one has finished loading."""
    try:
        return driver.execute_script("return document.readyState") == "complete"
    except WebDriverException:
        return False


class Browser:
    def __init__(self, base, shots, downloads):
        options = webdriver.ChromeOptions()
        # Downloads go, without asking, to a folder of this run.
        options.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False,
                                                  "download.directory_upgrade": True, "safebrowsing.enabled": False})
        options.binary_location = "/usr/bin/chromium"
        for a in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1400,1000"]:
            options.add_argument(a)
        self.driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        self.driver.set_page_load_timeout(30)
        self.driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
        self.downloads = downloads
        self.base = base
        self.shots = shots

    def go(self, path):
        self.driver.get(self.base + path)
        WebDriverWait(self.driver, 20).until(loaded)

    def fill(self, form_action, values, submit=True):
        form = self.driver.find_element(By.CSS_SELECTOR, f'form[action="{form_action}"]')
        for name, value in values.items():
            field = form.find_element(By.NAME, name)
            if field.tag_name == "select":
                Select(field).select_by_value(value)
            elif field.get_attribute("type") == "file":
                field.send_keys(value)
            elif field.get_attribute("type") == "date":
                # A date input's typing order depends on the browser's locale; the value is ISO whatever it shows.
                b_value = value[4:8] + "-" + value[0:2] + "-" + value[2:4]
                self.driver.execute_script("arguments[0].value = arguments[1];", field, b_value)
            else:
                field.clear()
                field.send_keys(value)
            # Every input has a label.
            assert form.find_elements(By.CSS_SELECTOR, f'label[for="{field.get_attribute("id")}"]'), f"no label for {name}"
        if submit:
            form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
            # The next page has replaced this one once the form is gone from the document.
            WebDriverWait(self.driver, 20).until(gone(form))
            WebDriverWait(self.driver, 20).until(loaded)

    def text(self):
        return self.driver.find_element(By.TAG_NAME, "body").text

    def log_in(self, name, password):
        self.go("/login")
        self.fill("/login", {"name": name, "password": password})

    def log_out(self):
        form = WebDriverWait(self.driver, 20).until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "form.logout")))
        form.find_element(By.TAG_NAME, "button").click()
        WebDriverWait(self.driver, 20).until(gone(form))
        WebDriverWait(self.driver, 20).until(loaded)

    def screenshots(self, label):
        os.makedirs(self.shots, exist_ok=True)
        for width in (400, 1400):
            self.driver.set_window_size(width, 1000)
            self.driver.save_screenshot(os.path.join(self.shots, f"{label}-{width}.png"))
        self.driver.set_window_size(1400, 1000)


def test_clerk_records_and_sees(b):
    b.go("/petitions")
    assert "/login" in b.driver.current_url, b.driver.current_url
    b.fill("/login", {"name": "clerk", "password": "clerk passphrase"})
    assert b.driver.current_url.endswith("/petitions"), b.driver.current_url
    b.go("/petitions/new")
    b.fill("/petitions", {"from": "dmitrov-post", "to": "moscow-supply", "subject": "January provisions <not> delivered", "on": "01201920"})
    assert "/petitions/1" in b.driver.current_url, b.driver.current_url
    assert "January provisions <not> delivered" in b.text()
    b.fill("/petitions/1/letters", {"direction": "sent", "from": "dmitrov-post", "to": "moscow-supply", "on": "01211920",
                                    "subject": "Appeal to the supply centre"})
    assert "Appeal to the supply centre" in b.text(), b.text()
    b.fill("/petitions/1/notes", {"text": "Telephoned the supply centre <twice>", "on": "01221920"})
    assert "/petitions/1" in b.driver.current_url, b.driver.current_url
    assert "1920-01-22 Telephoned the supply centre <twice>" in b.text(), b.text()
    b.go("/deliveries")
    b.fill("/deliveries/receipts", {"decree": "decree-1918", "recipient": "dmitrov-post", "period": "1920-01", "on": "01091920",
                                    "quantity": "500 funt wheat"})
    assert "partial" in b.text(), b.text()
    b.go("/?as_of=1920-03-04")
    text = b.text()
    assert "Appeal to the supply centre" in text and "Postal-telegraph employees of the Dmitrov district" in text, text
    b.go("/petitions?search=january")
    assert "January provisions" in b.text()
    b.go("/petitions?search=nothing-like-it")
    assert "No petition matches" in b.text()
    b.go("/report")
    assert "Status report" in b.text()
    b.driver.find_element(By.LINK_TEXT, "markdown")
    dashboard = b.driver.find_element(By.LINK_TEXT, "Dashboard")
    dashboard.click()
    # The report's page must be gone before the log-out form is looked for: found on it, the form is taken away
    # under the click by the dashboard arriving.
    WebDriverWait(b.driver, 20).until(gone(dashboard))
    WebDriverWait(b.driver, 20).until(loaded)
    b.log_out()
    assert "/login" in b.driver.current_url


def test_bad_form_comes_back(b):
    b.log_in("clerk", "clerk passphrase")
    b.go("/petitions/new")
    b.fill("/petitions", {"from": "nobody-at-all", "to": "moscow-supply", "subject": "Typed subject", "on": "02011920"})
    field = b.driver.find_element(By.NAME, "subject")
    assert field.get_attribute("value") == "Typed subject"
    assert "nobody-at-all" in b.driver.find_element(By.CSS_SELECTOR, ".field.invalid .error").text
    b.log_out()


def test_reader_refused_a_form(b):
    b.log_in("reader", "reader passphrase")
    b.go("/petitions/new")
    assert "403" in b.text(), b.text()
    b.go("/deliveries")
    assert not b.driver.find_elements(By.CSS_SELECTOR, 'form[action="/deliveries/receipts"]')
    b.go("/")
    b.log_out()


def test_attach_and_download(b):
    b.log_in("clerk", "clerk passphrase")
    b.go("/petitions/1")
    content = bytes(random.Random(1920).randrange(256) for _ in range(5000)) + bytes(range(256))
    upload = os.path.join(tempfile.mkdtemp(prefix="petitions-upload-"), "ответ 1920.bin")
    with open(upload, "wb") as f:
        f.write(content)
    b.fill("/petitions/1/attachments", {"letter": "1", "file": upload, "title": "Reply <scanned>"})
    assert b.driver.current_url.endswith("/petitions/1"), b.driver.current_url
    assert "Reply <scanned>" in b.text(), b.text()
    b.driver.find_element(By.CSS_SELECTOR, 'a[href="/attachments/1"]').click()
    target = os.path.join(b.downloads, "ответ 1920.bin")
    deadline = time.time() + 30
    while not os.path.exists(target) and time.time() < deadline:
        time.sleep(0.2)
    assert os.path.exists(target), os.listdir(b.downloads)
    with open(target, "rb") as f:
        assert f.read() == content, "the download differs from the file attached"
    b.log_out()


def test_parties_and_corrections(b):
    b.log_in("clerk", "clerk passphrase")
    b.driver.find_element(By.LINK_TEXT, "Parties").click()
    WebDriverWait(b.driver, 20).until(loaded)
    assert "Postal-telegraph employees of the Dmitrov district" in b.text() and "125 employee" in b.text(), b.text()
    b.driver.find_element(By.LINK_TEXT, "Add a petitioner").click()
    WebDriverWait(b.driver, 20).until(loaded)
    b.fill("/parties/new/petitioner", {"name": "Ivan Petrov", "handle": "petrov", "group": "dmitrov-post",
                                       "dependant": "Anna Petrova:incapacitated\nPyotr:child"})
    assert b.driver.current_url.endswith("/parties/petrov"), b.driver.current_url
    assert "Anna Petrova (incapacitated)" in b.text() and "Pyotr (child)" in b.text(), b.text()
    b.driver.find_element(By.LINK_TEXT, "Correct this party").click()
    WebDriverWait(b.driver, 20).until(loaded)
    b.fill("/parties/petrov/edit", {"phone": "12-34"})
    assert "Corrected Ivan Petrov: phone." in b.text(), b.text()
    # The receipt recorded in the first test, voided on its delivery's page: listed still, counting for nothing.
    b.go("/deliveries/1")
    b.fill("/deliveries/1/void-receipt", {"reason": "Recorded against the wrong month"})
    # The receipt row says why, when and by whom it was voided, and that it counts for nothing.
    assert "voided: Recorded against the wrong month" in b.text() and "counts for nothing" in b.text(), b.text()
    b.log_out()


def test_search_from_the_header(b):
    b.log_in("reader", "reader passphrase")
    b.go("/deliveries")
    box = b.driver.find_element(By.ID, "site-search")
    box.send_keys("january")
    form = b.driver.find_element(By.CSS_SELECTOR, "form.search")
    form.find_element(By.TAG_NAME, "button").click()
    WebDriverWait(b.driver, 20).until(gone(form))
    WebDriverWait(b.driver, 20).until(loaded)
    assert "/search?q=january" in b.driver.current_url, b.driver.current_url
    marks = [m.text for m in b.driver.find_elements(By.CSS_SELECTOR, "td.snippet mark")]
    assert "January" in marks, marks
    b.driver.find_element(By.LINK_TEXT, "January provisions <not> delivered").click()
    assert b.driver.current_url.endswith("/petitions/1"), b.driver.current_url
    b.go('/search?q=%22unbalanced')
    assert '"unbalanced' in b.driver.find_element(By.CSS_SELECTOR, ".field.invalid .error").text
    assert b.driver.find_element(By.ID, "search-q").get_attribute("value") == '"unbalanced'
    b.log_out()


def test_long_words_fit_a_narrow_screen(b):
    """A subject or a note that is one long word (an archive's address) wraps at 400 px instead of widening the page."""
    b.log_in("clerk", "clerk passphrase")
    b.go("/petitions/new")
    address = "https://archive.example.org/fond/1920/opis/3/delo/0004/list/17-verso-and-following"
    b.fill("/petitions", {"from": "dmitrov-post", "to": "moscow-supply", "subject": "See " + address, "on": "01211920"})
    page = b.driver.current_url.removeprefix(b.base)
    b.fill(page + "/notes", {"text": address + "-pages", "on": "01221920"})
    assert address + "-pages" in b.text(), b.text()
    b.driver.set_window_size(400, 1000)
    try:
        b.go(page)
        width, inner = b.driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
        assert width <= inner, f"the page is {width} px wide in a window {inner} px wide"
    finally:
        b.driver.set_window_size(1400, 1000)
    b.log_out()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bin", required=True)
    p.add_argument("--shots", default="browser-screenshots")
    args = p.parse_args()
    folder = tempfile.mkdtemp(prefix="petitions-browser-")
    db = setup(args.bin, folder)
    port = random.randint(20000, 60000)
    server = subprocess.Popen([args.bin, "--db", db, "serve", "--port", str(port)], stdout=subprocess.PIPE, text=True)
    passed = failed = 0
    b = None
    try:
        line = server.stdout.readline()
        assert line.startswith("Serving "), line
        b = Browser(f"http://127.0.0.1:{port}", args.shots, tempfile.mkdtemp(prefix="petitions-downloads-"))
        tests = [test_clerk_records_and_sees, test_bad_form_comes_back, test_attach_and_download, test_search_from_the_header,
                 test_parties_and_corrections, test_reader_refused_a_form, test_long_words_fit_a_narrow_screen]
        for test in tests:
            try:
                test(b)
                passed += 1
                print(f"ok {test.__name__}")
            except Exception:
                failed += 1
                print(f"FAILED {test.__name__}")
                traceback.print_exc()
                b.screenshots(test.__name__)
    finally:
        if b:
            b.driver.quit()
        server.terminate()
        server.wait(timeout=30)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
