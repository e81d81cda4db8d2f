import CYaml

/// libyaml's events for a text, one at a time: the parser's set-up and
/// clean-up, shared by `YAMLTree` and `YAMLAliasBudget`.
enum LibYAMLEvents {
    /// Hands each event of `yaml` to `body` until it returns a value, and
    /// returns that; nil when the stream ends first or libyaml stops at an
    /// error (Yams reports it).
    static func first<T>(in yaml: String, _ body: (yaml_event_t) -> T?) -> T? {
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
                if let result = body(event) { return result }
                // Past the end libyaml keeps answering with empty events.
                if event.type == YAML_STREAM_END_EVENT { return nil }
            }
            return nil
        } ?? nil
    }
}
