import XCTest
@testable import Modules
import Script

/// Lessons read files of their course folder: `open`, `np.loadtxt`, `np.load`, with Python's
/// exceptions for everything else. `.npy` bytes and loaded values are NumPy 2's own.
final class CourseFileReadingTests: XCTestCase {
    var folder: URL!
    var outside: URL!
    var session: LessonSession!
    var reads: [(String, Int?)] = []

    override func setUpWithError() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-course-files-\(UUID().uuidString)")
        folder = base.appendingPathComponent("course")
        outside = base.appendingPathComponent("outside.txt")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        try "secret\n".write(to: outside, atomically: true, encoding: .utf8)
        try "x,y,label\n1,2,a\n# a comment\n\n3.5,-4,b\r\n5,6e2,c\n".write(to: file("data/points.csv"), atomically: true, encoding: .utf8)
        try "first\nsecond\nthird".write(to: file("notes.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: file("data/escape.txt"), withDestinationURL: outside)
        try FileManager.default.createSymbolicLink(at: file("alias.csv"), withDestinationURL: file("data/points.csv"))
        session = LessonSession(seed: 0)
        session.courseFolder = folder
        reads = []
        session.fileRead = { [unowned self] path, bytes in reads.append((path, bytes?.count)) }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder.deletingLastPathComponent())
        Limits.setMemoryLimit(mebibytes: 4096)
    }

    func file(_ name: String) -> URL { folder.appendingPathComponent(name) }

    func run(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        let interpreter = Interpreter(modules: session.registry)
        var out = ""
        interpreter.output = { out += $0 }
        do { _ = try interpreter.run(source, file: "lesson.md", firstLine: 10) } catch { XCTFail("\(error)", file: file, line: line) }
        return out
    }

    func error(_ source: String) -> ScriptError? {
        let interpreter = Interpreter(modules: session.registry)
        do { _ = try interpreter.run(source, file: "lesson.md", firstLine: 10) } catch let e as ScriptError { return e } catch { return nil }
        return nil
    }

    func array(_ source: String) throws -> NDArray {
        let interpreter = Interpreter(modules: session.registry)
        _ = try interpreter.run("import numpy as np\na = " + source, file: "lesson.md", firstLine: 1)
        guard case .object(let a as NDArray)? = interpreter.global("a") else { throw ScriptError.type("not an array") }
        return a
    }

    func testOpenReadsLinesAsPythonDoes() {
        XCTAssertEqual(run("""
        with open('notes.txt') as f:
            print(repr(f.readline()), f.closed)
            print(f.readlines())
            print(repr(f.readline()))
        print(f.closed)
        f = open('./data/../notes.txt', 'r')
        print(repr(f.read(3)), [line.strip() for line in f])
        f.close()
        print(open('data/points.csv').read().count('\\n'), len(open('alias.csv').readlines()))
        with open('notes.txt') as f:
            header = next(f)
            print(repr(header), [line for line in f], next(f, 'done'))
        """), """
        'first\\n' False
        ['second\\n', 'third']
        ''
        True
        'fir' ['st', 'second', 'third']
        6 6
        'first\\n' ['second\\n', 'third'] done

        """)
        // Recorded under the name the lesson used; a link inside the folder is followed when hashing.
        XCTAssertEqual(reads.map(\.0), ["notes.txt", "notes.txt", "data/points.csv", "alias.csv", "notes.txt"])
        XCTAssertEqual(reads.first?.1, 18)
    }

    func testAClosedFileRefusesToRead() throws {
        let e = try XCTUnwrap(error("f = open('notes.txt')\nf.close()\nf.read()"))
        XCTAssertEqual(e.kind, "ValueError")
        XCTAssertEqual(e.message, "I/O operation on closed file.")
    }

