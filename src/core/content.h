// content.h — the course content model and its parsers (pure C++20, no I/O).
//
// Content is authored as Markdown lessons with GIFT questions in fenced `quiz` blocks (see
// docs/AUTHORING.md and ../shared/design/CONTENT-FORMAT.md). Parsing turns text into an immutable
// Catalog: languages -> courses -> modules -> sections -> blocks, plus quizzes -> questions.
// Every problem is a Diagnostic carrying path:line:column, so authors can find it in their editor.
//
// [SECTION] Diagnostics
// [SECTION] Inline text and blocks
// [SECTION] Quizzes
// [SECTION] Modules, courses, catalog
// [SECTION] Parsing entry points
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace siaga {

// [SECTION] Diagnostics -----------------------------------------------------------------------------

enum class Severity { Error, Warning };

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string path;
  int line = 0;    // 1-based; 0 when the problem concerns a whole file or tree
  int column = 0;  // 1-based, in bytes
  std::string message;  // ends with the offending text in quotes where there is one

  // "path:line:column: error: message"
  std::string to_string() const;
};

bool has_errors(const std::vector<Diagnostic>& diagnostics);

// [SECTION] Inline text and blocks -------------------------------------------------------------------

// A run of inline text with one style. Links carry their target; a target starting with "#/" is a
// route inside the portal, anything else is external.
struct Span {
  std::string text;
  bool bold = false;
  bool italic = false;
  bool code = false;
  std::string link;  // empty when not a link
};

enum class CalloutKind { None, Note, Tip, Warning, Case, Discuss };

struct Block;

struct ListItem {
  std::vector<Span> spans;       // the item's own text
  std::vector<Block> children;   // nested lists or paragraphs inside the item
};

struct TableCell {
  std::vector<Span> spans;
};

enum class CellAlign { Default, Left, Center, Right };

struct Block {
  enum class Kind { Paragraph, Heading, BulletList, NumberedList, Quote, Callout, Table, Code, Rule, Quiz };
  Kind kind = Kind::Paragraph;
  int level = 0;                       // Heading: 1..6 (## section headings are not blocks, see Section)
  int start = 1;                       // NumberedList: first number
  std::vector<Span> spans;             // Paragraph, Heading; Code: one span with the raw text
  std::vector<ListItem> items;         // BulletList, NumberedList
  CalloutKind callout = CalloutKind::None;  // Callout
  std::vector<Block> children;         // Quote, Callout: the blocks inside (marker line removed)
  std::vector<CellAlign> align;        // Table: one per column
  std::vector<TableCell> header;       // Table
  std::vector<std::vector<TableCell>> rows;  // Table
  int quiz_index = -1;                 // Quiz: index into Module::quizzes
  int line = 0;                        // source line of the block's start (for diagnostics, tests)
};

// [SECTION] Quizzes --------------------------------------------------------------------------------

// Description (Moodle's text with no answer block) and Essay (`{}`: an ungraded reflection or discussion
// prompt) are shown but never scored: they take no answer and count in no score (see is_scored).
enum class QuestionType { SingleChoice, MultipleResponse, TrueFalse, Matching, ShortAnswer, Numeric, Description, Essay };

// One option of a choice question, or one accepted answer of a short-answer question.
struct Choice {
  std::string text;        // inline Markdown, escapes resolved
  double weight = 0;       // percent credit: 100 for "=" options, the %n% value for weighted ones
  bool correct = false;    // "=" option, or weight > 0
  std::string feedback;    // shown when this option is chosen
};

// A pair with an empty left side is a distractor (Moodle's `= -> Chat`): its right side is offered as
// an option, but there is no item to match it to.
struct MatchPair {
  std::string left;
  std::string right;
  bool is_distractor() const { return left.empty(); }
};

// {#42}, {#42:2} or {#40..45}: accepts value ± tolerance, or [min, max].
struct NumericAnswer {
  double min = 0;
  double max = 0;
  double weight = 100;
  std::string feedback;
};

