// The facilitator's question bank: its stored record (versioned, checksummed; damaged or newer ones set
// aside, never written over), what opening a GIFT file gives, and the handlers that open, keep, print
// and remove it through the device store.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "app/controller.h"
#include "app/code_module.h"
#include "app/learner.h"
#include "app/storage_keys.h"
#include "core/bank.h"
#include "core/printable.h"
#include "memory_platform.h"

using namespace siaga;

namespace {

const std::string kBank(storage_key::kBank);

const char* const kGift =
    "// question: 1 name: Q1\n"
    "::Q1::[html]<p>Is a passport the worker's own?</p>{TRUE}\n"
    "\n"
    "::Q2:: Two right answers here. {=a =b ~c}\n"
    "\n"
    "::Q3:: Match. {=one -> 1 =two -> 2 = -> 3}\n"
    "\n"
    "::Q4:: One pair only. {=one -> 1}\n";

std::vector<std::string> set_aside_copies(const test::MemoryPlatform& platform) {
  std::vector<std::string> out;
  for (const auto& [name, value] : platform.stored)
    if (name.rfind("siaga.recovery." + kBank + ".", 0) == 0) out.push_back(value);
  return out;
}

void open_file(AppState& app, test::MemoryPlatform& platform, const std::string& name, const std::string& text) {
  apply_action(app, platform, FacilitatorOpenBank{});
  platform.picked = Platform::PickedFile{"open-bank", name, text, ""};
  poll_learners(app, platform);
}

}  // namespace

TEST_CASE("a stored bank comes back as it was written") {
  const QuestionBank bank{"micic.gift", "::a:: Is it? {T}\n", 1700000000000};
  const auto back = parse_bank(bank_to_json(bank));
  REQUIRE(back.ok());
  CHECK(*back.value == bank);
}

TEST_CASE("a stored bank whose text was changed after saving is damaged") {
  std::string json = bank_to_json(QuestionBank{"b.gift", "::a:: Is it? {T}", 1});
  json.replace(json.find("{T}"), 3, "{F}");
  CHECK(parse_bank(json).error == DataError::Damaged);
}

TEST_CASE("a bank written by a newer Siaga, a foreign record and a cut-off one are each told apart") {
  CHECK(parse_bank(R"({"format":"siaga-question-bank","version":2,"name":"b","text":""})").error ==
        DataError::NewerVersion);
  CHECK(parse_bank(R"({"name":"b","text":""})").error == DataError::Foreign);
  CHECK(parse_bank(R"({"format":"siaga-question-bank",)").error == DataError::NotJson);
}

TEST_CASE("importing a bank keeps the questions Moodle accepts and names each refused one's line and column") {
  const BankImport imported = import_bank(QuestionBank{"bank.gift", kGift, 1});
  CHECK(imported.course.id == kBankCourseId);
  REQUIRE(imported.quiz().questions.size() == 3);
  CHECK(imported.quiz().questions[0].text == "Is a passport the worker's own?");
  // Two '=' answers among '~' ones: Moodle's single choice where each '=' is full marks.
  CHECK(imported.quiz().questions[1].type == QuestionType::SingleChoice);
  CHECK(imported.quiz().questions[2].pairs.size() == 3);
  REQUIRE(imported.refused.size() == 1);
  CHECK(imported.refused[0].line == 8);
  CHECK(imported.refused[0].column == 1);
  CHECK(imported.refused[0].message.find("needs at least 2 items") != std::string::npos);
}

TEST_CASE("an opened bank is stored on the device and is there again after a restart") {
  test::MemoryPlatform platform;
  AppState app;
  start_app(app, platform);
  open_file(app, platform, "bank.gift", kGift);
  CHECK(platform.picks_requested == std::vector<std::string>{"open-bank"});
  CHECK(app.bank.note_key == "bank.opened");
  REQUIRE(parse_bank(platform.stored[kBank]).ok());

  AppState again;
  start_app(again, platform);
  REQUIRE(again.bank.stored);
  CHECK(again.bank.stored->name == "bank.gift");
  REQUIRE(again.bank.imported);  // natively the lesson code is linked in: read at start
  CHECK(again.bank.imported->quiz().questions.size() == 3);
}

