(function () {
  /* Predict, then see (meishi.kit.predict): runs once per page, for every prediction block.
     A value is set on the block's chart: the top of the "Your prediction" bar is a slider
     (drag it, tap a level, or use the arrow keys, Page Up/Down, Home and End).  Locking in
     draws the model's bar beside it and shows the model's answer with feedback for the gap;
     in the book the widget below then moves to the stated setting and shows the guess beside
     the model's answer in its readout, and focus goes there.  Skipping leaves the widget as
     it is.  The page's progress record (_static/progress.js) keeps each prediction through a
     "meishi-prediction" event and hands it back with "meishi-prediction-restore". */
  /* How close a guess is; meishi.kit.predict.Prediction.score is the reference. */
  function outcome(guess, answer, close) {
    if (Math.abs(guess - answer) <= close) { return "close"; }
    return guess < answer ? "low" : "high";
  }
  window.meishiPredictOutcome = outcome;
  if (window.meishiPredictReady) { return; }
  window.meishiPredictReady = true;
  var GUESS = "\u2063GUESS\u2063";
  function num(box, name) { return Number(box.getAttribute("data-" + name)); }
  function fmt(v, box) {
    var unit = box.getAttribute("data-unit") || "";
    var text = Number(v).toFixed(num(box, "decimals") || 0);
    return unit.charAt(0) === "%" ? text + unit : (unit ? text + " " + unit : text);
  }
  function decimalsOf(x) { return (String(x).split(".")[1] || "").length; }
  function snap(box, v) {
    var min = num(box, "min"), max = num(box, "max"), step = num(box, "step") || 1;
    v = Math.min(max, Math.max(min, v));
    v = min + Math.round((v - min) / step) * step;
    if (v > max) { v -= step; }
    return Number(v.toFixed(Math.max(decimalsOf(step), decimalsOf(min))));
  }
  function handleOf(box) { return box.querySelector(".meishi-predict-handle"); }
  function valueOf(box) { return Number(handleOf(box).getAttribute("aria-valuenow")); }
  function height(box, v) {
    var min = num(box, "min"), max = num(box, "max");
    return (100 * (v - min) / (max - min)) + "%";
  }
  function setValue(box, v) {
    var handle = handleOf(box);
    if (!handle) { return; }
    v = snap(box, v);
    var shown = fmt(v, box);
    handle.setAttribute("aria-valuenow", String(v));
    handle.setAttribute("aria-valuetext", shown);
    var col = box.querySelector(".meishi-predict-you");
    col.style.height = height(box, v);
    col.querySelector(".meishi-predict-level").textContent = shown;
  }
  function locked(box) { return box.classList.contains("is-revealed"); }
  function para(text, cls) {
    var p = document.createElement("p");
    if (cls) { p.className = cls; }
    p.textContent = text;
    return p;
  }
  function reveal(box, saved) {
    var out = box.querySelector(".meishi-predict-reveal");
    var kind = box.getAttribute("data-kind");
    var answerText = out.getAttribute("data-answer-text").replace(/[.!?]$/, "");
    var record = { id: box.getAttribute("data-id") };
    out.textContent = "";
    if (saved && saved.skipped) {
      out.appendChild(para("You skipped this prediction. The model's answer: " + answerText + "."));
    } else if (kind === "value") {
      if (saved) { setValue(box, saved.guess); }
      var guess = valueOf(box);
      var answer = num(box, "answer");
      var when = outcome(guess, answer, num(box, "close"));
      var text = box.querySelector("template").content.querySelector('[data-when="' + when + '"]').textContent;
      record.compare = "you predicted " + fmt(guess, box) + "; the model gives " + answerText + ".";
      out.appendChild(para("You predicted " + fmt(guess, box) + "; the model gives " + answerText + ".",
                           "meishi-predict-compare"));
      out.appendChild(para(text.split(GUESS).join(fmt(guess, box))));
      box.querySelector(".meishi-predict-model").hidden = false;
      record.guess = guess; record.answer = answer; record.outcome = when;
    } else {
      var chosen = saved ? document.getElementById(box.id + "-o" + saved.guess)
                         : box.querySelector("input[type=radio]:checked");
      if (!chosen) { out.appendChild(para("Choose an answer first, or skip.")); return null; }
      chosen.checked = true;
      var right = chosen.getAttribute("data-right") === "true";
      var label = box.querySelector('label[for="' + chosen.id + '"]').textContent;
      record.compare = "you predicted “" + label + "”; " +
        (right ? "so does the model." : "the model says “" + answerText + "”.");
      out.appendChild(para((right ? "As the model says. " : "The model says otherwise: " + answerText + ". ") +
                           chosen.getAttribute("data-says"), "meishi-predict-compare"));
      record.guess = Number(chosen.value); record.outcome = right ? "right" : "wrong";
    }
    var link = document.createElement("a");
    link.href = box.getAttribute("data-link");
    link.textContent = "Set the widget below to this setting";
    out.appendChild(link);
    box.classList.add("is-revealed");
    var controls = box.querySelectorAll("input, .meishi-predict-lock, .meishi-predict-skip");
    for (var i = 0; i < controls.length; i++) { controls[i].disabled = true; }
    var handle = handleOf(box);
    if (handle) { handle.setAttribute("aria-disabled", "true"); handle.setAttribute("tabindex", "-1"); }
    return record;
  }
  /* In the book: the widget below moves to the stated setting (its own "#widget-<id>?..."
     link, applied by web/src/kit/widget.js on hashchange) and shows the guess beside the
     model's answer under its readout; focus goes to that line, which is read out. */
  function setWidget(box) {
    // the address keeps the setting (as the widget's own links do), without a history entry;
    // a hashchange is sent even when the address already held it
    try {
      history.replaceState(history.state, "", location.href.split("#")[0] + box.getAttribute("data-link"));
    } catch (err) { return false; }
    window.dispatchEvent(new HashChangeEvent("hashchange"));
    return true;
  }
  function showInWidget(box, record) {
    if (window.meishiWidgetHost !== "book" || !record.compare || !setWidget(box)) { return; }
    var link = box.getAttribute("data-link");
    var rootId = link.slice(1).split("?")[0];
    var tries = 0;
    (function place() {
      var root = document.getElementById(rootId);
      var summary = root && root.getAttribute("data-ready") === "true" && root.querySelector(".mw-summary");
      if (!summary) { if (++tries < 50) { setTimeout(place, 100); } return; }
      var old = root.querySelector(".meishi-predict-beside");
      if (old) { old.remove(); }
      var line = document.createElement("div");
      line.className = "meishi-predict-beside";
      var p = para("At the preset “" + box.getAttribute("data-preset") + "”: " + record.compare);
      p.id = box.id + "-beside";
      p.setAttribute("tabindex", "-1");
      var mark = document.createElement("span");
      mark.className = "meishi-predict-key";
      mark.setAttribute("aria-hidden", "true");
      p.insertBefore(mark, p.firstChild);
      var back = document.createElement("a");
      back.href = "#" + box.id;
      back.textContent = "Back to your prediction and why";
      line.appendChild(p);
      line.appendChild(back);
      summary.parentNode.insertBefore(line, summary.nextSibling);
      // after the widget's own scroll to its top (one animation frame)
      setTimeout(function () { p.focus(); }, 80);
    })();
  }
  function commit(box, skipped) {
    var record = reveal(box, skipped ? { skipped: true } : null);
    if (!record) { return; }
    if (skipped) { record = { id: record.id, outcome: "skipped" }; }
    var compare = record.compare;
    delete record.compare;
    document.dispatchEvent(new CustomEvent("meishi-prediction", { detail: record }));
    if (!skipped) { showInWidget(box, { compare: compare }); }
  }
  document.addEventListener("keydown", function (event) {
    var handle = event.target.closest ? event.target.closest(".meishi-predict-handle") : null;
    if (!handle) { return; }
    var box = handle.closest(".meishi-predict");
    if (locked(box)) { return; }
    var step = num(box, "step") || 1, v = valueOf(box);
    var moves = { ArrowUp: v + step, ArrowRight: v + step, ArrowDown: v - step, ArrowLeft: v - step,
                  PageUp: v + 10 * step, PageDown: v - 10 * step, Home: num(box, "min"), End: num(box, "max") };
    if (!(event.key in moves)) { return; }
    event.preventDefault();
    setValue(box, moves[event.key]);
  });
  var dragging = null;
  function fromPointer(event) {
    var rect = dragging.plot.getBoundingClientRect();
    var frac = rect.height ? (rect.bottom - event.clientY) / rect.height : 0;
    var box = dragging.box;
    setValue(box, num(box, "min") + frac * (num(box, "max") - num(box, "min")));
  }
  document.addEventListener("pointerdown", function (event) {
    var plot = event.target.closest ? event.target.closest(".meishi-predict-plot") : null;
    if (!plot) { return; }
    var box = plot.closest(".meishi-predict");
    if (locked(box) || (event.button !== undefined && event.button > 0)) { return; }
    event.preventDefault();
    dragging = { plot: plot, box: box, id: event.pointerId };
    if (plot.setPointerCapture) { try { plot.setPointerCapture(event.pointerId); } catch (err) { /* gone */ } }
    handleOf(box).focus({ preventScroll: true });
    box.classList.add("is-dragging");
    fromPointer(event);
  });
  document.addEventListener("pointermove", function (event) {
    if (dragging && event.pointerId === dragging.id) { fromPointer(event); }
  });
  function drop(event) {
    if (!dragging || event.pointerId !== dragging.id) { return; }
    dragging.box.classList.remove("is-dragging");
    dragging = null;
  }
  document.addEventListener("pointerup", drop);
  document.addEventListener("pointercancel", drop);
  document.addEventListener("click", function (event) {
    var t = event.target;
    var setting = t.closest ? t.closest(".meishi-predict-reveal a") : null;
    if (setting && window.meishiWidgetHost === "book" && setting.getAttribute("href").indexOf("#widget-") === 0) {
      event.preventDefault();
      setWidget(setting.closest(".meishi-predict"));
      return;
    }
    var button = t.closest ? t.closest(".meishi-predict-lock, .meishi-predict-skip") : null;
    if (!button) { return; }
    commit(button.closest(".meishi-predict"), button.classList.contains("meishi-predict-skip"));
  });
  document.addEventListener("meishi-prediction-restore", function (event) {
    var d = event.detail || {};
    var box = document.querySelector('.meishi-predict[data-id="' + String(d.id).replace(/[^a-z0-9-]/gi, "") + '"]');
    if (box && !locked(box)) {
      reveal(box, d.outcome === "skipped" ? { skipped: true } : d);
    }
  });
})();
