// Where each French region sits on the tile map: one square each, neighbours kept roughly in place.

/// The tile grid of the 18 regions by INSEE code: 13 metropolitan regions on a 5 × 5 grid, and
/// the 5 overseas regions on a row of their own below.
///
/// ```
///        .    NOR  HDF   .    .
///       BRE   PDL  IDF  GES   .
///        .    NAQ  CVL  BFC   .
///        .    OCC  ARA  PAC   .
///        .     .    .    .   COR
///
///       GUA   MTQ  GUF  REU  MAY
/// ```
enum RegionTileLayout {
    struct Tile: Sendable {
        let code: String
        let column: Int
        let row: Int
    }

    static let columns = 5
    static let metropolitanRows = 5

    /// Metropolitan regions, north to south, west to east (the drawing order).
    static let metropolitan: [Tile] = [
        Tile(code: "28", column: 1, row: 0),  // Normandie
        Tile(code: "32", column: 2, row: 0),  // Hauts-de-France
        Tile(code: "53", column: 0, row: 1),  // Bretagne
        Tile(code: "52", column: 1, row: 1),  // Pays de la Loire
        Tile(code: "11", column: 2, row: 1),  // Île-de-France
        Tile(code: "44", column: 3, row: 1),  // Grand Est
        Tile(code: "75", column: 1, row: 2),  // Nouvelle-Aquitaine
        Tile(code: "24", column: 2, row: 2),  // Centre-Val de Loire
        Tile(code: "27", column: 3, row: 2),  // Bourgogne-Franche-Comté
        Tile(code: "76", column: 1, row: 3),  // Occitanie
        Tile(code: "84", column: 2, row: 3),  // Auvergne-Rhône-Alpes
        Tile(code: "93", column: 3, row: 3),  // Provence-Alpes-Côte d'Azur
        Tile(code: "94", column: 4, row: 4),  // Corse
    ]

    /// Overseas regions, in INSEE code order, one per column of the row below the map.
    static let overseas: [Tile] = ["01", "02", "03", "04", "06"].enumerated().map {
        Tile(code: $0.element, column: $0.offset, row: metropolitanRows)
    }

    static let all = metropolitan + overseas
}