struct Question {
  std::string id;                 // the ::name:: when it is an id, else // [id:...], else made from the name or text
  std::string name;               // the ::name:: as written ("" when none): Moodle's question name
  std::vector<std::string> tags;  // Moodle's // [tag:...] markers
  QuestionType type = QuestionType::SingleChoice;
  std::string text;               // inline Markdown, escapes resolved
  std::vector<Choice> choices;    // SingleChoice, MultipleResponse, ShortAnswer (accepted answers)
  std::vector<MatchPair> pairs;   // Matching, in authored order
  std::vector<NumericAnswer> numeric;  // Numeric
  bool truth = false;             // TrueFalse: the right answer
  std::string feedback_wrong;     // TrueFalse: first #feedback
  std::string feedback_right;     // TrueFalse: second #feedback
  std::string general_feedback;   // ####feedback, shown after answering whatever the answer
  int line = 0;                   // source line of the question's first character
  int column = 0;
};

// False for description items and essay prompts: nothing to answer, nothing counted.
inline bool is_scored(const Question& question) {
  return question.type != QuestionType::Description && question.type != QuestionType::Essay;
}

enum class QuizKind { Module, Pretest, Posttest };

struct Quiz {
  std::string id;
  bool graded = true;
  bool shuffle = true;
  int attempts = 0;  // 0 = unlimited
  QuizKind kind = QuizKind::Module;
  std::vector<Question> questions;
  std::string section_id;  // the section the quiz block stands in ("" if before the first ##)
  int line = 0;
};

// [SECTION] Modules, courses, catalog ------------------------------------------------------------------

struct Section {
  std::string id;      // from {#id}
  std::string title;   // heading text without the {#id}
  std::vector<Block> blocks;
  int line = 0;
};

struct Tag {
  std::string key;
  std::string value;
};

struct Module {
  std::string id;
  std::string title;
  std::string summary;
  int minutes = 0;
  std::vector<Tag> tags;
  std::vector<Block> intro;        // blocks before the first ## heading
  std::vector<Section> sections;
  std::vector<Quiz> quizzes;
  std::string path;                // e.g. "content/en/micic/01-why.md"
  int order = 0;                   // from the NN- prefix of the file name
  // A module whose file has errors is kept in the catalog as unavailable, with its diagnostics, so
  // the reader can list it and say why; every other module keeps working.
  bool available = true;
  std::vector<Diagnostic> diagnostics;
};

struct Course {
  std::string id;
  std::string title;
  std::string summary;
  std::vector<std::string> audience;
  int pass_percent = 70;
  bool certificate = false;
  std::vector<Block> intro;
  std::vector<Module> modules;     // sorted by Module::order
  std::string path;                // course.md
  std::string language;            // the language its text is in (its folder's; see add_fallback_courses)
  // false: built from the course's index (see [SECTION] Course index) -- ids, titles, minutes,
  // sections and quiz/question ids, but no lesson blocks and no question text. The lessons arrive in
  // the course's own pack when the learner opens it.
  bool text_loaded = true;
};

// Interface strings of one language, from content/<lang>/ui.po. Keys are the PO msgctxt; the English
// file's msgid is the reference text, other languages' msgstr the translation.
struct Translations {
  std::map<std::string, std::string, std::less<>> by_key;
  // The text for key, or nullptr if this language lacks it (callers fall back to English).
  const std::string* find(std::string_view key) const;
};

struct Language {
  std::string tag;                 // BCP 47, the folder name: "en", "id"
  std::vector<Course> courses;     // sorted by id
  Translations ui;
};

struct Catalog {
  std::vector<Language> languages;
  const Language* find_language(std::string_view tag) const;
};

const Course* find_course(const Language& language, std::string_view course_id);
// Copies into `language` every course of `reference` it lacks (their text stays in the reference
// language, and Course::language says so), so a partly translated language still offers every
// course. Ids are shared, so progress is the same whichever language shows a course.
void add_fallback_courses(Language& language, const Language& reference);
const Module* find_module(const Course& course, std::string_view module_id);

// [SECTION] Parsing entry points ------------------------------------------------------------------

// One file of the content tree: its path relative to the tree's parent ("content/en/micic/course.md")
// and its bytes.
struct SourceFile {
  std::string path;
  std::string bytes;
};

