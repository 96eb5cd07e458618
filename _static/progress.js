/* A learner's record, kept on their own device (issue 21).

   What is kept: the pages of the course visited (how often, first and last
   time), the furthest section reached in each, each prediction made before a
   chapter's main widget, and each self-check quiz's attempts and current answers.  Where:
   the browser's own storage (localStorage) under one key named after the
   book's address, so two books on one site keep separate records.  Nothing is
   sent anywhere: no cookies, no requests, no identifiers.  The "Your progress"
   page (chapters/progress.md) shows the record, downloads it (JSON and a
   printable page), loads one from another device and erases it.  With storage
   blocked or full the book works as before and says that progress is not kept.
   The record's shape is checked by meishiProgress.validate, used both for
   files a learner loads and for the teacher's class page (progress-class.js);
   tests/browser/test_progress.py drives all of it. */
(() => {
  "use strict";

  const FORMAT = "meishi-progress";
  const VERSION = 1;
  const MAX_FILE = 2 * 1024 * 1024; // a real record is a few kB
  const root = new URL(document.documentElement.dataset.content_root || "./", location.href);
  const KEY = `meishi-progress:${root.pathname}`;

  /* ---- the record and its checks ---- */
  const empty = () => ({ format: FORMAT, version: VERSION, pages: {} });
  const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  const isCount = (v) => Number.isInteger(v) && v >= 0 && v < 1e7;
  const isText = (v, max = 300) => typeof v === "string" && v.length <= max;
  const PAGE_KEY = /^[A-Za-z0-9_\-/.]{1,200}$/;
  const QUESTION_KEY = /^quiz-[0-9a-f]{8}-q\d{1,3}$/;
  const PREDICTION_KEY = /^[a-z0-9-]{1,60}$/;
  const OUTCOMES = ["close", "low", "high", "right", "wrong", "skipped"];

  /** Problems with a record (an empty list when it is sound). */
  const validate = (data) => {
    if (!isObj(data)) return ["the file does not hold a progress record (a JSON object)"];
    if (data.format !== FORMAT) return ["the file is not a progress record of this course"];
    if (!Number.isInteger(data.version)) return ["the record gives no version"];
    if (data.version > VERSION) {
      return [`the record was made by a newer version of the course (format ${data.version}; ` +
              `this book reads format ${VERSION})`];
    }
    if (data.version < 1) return [`format ${data.version} is not one this book has ever written`];
    if (!isObj(data.pages)) return ["the record has no list of pages"];
    const problems = [];
    if ("name" in data && !isText(data.name, 120)) problems.push("the name is not short text");
    for (const [key, page] of Object.entries(data.pages)) {
      const at = `page "${String(key).slice(0, 60)}"`;
      if (!PAGE_KEY.test(key)) { problems.push(`${at}: not a page of a book`); continue; }
      if (!isObj(page)) { problems.push(`${at}: not a page entry`); continue; }
      for (const field of ["visits", "sections", "furthest", "questions", "predictionsTotal"]) {
        if (field in page && !isCount(page[field])) problems.push(`${at}: ${field} is not a count`);
      }
      for (const field of ["title", "furthestTitle", "first", "last"]) {
        if (field in page && !isText(page[field])) problems.push(`${at}: ${field} is not short text`);
      }
      if ("done" in page && typeof page.done !== "boolean") problems.push(`${at}: done is not true or false`);
      if ("predictions" in page) {
        if (!isObj(page.predictions)) problems.push(`${at}: predictions is not a list`);
        else {
          for (const [id, entry] of Object.entries(page.predictions)) {
            const where = `${at}, prediction "${String(id).slice(0, 40)}"`;
            if (!PREDICTION_KEY.test(id) || !isObj(entry) || !OUTCOMES.includes(entry.outcome)) {
              problems.push(`${where}: not a prediction`);
            } else if (["guess", "answer"].some((f) => f in entry && !Number.isFinite(entry[f]))) {
              problems.push(`${where}: not a number`);
            }
          }
        }
      }
      if ("quiz" in page) {
        if (!isObj(page.quiz)) { problems.push(`${at}: quiz is not a list of questions`); continue; }
        for (const [q, entry] of Object.entries(page.quiz)) {
          const where = `${at}, question "${String(q).slice(0, 40)}"`;
          if (!QUESTION_KEY.test(q) || !isObj(entry)) { problems.push(`${where}: not a quiz question`); continue; }
          if (!isCount(entry.attempts)) problems.push(`${where}: attempts is not a count`);
          if ("answer" in entry && !(isText(entry.answer, 40) && entry.answer.startsWith(q + "-o"))) {
            problems.push(`${where}: the answer is not one of its options`);
          }
          if ("correct" in entry && typeof entry.correct !== "boolean") {
            problems.push(`${where}: correct is not true or false`);
          }
        }
      }
    }
    return problems;
  };

  /** Parse a file's text into a record, or throw an Error whose message a learner can read. */
  const parse = (text) => {
    if (typeof text !== "string" || !text.trim()) throw new Error("The file is empty.");
    if (text.length > MAX_FILE) throw new Error("The file is far larger than a progress record; nothing was loaded.");
    let data;
    try { data = JSON.parse(text.replace(/^\uFEFF/, "")); } catch (e) {
      throw new Error("The file is not a progress record: it is not valid JSON.");
    }
    const problems = validate(data);
    if (problems.length) {
      const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : "";
      throw new Error(`The file was not loaded: ${problems.slice(0, 3).join("; ")}${more}.`);
    }
    return data;
  };

  const latest = (a, b) => (!a ? b : !b ? a : a > b ? a : b);
  const earliest = (a, b) => (!a ? b : !b ? a : a < b ? a : b);

  /** Two records as one: the furthest reading, the most attempts, the latest answers. */
  const merge = (mine, theirs) => {
    const out = JSON.parse(JSON.stringify(mine));
    for (const [key, page] of Object.entries(theirs.pages)) {
      const have = out.pages[key] || {};
      const newer = (page.last || "") > (have.last || "");
      const merged = { ...have, ...(newer ? page : {}) };
      merged.visits = (have.visits || 0) + (page.visits || 0);
      merged.first = earliest(have.first, page.first);
      merged.last = latest(have.last, page.last);
      if ((page.furthest || 0) > (have.furthest || 0)) {
        merged.furthest = page.furthest;
        merged.furthestTitle = page.furthestTitle;
      } else if (have.furthest !== undefined) {
        merged.furthest = have.furthest;
        merged.furthestTitle = have.furthestTitle;
      }
      merged.done = Boolean(have.done || page.done);
      const quiz = { ...(have.quiz || {}) };
      for (const [q, entry] of Object.entries(page.quiz || {})) {
        const old = quiz[q];
        quiz[q] = !old ? { ...entry } : {
          ...(newer ? entry : old),
          attempts: Math.max(old.attempts || 0, entry.attempts || 0),
        };
      }
      merged.quiz = quiz;
      merged.predictions = newer ? { ...(have.predictions || {}), ...(page.predictions || {}) }
        : { ...(page.predictions || {}), ...(have.predictions || {}) };
      out.pages[key] = merged;
    }
    if (theirs.name && !out.name) out.name = theirs.name;
    return out;
  };

  /* ---- storage: every failure leaves the book working and is said once ---- */
  let storageOk = true;
  let storageProblem = "";
  const probe = () => {
    try {
      localStorage.setItem(`${KEY}:probe`, "1");
      localStorage.removeItem(`${KEY}:probe`);
    } catch (e) {
      storageOk = false;
      storageProblem = "This browser's storage for the book is full or blocked, so your progress " +
        "is not being kept. Everything else works as usual.";
    }
  };
  const load = () => {
    try {
      const text = localStorage.getItem(KEY);
      if (!text) return empty();
      const data = JSON.parse(text);
      if (validate(data).length) {
        storageProblem = "The progress kept in this browser could not be read, so it is not shown; " +
          "it is left as it was. Download it below to keep a copy, or erase it to start again.";
        storageOk = false;
        return empty();
      }
      return data;
    } catch (e) {
      storageOk = false;
      storageProblem = "This browser does not let the book keep anything (private window or " +
        "blocked storage), so your progress is not being kept. Everything else works as usual.";
      return empty();
    }
  };
  let record = load();
  if (storageOk) probe();
  const save = () => {
    if (!storageOk) return false;
    try {
      localStorage.setItem(KEY, JSON.stringify(record));
      return true;
    } catch (e) {
      storageOk = false;
      storageProblem = "This browser's storage for the book is full or blocked, so your progress " +
        "is not being kept from here on. The “Your progress” page can still download what was kept.";
      showStorageNote();
      return false;
    }
  };

  /* ---- this page ---- */
  const pageKey = (() => {
    const rel = decodeURIComponent(location.pathname).slice(decodeURIComponent(root.pathname).length);
    return rel.replace(/\.html$/, "").replace(/\/$/, "/index") || "index";
  })();
  const now = () => new Date().toISOString();

  /** The course's pages that count as chapters: the sidebar's parts before the one with teachers'
      pages, except a part holding this record's own page. */
  const chapterLinks = () => {
    const links = [];
    for (const caption of document.querySelectorAll(".bd-sidenav .caption, nav.bd-links .caption")) {
      const list = caption.nextElementSibling;
      if (!list) continue;
      const anchors = Array.from(list.querySelectorAll(":scope > li > a.reference.internal"));
      if (anchors.some((a) => /(^|\/)teachers\//.test(keyOf(a)))) break;
      if (anchors.some((a) => /(^|\/)progress(\.html)?$/.test(keyOf(a) || ""))) continue;
      links.push(...anchors);
    }
    return links;
  };
  const keyOf = (a) => {
    if (!a.getAttribute("href") || a.getAttribute("href") === "#") return pageKey;
    const url = new URL(a.getAttribute("href"), location.href);
    const rel = decodeURIComponent(url.pathname).slice(decodeURIComponent(root.pathname).length);
    return rel.replace(/\.html$/, "") || "index";
  };

  const sections = () => Array.from(document.querySelectorAll(".bd-article section > h2"))
    .map((h) => h.parentElement);
  const headingText = (section) => {
    const h = section.querySelector("h2");
    return h ? h.textContent.replace(/[#¶]\s*$/, "").trim().slice(0, 200) : "";
  };

  const trackPage = () => {
    const list = sections();
    const questions = document.querySelectorAll(".meishi-quiz:not(.meishi-quiz-no-key) fieldset").length;
    const isChapter = chapterLinks().some((a) => keyOf(a) === pageKey);
    if (!isChapter) return null;
    const page = record.pages[pageKey] || { visits: 0, furthest: 0, quiz: {} };
    page.title = (document.querySelector(".bd-article h1") || document.querySelector("title"))
      .textContent.replace(/[#¶]\s*$/, "").trim().slice(0, 200);
    page.visits = (page.visits || 0) + 1;
    page.first = page.first || now();
    page.last = now();
    page.sections = list.length;
    page.questions = questions;
    page.predictionsTotal = document.querySelectorAll(".meishi-predict").length;
    record.pages[pageKey] = page;
    save();
    return { page, list };
  };

  const watchReading = ({ page, list }) => {
    if (!list.length || !("IntersectionObserver" in window)) return;
    const reached = (index) => {
      page.last = now();
      if (index + 1 > (page.furthest || 0)) {
        page.furthest = index + 1;
        page.furthestTitle = headingText(list[index]);
      }
      if (index === list.length - 1) page.done = true;
      save();
    };
    list.forEach((s, i) => { s.querySelector("h2").dataset.meishiSection = String(i); });
    const seen = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) reached(Number(entry.target.dataset.meishiSection));
      }
    }, { rootMargin: "0px 0px -60% 0px" });
    for (const s of list) seen.observe(s.querySelector("h2"));
    // the last sections of a page may never reach the top of the screen: at the bottom of
    // the page, every heading on screen counts as reached
    let queued = false;
    const atBottom = () => {
      queued = false;
      const doc = document.documentElement;
      if (window.innerHeight + window.scrollY < doc.scrollHeight - 4) return;
      list.forEach((s, i) => {
        if (s.querySelector("h2").getBoundingClientRect().top < window.innerHeight) reached(i);
      });
    };
    window.addEventListener("scroll", () => {
      if (!queued) { queued = true; requestAnimationFrame(atBottom); }
    }, { passive: true });
  };

  const offerToContinue = ({ page, list }) => {
    const index = (page.furthest || 0) - 1;
    if (page.visits < 2 || index < 1 || page.done || location.hash || !list[index]) return;
    const bar = document.createElement("div");
    bar.className = "meishi-continue";
    bar.setAttribute("role", "region");
    bar.setAttribute("aria-label", "Continue reading");
    const text = document.createElement("p");
    text.textContent = `Last time you reached "${headingText(list[index])}".`;
    const go = document.createElement("button");
    go.type = "button";
    go.textContent = "Continue there";
    const stay = document.createElement("button");
    stay.type = "button";
    stay.textContent = "Start from the top";
    go.addEventListener("click", () => {
      bar.remove();
      const h = list[index].querySelector("h2");
      h.setAttribute("tabindex", "-1");
      h.scrollIntoView();
      h.focus({ preventScroll: true });
    });
    stay.addEventListener("click", () => bar.remove());
    bar.append(text, go, stay);
    const h1 = document.querySelector(".bd-article h1");
    if (h1) h1.after(bar);
  };

  /* ---- quizzes: record each check, restore the current answers ---- */
  const watchQuizzes = (page) => {
    document.addEventListener("click", (event) => {
      const button = event.target instanceof Element ? event.target.closest(".meishi-quiz-check") : null;
      if (!button || button.dataset.meishiRestoring) return;
      const box = button.closest("fieldset");
      const chosen = box && box.querySelector("input[type=radio]:checked");
      if (!chosen) return;
      const q = chosen.name;
      if (!QUESTION_KEY.test(q)) return;
      const entry = page.quiz[q] || { attempts: 0 };
      entry.attempts += 1;
      entry.answer = chosen.id;
      entry.correct = chosen.getAttribute("data-correct") === "true";
      page.quiz[q] = entry;
      page.last = now();
      save();
    });
    for (const [q, entry] of Object.entries(page.quiz || {})) {
      const input = entry.answer ? document.getElementById(entry.answer) : null;
      if (!input || input.name !== q) continue;
      input.checked = true;
      const check = input.closest("fieldset").querySelector(".meishi-quiz-check");
      if (check) {
        check.dataset.meishiRestoring = "1";
        check.click(); // shows the saved answer's feedback, not counted as an attempt
        delete check.dataset.meishiRestoring;
      }
    }
  };

  /* ---- predictions (meishi.kit.predict): keep each, show it again on return ---- */
  const watchPredictions = (page) => {
    document.addEventListener("meishi-prediction", (event) => {
      const d = event.detail || {};
      if (!PREDICTION_KEY.test(String(d.id)) || !OUTCOMES.includes(d.outcome)) return;
      const entry = { outcome: d.outcome };
      if (Number.isFinite(d.guess)) entry.guess = d.guess;
      if (Number.isFinite(d.answer)) entry.answer = d.answer;
      page.predictions = { ...(page.predictions || {}), [d.id]: entry };
      page.last = now();
      save();
    });
    for (const [id, entry] of Object.entries(page.predictions || {})) {
      document.dispatchEvent(new CustomEvent("meishi-prediction-restore", { detail: { id, ...entry } }));
    }
  };

  /* ---- marks in the table of contents ---- */
  const markContents = () => {
    for (const a of chapterLinks()) {
      const page = record.pages[keyOf(a)];
      if (!page || a.querySelector(".meishi-mark")) continue;
      const mark = document.createElement("span");
      mark.className = `meishi-mark${page.done ? " is-done" : ""}`;
      const label = page.done ? "read to the end" : "started";
      mark.innerHTML = `<span aria-hidden="true">${page.done ? "✓" : "◐"}</span>`;
      const hidden = document.createElement("span");
      hidden.className = "meishi-visually-hidden";
      hidden.textContent = ` (${label})`;
      mark.append(hidden);
      mark.title = page.done ? "Read to the end (kept on this device)" : "Started (kept on this device)";
      a.append(mark);
    }
  };

  const showStorageNote = () => {
    if (storageOk || document.querySelector(".meishi-storage-note")) return;
    const note = document.createElement("p");
    note.className = "meishi-storage-note";
    note.setAttribute("role", "note");
    note.textContent = storageProblem;
    const nav = document.querySelector(".bd-sidebar-primary .sidebar-primary-items__end") ||
      document.querySelector(".bd-sidebar-primary");
    if (nav) nav.append(note);
  };

  /* ---- summaries for the progress page and the teacher's class page ---- */
  const summarise = (rec, key) => {
    const page = rec.pages[key];
    if (!page) return { read: "not opened", quiz: "—", predictions: "—", started: false };
    const entries = Object.values(page.quiz || {});
    const right = entries.filter((e) => e.correct).length;
    const read = page.done ? "read to the end"
      : page.sections ? `section ${page.furthest || 0} of ${page.sections}` : "opened";
    const quiz = page.questions
      ? `${right} of ${page.questions} right` + (entries.length < page.questions
        ? ` (${entries.length} answered)` : "")
      : "no quiz";
    const made = Object.values(page.predictions || {}).filter((p) => p.outcome !== "skipped");
    const near = made.filter((p) => p.outcome === "close" || p.outcome === "right").length;
    const predictions = page.predictionsTotal
      ? `${made.length} of ${page.predictionsTotal} made` + (made.length ? `, ${near} close to the model` : "")
      : "none";
    return { read, quiz, predictions, started: true, right, answered: entries.length,
             questions: page.questions || 0 };
  };

  window.meishiProgress = Object.freeze({
    FORMAT, VERSION, validate, parse, merge, summarise, chapterLinks, keyOf,
    get record() { return JSON.parse(JSON.stringify(record)); },
    get storageOk() { return storageOk; },
    get storageProblem() { return storageProblem; },
    /** Replace the record (after a load) and keep it. */
    replace(next) { record = next; return save(); },
    erase() {
      record = empty();
      try { localStorage.removeItem(KEY); } catch (e) { /* nothing was kept */ }
    },
  });

  const start = () => {
    const here = trackPage();
    if (here) {
      watchReading(here);
      offerToContinue(here);
      watchQuizzes(here.page);
      watchPredictions(here.page);
    }
    markContents();
    showStorageNote();
    document.dispatchEvent(new CustomEvent("meishi-progress-ready"));
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
