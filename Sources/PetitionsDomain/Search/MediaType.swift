/// The media type of a file, sniffed from its first bytes rather than trusted from its name.
public enum MediaType {
    public static let pdf = "application/pdf"
    public static let png = "image/png"
    public static let jpeg = "image/jpeg"
    public static let tiff = "image/tiff"
    public static let plainText = "text/plain"
    public static let unknown = "application/octet-stream"
    /// Every type `sniff` answers: an attachment is served as one of these and nothing else.
    public static let known: Set<String> = [pdf, png, jpeg, tiff, plainText, unknown]

    /// PDF, PNG, JPEG and TIFF by their signatures; UTF-8 text without control characters (other than tab, line
    /// feed, carriage return and form feed) as plain text; anything else as `application/octet-stream`.
    public static func sniff<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let head = Array(bytes.prefix(8))
        func starts(_ signature: [UInt8]) -> Bool { head.count >= signature.count && Array(head.prefix(signature.count)) == signature }
        if starts(Array("%PDF-".utf8)) { return pdf }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return png }
        if starts([0xFF, 0xD8, 0xFF]) { return jpeg }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return tiff }
        return isText(bytes) ? plainText : unknown
    }

    static func isText<Bytes: Collection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        guard !bytes.isEmpty else { return false }
        for b in bytes where b < 0x20 || b == 0x7F {
            guard b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C else { return false }
        }
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
