import XCTest
@testable import Lesson

final class CourseFileTests: XCTestCase {
    func testTheCourseFileGivesTitleAuthorAndPartsInOrder() {
        let source = """
        title: Regularizing deep networks
        author: A. Teacher
        description: Penalties, constraints and early stopping.
        parts:
          - title: Penalties
            lessons: [02-penalties.md, 01-intro]
          - title: Stopping
            lessons:
              - 03-stop.md
        """
        let (course, problems) = CourseFile.parse(source: source)
        XCTAssertEqual(problems.map(\.description), [])
        XCTAssertEqual(course.title, "Regularizing deep networks")
        XCTAssertEqual(course.author, "A. Teacher")
        XCTAssertEqual(course.description, "Penalties, constraints and early stopping.")
        XCTAssertEqual(course.parts.map(\.title), ["Penalties", "Stopping"])
        XCTAssertEqual(course.parts.map { $0.lessons.map(\.file) }, [["02-penalties.md", "01-intro.md"], ["03-stop.md"]])
        XCTAssertEqual(course.parts[1].lessons[0].line, 9)
        XCTAssertEqual(course.problems(lessonFiles: ["01-intro.md", "02-penalties.md", "03-stop.md", "04-extra.md"]).count, 0)
    }

    func testMissingAndRepeatedLessonsAndUnknownKeysAreDiagnostics() {
        let source = "title: C\nauthr: me\nparts:\n  - title: One\n    lessons: [01-intro.md, 01-intro.md, 02-penaltys.md]\n  - lessons: []\n"
        let (course, problems) = CourseFile.parse(source: source)
        let found = problems.map(\.description)
        XCTAssertEqual(found.count, 2, "\(found)")
        XCTAssertTrue(found[0].hasPrefix("lectern.yml:2:1: error: unknown key 'authr' in the course file; did you mean 'author'?"), "\(found)")
        XCTAssertTrue(found[1].hasPrefix("lectern.yml:6:5: error: a part needs a title"), "\(found)")
        let files = course.problems(lessonFiles: ["01-intro.md", "02-penalties.md"]).map(\.description)
        XCTAssertEqual(files.count, 2, "\(files)")
        XCTAssertTrue(files[0].hasPrefix("lectern.yml:5:28: error: the course names 01-intro.md twice"), "\(files)")
        XCTAssertTrue(files[1].hasPrefix("lectern.yml:5:41: error: the course names 02-penaltys.md, which is not a lesson in the folder; did you mean 02-penalties.md?"), "\(files)")
    }

    func testAnEmptyOrBrokenCourseFileStillGivesACourse() {
        XCTAssertEqual(CourseFile.parse(source: "").0, CourseFile())
        let (_, problems) = CourseFile.parse(source: "title: [\n")
        XCTAssertEqual(problems.count, 1)
        XCTAssertTrue(problems[0].message.contains("not valid YAML"), "\(problems)")
    }
}
