extension HTML {
    /// A link or image address from a lesson as an attribute value. Schemes that run code or read
    /// local files (`javascript:`, `vbscript:`, `file:`, and `data:` other than a PNG, GIF, JPEG or
    /// WebP image) become an empty address, as in cmark's safe mode; other characters that may not
    /// stand in a URL are percent-encoded, and the rest escaped for the attribute.
    static func href(_ url: String) -> String {
        let lower = url.lowercased()
        let images = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
        let blocked = ["javascript:", "vbscript:", "file:", "data:"].contains { lower.hasPrefix($0) }
        if blocked, !images.contains(where: { lower.hasPrefix($0) }) { return "" }

        let kept = Set("-_.!~*'();/?:@&=+$,%#[]".utf8)
        var out = ""
        for byte in url.utf8 {
            let isAlphanumeric = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            if byte == UInt8(ascii: "&") {
                out += "&amp;"
            } else if byte == UInt8(ascii: "'") {
                out += "&#39;"
            } else if isAlphanumeric || kept.contains(byte) {
                out.append(Character(Unicode.Scalar(byte)))
            } else {
                out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }
}
