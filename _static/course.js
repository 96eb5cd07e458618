/* Course fixes for the theme's own controls, on every page of the book
   (Jupyter Book links every .js file in _static/).  Each part names the
   upstream bug it works around, so it can be dropped once the pinned themes
   are fixed.  tests/browser/test_phone.py drives all of them by touch. */
(() => {
  "use strict";

  const ready = (fn) => {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", fn);
    } else {
      fn();
    }
  };

  /* 1. The chapter menu (☰) and the contents button (☷) on phones and tablets.
     pydata-sphinx-theme >= 0.17 wires its sidebar dialogs to the FIRST
     .primary-toggle / .secondary-toggle in the page (document.querySelector).
     With sphinx-book-theme 1.x those are the copies in the theme's top bar,
     which the book hides (course.css, #pst-header); the visible buttons, in the
     article header, get no listener, so they show a tooltip and open nothing.
     Upstream: pydata-sphinx-theme issue #2451, sphinx-book-theme issue #988.
     Fix: a tap (or Enter / Space) on any other copy is passed on to the wired
     one, which opens the dialog, moves the sidebar into it and restores focus
     when it closes.  Drop this part when a pinned theme wires every copy. */
  const forwardSidebarToggles = () => {
    for (const kind of ["primary", "secondary"]) {
      const copies = Array.from(document.querySelectorAll(`.${kind}-toggle`));
      const wired = copies[0];
      for (const button of copies.slice(1)) {
        button.addEventListener("click", (event) => {
          event.preventDefault();
          event.stopPropagation();
          wired.click();
        });
      }
    }
    /* A close button a thumb can reach, shown only while the sidebar is in its
       dialog (the theme closes the dialog by Escape or a tap on the backdrop,
       which is a thin strip on a phone).  It lives in the sidebar itself,
       because the theme moves the sidebar's nodes in and out of the dialog. */
    for (const [id, name] of [["pst-primary-sidebar", "Close the chapter menu"],
                              ["pst-secondary-sidebar", "Close the contents"]]) {
      const sidebar = document.getElementById(id);
      if (!sidebar || sidebar.querySelector(".meishi-dialog-close")) continue;
      const close = document.createElement("button");
      close.type = "button";
      close.className = "meishi-dialog-close";
      close.setAttribute("aria-label", name);
      close.innerHTML = '<span aria-hidden="true">×</span> Close';
      close.addEventListener("click", () => {
        const dialog = close.closest("dialog");
        if (dialog) dialog.close();
      });
      sidebar.prepend(close);
    }
  };

  /* 2. Solution folds (sphinx-exercise solutions folded by sphinx-togglebutton
     0.4.5).  Its click handler on a fold's title finds the toggle button only
     when the title itself or the chevron is hit; a tap on the title's text
     (a link to the exercise, "Solution to Exercise 1.1") leaves `button`
     unset: "ReferenceError: button is not defined", and the link jumps away
     instead of opening the fold.  Fix: handle every click in such a title
     here first (capture phase) with the extension's own toggleHidden().
     Drop when sphinx-togglebutton's toggleClickHandler uses closest(). */
  const openFoldsFromTheirTitle = () => {
    document.addEventListener("click", (event) => {
      const title = event.target instanceof Element
        ? event.target.closest(".admonition.toggle > .admonition-title") : null;
      const button = title ? title.querySelector(".toggle-button") : null;
      if (!button) return;
      event.preventDefault();
      event.stopPropagation();
      if (typeof window.toggleHidden === "function") {
        window.toggleHidden(button);
      } else {
        const box = title.parentElement;
        const hidden = box.classList.toggle("toggle-hidden");
        button.classList.toggle("toggle-button-hidden", hidden);
        button.setAttribute("aria-expanded", String(!hidden));
      }
    }, true);
  };

  /* 3. Static charts on narrow screens.  meishi.kit.charts draws them at
     144 dpi with no text under 9 pt, i.e. 18 image pixels: shown at half their
     pixel width or more, every label, legend and source line is at least 9 CSS
     px.  On a phone the page serves each chart's phone rendering (a <picture>,
     meishi_build.altimage), which fits a 390 px screen at that scale.  Should a
     column still be narrower than half the image (a very small screen), the
     chart keeps that width and scrolls sideways in its own box (focusable,
     with a one-line hint) instead of shrinking its text below 9 px. */
  const CHART_MIN_SCALE = 0.5;
  const HINT = "Swipe the chart sideways to see all of it, or turn your phone.";
  const readableCharts = () => {
    const boxes = [];
    const update = () => {
      for (const box of boxes) {
        const scrollable = box.scrollWidth > box.clientWidth + 1;
        box.classList.toggle("is-scrollable", scrollable);
        // a box that scrolls must be reachable by keyboard; one that does not is no tab stop
        if (scrollable) box.setAttribute("tabindex", "0");
        else box.removeAttribute("tabindex");
      }
    };
    const wrap = (img) => {
      if (!img.naturalWidth || img.closest(".meishi-chart-scroll")) return;
      const chart = img.closest("picture") || img; // the <picture> moves whole
      const box = document.createElement("div");
      box.className = "meishi-chart-scroll";
      box.setAttribute("role", "group");
      box.setAttribute("aria-label", "Chart; scroll sideways to see all of it");
      const hint = document.createElement("p");
      hint.className = "meishi-chart-hint";
      hint.setAttribute("aria-hidden", "true");
      hint.textContent = HINT;
      chart.before(hint, box);
      box.append(chart);
      img.style.minWidth = `${Math.ceil(img.naturalWidth * CHART_MIN_SCALE)}px`;
      img.style.maxWidth = `${img.naturalWidth}px`;
      boxes.push(box);
      update();
    };
    // the phone's or the page's rendering, whichever the screen now picks (a turned phone)
    const rescale = (img) => {
      img.style.minWidth = `${Math.ceil(img.naturalWidth * CHART_MIN_SCALE)}px`;
      img.style.maxWidth = `${img.naturalWidth}px`;
      update();
    };
    for (const img of document.querySelectorAll(".bd-article .cell_output img")) {
      if (img.complete) wrap(img);
      else img.addEventListener("load", () => wrap(img), { once: true });
      if (img.closest("picture")) img.addEventListener("load", () => rescale(img));
    }
    window.addEventListener("resize", update);
  };

  ready(forwardSidebarToggles);
  ready(readableCharts);
  openFoldsFromTheirTitle();
})();
