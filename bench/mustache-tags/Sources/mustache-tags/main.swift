import Foundation
import Mustache

/// A view as Dossier's (`View`): names read by hash through `MustacheParent`.
struct View: MustacheParent {
    var values: [String: Any]
    func child(named name: String) -> Any? { values[name] }
}

/// Escaping that does nothing, so that only the look-up is measured.
struct Verbatim: MustacheContentType {
    func escapeText(_ text: String) -> String { text }
}
MustacheContentTypes.register(Verbatim(), named: "VERBATIM")

let renders = 5_000
let tags = 100

/// Renders a template of `tags` copies of `tag` and prints the time of one
/// tag (the median of three rounds) and the bytes one render writes.
func measure(_ label: String, _ tag: (Int) -> String, wrappedIn section: String? = nil) {
    var values: [String: Any] = ["flag": false, "inner": View(values: ["x": "y"])]
    for number in 0..<30 { values["name\(number)"] = "value \(number)" }
    let view = View(values: values)
    var text = (0..<tags).map(tag).joined()
    if let section { text = "{{#\(section)}}" + text + "{{/\(section)}}" }
    let library = MustacheLibrary(templates: ["t": try! MustacheTemplate(string: "{{% CONTENT_TYPE: VERBATIM}}" + text)])
    var times: [Double] = []
    var bytes = 0
    for _ in 0..<3 {
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<renders { bytes &+= library.render(view, withTemplate: "t")?.utf8.count ?? 0 }
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / Double(renders * tags))
    }
    let padded = label.padding(toLength: 44, withPad: " ", startingAt: 0)
    print(padded, String(format: "%6.0f ns per tag, %5d bytes per render", times.sorted()[1], bytes / (3 * renders)))
}

print("swift-mustache 2.1.1, \(renders) renders of \(tags) tags each, median of 3")
measure("100 bytes of text (no tag)", { "<p>text \($0 % 10)</p>" + String(repeating: " ", count: 89) })
measure("{{name}}, found on the only view", { "{{name\($0 % 30)}}" })
measure("{{{name}}}, found on the only view", { "{{{name\($0 % 30)}}}" })
measure("{{#flag}}x{{/flag}}, flag false", { _ in "{{#flag}}x{{/flag}}" })
measure("{{name}}, one view below the top", { "{{name\($0 % 30)}}" }, wrappedIn: "inner")
measure("{{missing}}, on no view", { _ in "{{missing}}" })
