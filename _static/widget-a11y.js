/* Give every rendered widget slider an accessible name.
 *
 * ipywidgets draws a slider as a text label beside a noUiSlider handle
 * (role="slider") that is not tied to that label, so screen readers
 * announce an unnamed slider. Once the widget runtime has rendered (it does
 * so asynchronously), each handle is labelled by its widget's visible label.
 * Loaded only on pages that have widgets (see _config.yml).
 */
(function () {
  "use strict";
  var counter = 0;
  function nameSliders(root) {
    var handles = root.querySelectorAll('[role="slider"]:not([aria-labelledby]):not([aria-label])');
    handles.forEach(function (handle) {
      var box = handle.closest(".widget-slider, .jupyter-widget-slider, .widget-inline-hbox");
      var label = box ? box.querySelector(".widget-label") : null;
      if (!label || !label.textContent.trim()) { return; }
      if (!label.id) { counter += 1; label.id = "meishi-slider-label-" + counter; }
      handle.setAttribute("aria-labelledby", label.id);
    });
  }
  function start() {
    nameSliders(document);
    new MutationObserver(function () { nameSliders(document); })
      .observe(document.body, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
