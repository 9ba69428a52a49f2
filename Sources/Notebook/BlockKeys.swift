import Foundation
import Lesson
import Modules

/// The version of Lectern that a record's keys name: bump it when a change to the engine, the
/// language or the plots changes what lessons print or draw, so frozen outputs run again.
public enum LecternVersion {
    public static let string = "0.12.0"
}

/// Run keys for a lesson's blocks. A block's key hashes its code and the options that affect how
/// it runs, chained with the key of the block before it; the chain starts from the seed, the
/// parameters and the Lectern version. Two runs whose keys all agree run the same code in the
/// same state, so `render` can rebuild the page from the record instead of running the lesson.
public enum BlockKeys {
    public static func compute(_ lesson: Lesson, seed: UInt64, parameters: [String: String] = [:]) -> [String] {
        var chain = "lectern \(LecternVersion.string)\nseed \(seed)\n"
        for (name, value) in parameters.sorted(by: { $0.key < $1.key }) {
            chain += "param \(name.utf8.count):\(name)=\(value.utf8.count):\(value)\n"
        }
        var previous = SHA256.hex(Array(chain.utf8))
        var keys: [String] = []
        for block in lesson.experiments {
            let o = block.options
            let material = "\(previous)\nid \(block.id)\ntimeout \(o.timeout)\nparams \(o.params)\nerror \(o.expectsError ? "expected" : "-")\ncode \(block.code.utf8.count)\n\(block.code)"
            previous = SHA256.hex(Array(material.utf8))
            keys.append(previous)
        }
        return keys
    }

    /// Whether `record` holds the outputs of exactly these keys, block for block, and every
    /// course file the lesson read is as it was then: read again from `folder` (the lesson's
    /// folder), it has the recorded hash, or is still absent.
    public static func matches(_ record: LessonRecord, _ keys: [String], folder: URL?) -> Bool {
        record.format == LessonRecord.currentFormat
            && record.blocks.count == keys.count
            && zip(record.blocks, keys).allSatisfy { $0.key == $1 }
            && inputsUnchanged(record, folder: folder)
    }

    /// Whether each file the record says the lesson read still hashes as recorded.
    public static func inputsUnchanged(_ record: LessonRecord, folder: URL?) -> Bool {
        record.inputs.allSatisfy { path, recorded in
            guard let folder else { return false }
            let now = CourseFiles.contents(path, in: folder).map { SHA256.hex($0) } ?? BlockRecord.absentInput
            return now == recorded
        }
    }
}
