/// The file formats a media item may have, told by the file's first bytes
/// (never by its name alone).
public enum MediaFormat: String, Sendable, CaseIterable {
    case jpeg, png, webp, gif, pdf

    /// The format the first bytes of a file announce, if any of these.
    public static func sniff(_ bytes: [UInt8]) -> MediaFormat? {
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + prefix.count && Array(bytes[offset..<offset + prefix.count]) == prefix
        }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
        if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) { return .webp }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        return nil
    }

    /// The format a file name's extension claims (`photo.JPG` → jpeg).
    public static func claimed(by name: String) -> MediaFormat? {
        guard let dot = name.lastIndex(of: ".") else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "jpg", "jpeg": return .jpeg
        case "png": return .png
        case "webp": return .webp
        case "gif": return .gif
        case "pdf": return .pdf
        default: return nil
        }
    }

    public var isImage: Bool { self != .pdf }

    /// The format an image's variants are published in: its own, except
    /// GIF, published as PNG (its first frame).
    public var published: MediaFormat { self == .gif ? .png : self }

    /// The extension of a published file of this format.
    public var fileExtension: String { self == .jpeg ? "jpg" : rawValue }

    /// The name readers see (the item page's details).
    public var label: String {
        switch self {
        case .jpeg: "JPEG"
        case .png: "PNG"
        case .webp: "WebP"
        case .gif: "GIF"
        case .pdf: "PDF"
        }
    }

    /// The MIME type, for the data exports.
    public var mimeType: String {
        switch self {
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .webp: "image/webp"
        case .gif: "image/gif"
        case .pdf: "application/pdf"
        }
    }
}

/// One published size of an image.
public struct MediaVariant: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// Where it is in the site.
    public let path: String
}

/// The fields only a media item has, and what loading learnt of its file.
public struct MediaDetails: Sendable, Equatable {
    /// The file's name, as written in `file`.
    public var file: String
    /// Where the file is on disk.
    public var filePath: String
    public var format: MediaFormat
    /// The image's size as shown (turned upright); nil for a PDF.
    public var width: Int?
    public var height: Int?
    public var byteCount: Int
    public var alt: String?
    public var credit: String?
    public var caption: String?
    public var date: PartialDate?
    /// The `source` field: none or one.
    public var sources: [Reference]
    public var license: String?
}

/// What is published of media items, and the limits they are held to
/// (docs/content-format.md, "Media", states each).
public enum MediaRules {
    /// Widths of an image's variants, never more than the image's own.
    public static let widths = [480, 960, 1600]
    /// The variant a browser without `srcset` loads: the widest up to this.
    public static let defaultWidth = 960
    /// Images with more pixels are refused from their header, before decoding.
    public static let maxPixels = 50_000_000
    /// Files larger than this get a warning.
    public static let warnBytes = 10_000_000

    /// The variants of `slug`'s image: each of `widths` below the image's
    /// width, and one at the image's width when it is narrower than the
    /// widest (never upscaled); heights keep the proportions.
    public static func variants(slug: String, media: MediaDetails) -> [MediaVariant] {
        guard media.format.isImage, let width = media.width, let height = media.height, width > 0, height > 0 else { return [] }
        let widest = widths[widths.count - 1]
        let chosen = width > widest ? widths : widths.filter { $0 < width } + [width]
        return chosen.map { w in
            let h = max(1, Int((Double(height) * Double(w) / Double(width)).rounded()))
            return MediaVariant(width: w, height: h, path: "media/\(slug)/\(slug)-\(w).\(media.format.published.fileExtension)")
        }
    }

    /// The variant a page's `src` names.
    public static func defaultVariant(of variants: [MediaVariant]) -> MediaVariant? {
        variants.last { $0.width <= defaultWidth } ?? variants.first
    }

    /// Where a PDF is published.
    public static func documentPath(slug: String) -> String { "media/\(slug)/\(slug).pdf" }
}
