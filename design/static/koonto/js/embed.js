/*
 * Click-to-load video: nothing is requested from YouTube or Vimeo until the visitor presses
 * the "Load video" button. The block's template renders a placeholder with the button hidden
 * and a plain link to the video; this script reveals the button and, on click, replaces the
 * placeholder with the privacy-enhanced player (youtube-nocookie.com, or player.vimeo.com with dnt=1).
 * Served as a file and loaded with `defer`: the site's Content-Security-Policy allows no inline script.
 */
(function () {
    "use strict";

    var PLAYERS = {
        youtube: function (id) {
            return /^[A-Za-z0-9_-]{11}$/.test(id) ? "https://www.youtube-nocookie.com/embed/" + id : null;
        },
        vimeo: function (id, hash) {
            if (!/^[0-9]+$/.test(id)) {
                return null;
            }
            var url = "https://player.vimeo.com/video/" + id + "?dnt=1";
            return hash && /^[A-Za-z0-9]+$/.test(hash) ? url + "&h=" + hash : url;
        },
    };

    function playerUrl(figure) {
        var player = PLAYERS[figure.getAttribute("data-video-provider")];
        return player ? player(figure.getAttribute("data-video-id") || "", figure.getAttribute("data-video-hash")) : null;
    }

    function load(figure, url) {
        var placeholder = figure.querySelector(".video-embed__placeholder");
        if (!placeholder) {
            return;
        }
        var frame = document.createElement("iframe");
        frame.className = "video-embed__frame";
        frame.src = url;
        frame.title = figure.getAttribute("data-video-title") || "";
        frame.setAttribute("allow", "autoplay; encrypted-media; fullscreen; picture-in-picture");
        frame.setAttribute("allowfullscreen", "");
        frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
        placeholder.replaceWith(frame);
        figure.classList.add("video-embed--loaded");
        // The button the visitor pressed is gone: keep their place by focusing the player.
        frame.focus();
    }

    function init() {
        var figures = document.querySelectorAll("[data-video-embed]:not([data-video-embed-ready])");
        Array.prototype.forEach.call(figures, function (figure) {
            var button = figure.querySelector("[data-video-embed-load]");
            var url = playerUrl(figure);
            if (!button || !url) {
                return;
            }
            figure.setAttribute("data-video-embed-ready", "");
            button.hidden = false;
            button.addEventListener("click", function () {
                load(figure, url);
            });
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