TEST_CASE("a file with no usable question is refused and the bank saved before is untouched") {
  test::MemoryPlatform platform;
  AppState app;
  start_app(app, platform);
  open_file(app, platform, "good.gift", kGift);
  const std::string saved = platform.stored[kBank];
  open_file(app, platform, "bad.gift", "::x:: Which? {~a ~b}");
  CHECK(app.bank.note_key == "bank.none_imported");
  REQUIRE(app.bank.refused_unsaved.size() == 1);
  CHECK(app.bank.refused_unsaved[0].line == 1);
  CHECK(platform.stored[kBank] == saved);
  CHECK(app.bank.stored->name == "good.gift");
}

TEST_CASE("a bank that cannot be saved is reported in plain words and kept for the session") {
  test::MemoryPlatform platform;
  AppState app;
  start_app(app, platform);
  platform.next_save = StoreResult::Full;
  open_file(app, platform, "bank.gift", kGift);
  CHECK(app.bank.note_key == "bank.not_saved");
  CHECK(app.bank.stored);
  CHECK(platform.stored.count(kBank) == 0);
}

TEST_CASE("a damaged stored bank is set aside before a new one is saved over it") {
  test::MemoryPlatform platform;
  platform.stored[kBank] = "{\"format\":\"siaga-question-bank\",";
  AppState app;
  start_app(app, platform);
  CHECK_FALSE(app.bank.stored);
  CHECK(set_aside_copies(platform) == std::vector<std::string>{"{\"format\":\"siaga-question-bank\","});
  open_file(app, platform, "bank.gift", kGift);
  CHECK(parse_bank(platform.stored[kBank]).ok());
}

TEST_CASE("a newer stored bank that cannot be set aside is never written over") {
  test::MemoryPlatform platform;
  const std::string newer = R"({"format":"siaga-question-bank","version":7,"name":"b","text":""})";
  platform.stored[kBank] = newer;
  platform.next_save = StoreResult::Full;
  AppState app;
  start_app(app, platform);
  platform.next_save = StoreResult::Saved;
  open_file(app, platform, "bank.gift", kGift);
  CHECK(platform.stored[kBank] == newer);
  CHECK(app.bank.note_key == "bank.not_saved");
}

TEST_CASE("the bank prints as a paper test and a key, and removing it empties its key") {
  test::MemoryPlatform platform;
  AppState app;
  start_app(app, platform);
  open_file(app, platform, "bank.gift", kGift);
  apply_action(app, platform, PrintBank{false});
  apply_action(app, platform, PrintBank{true});
  REQUIRE(platform.printed.size() == 2);
  CHECK(platform.printed[0].html.find("Is a passport the worker") != std::string::npos);
  CHECK(platform.printed[1].html.find("<h1>bank.gift</h1>") != std::string::npos);
  // Q2's two '=' answers are both in the key, each right on its own: "A. a<br>C. b" and "A / C".
  const std::string& key = platform.printed[1].html;
  const size_t row = key.find("<tr><td>2</td>");
  REQUIRE(row != std::string::npos);
  const std::string q2 = key.substr(row, key.find("</tr>", row) - row);
  CHECK(q2.find(". a<br>") != std::string::npos);
  CHECK((q2.find(". b") != std::string::npos && q2.find(" / ") != std::string::npos));
  CHECK(q2.find(". c") == std::string::npos);
  // The test is named as a question bank (here the key of that string: this app has no ui.po), not a pretest.
  CHECK(platform.printed[0].html.find("bank.paper_name") != std::string::npos);
  CHECK(platform.printed[0].html.find("print.pretest") == std::string::npos);
  CHECK(apply_action(app, platform, FacilitatorRemoveBank{}));
  CHECK(app.bank.note_key == "bank.removed");
  CHECK_FALSE(app.bank.stored);
  CHECK(platform.stored[kBank].empty());
}

