import DossierKit
import Foundation

/// Prints diagnostics to standard error, sorted: in compiler form (colour
/// only on a terminal, never with NO_COLOR), as JSON lines, or as GitHub
/// workflow annotations.
struct DiagnosticPrinter {
    let handle: FileHandle
    let format: DiagnosticFormat
    let colour: Bool
    let quiet: Bool
    /// Notes about single files (what is not translated yet) are printed
    /// only with `--verbose`; a report's summary notes always.
    var listsFiles = false

    static func standardError(format: DiagnosticFormat = .text, quiet: Bool = false, verbose: Bool = false) -> DiagnosticPrinter {
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return DiagnosticPrinter(
            handle: .standardError, format: format, colour: isatty(STDERR_FILENO) == 1 && !noColor, quiet: quiet,
            listsFiles: verbose)
    }

    /// Prints every diagnostic (errors only when quiet), then for text a
    /// count of errors; `consequence` is appended to that count.
    func print(_ diagnostics: Diagnostics, consequence: String? = nil) {
        let sorted = diagnostics.sorted.filter {
            (!quiet || $0.severity == .error) && (listsFiles || $0.severity != .note || $0.location == nil)
        }
        guard !sorted.isEmpty else { return }
        var text: String
        switch format {
        case .text:
            text = sorted.map(plain).joined(separator: "\n") + "\n"
            let errors = diagnostics.errorCount, warnings = diagnostics.warningCount
            if errors > 0 {
                text += Messages.errorSummary(errors: errors, warnings: warnings, consequence: consequence) + "\n"
            }
        case .json:
            text = sorted.map(Self.json).joined(separator: "\n") + "\n"
        case .github:
            text = sorted.map(Self.github).joined(separator: "\n") + "\n"
        }
        handle.write(Data(text.utf8))
    }

    private func plain(_ diagnostic: Diagnostic) -> String {
        guard colour else { return Self.printable(diagnostic.description) }
        let severityColour = diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m"
        let place = diagnostic.location.map { "\u{1B}[1m\(Self.printable("\($0)")):\u{1B}[0m " } ?? ""
        return place + severityColour + diagnostic.severity.rawValue + ":\u{1B}[0m " + Self.printable(diagnostic.message)
    }

    /// Content text quoted in a message, made safe for a terminal: control
    /// characters (an ESC opening a terminal sequence, a line break faking
    /// another diagnostic) and bidirectional overrides are shown as `\u{1B}`.
    static func printable(_ text: String) -> String {
        func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
            (scalar.properties.generalCategory == .control && scalar != "\t")
                || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
        }
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `{"column":12,"file":"content/x.md","line":7,"message":"...","severity":"error"}`
    static func json(_ diagnostic: Diagnostic) -> String {
        struct Line: Encodable {
            let severity: String, file: String?, line: Int?, column: Int?, message: String
        }
        let location = diagnostic.location
        let line = Line(
            severity: diagnostic.severity.rawValue, file: location?.path, line: location?.line,
            column: location?.column, message: diagnostic.message)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(line)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// `::error file=content/x.md,line=7,col=12::message`
    static func github(_ diagnostic: Diagnostic) -> String {
        var properties: [String] = []
        if let location = diagnostic.location {
            properties.append("file=" + escapeProperty(location.path))
            if let line = location.line { properties.append("line=\(line)") }
            if let column = location.column { properties.append("col=\(column)") }
        }
        let command = diagnostic.severity == .note ? "notice" : diagnostic.severity.rawValue
        let head = properties.isEmpty ? "::\(command)" : "::\(command) " + properties.joined(separator: ",")
        return head + "::" + escapeData(diagnostic.message)
    }

    private static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
