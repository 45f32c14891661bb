/* wagtail-localize's translation editor, made for the translator (editorial/wagtail_hooks.py passes the settings):
   target segments written in the target language's direction, "Convert to alias page" never the main button and
   confirmed first, "Submit for moderation" sending a translated page into the pages' workflow, and the words the
   editor writes in English whatever the admin's language (its heading, a button's name, months) in that language. */
(() => {
  "use strict";
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhanceTranslationEditor);
  } else {
    enhanceTranslationEditor();
  }
})();

function enhanceTranslationEditor() {
  "use strict";
  const editor = document.querySelector(".js-translation-editor[data-props]");
  const settingsElement = document.getElementById("editorial-translation-editor");
  if (!editor || !settingsElement) return;
  const settings = JSON.parse(settingsElement.textContent);
  const props = JSON.parse(editor.dataset.props);
  const target = props.locale && props.locale.code;
  const source = props.sourceLocale && props.sourceLocale.code;
  const convertUrl = props.links && props.links.convertToAliasUrl;
  const pageId = pageIdFromAddress();

  function pageIdFromAddress() {
    const [before, after] = settings.editUrl.split(settings.pageIdMark);
    const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const found = window.location.pathname.match(new RegExp(`^${escape(before)}(\\d+)${escape(after)}$`));
    return found ? found[1] : null;
  }

  function speak(element, language) {
    if (!element || !language) return;
    const direction = settings.directions[language] || "ltr";
    if (element.getAttribute("lang") !== language) element.setAttribute("lang", language);
    if (element.getAttribute("dir") !== direction) element.setAttribute("dir", direction);
  }

  function isConvertLink(element) {
    const href = element && element.getAttribute && element.getAttribute("href");
    return Boolean(convertUrl && href && href.split("?")[0] === convertUrl);
  }

  // A segment is a list item: its source text (p), then its value (div: the translation, or the textarea).
  function markSegments() {
    editor.querySelectorAll("li > p + div").forEach((value) => {
      speak(value.previousElementSibling, source);
      speak(value, target);
    });
    editor.querySelectorAll("textarea").forEach((input) => speak(input, target));
  }

  // What wagtail-localize renders in English, in the admin's language.
  const names = { source: props.sourceLocale.displayName, target: props.locale.displayName };
  const fill = (text) => text.replace(/%\((source|target)\)s/g, (_, key) => names[key]);
  const heading = { english: fill(settings.heading.english), local: fill(settings.heading.local) };
  const englishDate = new RegExp(`\\b(\\d{1,2}) (${Object.keys(settings.months).join("|")}) (\\d{4})\\b`, "g");

  function replaceText(elements, english, local) {
    elements.forEach((element) => {
      if (element.textContent === english && english !== local) element.textContent = local;
    });
  }

  function localizeWords() {
    replaceText(editor.querySelectorAll("section h3"), heading.english, heading.local);
    const toggles = editor.querySelectorAll(".w-dropdown__toggle .w-sr-only");
    replaceText(toggles, settings.moreActions.english, settings.moreActions.local);
    // A segment's comment ("Translated manually on 2 December 2026") follows its value.
    editor.querySelectorAll("li > div + ul > li").forEach((comment) => {
      const texts = document.createTreeWalker(comment, NodeFilter.SHOW_TEXT);
      while (texts.nextNode()) {
        const text = texts.currentNode;
        const local = text.nodeValue.replace(englishDate, (_, day, month, year) => `${day} ${settings.months[month]} ${year}`);
        if (local !== text.nodeValue) text.nodeValue = local;
      }
    });
  }

  function submitButton(primary) {
    const button = document.createElement("button");
    button.type = "submit";
    button.formAction = settings.submitUrl.replace(settings.pageIdMark, pageId);
    button.className = primary ? "button" : "button action-secondary";
    button.dataset.editorialAction = "submit-for-moderation";
    button.textContent = settings.submitLabel;
    return button;
  }

  // The last action is wagtail-localize's main button: without "Publish" it may be "Convert to alias page".
  function arrangeActions() {
    const group = editor.querySelector("footer .w-dropdown-button");
    if (!group || group.dataset.editorialArranged) return;
    const menu = group.querySelector("[data-w-dropdown-target=content]");
    const primary = group.firstElementChild;
    if (!menu || !primary || primary === menu.closest(".w-dropdown")) return;
    group.dataset.editorialArranged = "true";
    const publishes = primary.matches("[name=action][value=publish]");
    if (publishes) {
      if (pageId) menu.prepend(submitButton(false));
      return;
    }
    if (!pageId && !isConvertLink(primary)) return;
    // The former main action moves into the menu (a copy: React keeps its own node, hidden).
    const moved = primary.cloneNode(true);
    moved.classList.add("action-secondary");
    menu.prepend(moved);
    primary.hidden = true;
    if (pageId) primary.before(submitButton(true));
  }

  document.addEventListener(
    "click",
    (event) => {
      const link = event.target.closest && event.target.closest("a[href]");
      if (isConvertLink(link) && !window.confirm(settings.confirmConvert)) event.preventDefault();
    },
    true,
  );

  const update = () => {
    markSegments();
    arrangeActions();
    localizeWords();
  };
  new MutationObserver(update).observe(editor, { childList: true, subtree: true, characterData: true });
  update();
}