TEST_CASE("a file dropped on the facilitator screen opens as the bank; dropped on another screen it is not") {
  test::MemoryPlatform platform;
  AppState app;
  start_app(app, platform);
  app.route = Route{};  // the catalog
  platform.picked = Platform::PickedFile{"dropped", "bank.gift", kGift, ""};
  poll_learners(app, platform);
  CHECK_FALSE(app.bank.stored);
  app.route = Route{.screen = Screen::Facilitator, .course = "", .module = "", .section = ""};
  platform.picked = Platform::PickedFile{"dropped", "bank.gift", kGift, ""};
  poll_learners(app, platform);
  REQUIRE(app.bank.stored);
  CHECK(app.bank.stored->name == "bank.gift");
}

TEST_CASE("a bank's description is printed as text without a number, and the key numbers only what is answered") {
  const BankImport imported = import_bank(QuestionBank{"b.gift", "::case:: Read this first.\n\n::a:: Is it? {T}\n", 1});
  const std::string paper = paper_test_html(imported.course, imported.quiz(), TestKind::Pretest, UiText(), "en");
  CHECK(paper.find("<p>Read this first.</p>") != std::string::npos);
  CHECK(paper.find("<span class=\"n\">1.</span>Is it?") != std::string::npos);
  CHECK(paper.find("<span class=\"n\">2.</span>") == std::string::npos);
  const std::string key = answer_key_html(imported.course, imported.quiz(), TestKind::Pretest, UiText(), "en");
  CHECK(key.find("<tr><td>1</td>") != std::string::npos);
  CHECK(key.find("<tr><td>2</td>") == std::string::npos);
}

// [SECTION] The bank offered to learners as a practice quiz -------------------------------------------

namespace {

const std::string kOffer(storage_key::kBankOffer);

std::vector<std::string> offer_set_aside(const test::MemoryPlatform& platform) {
  std::vector<std::string> out;
  for (const auto& [name, value] : platform.stored)
    if (name.rfind("siaga.recovery." + kOffer + ".", 0) == 0) out.push_back(value);
  return out;
}

// A learner signed in, with a bank opened and offered.
void offered(AppState& app, test::MemoryPlatform& platform) {
  start_app(app, platform);
  open_file(app, platform, "bank.gift", kGift);
  REQUIRE(apply_action(app, platform, FacilitatorOfferBank{}));
  apply_action(app, platform, CreateProfile{"Ana", "", 0});
  REQUIRE_FALSE(app.profile_id.empty());
}

const QuizAttempt* practice_attempt(const AppState& app) {
  return open_attempt(app.bank.practice, kBankCourseId, kBankQuizId);
}

}  // namespace

TEST_CASE("a stored offer comes back as written, and a changed, newer or foreign one is told apart") {
  const BankOffer offer{"micic.gift", 1700000000000, 1700000100000};
  const auto back = parse_bank_offer(bank_offer_to_json(offer));
  REQUIRE(back.ok());
  CHECK(*back.value == offer);
  std::string json = bank_offer_to_json(offer);
  json.replace(json.find("micic"), 5, "other");
  CHECK(parse_bank_offer(json).error == DataError::Damaged);
  CHECK(parse_bank_offer(R"({"format":"siaga-bank-offer","version":2,"bank_name":"b"})").error ==
        DataError::NewerVersion);
  CHECK(parse_bank_offer(R"({"format":"siaga-question-bank","version":1})").error == DataError::Foreign);
  CHECK(parse_bank_offer("{\"format\":").error == DataError::NotJson);
  CHECK(offer.is_for(QuestionBank{"micic.gift", "", 1700000000000}));
  CHECK_FALSE(offer.is_for(QuestionBank{"micic.gift", "", 1700000000001}));  // opened again: another bank
}

