import Foundation

@testable import DossierKit

/// libFuzzer entry: the first byte picks a kind of content file (or
/// `site.yaml`), the rest are the file's bytes. Everything `load` does to
/// one file runs: decoding, front-matter split, YAML, Markdown outline,
/// typed record. Any input must give an entry or diagnostics, never a crash;
/// a rejected file must say why.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzContent(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let start, count > 0 else { return 0 }
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    let selector = Int(bytes[0])
    let data = Data(bytes.dropFirst())
    var diagnostics = Diagnostics()
    let kinds = Kind.allCases
    let path = selector % (kinds.count + 1) == kinds.count ? "content/site.yaml" : "content/x/fuzz.md"
    guard let text = TextFile.decode(data, path: path, &diagnostics) else {
        check(diagnostics.hasErrors, "an undecodable file was refused without an error")
        return 0
    }
    checkYAMLComposers(text, isSettings: selector % (kinds.count + 1) == kinds.count, path: path)
    if selector % (kinds.count + 1) == kinds.count {
        let settings = RecordDecoder.site(yaml: text, path: path, &diagnostics)
        check(settings != nil || diagnostics.hasErrors, "site.yaml refused without an error")
        return 0
    }
    let kind = kinds[selector % (kinds.count + 1)]
    let file = ContentFileRef(kind: kind, slug: "fuzz", url: URL(fileURLWithPath: "/nonexistent/fuzz.md"), path: path)
    let entry = ContentLoader.loadEntry(file, text: text, &diagnostics)
    check(entry != nil || diagnostics.hasErrors, "a file was refused without an error")
    for diagnostic in diagnostics.all {
        check(diagnostic.location?.path == path, "a diagnostic points at another file: \(diagnostic)")
        check((diagnostic.location?.line ?? 1) >= 1 && (diagnostic.location?.column ?? 1) >= 1, "bad position: \(diagnostic)")
    }
    return 0
}

/// Front matter that `YAMLTree` composes from libyaml's events must give
/// the tree Yams gives (positions included); all else goes to Yams anyway.
func checkYAMLComposers(_ text: String, isSettings: Bool, path: String) {
    var ignored = Diagnostics()
    guard let yaml = isSettings ? text : FrontMatterSplitter.split(text, path: path, &ignored)?.yaml,
        case .composed(let tree) = YAMLTree.composeDirectly(yaml)
    else { return }
    let yams = Result { try YAMLTree.composeWithYams(yaml) }
    check((try? yams.get()) == .some(tree), "composed directly \(String(describing: tree)), Yams: \(yams)")
}

/// A property failed: crash so libFuzzer keeps the input.
func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition {
        FileHandle.standardError.write(Data("property failed: \(message())\n".utf8))
        abort()
    }
}
