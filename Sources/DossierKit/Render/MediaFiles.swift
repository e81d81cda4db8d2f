import Foundation

/// The published files of media items: each image's variants, decoded and
/// encoded again by libvips with no metadata (EXIF, GPS, XMP, ICC, embedded
/// thumbnails are never copied), and each PDF as it is. The originals in
/// `content/` are only read.
enum MediaFiles {
    /// One file to publish, or why it cannot be.
    typealias Outcome = Result<(path: String, bytes: [UInt8]), MediaFileFailure>

    struct MediaFileFailure: Error, Sendable {
        let itemPath: String
        let reason: String
    }

    /// Every media file of `site`, made on every core (one image each).
    static func render(_ site: Site) -> [Outcome] {
        let work = site.entries(of: .media).flatMap { entry -> [(Entry, MediaVariant?)] in
            guard let media = entry.media else { return [] }
            let variants = MediaRules.variants(slug: entry.slug, media: media)
            return variants.isEmpty ? [(entry, nil)] : variants.map { (entry, $0) }
        }
        return work.parallelMap { entry, variant in file(entry, variant) }
    }

    private static func file(_ entry: Entry, _ variant: MediaVariant?) -> Outcome {
        guard let media = entry.media else { return .failure(MediaFileFailure(itemPath: entry.path, reason: "not a media item")) }
        guard let variant else {
            guard let data = FileManager.default.contents(atPath: media.filePath) else {
                return .failure(MediaFileFailure(itemPath: entry.path, reason: "'\(media.file)' cannot be read"))
            }
            return .success((MediaRules.documentPath(slug: entry.slug), [UInt8](data)))
        }
        switch ImageCodec.variant(
            atPath: media.filePath, width: variant.width, height: variant.height, format: media.format.published.rawValue)
        {
        case .success(let bytes): return .success((variant.path, bytes))
        case .failure(let failure): return .failure(MediaFileFailure(itemPath: entry.path, reason: failure.reason))
        }
    }
}
