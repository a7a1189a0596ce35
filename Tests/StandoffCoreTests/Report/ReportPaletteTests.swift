import Foundation
import Testing
@testable import StandoffCore

/// The palette works for readers with colour-vision deficiencies: text stays readable on every
/// tint, and the hues that must be told apart stay apart when simulated for protanopia,
/// deuteranopia and tritanopia (Machado, Oliveira and Fernandes 2009, severity 1).
@Suite("Report palette")
struct ReportPaletteTests {
    static func rgb(_ hex: String) -> [Double] {
        let value = Int(hex.dropFirst(), radix: 16)!
        return [Double((value >> 16) & 0xFF) / 255, Double((value >> 8) & 0xFF) / 255, Double(value & 0xFF) / 255]
    }

    static func linear(_ channel: Double) -> Double {
        channel <= 0.04045 ? channel / 12.92 : pow((channel + 0.055) / 1.055, 2.4)
    }

    static func luminance(_ hex: String) -> Double {
        let c = rgb(hex).map(linear)
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
    }

    /// WCAG 2 contrast ratio.
    static func contrast(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    static let simulations: [(String, [[Double]])] = [
        ("protanopia", [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]),
        ("deuteranopia", [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]),
        ("tritanopia", [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]]),
        ("normal vision", [[1, 0, 0], [0, 1, 0], [0, 0, 1]]),
    ]

    /// Euclidean distance in simulated linear RGB, scaled to 0…100.
    static func distance(_ a: String, _ b: String, _ matrix: [[Double]]) -> Double {
        func simulate(_ hex: String) -> [Double] {
            let c = rgb(hex).map(linear)
            return matrix.map { row in min(1, max(0, row[0] * c[0] + row[1] * c[1] + row[2] * c[2])) }
        }
        let (x, y) = (simulate(a), simulate(b))
        return 100 * ((x[0] - y[0]) * (x[0] - y[0]) + (x[1] - y[1]) * (x[1] - y[1]) + (x[2] - y[2]) * (x[2] - y[2])).squareRoot()
    }

    @Test(arguments: ReportPalette.stance + ReportPalette.entities)
    func textOnEveryTintMeetsWCAGAAA(_ swatch: ReportPalette.Swatch) {
        #expect(Self.contrast(ReportPalette.text, swatch.tint) >= 7, "\(swatch.name)")
    }

    @Test(arguments: simulations)
    func favorAndAgainstStayApart(_ name: String, _ matrix: [[Double]]) {
        let favor = ReportPalette.stance("favor"), against = ReportPalette.stance("against")
        #expect(Self.distance(favor.hue, against.hue, matrix) > 20, "hues under \(name)")
        #expect(Self.distance(favor.tint, against.tint, matrix) > 4, "tints under \(name)")
    }

    @Test(arguments: simulations)
    func entityHuesStayApart(_ name: String, _ matrix: [[Double]]) {
        let hues = ReportPalette.entities
        for (i, a) in hues.enumerated() {
            for b in hues.dropFirst(i + 1) {
                #expect(Self.distance(a.hue, b.hue, matrix) > 8, "\(a.name) and \(b.name) under \(name)")
            }
        }
    }

    @Test func everyEntityTypeHasAColour() {
        #expect(ReportPalette.entities.map(\.name) == EntityType.allCases.map(\.rawValue))
    }
}