    func testPathsOutsideTheFolderAndOtherMisusesArePythonsExceptions() throws {
        let cases: [(String, String, String)] = [
            ("open('/etc/passwd')", "PermissionError", "[Errno 13] Permission denied: '/etc/passwd'"),
            ("open('../outside.txt')", "PermissionError", "[Errno 13] Permission denied: '../outside.txt'"),
            ("open('data/../../outside.txt')", "PermissionError", "Permission denied"),
            ("open('data/escape.txt')", "PermissionError", "Permission denied: 'data/escape.txt'"),
            ("open('missing.csv')", "FileNotFoundError", "[Errno 2] No such file or directory: 'missing.csv'"),
            ("open('')", "FileNotFoundError", "No such file or directory: ''"),
            ("open('data')", "IsADirectoryError", "[Errno 21] Is a directory: 'data'"),
            ("open('notes.txt', 'w')", "PermissionError", "mode 'w'"),
            ("open('notes.txt', 'a')", "PermissionError", "mode 'a'"),
            ("open('notes.txt', 'r+')", "PermissionError", "mode 'r+'"),
            ("open('notes.txt', 'rw')", "ValueError", "invalid mode: 'rw'"),
            ("open('notes.txt', 'z')", "ValueError", "invalid mode: 'z'"),
            ("open('notes.txt', 'rb')", "NotImplementedError", "binary mode"),
            ("open('notes.txt', encoding='latin-1')", "NotImplementedError", "UTF-8"),
            ("open(3)", "TypeError", "file name"),
            ("import numpy as np\nnp.loadtxt('../outside.txt')", "PermissionError", "Permission denied"),
            ("import numpy as np\nnp.load('nothing.npy')", "FileNotFoundError", "nothing.npy"),
        ]
        for (source, kind, message) in cases {
            let e = try XCTUnwrap(error(source), source)
            XCTAssertEqual(e.kind, kind, source)
            XCTAssertTrue(e.message.contains(message), "\(source): \(e.message)")
            XCTAssertEqual(e.location?.file, "lesson.md", source)
            XCTAssertEqual(e.location?.line, source.contains("\n") ? 11 : 10, source)
        }
        // Only the missing files were recorded as looked for; nothing outside was read.
        XCTAssertEqual(reads.map(\.0), ["missing.csv", "nothing.npy"])
        XCTAssertTrue(reads.allSatisfy { $0.1 == nil })
    }

    func testWithoutACourseFolderNothingCanBeRead() throws {
        session.courseFolder = nil
        XCTAssertEqual(try XCTUnwrap(error("open('notes.txt')")).kind, "FileNotFoundError")
    }

    func testAFileLargerThanTheMemoryLimitIsAMemoryError() throws {
        try Data(count: 2 << 20).write(to: file("big.bin"))
        Limits.setMemoryLimit(mebibytes: 1)
        XCTAssertEqual(try XCTUnwrap(error("open('big.bin')")).kind, "MemoryError")
    }

