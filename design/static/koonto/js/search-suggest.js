/*
 * Search suggestions for every search form with data-suggest-url (templates/includes/search_form.html).
 * Progressive enhancement: without this script the form simply submits to the search page.
 * The input becomes an ARIA combobox; arrow keys move through the suggestions, Enter opens one,
 * Escape closes the list; a click on a suggestion opens it. Built with textContent, never innerHTML.
 */
(function () {
    "use strict";

    var DELAY_MS = 200;
    var MIN_LENGTH = 2;

    function setUp(form, formIndex) {
        if (form.dataset.suggestReady) {
            return;
        }
        form.dataset.suggestReady = "1";
        var input = form.querySelector("input[name=q]");
        if (!input) {
            return;
        }
        var list = document.createElement("ul");
        list.id = "search-suggestions-" + formIndex;
        list.className = "search-suggestions";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", form.querySelector("label") ? form.querySelector("label").textContent : "");
        list.hidden = true;
        input.insertAdjacentElement("afterend", list);
        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-controls", list.id);
        input.setAttribute("aria-expanded", "false");

        var timer = null;
        var active = -1;
        var latest = 0;

        function close() {
            list.hidden = true;
            list.textContent = "";
            active = -1;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
        }

        function highlight(index) {
            var options = list.querySelectorAll("[role=option]");
            if (!options.length) {
                return;
            }
            active = (index + options.length) % options.length;
            options.forEach(function (option, i) {
                option.setAttribute("aria-selected", i === active ? "true" : "false");
            });
            input.setAttribute("aria-activedescendant", options[active].id);
        }

        function show(suggestions) {
            close();
            suggestions.forEach(function (suggestion, i) {
                var item = document.createElement("li");
                item.id = list.id + "-" + i;
                item.setAttribute("role", "option");
                item.setAttribute("aria-selected", "false");
                item.dataset.url = suggestion.url;
                item.textContent = suggestion.title;
                var type = document.createElement("span");
                type.className = "search-suggestions__type";
                type.textContent = " – " + suggestion.type;
                item.appendChild(type);
                list.appendChild(item);
            });
            if (suggestions.length) {
                list.hidden = false;
                input.setAttribute("aria-expanded", "true");
            }
        }

        function fetchSuggestions() {
            var query = input.value.trim();
            if (query.length < MIN_LENGTH) {
                close();
                return;
            }
            var request = ++latest;
            fetch(form.dataset.suggestUrl + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
                .then(function (response) {
                    return response.ok ? response.json() : { suggestions: [] };
                })
                .then(function (data) {
                    if (request === latest) {
                        show(data.suggestions || []);
                    }
                })
                .catch(close);
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(fetchSuggestions, DELAY_MS);
        });
        input.addEventListener("keydown", function (event) {
            if (list.hidden) {
                return;
            }
            if (event.key === "ArrowDown" || event.key === "ArrowUp") {
                event.preventDefault();
                highlight(active + (event.key === "ArrowDown" ? 1 : -1));
            } else if (event.key === "Escape") {
                close();
            } else if (event.key === "Enter" && active >= 0) {
                event.preventDefault();
                window.location.href = list.querySelectorAll("[role=option]")[active].dataset.url;
            }
        });
        // Options are not links (no focusable element inside an option): a click follows its URL.
        list.addEventListener("mousedown", function (event) {
            var option = event.target.closest("[role=option]");
            if (option) {
                window.location.href = option.dataset.url;
            }
        });
        input.addEventListener("blur", function () {
            // Let a click on a suggestion land before the list closes.
            window.setTimeout(close, 150);
        });
    }

    document.querySelectorAll("form[data-suggest-url]").forEach(setUp);
})();
