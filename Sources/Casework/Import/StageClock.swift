internal import Foundation
import Intake

/// Wall and CPU seconds one import stage spent working, summed over its runs. CPU time below
/// wall time means the stage waited (on the disk, on locks); comparing stages shows which one the
/// others wait for.
public struct StageClock: Sendable, Equatable {
    public var wallSeconds = 0.0
    public var cpuSeconds = 0.0

    public init() {}

    /// Runs `work` on the calling thread and adds its wall and CPU time.
    mutating func measure<Value>(_ work: () throws -> Value) rethrows -> Value {
        let wallStart = StageClock.now(CLOCK_MONOTONIC), cpuStart = StageClock.now(CLOCK_THREAD_CPUTIME_ID)
        defer {
            wallSeconds += StageClock.now(CLOCK_MONOTONIC) - wallStart
            cpuSeconds += StageClock.now(CLOCK_THREAD_CPUTIME_ID) - cpuStart
        }
        return try work()
    }

    /// Where a measurement began, for steps too short to time one by one: reading the thread's
    /// CPU clock is a system call, and a row takes only some microseconds to read.
    struct Lap {
        let wall: Double
        let cpu: Double

        static func start() -> Lap {
            Lap(wall: StageClock.now(CLOCK_MONOTONIC), cpu: StageClock.now(CLOCK_THREAD_CPUTIME_ID))
        }
    }

    /// Adds the time from `lap` until now.
    mutating func add(since lap: Lap) {
        wallSeconds += StageClock.now(CLOCK_MONOTONIC) - lap.wall
        cpuSeconds += StageClock.now(CLOCK_THREAD_CPUTIME_ID) - lap.cpu
    }

    static func += (left: inout StageClock, right: StageClock) {
        left.wallSeconds += right.wallSeconds
        left.cpuSeconds += right.cpuSeconds
    }

    private static func now(_ clock: clockid_t) -> Double {
        var time = timespec()
        clock_gettime(clock, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
