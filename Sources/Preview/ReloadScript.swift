import Foundation

/// The script the preview puts into every HTML page it serves: it listens to the server's event
/// stream and reloads the page when the site was rendered again. The browser's EventSource
/// reconnects by itself when the preview restarts.
public enum ReloadScript {
    public static let eventsPath = "/__lectern/events"

    public static let tag = """
        <script>/* lectern preview */(function(){if(!window.EventSource)return;\
        var s=new EventSource("\(eventsPath)");\
        s.addEventListener("reload",function(){s.close();location.reload();});})();</script>
        """

    /// The page with the script before its last `</body>` (any case), or at the end when it has none.
    public static func inject(into html: Data) -> Data {
        let script = Data(tag.utf8)
        let closing = Array("</body>".utf8)
        let bytes = [UInt8](html)
        var i = bytes.count - closing.count
        while i >= 0 {
            if matches(bytes, at: i, closing) {
                var out = Data(bytes[..<i])
                out.append(script)
                out.append(contentsOf: bytes[i...])
                return out
            }
            i -= 1
        }
        return html + script
    }

    private static func matches(_ bytes: [UInt8], at i: Int, _ pattern: [UInt8]) -> Bool {
        for (k, p) in pattern.enumerated() {
            var b = bytes[i + k]
            if b >= 65 && b <= 90 { b += 32 }
            if b != p { return false }
        }
        return true
    }
}
