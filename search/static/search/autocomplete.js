// Title suggestions under a search box as the visitor types. The form works without this script.
(function () {
  "use strict";
  var DELAY = 200;

  function attach(input) {
    var endpoint = input.getAttribute("data-autocomplete");
    var list = document.createElement("ul");
    var timer = null;
    var lastQuery = "";
    list.className = "suggestions";
    list.id = input.id + "-suggestions";
    list.hidden = true;
    list.setAttribute("aria-live", "polite");
    input.setAttribute("aria-controls", list.id);
    input.parentNode.insertBefore(list, input.nextSibling);

    function show(results) {
      list.textContent = "";
      results.forEach(function (result) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = result.url;
        link.textContent = result.title;
        link.setAttribute("dir", "auto");
        item.appendChild(link);
        list.appendChild(item);
      });
      list.hidden = results.length === 0;
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query === lastQuery) { return; }
      lastQuery = query;
      if (query.length < 2) { show([]); return; }
      var url = endpoint + "?q=" + encodeURIComponent(query) + "&locale=" + document.documentElement.lang;
      fetch(url, { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { if (input.value.trim() === query) { show(data.results || []); } })
        .catch(function () { show([]); });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, DELAY);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { show([]); }
      if (event.key === "ArrowDown" && !list.hidden) {
        event.preventDefault();
        list.querySelector("a").focus();
      }
    });
  }

  document.querySelectorAll("input[data-autocomplete]").forEach(attach);
})();
