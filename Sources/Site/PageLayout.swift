/// The document around every page of the site: the header with the course's title and the search
/// box, the sidebar of lessons, the page itself in `<main>`, its table of contents, and the small
/// script that adds copy buttons to code. The page reads and works without any script.
enum PageLayout {
    struct Parts {
        /// The `<title>`.
        var title: String
        var description: String?
        var course: CourseOutline
        /// The stem of the lesson shown, for the sidebar's mark; nil on the index.
        var current: String?
        /// What goes into `<main>`.
        var main: String
        /// The table of contents, or empty.
        var toc: String = ""
    }

    static func document(_ parts: Parts) -> String {
        let description = parts.description.map { "<meta name=\"description\" content=\"\(HTML.escape($0))\">\n" } ?? ""
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <title>\(HTML.escape(parts.title))</title>
        \(description)<link rel="stylesheet" href="style.css">
        </head>
        <body>
        <a class="skip-link" href="#lectern-content">Skip to the page</a>
        <header class="site-header">
        <a class="site-title" href="index.html">\(HTML.escape(parts.course.title))</a>
        <a class="to-lessons" href="#lectern-nav">Lessons ↓</a>
        \(SearchIndex.searchBoxHTML())</header>
        <div class="layout">
        \(Navigation.sidebar(parts.course, current: parts.current))<main id="lectern-content">
        \(parts.main)</main>
        \(parts.toc)</div>
        <script>\(copyScript)</script>
        </body>
        </html>

        """
    }

    /// Puts a "Copy" button on each block of code; copies what the block shows.
    static let copyScript = """
    (function () {
      function copied(button) { button.textContent = 'Copied'; setTimeout(function () { button.textContent = 'Copy'; }, 1500); }
      function fallback(text, button) {
        var area = document.createElement('textarea');
        area.value = text; area.setAttribute('readonly', ''); area.style.position = 'fixed'; area.style.opacity = '0';
        document.body.appendChild(area); area.select();
        try { if (document.execCommand('copy')) copied(button); } catch (e) {}
        area.remove();
      }
      document.querySelectorAll('div.code > pre').forEach(function (pre) {
        var button = document.createElement('button');
        button.type = 'button'; button.className = 'copy-button'; button.textContent = 'Copy';
        button.setAttribute('aria-label', 'Copy the code');
        button.addEventListener('click', function () {
          var text = pre.innerText;
          if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(text).then(function () { copied(button); }, function () { fallback(text, button); });
          } else { fallback(text, button); }
        });
        pre.parentNode.insertBefore(button, pre);
      });
    })();
    """
}
