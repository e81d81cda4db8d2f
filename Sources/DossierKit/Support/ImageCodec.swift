import CDossierImage

/// libvips, through `CDossierImage`: the image header, and variants with no
/// metadata. libvips starts on the first call, so a report without images
/// never pays for it.
public enum ImageCodec {
    /// A problem libvips reports, in its own words.
    public struct Failure: Error, Sendable {
        public let reason: String
    }

    /// The size of the image at `path` as shown, from its header alone.
    public static func header(atPath path: String) -> Result<(width: Int, height: Int), Failure> {
        var width: Int32 = 0
        var height: Int32 = 0
        var error = [CChar](repeating: 0, count: 512)
        guard dossier_image_header(path, &width, &height, &error, error.count) == 0 else {
            return .failure(Failure(reason: reason(error)))
        }
        return .success((Int(width), Int(height)))
    }

    /// The image at `path` decoded at `width` × `height`, stripped of every
    /// metadata field and encoded as `format` (`jpeg`, `png` or `webp`).
    public static func variant(atPath path: String, width: Int, height: Int, format: String) -> Result<[UInt8], Failure> {
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        var error = [CChar](repeating: 0, count: 512)
        guard dossier_image_variant(path, Int32(width), Int32(height), format, &buffer, &length, &error, error.count) == 0,
            let buffer
        else { return .failure(Failure(reason: reason(error))) }
        defer { dossier_image_free(buffer) }
        return .success(Array(UnsafeRawBufferPointer(start: buffer, count: length)))
    }

    /// The first line of libvips' message (the rest repeats it per loader).
    private static func reason(_ error: [CChar]) -> String {
        let text = String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return String(text.split(separator: "\n").first ?? "unknown error")
    }
}
