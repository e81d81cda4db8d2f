import DossierKit
import Foundation

/// Prints diagnostics to standard error in compiler form, sorted; colour
/// only on a terminal and never when NO_COLOR is set.
struct DiagnosticPrinter {
    let handle: FileHandle
    let colour: Bool

    static var standardError: DiagnosticPrinter {
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return DiagnosticPrinter(handle: .standardError, colour: isatty(STDERR_FILENO) == 1 && !noColor)
    }

    /// Prints every diagnostic, then a count of errors; `consequence` is
    /// appended to that count ("nothing was written").
    func print(_ diagnostics: Diagnostics, consequence: String? = nil) {
        let sorted = diagnostics.sorted
        guard !sorted.isEmpty else { return }
        var text = sorted.map(format).joined(separator: "\n") + "\n"
        let errors = diagnostics.errorCount, warnings = diagnostics.warningCount
        if errors > 0 {
            text += "\(errors) error\(errors == 1 ? "" : "s")"
                + (warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : "")
                + (consequence.map { ": \($0)" } ?? "") + "\n"
        }
        handle.write(Data(text.utf8))
    }

    private func format(_ diagnostic: Diagnostic) -> String {
        guard colour else { return diagnostic.description }
        let severityColour = diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m"
        let place = diagnostic.location.map { "\u{1B}[1m\($0):\u{1B}[0m " } ?? ""
        return place + severityColour + diagnostic.severity.rawValue + ":\u{1B}[0m " + diagnostic.message
    }
}
