import _FoundationICU

/// CLDR plural categories (`one`, `few`, `other`, ...) of a locale, from
/// the ICU that Foundation carries (its `_FoundationICU` module, whose
/// functions have a `swift_` prefix): no hand-made rules per language, and
/// no second copy of ICU's data in the binary.
final class PluralRules: @unchecked Sendable {
    // ICU's plural rules are immutable once opened; `select` is safe from any thread.
    private let rules: OpaquePointer?

    init(locale: String) {
        var status = U_ZERO_ERROR
        rules = swift_uplrules_open(locale, &status)
    }

    deinit { if let rules { swift_uplrules_close(rules) } }

    func category(_ number: Int) -> String {
        guard let rules else { return "other" }
        var status = U_ZERO_ERROR
        var buffer = [UChar](repeating: 0, count: 16)
        let length = swift_uplrules_select(rules, Double(number), &buffer, Int32(buffer.count), &status)
        guard status.rawValue <= 0, length > 0 else { return "other" }
        return String(decoding: buffer[..<Int(length)], as: UTF16.self)
    }
}
