import Foundation

/// The live-reload script that `serve` adds to every HTML page it sends
/// (never to a built site). It listens to `/_dossier/events` (Server-Sent
/// Events), then asks `/_dossier/status`: a newer build than the page's
/// reloads the page, errors are drawn over it with DOM calls only.
enum LiveReload {
    static let scriptPath = "/_dossier/live.js"
    static let eventsPath = "/_dossier/events"
    static let statusPath = "/_dossier/status"

    /// The tag added before `</body>`; `build` names the build the page is from.
    static func tag(build: String) -> String {
        "<script src=\"\(scriptPath)\" data-build=\"\(build)\"></script>"
    }

    /// `html` with the tag before its last `</body>` (at the end without one).
    static func inject(into html: Data, build: String) -> Data {
        let tag = Data(tag(build: build).utf8)
        guard let range = html.range(of: Data("</body>".utf8), options: .backwards) else { return html + tag }
        var result = html
        result.replaceSubrange(range.lowerBound..<range.lowerBound, with: tag)
        return result
    }

    static let script = #"""
        // Live reload for `dossier serve`; never part of a built site.
        (function () {
          "use strict";
          var script = document.currentScript;
          var shown = script ? script.getAttribute("data-build") || "" : "";
          var overlay = null;

          function clear() {
            if (overlay) { overlay.remove(); overlay = null; }
          }

          function place(problem) {
            var text = problem.file || "";
            if (problem.line) { text += ":" + problem.line; }
            if (problem.line && problem.column) { text += ":" + problem.column; }
            return text;
          }

          function draw(errors) {
            clear();
            if (!errors.length) { return; }
            overlay = document.createElement("section");
            overlay.id = "dossier-live-errors";
            overlay.setAttribute("role", "alert");
            var style = overlay.style;
            style.position = "fixed"; style.left = "0"; style.right = "0"; style.bottom = "0";
            style.maxHeight = "60vh"; style.overflow = "auto"; style.zIndex = "2147483647";
            style.margin = "0"; style.padding = "1rem 1.5rem"; style.background = "#3b0a0a"; style.color = "#fff";
            style.font = "14px/1.5 ui-monospace, Menlo, Consolas, monospace";
            style.borderTop = "4px solid #e5484d";
            var title = document.createElement("p");
            title.style.margin = "0 0 0.5rem"; title.style.fontWeight = "bold";
            title.textContent = errors.length + (errors.length === 1 ? " error" : " errors") +
              ": showing the last good build until this is fixed";
            overlay.appendChild(title);
            var list = document.createElement("ul");
            list.style.margin = "0"; list.style.padding = "0"; list.style.listStyle = "none";
            errors.forEach(function (problem) {
              var item = document.createElement("li");
              var where = document.createElement("strong");
              where.style.color = "#ffc9c9";
              where.textContent = place(problem);
              item.appendChild(where);
              item.appendChild(document.createTextNode((where.textContent ? ": " : "") + problem.message));
              list.appendChild(item);
            });
            overlay.appendChild(list);
            document.body.appendChild(overlay);
          }

          function check() {
            fetch("/_dossier/status", { cache: "no-store" })
              .then(function (response) { return response.json(); })
              .then(function (status) {
                if (status.build !== shown) { location.reload(); return; }
                draw(status.errors || []);
              })
              .catch(function () {});
          }

          var events = new EventSource("/_dossier/events");
          events.addEventListener("open", check);
          events.addEventListener("message", check);
        })();

        """#
}
