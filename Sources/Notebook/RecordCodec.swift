import Foundation

/// Reading and writing records as pretty-printed JSON with sorted keys, so the same run gives
/// the same bytes and a change shows as a small diff.
public enum RecordCodec {
    public static func encode(_ record: LessonRecord) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(record)
        data.append(0x0A)
        return data
    }

    public static func decode(_ data: Data) throws -> LessonRecord {
        try JSONDecoder().decode(LessonRecord.self, from: data)
    }
}
