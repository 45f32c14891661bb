// Listing filters apply as soon as a choice changes; focus comes back to the control that changed.
// Without this script the "Apply filters" button does the same.
(function () {
  "use strict";
  var KEY = "portal-filter-focus";
  try {
    var last = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
    if (last && document.getElementById(last)) { document.getElementById(last).focus(); }
  } catch (error) { /* storage disabled: nothing to restore */ }

  document.querySelectorAll("form[data-autosubmit]").forEach(function (form) {
    form.addEventListener("change", function (event) {
      if (!event.target.matches("select, input[type=checkbox], input[type=radio]")) { return; }
      try { if (event.target.id) { sessionStorage.setItem(KEY, event.target.id); } } catch (error) { /* ignore */ }
      if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
    });
  });
})();