TEST_CASE("offering the bank stores the offer, and it is offered again after a restart") {
  test::MemoryPlatform platform;
  AppState app;
  start_app(app, platform);
  CHECK_FALSE(apply_action(app, platform, FacilitatorOfferBank{}));  // no bank, nothing to offer
  open_file(app, platform, "bank.gift", kGift);
  CHECK(apply_action(app, platform, FacilitatorOfferBank{}));
  CHECK(app.bank.note_key == "bank.offered");
  const auto stored = parse_bank_offer(platform.stored[kOffer]);
  REQUIRE(stored.ok());
  CHECK(stored.value->is_for(*app.bank.stored));

  AppState again;
  start_app(again, platform);
  CHECK(again.bank.offer);
  CHECK(apply_action(again, platform, FacilitatorWithdrawBank{}));
  CHECK(again.bank.note_key == "bank.withdrawn");
  CHECK(platform.stored[kOffer].empty());
  AppState third;
  start_app(third, platform);
  CHECK_FALSE(third.bank.offer);
}

TEST_CASE("on the web a stored bank is read with the lesson code: an offered one asks for it, a bank not offered waits") {
  test::MemoryPlatform platform;
  {
    AppState app;
    start_app(app, platform);
    open_file(app, platform, "bank.gift", kGift);
  }
  platform.separate_code = true;
  const auto code_requests = [&] {
    return std::count(platform.requested.begin(), platform.requested.end(), kLessonCodeAsset);
  };
  AppState quiet;  // a bank not offered: the catalog shows no card and needs no code
  start_app(quiet, platform);
  REQUIRE(quiet.bank.stored);
  CHECK_FALSE(quiet.bank.imported);
  CHECK(code_requests() == 0);
  CHECK_FALSE(apply_action(quiet, platform, PrintBank{}));  // nothing to print until it is read
  CHECK(platform.printed.empty());

  platform.separate_code = false;
  {
    AppState app;
    start_app(app, platform);
    REQUIRE(apply_action(app, platform, FacilitatorOfferBank{}));
  }
  platform.separate_code = true;
  AppState app;
  start_app(app, platform);
  REQUIRE(app.bank.offer);
  apply_action(app, platform, ContinueAsGuest{});
  REQUIRE(app.guest);
  CHECK_FALSE(app.bank.imported);  // no question is parsed before the code is here
  CHECK(code_requests() == 1);     // the catalog's card counts its questions: the code is asked for now
  // The practice quiz cannot start before the bank is read, and nothing breaks.
  CHECK_FALSE(apply_action(app, platform, StartQuiz{std::string(kBankCourseId), std::string(kBankModuleId),
                                                    std::string(kBankQuizId)}));
  platform.assets[kLessonCodeAsset] = "";
  CHECK(poll_app(app, platform));
  REQUIRE(app.bank.imported);
  CHECK(app.bank.imported->quiz().questions.size() == 3);
  CHECK(app.bank.imported->refused.size() == 1);
  CHECK(code_requests() == 1);
  CHECK(apply_action(app, platform, StartQuiz{std::string(kBankCourseId), std::string(kBankModuleId),
                                              std::string(kBankQuizId)}));
}

TEST_CASE("removing the bank withdraws its offer, and opening another bank does too") {
  test::MemoryPlatform platform;
  AppState app;
  start_app(app, platform);
  open_file(app, platform, "bank.gift", kGift);
  apply_action(app, platform, FacilitatorOfferBank{});
  apply_action(app, platform, FacilitatorRemoveBank{});
  CHECK(app.bank.note_key == "bank.removed");
  CHECK_FALSE(app.bank.offer);
  CHECK(platform.stored[kOffer].empty());

  open_file(app, platform, "bank.gift", kGift);
  apply_action(app, platform, FacilitatorOfferBank{});
  platform.clock_ms += 1000;
  open_file(app, platform, "other.gift", "::a:: Is it? {T}\n");
  CHECK_FALSE(app.bank.offer);
  CHECK(platform.stored[kOffer].empty());
}

