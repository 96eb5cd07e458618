(function () {
  /* Predict, then see (meishi.kit.predict): runs once per page, for every prediction block.
     Locking in shows the model's answer beside the learner's, with feedback for the gap;
     the page's progress record (_static/progress.js) keeps it through a
     "meishi-prediction" event and hands it back with "meishi-prediction-restore". */
  if (window.meishiPredictReady) { return; }
  window.meishiPredictReady = true;
  var GUESS = "\u2063GUESS\u2063";
  function fmt(v, box) {
    var input = box.querySelector("input[type=range]");
    var d = Number(input.getAttribute("data-decimals")) || 0;
    var unit = input.getAttribute("data-unit") || "";
    var num = Number(v).toFixed(d);
    return unit.charAt(0) === "%" ? num + unit : (unit ? num + " " + unit : num);
  }
  function show(box) {
    var input = box.querySelector("input[type=range]");
    if (input) { box.querySelector("output").textContent = fmt(input.value, box); }
  }
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
      var input = box.querySelector("input[type=range]");
      if (saved) { input.value = saved.guess; show(box); }
      var guess = Number(input.value);
      var answer = Number(input.getAttribute("data-answer"));
      var close = Number(input.getAttribute("data-close"));
      var when = Math.abs(guess - answer) <= close ? "close" : (guess < answer ? "low" : "high");
      var text = box.querySelector("template").content.querySelector('[data-when="' + when + '"]').textContent;
      out.appendChild(para("You predicted " + fmt(guess, box) + "; the model gives " + answerText + ".",
                           "meishi-predict-compare"));
      out.appendChild(para(text.split(GUESS).join(fmt(guess, box))));
      record.guess = guess; record.answer = answer; record.outcome = when;
    } else {
      var chosen = saved ? document.getElementById(box.id + "-o" + saved.guess)
                         : box.querySelector("input[type=radio]:checked");
      if (!chosen) { out.appendChild(para("Choose an answer first, or skip.")); return null; }
      chosen.checked = true;
      var right = chosen.getAttribute("data-right") === "true";
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
    return record;
  }
  function commit(box, skipped) {
    var record = reveal(box, skipped ? { skipped: true } : null);
    if (!record) { return; }
    if (skipped) { record = { id: record.id, outcome: "skipped" }; }
    document.dispatchEvent(new CustomEvent("meishi-prediction", { detail: record }));
  }
  document.addEventListener("input", function (event) {
    var box = event.target.closest ? event.target.closest(".meishi-predict") : null;
    if (box) { show(box); }
  });
  document.addEventListener("click", function (event) {
    var t = event.target;
    var button = t.closest ? t.closest(".meishi-predict-lock, .meishi-predict-skip") : null;
    if (!button) { return; }
    commit(button.closest(".meishi-predict"), button.classList.contains("meishi-predict-skip"));
  });
  document.addEventListener("meishi-prediction-restore", function (event) {
    var d = event.detail || {};
    var box = document.querySelector('.meishi-predict[data-id="' + String(d.id).replace(/[^a-z0-9-]/gi, "") + '"]');
    if (box && !box.classList.contains("is-revealed")) {
      reveal(box, d.outcome === "skipped" ? { skipped: true } : d);
    }
  });
  function init() {
    var boxes = document.querySelectorAll(".meishi-predict");
    for (var i = 0; i < boxes.length; i++) { show(boxes[i]); }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); }
  else { init(); }
})();
