// Listing filters apply as soon as a choice is picked with the mouse or a finger; focus comes back to that
// control after the reload (to the summary of the folded filters on a phone). Arrow keys only move the choice
// (sending the form on each press would reload the page mid-choice, WCAG 3.2.2): keyboard users send it with
// Enter or the "Apply filters" button, which stays for everyone and does the whole job without this script.
(function () {
  "use strict";
  var KEY = "portal-filter-focus";
  try {
    var last = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
    var control = last && document.getElementById(last);
    if (control) {
      // On a phone the filters come back folded (the results first): the focus goes to the summary that unfolds them.
      var fold = control.closest("details:not([open])");
      var hidden = control.checkVisibility ? !control.checkVisibility() : Boolean(fold);
      (hidden && fold ? fold.querySelector("summary") : control).focus();
    }
  } catch (error) { /* storage disabled: nothing to restore */ }

  function send(form, control) {
    try { if (control.id) { sessionStorage.setItem(KEY, control.id); } } catch (error) { /* ignore */ }
    if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
  }

  document.querySelectorAll("form[data-autosubmit]").forEach(function (form) {
    var byKeyboard = false;
    form.addEventListener("pointerdown", function () { byKeyboard = false; });
    form.addEventListener("keydown", function (event) {
      if (!event.target.matches("select, input[type=checkbox], input[type=radio]")) { return; }
      if (event.key === "Enter") { event.preventDefault(); send(form, event.target); return; }
      byKeyboard = true;
    });
    form.addEventListener("change", function (event) {
      if (byKeyboard || !event.target.matches("select, input[type=checkbox], input[type=radio]")) { return; }
      send(form, event.target);
    });
  });
})();
