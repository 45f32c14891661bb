// One page per form, whatever autosave is doing: Wagtail's autosave creates the page in the background (a POST to
// the create view, after which the form points at the new page's edit view). A click on Save or Submit while that
// POST is on its way, or an autosave fired while the click's POST is on its way, would create the page twice
// (or fail on the slug the first one took). So a submit waits for the autosave in flight and is then sent to the
// form's current action, and no autosave starts once the form is being submitted.
(() => {
  const form = document.querySelector("form[data-edit-form][data-controller~='w-autosave']");
  if (!form) return;

  let autosaving = false;
  let submitting = false;
  let held = null;

  form.addEventListener("w-autosave:save", (event) => {
    if (submitting || held) {
      event.preventDefault();
    } else {
      autosaving = true;
    }
  });

  const autosaveEnded = () => {
    autosaving = false;
    if (!held) return;
    const submitter = held;
    held = null;
    if (submitter.name) {
      // The button may be disabled by now (its progress spinner), and a disabled button sends nothing.
      const action = document.createElement("input");
      action.type = "hidden";
      action.name = submitter.name;
      action.value = submitter.value;
      form.append(action);
    }
    form.requestSubmit();
  };
  form.addEventListener("w-autosave:success", autosaveEnded);
  form.addEventListener("w-autosave:error", autosaveEnded);

  // Capture phase: before Wagtail's own submit handlers see a submission that has to wait.
  form.addEventListener(
    "submit",
    (event) => {
      if (autosaving) {
        event.preventDefault();
        event.stopImmediatePropagation();
        held = event.submitter || form;
      }
    },
    true,
  );
  // Bubbling phase on the window: the submission that really goes ahead.
  window.addEventListener("submit", (event) => {
    if (event.target === form && !event.defaultPrevented) submitting = true;
  });
  // Back from the browser's page cache after leaving: editing again.
  window.addEventListener("pageshow", () => {
    submitting = false;
  });
})();
