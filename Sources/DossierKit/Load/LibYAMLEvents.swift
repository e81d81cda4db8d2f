import CYaml

/// The one file that reads libyaml's events. They come from the copy of
/// libyaml inside Yams (its `CYaml` module, not a product of Yams): Debian's
/// libyaml cannot be linked beside it (the same symbols, and Yams carries a
/// newer snapshot), and Yams's own API has no events. Two users need them:
/// `YAMLAliasBudget`, which must count aliases before Yams composes, and
/// `YAMLTree`, which composes plain front matter itself (Yams for
/// everything costs 6.6% more instructions per build: docs/performance.md).
/// Only Swift values leave this file, so a change in Yams's module touches
/// this file alone.
enum LibYAMLEvents {
    /// One event, as Swift values.
    struct Event {
        enum Kind {
            case streamStart, streamEnd, documentStart, documentEnd, scalar, alias, other
            case sequenceStart, sequenceEnd, mappingStart, mappingEnd
        }

        let kind: Kind
        /// 1-based.
        let line: Int, column: Int
        /// The anchor a scalar or collection defines, or the one an alias names.
        let anchor: String?
        let hasTag: Bool
        /// A scalar's text (see `text(_:_:)`), and whether it is written plain.
        let text: String
        let plain: Bool
    }

    /// Hands each event of `yaml` to `body` until it returns a value, and
    /// returns that; nil when the stream ends first or libyaml stops at an
    /// error (Yams reports it).
    static func first<T>(in yaml: String, _ body: (Event) -> T?) -> T? {
        var yaml = yaml
        yaml.makeContiguousUTF8()
        return yaml.utf8.withContiguousStorageIfAvailable { bytes -> T? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                if let result = body(Self.event(event)) { return result }
                // Past the end libyaml keeps answering with empty events.
                if event.type == YAML_STREAM_END_EVENT { return nil }
            }
            return nil
        } ?? nil
    }

    private static func event(_ event: yaml_event_t) -> Event {
        let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
        func make(
            _ kind: Event.Kind, anchor: UnsafeMutablePointer<UInt8>? = nil, tag: UnsafeMutablePointer<UInt8>? = nil,
            text: String = "", plain: Bool = false
        ) -> Event {
            Event(
                kind: kind, line: line, column: column, anchor: anchor.map { String(cString: $0) },
                hasTag: tag != nil, text: text, plain: plain)
        }
        switch event.type {
        case YAML_STREAM_START_EVENT: return make(.streamStart)
        case YAML_STREAM_END_EVENT: return make(.streamEnd)
        case YAML_DOCUMENT_START_EVENT: return make(.documentStart)
        case YAML_DOCUMENT_END_EVENT: return make(.documentEnd)
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            return make(
                .scalar, anchor: scalar.anchor, tag: scalar.tag, text: text(scalar.value, scalar.length),
                plain: scalar.style == YAML_PLAIN_SCALAR_STYLE)
        case YAML_SEQUENCE_START_EVENT:
            return make(.sequenceStart, anchor: event.data.sequence_start.anchor, tag: event.data.sequence_start.tag)
        case YAML_SEQUENCE_END_EVENT: return make(.sequenceEnd)
        case YAML_MAPPING_START_EVENT:
            return make(.mappingStart, anchor: event.data.mapping_start.anchor, tag: event.data.mapping_start.tag)
        case YAML_MAPPING_END_EVENT: return make(.mappingEnd)
        case YAML_ALIAS_EVENT: return make(.alias, anchor: event.data.alias.anchor)
        default: return make(.other)
        }
    }

    /// A scalar's text as Yams decodes it: Foundation's
    /// `String(bytes:encoding: .utf8)` drops one byte-order mark at the
    /// start (libyaml keeps one that is not at the start of the stream).
    private static func text(_ value: UnsafeMutablePointer<UInt8>?, _ length: Int) -> String {
        var bytes = UnsafeBufferPointer(start: value, count: length)[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self)
    }
}
