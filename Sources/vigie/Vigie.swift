import ArgumentParser
import VigieCore

@main
struct Vigie: ParsableCommand {
    func run() throws {}
}
