import Foundation

/// The theme's world map, `map/world.json`: one SVG path per ISO 3166-1
/// alpha-2 code, projected and simplified once by `scripts/make-world-map`
/// from Natural Earth, so that a build only copies path data into pages.
struct WorldMap: Sendable {
    struct Country: Sendable {
        let code: String
        /// Natural Earth's name; the report's own name is the one shown.
        let name: String
        /// Bounds in map units: the locator rings a country too small to see.
        let minX: Double, minY: Double, maxX: Double, maxY: Double
        /// SVG path data in map units.
        let path: String
    }

    static let file = "map/world.json"

    let width: Double, height: Double
    /// Every country in one coarse path (for the locator), in units
    /// `landScale` times larger than the countries'.
    let land: String
    let landScale: Double
    /// By code, in code order.
    let countries: [Country]
    private let index: [String: Int]

    subscript(code: String) -> Country? { index[code].map { countries[$0] } }

    init(width: Double, height: Double, land: String, landScale: Double, countries: [Country]) {
        self.width = width
        self.height = height
        self.land = land
        self.landScale = landScale
        self.countries = countries.sorted { $0.code < $1.code }
        index = Dictionary(self.countries.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    private struct File: Decodable {
        struct Country: Decodable {
            let code: String, name: String, box: [Double], d: String
        }
        let viewBox: [Double]
        let landScale: Double
        let land: String
        let countries: [Country]
    }

    /// Reads and checks the map; a missing or malformed file is an error
    /// naming it.
    static func load(from folder: URL, _ diagnostics: inout Diagnostics) -> WorldMap? {
        let url = folder.appendingPathComponent(file)
        let path = Project.displayPath(url)
        guard FileManager.default.fileExists(atPath: url.path) else {
            diagnostics.append(Messages.missingWorldMap(path: path))
            return nil
        }
        let decoded: File
        do {
            decoded = try JSONDecoder().decode(File.self, from: try Data(contentsOf: url))
        } catch let error as DecodingError {
            diagnostics.append(Messages.malformedWorldMap(path: path, detail: describe(error)))
            return nil
        } catch {
            diagnostics.append(Messages.unreadable(path: path, reason: error.localizedDescription))
            return nil
        }
        guard decoded.viewBox.count == 4, decoded.viewBox[2] > 0, decoded.viewBox[3] > 0, decoded.landScale > 0 else {
            diagnostics.append(Messages.malformedWorldMap(path: path, detail: Messages.worldMapBadViewBox))
            return nil
        }
        var countries: [Country] = []
        var seen = Set<String>()
        for (number, country) in decoded.countries.enumerated() {
            guard country.code.count == 2, country.code.allSatisfy({ $0.isASCII && $0.isUppercase }), seen.insert(country.code).inserted
            else {
                diagnostics.append(Messages.malformedWorldMap(path: path, detail: Messages.worldMapBadCode(number: number + 1)))
                return nil
            }
            guard country.box.count == 4, isPathData(country.d) else {
                diagnostics.append(Messages.malformedWorldMap(path: path, detail: Messages.worldMapBadCountry(country.code)))
                return nil
            }
            let box = country.box
            countries.append(
                Country(code: country.code, name: country.name, minX: box[0], minY: box[1], maxX: box[2], maxY: box[3], path: country.d))
        }
        guard isPathData(decoded.land) else {
            diagnostics.append(Messages.malformedWorldMap(path: path, detail: Messages.worldMapBadLand))
            return nil
        }
        return WorldMap(
            width: decoded.viewBox[2], height: decoded.viewBox[3], land: decoded.land, landScale: decoded.landScale,
            countries: countries)
    }

    /// Path data is copied into pages as it is: only the commands and
    /// numbers the script writes, nothing markup could be made of.
    static func isPathData(_ text: String) -> Bool {
        !text.isEmpty
            && text.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "."): true
                case UInt8(ascii: "M"), UInt8(ascii: "m"), UInt8(ascii: "L"), UInt8(ascii: "l"), UInt8(ascii: "Z"), UInt8(ascii: "z"): true
                default: false
                }
            }
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted: Messages.worldMapNotJSON
        case .keyNotFound(let key, let context): Messages.worldMapMissingKey(place(context.codingPath + [key]))
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            context.codingPath.isEmpty ? Messages.worldMapNotObject : Messages.worldMapWrongType(place(context.codingPath))
        @unknown default: String(describing: error)
        }
    }

    /// A coding path as `countries[3].d`.
    private static func place(_ path: [CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }
}
