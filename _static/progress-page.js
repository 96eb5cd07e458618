/* The "Your progress" page (#meishi-progress, chapters/progress.md) and the
   teacher's class page (#meishi-class-records, chapters/teachers/class_records.md),
   drawn from the record progress.js keeps.  Everything happens in the page:
   files are read with the browser's FileReader and made with a Blob; nothing
   is uploaded.  Text from a record (a name, a title) is always set as text. */
(() => {
  "use strict";

  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === "text") node.textContent = v;
      else node.setAttribute(k, v);
    }
    node.append(...children);
    return node;
  };
  const button = (label, onClick, extra = {}) => {
    const b = el("button", { type: "button", class: "meishi-progress-button", ...extra }, label);
    b.addEventListener("click", onClick);
    return b;
  };
  const readFile = (file) => new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error("The file could not be read."));
    reader.readAsText(file);
  });
  const when = (iso) => {
    if (!iso) return "—";
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? "—" : d.toISOString().slice(0, 10);
  };
  const chapters = (P) => P.chapterLinks().map((a) => ({
    key: P.keyOf(a),
    title: a.textContent.replace(/\s*\((read to the end|started)\)\s*$/, "").replace(/[✓◐]/g, "").trim(),
  }));

  /* ---- the learner's own page ---- */
  const progressPage = (P, host) => {
    host.textContent = "";
    const status = el("p", { class: "meishi-progress-status", role: "status", "aria-live": "polite" });
    const table = el("table", { class: "meishi-progress-table" });
    const nameInput = el("input", { type: "text", id: "meishi-progress-name", maxlength: "120",
      autocomplete: "name", spellcheck: "false" });
    const nameRow = el("p", { class: "meishi-progress-name" },
      el("label", { for: "meishi-progress-name",
        text: "Your name, for a teacher (optional; kept only here and in files you download): " }),
      nameInput);
    const fileInput = el("input", { type: "file", id: "meishi-progress-file",
      accept: ".json,application/json", class: "meishi-visually-hidden" });
    const fileLabel = el("label", { for: "meishi-progress-file", class: "meishi-progress-button",
      text: "Load a record from a file…" });
    const confirmBox = el("p", { class: "meishi-progress-confirm", hidden: "" });
    const printLine = el("p", { class: "meishi-print-only" });
    const say = (text) => { status.textContent = text; };

    const draw = () => {
      const rec = P.record;
      nameInput.value = rec.name || "";
      printLine.textContent = `Progress of ${rec.name || "(no name given)"}, as kept in this browser, ` +
        `printed on ${new Date().toISOString().slice(0, 10)}.`;
      table.textContent = "";
      table.append(el("caption", { text: "Your progress in each chapter (kept on this device)" }));
      table.append(el("thead", {}, el("tr", {},
        el("th", { scope: "col", text: "Chapter" }), el("th", { scope: "col", text: "Reading" }),
        el("th", { scope: "col", text: "Predictions" }), el("th", { scope: "col", text: "Self-check quiz" }),
        el("th", { scope: "col", text: "Last opened" }))));
      const body = el("tbody");
      for (const ch of chapters(P)) {
        const s = P.summarise(rec, ch.key);
        const link = el("a", { href: new URL(`${ch.key}.html`, new URL(
          document.documentElement.dataset.content_root || "./", location.href)).href, text: ch.title });
        body.append(el("tr", {}, el("th", { scope: "row" }, link), el("td", { text: s.read }),
          el("td", { text: s.predictions }), el("td", { text: s.quiz }), el("td", { text: when((rec.pages[ch.key] || {}).last) })));
      }
      table.append(body);
    };

    nameInput.addEventListener("change", () => {
      const rec = P.record;
      const name = nameInput.value.replace(/[\u0000-\u001f\u007f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g, "").trim();
      if (name) rec.name = name.slice(0, 120); else delete rec.name;
      nameInput.value = rec.name || "";
      const kept = P.replace(rec);
      draw();
      say(kept ? "Name kept." : P.storageProblem);
    });

    const download = () => {
      const rec = P.record;
      rec.saved = new Date().toISOString();
      const blob = new Blob([JSON.stringify(rec, null, 1)], { type: "application/json" });
      const a = el("a", { href: URL.createObjectURL(blob),
        download: `course-progress-${rec.saved.slice(0, 10)}.json` });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 1000);
      say("Your record was downloaded as a JSON file. Load it on another device with “Load a record from a file”.");
    };

    fileInput.addEventListener("change", async () => {
      const file = fileInput.files && fileInput.files[0];
      fileInput.value = "";
      if (!file) return;
      try {
        const theirs = P.parse(await readFile(file));
        const kept = P.replace(P.merge(P.record, theirs));
        draw();
        say(kept ? `Loaded and added to your record: ${Object.keys(theirs.pages).length} page(s) from the file.`
          : `Shown from the file, but not kept: ${P.storageProblem}`);
      } catch (e) {
        say(`${e.message} Your record is unchanged.`);
      }
    });

    const askErase = () => {
      confirmBox.hidden = false;
      confirmBox.textContent = "Erase everything this book has kept on this device? This cannot be undone. ";
      const yes = button("Yes, erase it", () => {
        P.erase();
        confirmBox.hidden = true;
        draw();
        say("Your record was erased from this device.");
        eraseButton.focus();
      });
      const no = button("No, keep it", () => { confirmBox.hidden = true; eraseButton.focus(); });
      confirmBox.append(yes, " ", no);
      yes.focus();
    };
    const eraseButton = button("Erase my record…", askErase);

    const actions = el("div", { class: "meishi-progress-actions" },
      button("Download my record (JSON)", download), button("Print this page", () => window.print()),
      fileLabel, fileInput, eraseButton);
    host.append(printLine, nameRow, table, actions, confirmBox, status);
    draw();
    if (!P.storageOk) say(P.storageProblem);
  };

  /* ---- the teacher's class page ---- */
  const classPage = (P, host) => {
    host.textContent = "";
    const input = el("input", { type: "file", id: "meishi-class-files", multiple: "",
      accept: ".json,application/json" });
    const label = el("label", { for: "meishi-class-files",
      text: "Choose the record files your learners gave you (several at once): " });
    const status = el("p", { class: "meishi-progress-status", role: "status", "aria-live": "polite" });
    const out = el("div", { class: "meishi-class-out" });
    host.append(el("p", {}, label, input), status, out);

    input.addEventListener("change", async () => {
      const files = Array.from(input.files || []);
      out.textContent = "";
      const learners = [];
      const refused = [];
      for (const file of files) {
        try {
          const rec = P.parse(await readFile(file));
          learners.push({ who: rec.name || file.name, rec });
        } catch (e) {
          refused.push(`${file.name}: ${e.message}`);
        }
      }
      status.textContent = `${learners.length} record(s) read` +
        (refused.length ? `, ${refused.length} refused (listed below)` : "") + ". Nothing was uploaded.";
      for (const ch of chapters(P)) {
        const table = el("table", { class: "meishi-progress-table" },
          el("caption", { text: ch.title }),
          el("thead", {}, el("tr", {}, el("th", { scope: "col", text: "Learner" }),
            el("th", { scope: "col", text: "Reading" }), el("th", { scope: "col", text: "Predictions" }),
            el("th", { scope: "col", text: "Self-check quiz" }))));
        const body = el("tbody");
        for (const { who, rec } of learners) {
          const s = P.summarise(rec, ch.key);
          body.append(el("tr", {}, el("th", { scope: "row", text: who }), el("td", { text: s.read }),
            el("td", { text: s.predictions }), el("td", { text: s.quiz })));
        }
        table.append(body);
        out.append(table);
      }
      if (refused.length) {
        const list = el("ul", { class: "meishi-class-refused" });
        for (const r of refused) list.append(el("li", { text: r }));
        out.append(el("p", { text: "Files not read:" }), list);
      }
    });
  };

  const start = () => {
    const P = window.meishiProgress;
    if (!P) return;
    const mine = document.getElementById("meishi-progress");
    if (mine) progressPage(P, mine);
    const cls = document.getElementById("meishi-class-records");
    if (cls) classPage(P, cls);
  };
  // progress.js (loaded first) defines meishiProgress at once and records this page when the
  // document is parsed; the pages are drawn after that
  document.addEventListener("meishi-progress-ready", start, { once: true });
})();