    func testLoadtxtReadsDelimitedNumbersAsNumPyDoes() throws {
        let all = try array("np.loadtxt('data/points.csv', delimiter=',', skiprows=1, usecols=(0, 1))")
        XCTAssertEqual(all.shape, [3, 2])
        XCTAssertEqual(all.dtype, .float64)
        XCTAssertEqual(all.storage, [1, 2, 3.5, -4, 5, 600])
        let column = try array("np.loadtxt('data/points.csv', delimiter=',', skiprows=1, usecols=-2)")
        XCTAssertEqual(column.shape, [3])
        XCTAssertEqual(column.storage, [2, -4, 600])
        let unpacked = try array("np.loadtxt(open('data/points.csv'), delimiter=',', skiprows=1, usecols=[0, 1], unpack=True, dtype='float32')")
        XCTAssertEqual(unpacked.shape, [2, 3])
        XCTAssertEqual(unpacked.dtype, .float32)
        XCTAssertEqual(unpacked.storage, [1, 3.5, 5, 2, -4, 600])
        let firstRow = try array("np.loadtxt('data/points.csv', delimiter=',', skiprows=1, usecols=(0, 1), max_rows=1, ndmin=2)")
        XCTAssertEqual(firstRow.shape, [1, 2])
        try "1 2\n3 4\n".write(to: file("ints.txt"), atomically: true, encoding: .utf8)
        let ints = try array("np.loadtxt('ints.txt', dtype=int)")
        XCTAssertEqual(ints.dtype, .int64)
        XCTAssertEqual(ints.storage, [1, 2, 3, 4])
        try "5\n".write(to: file("one.txt"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try array("np.loadtxt('one.txt')").shape, [])
        XCTAssertEqual(try array("np.loadtxt('one.txt', ndmin=2)").shape, [1, 1])
    }

    func testLoadtxtErrorsAreNumPysWords() throws {
        try "1 2\n3\n".write(to: file("ragged.txt"), atomically: true, encoding: .utf8)
        try "1.5,2\n".write(to: file("half.txt"), atomically: true, encoding: .utf8)
        let cases: [(String, String)] = [
            ("np.loadtxt('ragged.txt')", "the number of columns changed from 2 to 1 at row 2; use `usecols` to select a subset and avoid this error"),
            ("np.loadtxt('data/points.csv', delimiter=',')", "could not convert string 'x' to float64 at row 0, column 1."),
            ("np.loadtxt('half.txt', delimiter=',', dtype=int)", "could not convert string '1.5' to int64 at row 0, column 1."),
            ("np.loadtxt('half.txt', delimiter=',', usecols=5)", "invalid column index 5 at row 1 with 2 columns"),
        ]
        for (source, message) in cases {
            let e = try XCTUnwrap(error("import numpy as np\n" + source), source)
            XCTAssertTrue(e.message.contains(message), "\(source): \(e.message)")
        }
        let converters = try XCTUnwrap(error("import numpy as np\nnp.loadtxt('half.txt', converters={0: float})"))
        XCTAssertEqual(converters.kind, "NotImplementedError")
    }

    /// Files NumPy 2.4 wrote with `np.save` (and `np.lib.format.write_array(..., version=(2, 0))`).
    static let npy: [String: String] = [
        "f8.npy": "k05VTVBZAQB2AHsnZGVzY3InOiAnPGY4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsIDMpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAqamZmZmZm5PwAAAAAAAATAg7Y60pcSwAEYLURU+yEJQAAAACBfoAJCAAAAAAAAAIA=",
        "f4.npy": "k05VTVBZAQB2AHsnZGVzY3InOiAnPGY0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDMsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIArNzIw/zcwMQDMzU8A=",
        "i8.npy": "k05VTVBZAQB2AHsnZGVzY3InOiAnPGk4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsIDIpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAr7/////////wAAAAAAAQAABwAAAAAAAAAAAAAAAAAAAA==",
        "fortran.npy": "k05VTVBZAQB2AHsnZGVzY3InOiAnPGY4JywgJ2ZvcnRyYW5fb3JkZXInOiBUcnVlLCAnc2hhcGUnOiAoMiwgMyksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAAAAAAAAAAAAAAhAAAAAAAAA8D8AAAAAAAAQQAAAAAAAAABAAAAAAAAAFEA=",
        "v2.npy": "k05VTVBZAgB0AAAAeydkZXNjcic6ICc8aTgnLCAnZm9ydHJhbl9vcmRlcic6IEZhbHNlLCAnc2hhcGUnOiAoMywpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAAAAAAEAAAAAAAAAAgAAAAAAAAA=",
        "i4.npy": "k05VTVBZAQB2AHsnZGVzY3InOiAnPGk0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDMsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAQAAAAIAAAA=",
    ]

    func testLoadReadsNumPysNpyFiles() throws {
        for (name, base64) in Self.npy { try XCTUnwrap(Data(base64Encoded: base64)).write(to: file(name)) }
        let f8 = try array("np.load('f8.npy')")
        XCTAssertEqual(f8.shape, [2, 3])
        XCTAssertEqual(f8.storage, [0.1, -2.5, 3e-300, Double.pi, 1e10, -0.0])
        XCTAssertEqual(f8.storage[5].sign, .minus)
        let f4 = try array("np.load('f4.npy')")
        XCTAssertEqual(f4.dtype, .float32)
        XCTAssertEqual(f4.storage, [Double(Float(1.1)), Double(Float(2.2)), Double(Float(-3.3))])
        let i8 = try array("np.load('i8.npy')")
        XCTAssertEqual(i8.dtype, .int64)
        XCTAssertEqual(i8.storage, [-5, 1099511627776, 7, 0])
        let fortran = try array("np.load('fortran.npy')")
        XCTAssertEqual(fortran.shape, [2, 3])
        XCTAssertEqual(fortran.storage, [0, 1, 2, 3, 4, 5])
        XCTAssertEqual(try array("np.load('v2.npy')").storage, [0, 1, 2])
        let int32 = try XCTUnwrap(error("import numpy as np\nnp.load('i4.npy')"))
        XCTAssertEqual(int32.kind, "ValueError")
        XCTAssertTrue(int32.message.contains("'<i4'"), int32.message)
        let text = try XCTUnwrap(error("import numpy as np\nnp.load('notes.txt')"))
        XCTAssertTrue(text.message.contains("magic string"), text.message)
        // A header promising more data than the file holds.
        var short = try XCTUnwrap(Data(base64Encoded: Self.npy["f8.npy"] ?? ""))
        short.removeLast(8)
        try short.write(to: file("short.npy"))
        XCTAssertTrue(try XCTUnwrap(error("import numpy as np\nnp.load('short.npy')")).message.contains("needs 48"))
    }
}
