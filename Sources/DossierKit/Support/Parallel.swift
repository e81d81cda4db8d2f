import Foundation

extension Array where Element: Sendable {
    /// `map` on every core: each element is transformed once, results keep
    /// the input order.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer {
            _ = slots.deinitialize()
            slots.deallocate()
        }
        nonisolated(unsafe) let output = slots
        withUnsafeBufferPointer { buffer in
            nonisolated(unsafe) let input = buffer
            DispatchQueue.concurrentPerform(iterations: input.count) { index in
                output[index] = transform(input[index])
            }
        }
        return slots.compactMap { $0 }
    }
}
