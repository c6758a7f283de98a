// The values a template reads: text, flags, lists and maps, with no type to discover at render time.

/// What `{{name}}`, `{{#name}}` and `{{^name}}` find in a page's context.
///
/// Pages build their context from these cases (or from plain Swift values, converted once by
/// `init(_:)`), so rendering never asks what type a value is: asking is what made swift-mustache's
/// lookups slow (see `TemplateRenderer`).
public enum TemplateValue: Sendable {
    case text(String)
    case flag(Bool)
    case list([TemplateValue])
    case map([String: TemplateValue])

    /// Converts a context built from Swift values: strings, booleans, numbers, dictionaries keyed by
    /// string, arrays, optionals, and structs (through their stored properties, as swift-mustache
    /// read them). A nil optional converts to empty text at the top and is left out of maps and lists,
    /// so sections treat it as missing.
    public init(_ value: Any) {
        self = Self.present(value) ?? .text("")
    }

    /// The converted value, or nil for a nil optional. The common types are cast first: `Mirror` is
    /// only for what is left (view-model structs, optionals).
    package static func present(_ value: Any) -> TemplateValue? {
        switch value {
        case let value as TemplateValue: return value
        case let text as String: return .text(text)
        case let flag as Bool: return .flag(flag)
        case let map as [String: TemplateValue]: return .map(map)
        case let map as [String: String]: return .map(map.mapValues { .text($0) })
        case let map as [String: Any]: return .map(map.compactMapValues(present))
        case let list as [[String: Any]]: return .list(list.map { .map($0.compactMapValues(present)) })
        case let list as [Any]: return .list(list.compactMap(present))
        case let number as Int: return .text(String(number))
        default: return reflecting(value)
        }
    }

    /// Structs and classes as maps of their stored properties; other collections as lists; a nil
    /// optional as nil; any other value as its description (what swift-mustache printed for it).
    static func reflecting(_ value: Any) -> TemplateValue? {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional?:
            return mirror.children.first.flatMap { present($0.value) }
        case .struct?, .class?:
            var map: [String: TemplateValue] = [:]
            for child in mirror.children {
                guard let label = child.label, let converted = present(child.value) else { continue }
                map[label] = converted
            }
            return .map(map)
        case .collection?, .set?:
            return .list(mirror.children.compactMap { present($0.value) })
        default:
            return .text(String(describing: value))
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .text(value) }
    public init(booleanLiteral value: Bool) { self = .flag(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .map(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
