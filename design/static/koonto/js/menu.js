/* The main menu's button on narrow screens: a disclosure (a button with aria-expanded that shows and
   hides the menu after it). Without this script the button stays hidden and the menu open. */
(function () {
    "use strict";
    var button = document.querySelector(".menu-toggle");
    var menu = document.getElementById("site-menu");
    if (!button || !menu) {
        return;
    }
    var header = button.closest(".site-header");

    function setOpen(open) {
        button.setAttribute("aria-expanded", open ? "true" : "false");
        header.classList.toggle("site-header--open", open);
    }

    header.classList.add("site-header--js");
    button.hidden = false;
    setOpen(false);
    button.addEventListener("click", function () {
        setOpen(button.getAttribute("aria-expanded") !== "true");
    });
    menu.addEventListener("keydown", function (event) {
        var suggesting = event.target.getAttribute("aria-expanded") === "true"; // the search's own list closes first
        if (event.key === "Escape" && !suggesting && button.getAttribute("aria-expanded") === "true" && button.offsetParent !== null) {
            setOpen(false);
            button.focus();
        }
    });
})();
