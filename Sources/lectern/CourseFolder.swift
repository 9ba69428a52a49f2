import Foundation
import Lesson
import Site

/// The course a lesson path belongs to: every lesson of its folder (a lesson file's own folder)
/// and the folder's course file. Rendering one lesson still needs all of them, for the sidebar's
/// titles and the previous and next links; reading them costs milliseconds.
struct CourseFolder {
    /// The folder's readable lessons, in file-name order (unreadable ones are reported where they
    /// are rendered).
    var lessons: [Lesson] = []
    var courseFile: CourseFile?
    /// The folder the lessons are in (the files they read are found from it).
    var folder = URL(fileURLWithPath: ".")
    /// What is wrong with the course file, as `lectern.yml:LINE:COL: error: ...` lines.
    var problems: [String] = []

    static func load(containing path: String) -> CourseFolder {
        var isDir: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDir)
        let folderPath = exists && isDir.boolValue ? path : (path as NSString).deletingLastPathComponent
        let folder = URL(fileURLWithPath: folderPath.isEmpty ? "." : folderPath)
        var course = CourseFolder()
        course.folder = folder
        let files = (try? LessonFiles.find(folder.path)) ?? []
        course.lessons = files.compactMap { try? LessonFiles.load($0) }
        let courseURL = folder.appendingPathComponent(CourseFile.fileName)
        if FileManager.default.fileExists(atPath: courseURL.path) {
            // Named in messages as the command line names the folder.
            let shown = folderPath.isEmpty || folderPath == "." ? CourseFile.fileName : (folderPath as NSString).appendingPathComponent(CourseFile.fileName)
            guard let data = FileManager.default.contents(atPath: courseURL.path), let text = String(data: data, encoding: .utf8) else {
                course.problems.append("\(shown):1:1: error: the course file cannot be read as UTF-8 text")
                return course
            }
            let (file, problems) = CourseFile.parse(file: shown, source: text)
            course.courseFile = file
            course.problems = (problems + file.problems(lessonFiles: files.map(\.lastPathComponent), file: shown)).map(\.description)
        }
        return course
    }

    /// The navigation's outline; `failed` tells which lessons' last runs failed (for the index).
    func outline(drafts: Bool, failed: (String) -> Bool = { _ in false }) -> CourseOutline {
        CourseOutline(course: courseFile, lessons: lessons.map { CourseOutline.Entry($0, failed: failed($0.stem)) }, drafts: drafts)
    }

    /// The lessons the search covers, in reading order (drafts only with `drafts`).
    func searchedLessons(drafts: Bool) -> [Lesson] {
        let byStem = Dictionary(lessons.map { ($0.stem, $0) }, uniquingKeysWith: { a, _ in a })
        return outline(drafts: drafts).lessons.compactMap { byStem[$0.stem] }
    }
}