template <typename T>
struct Parsed {
  T value;
  std::vector<Diagnostic> diagnostics;
};

// A module file: front matter, Markdown body with ## sections, quiz blocks.
Parsed<Module> parse_module(std::string_view text, std::string_view path);
// course.md: front matter and introduction. A language pack's course (built from its index) skips the
// introduction: it is Markdown like a lesson and comes, parsed, with the lessons in the course's own
// pack, so the first screen parses no Markdown at all.
enum class CourseIntro { Parse, Skip };
Parsed<Course> parse_course(std::string_view text, std::string_view path, CourseIntro intro = CourseIntro::Parse);
// The inside of one ```quiz fence. first_line is the file line of the fence's first inner line.
Parsed<std::vector<Question>> parse_gift(std::string_view text, std::string_view path, int first_line);

// Questions as a GIFT file that Moodle imports (gift_export.cpp): text marked [markdown], every GIFT
// character escaped, Moodle's // [id:] and [tag:] comments where the id or tags need them. Parsing the
// result with parse_gift gives the same questions back.
std::string write_gift(const std::vector<Question>& questions, std::string_view title);
// Every quiz of a course as one GIFT file, each module a Moodle category under the course's title
// ($CATEGORY lines, which parse_gift skips).
std::string course_to_gift(const Course& course);
// One module's quizzes only, under the same category path (an organisation may take one topic).
std::string module_to_gift(const Course& course, const Module& module);
// A gettext PO file of interface strings.
Parsed<Translations> parse_po(std::string_view text, std::string_view path);

// Builds the catalog from every file of a content tree (any order). Files are grouped by their
// content/<lang>/<course>/ folder; ui.po sits in content/<lang>/.
Parsed<Catalog> build_catalog(const std::vector<SourceFile>& files);

// Cross-file checks for authors (siaga-lint): duplicate ids, languages that differ from "en" in
// courses / modules / sections / questions / option counts, missing interface translations.
std::vector<Diagnostic> check_catalog(const Catalog& catalog);

// siaga-lint's check of the raw course and module files: a warning at path:line:column wherever
// learner-facing text points at an internal file or notes ("RESEARCH.md", "research notes",
// "../shared/..."). Web addresses, even ones ending in .md, are public and fine. SOURCES.md is skipped.
std::vector<Diagnostic> check_learner_text(const std::vector<SourceFile>& files);

// content/<lang>/<course>/SOURCES.md: the course's list of public sources, for authors and reviewers.
// The catalog does not read it as a module and packs do not ship it.
bool is_course_sources_file(std::string_view file_name);

// Inline Markdown (question text, option text, feedback) as styled spans; block syntax is kept as
// plain text. Never fails: anything unparseable comes back as one plain span.
std::vector<Span> parse_inline(std::string_view markdown);

// The content pack shipped to the browser: one file per language holding that language's files.
// Format: "SIAGA-PACK 1\n", then per file "<path>\n<byte length>\n<bytes>\n".
std::string write_pack(const std::vector<SourceFile>& files);
Parsed<std::vector<SourceFile>> read_pack(std::string_view bytes, std::string_view pack_name);

// [SECTION] Course index ------------------------------------------------------------------------------

// A course without its lesson text (course_index.cpp): what the catalog, the course page, progress,
// Continue, certificate status and facilitator reports need -- module ids, titles, summaries,
// minutes and tags, section ids and titles, quizzes with their settings and question ids. siaga-pack
// puts it in the language's pack as content/<lang>/<course>/index.json next to course.md, and
// build_catalog reads it where the course folder has no module files, so the first screen neither
// downloads nor parses a lesson. The lessons come in the course's own pack when it is opened.
inline constexpr std::string_view kCourseIndexFile = "index.json";
std::string write_course_index(const Course& course);
// Replaces course.modules with the index's modules and sets text_loaded = false. On any problem the
// course is left as it was and the one diagnostic says what is wrong.
std::vector<Diagnostic> read_course_index(std::string_view text, std::string_view path, Course& course);

}  // namespace siaga