TEST_CASE("an offer stored for another bank is not offered; a damaged offer is set aside, never written over") {
  test::MemoryPlatform platform;
  AppState app;
  start_app(app, platform);
  open_file(app, platform, "bank.gift", kGift);
  platform.stored[kOffer] = bank_offer_to_json(BankOffer{"bank.gift", app.bank.stored->added_at + 1, 5});
  AppState stale;
  start_app(stale, platform);
  CHECK(stale.bank.stored);
  CHECK_FALSE(stale.bank.offer);

  platform.stored[kOffer] = R"({"format":"siaga-bank-offer","version":9})";
  AppState newer;
  start_app(newer, platform);
  CHECK_FALSE(newer.bank.offer);
  CHECK(offer_set_aside(platform) == std::vector<std::string>{R"({"format":"siaga-bank-offer","version":9})"});
  apply_action(newer, platform, FacilitatorOfferBank{});
  CHECK(parse_bank_offer(platform.stored[kOffer]).ok());  // written only after the copy was kept

  // When even the copy cannot be kept, the key is never written again.
  platform.stored.clear();
  open_file(app, platform, "bank.gift", kGift);
  platform.stored[kOffer] = "{cut";
  platform.next_save = StoreResult::Full;
  AppState blocked;
  start_app(blocked, platform);
  platform.next_save = StoreResult::Saved;
  apply_action(blocked, platform, FacilitatorOfferBank{});
  CHECK(platform.stored[kOffer] == "{cut");
  CHECK(blocked.bank.note_key == "bank.not_saved");
}

TEST_CASE("a learner practises the offered bank with the course quizzes' scoring, and nothing is saved") {
  test::MemoryPlatform platform;
  AppState app;
  offered(app, platform);
  const std::string progress_before = platform.stored[storage_key::progress(app.profile_id)];
  REQUIRE(apply_action(app, platform, StartQuiz{std::string(kBankCourseId), std::string(kBankModuleId),
                                                std::string(kBankQuizId)}));
  const QuizAttempt* attempt = practice_attempt(app);
  REQUIRE(attempt);
  CHECK(attempt->mode == QuizMode::Practice);
  const std::string id = attempt->id;
  // Q1 is true; Q2 has two '=' answers, each full marks.
  CHECK(apply_action(app, platform, AnswerChosen{id, "q1", Answer{.truth = true, .answered = true}}));
  CHECK(apply_action(app, platform, AnswerChosen{id, "q2", choice_answer({1})}));
  CHECK(apply_action(app, platform, CheckAnswer{id, "q2"}));
  const auto check = check_answer(*practice_attempt(app), app.bank.imported->quiz(), "q2");
  REQUIRE(check);
  CHECK(check->verdict == Verdict::Right);
  CHECK(apply_action(app, platform, SubmitQuiz{id}));
  const QuizScores scores = quiz_scores(app.bank.practice, kBankCourseId, kBankQuizId);
  REQUIRE(scores.last);
  CHECK(*scores.last == doctest::Approx(2.0 / 3.0));  // Q1 and Q2 right, the matching one unanswered
  // Not in the learner's progress, not on the device.
  CHECK(quiz_attempts(app.progress, kBankCourseId, kBankQuizId).empty());
  CHECK(platform.stored[storage_key::progress(app.profile_id)] == progress_before);
  CHECK(platform.stored.count("siaga.practice") == 0);
}

TEST_CASE("practice needs the offer, and leaves with the learner or the offer") {
  test::MemoryPlatform platform;
  AppState app;
  offered(app, platform);
  const StartQuiz start{std::string(kBankCourseId), std::string(kBankModuleId), std::string(kBankQuizId)};
  REQUIRE(apply_action(app, platform, start));
  apply_action(app, platform, SignOut{});
  CHECK(app.bank.practice.attempts.empty());
  apply_action(app, platform, ContinueAsGuest{});
  CHECK(apply_action(app, platform, start));  // a guest may practise: nothing is saved anyway
  apply_action(app, platform, FacilitatorWithdrawBank{});
  CHECK(app.bank.practice.attempts.empty());
  CHECK_FALSE(apply_action(app, platform, start));
}
