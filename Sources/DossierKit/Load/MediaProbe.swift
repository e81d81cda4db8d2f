import Foundation

/// Looks at a media item's file while loading: that it is a plain file
/// beside the item, what its bytes say it is, and for an image its header
/// (size, within `MediaRules.maxPixels`) and a trial decode, so that a
/// hostile or broken file stops `check` as well as `build`, naming the
/// item's `file` field.
enum MediaProbe {
    struct Found {
        let filePath: String
        let format: MediaFormat
        let width: Int?
        let height: Int?
        let byteCount: Int
    }

    /// The width of the trial decode: small, so JPEG decodes at an eighth
    /// of its size, yet every byte of the file is read.
    private static let trialWidth = 16

    static func look(at file: String, in folder: String, location: SourceLocation, _ diagnostics: inout Diagnostics) -> Found? {
        guard !file.isEmpty, !file.contains("/"), !file.contains("\\"), !file.hasPrefix(".") else {
            diagnostics.append(Messages.mediaFileNotName(file, at: location))
            return nil
        }
        let path = folder + "/" + file
        var info = stat()
        guard lstat(path, &info) == 0 else {
            diagnostics.append(Messages.mediaFileMissing(file, at: location))
            return nil
        }
        // A link could publish any file of the building machine: refused.
        guard info.st_mode & S_IFMT == S_IFREG else {
            diagnostics.append(Messages.mediaFileUnreadable(file, reason: "it is not a plain file (links are refused)", at: location))
            return nil
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            diagnostics.append(Messages.mediaFileUnreadable(file, reason: String(cString: strerror(errno)), at: location))
            return nil
        }
        let head = [UInt8]((try? handle.read(upToCount: 1024)) ?? Data())
        try? handle.close()
        let byteCount = Int(info.st_size)
        guard let format = MediaFormat.sniff(head) else {
            if isSVG(name: file, head: head) {
                diagnostics.append(Messages.mediaSVGRefused(file, at: location))
            } else {
                diagnostics.append(Messages.mediaUnknownFormat(file, at: location))
            }
            return nil
        }
        guard MediaFormat.claimed(by: file) == format else {
            let claimed = MediaFormat.claimed(by: file)?.label ?? "'" + ((file as NSString).pathExtension) + "'"
            diagnostics.append(Messages.mediaWrongExtension(file, claimed: claimed, actual: format.label, at: location))
            return nil
        }
        if byteCount > MediaRules.warnBytes {
            diagnostics.append(Messages.mediaTooLarge(file, bytes: byteCount, limit: MediaRules.warnBytes, at: location))
        }
        guard format.isImage else {
            let fields = pdfMetadataFields(path)
            if !fields.isEmpty { diagnostics.append(Messages.mediaPDFMetadata(file, fields: fields, at: location)) }
            return Found(filePath: path, format: format, width: nil, height: nil, byteCount: byteCount)
        }
        let size: (width: Int, height: Int)
        switch ImageCodec.header(atPath: path) {
        case .success(let header): size = header
        case .failure(let failure):
            diagnostics.append(Messages.mediaBroken(file, reason: failure.reason, at: location))
            return nil
        }
        guard size.width > 0, size.height > 0, size.width * size.height <= MediaRules.maxPixels else {
            diagnostics.append(
                Messages.mediaTooManyPixels(file, width: size.width, height: size.height, limit: MediaRules.maxPixels, at: location))
            return nil
        }
        let width = min(trialWidth, size.width)
        let height = max(1, size.height * width / size.width)
        if case .failure(let failure) = ImageCodec.variant(atPath: path, width: width, height: height, format: "png") {
            diagnostics.append(Messages.mediaBroken(file, reason: failure.reason, at: location))
            return nil
        }
        return Found(filePath: path, format: format, width: size.width, height: size.height, byteCount: byteCount)
    }

    /// An SVG file by its name, or by an `<svg` in its first bytes.
    private static func isSVG(name: String, head: [UInt8]) -> Bool {
        name.lowercased().hasSuffix(".svg") || name.lowercased().hasSuffix(".svgz")
            || String(decoding: head, as: UTF8.self).lowercased().contains("<svg")
    }

    /// The names a PDF gives in its Info dictionary or XMP packet that may
    /// identify a person or a machine. A scan of the bytes: fields inside
    /// compressed object streams are not seen (docs/content-format.md).
    static func pdfMetadataFields(_ path: String) -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let markers: [(label: String, patterns: [String])] = [
            ("author", ["/Author", "<dc:creator"]),
            ("producer", ["/Producer", "<pdf:Producer"]),
            ("creator tool", ["/Creator", "<xmp:CreatorTool"]),
        ]
        return markers.filter { marker in marker.patterns.contains { data.range(of: Data($0.utf8)) != nil } }.map(\.label)
    }
}
