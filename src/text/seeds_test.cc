// Checks the text stage on the real seed articles in ../shared/seeds (skipped
// when ../shared is absent): glued words repaired, boilerplate gone, no
// sentence cut at an abbreviation, and every token's offsets pointing at its
// text in the raw file.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "base/strings.h"
#include "dyad/resources.h"
#include "text/reader.h"
#include "text/segment.h"
#include "text/text_stage.h"
#include "text/utf8.h"

namespace dyad::text {
namespace {
namespace fs = std::filesystem;

const fs::path kShared = DYAD_SHARED_DIR;

class SeedsTest : public testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kShared / "seeds" / "index.json")) GTEST_SKIP() << "../shared/seeds not present; skipping";
    static const TextResources res = *TextResources::Load(DataDir());
    ReadInputs({(kShared / "seeds").string()}, {}, [&](Document&& d) { docs_.push_back(std::move(d)); },
               [&](const Status& s) { ADD_FAILURE() << s.ToString(); });
    ASSERT_EQ(docs_.size(), 5u);
    for (auto& d : docs_) ASSERT_TRUE(ProcessText(&d, res).ok()) << d.id;
  }
  const Document* Doc(const std::string& id) const {
    for (const auto& d : docs_)
      if (d.id == id) return &d;
    return nullptr;
  }
  std::vector<Document> docs_;
};

TEST_F(SeedsTest, EveryListedGluedWordIsRepaired) {
  std::string tsv;
  ASSERT_TRUE(ReadWholeFile((kShared / "gold" / "glued_seeds.tsv").string(), &tsv));
  int checked = 0;
  for (std::string_view line : SplitLines(tsv)) {
    if (line.empty() || line[0] == '#') continue;
    auto f = Split(line, '\t');
    ASSERT_EQ(f.size(), 3u) << line;
    const Document* d = Doc(std::string(f[0]));
    ASSERT_NE(d, nullptr) << f[0];
    for (const auto& s : d->sentences)
      for (const auto& t : s.tokens) EXPECT_NE(t.form, f[1]) << "still glued in " << d->id;
    EXPECT_NE(d->clean.find(std::string(f[2])), std::string::npos) << f[2] << " missing in " << d->id;
    bool logged = false;
    for (const auto& r : d->repairs) logged |= d->RawText(r.raw) == f[1] && r.repaired == f[2];
    EXPECT_TRUE(logged) << "repair of " << f[1] << " not logged";
    ++checked;
  }
  EXPECT_GE(checked, 7);
}

TEST_F(SeedsTest, NoBoilerplateLineSurvives) {
  // Markers of the boilerplate lines in the seeds: photo credits, ads,
  // newsletter prompts, an author bio, credits and a dangling fragment.
  const char* markers[] = {"Photo:", "Advertisement", "Subscribe to our newsletter", "Sign up here",
                           "renowned author", "currently works as", "According to the criteria of",
                           "Source: Gestion", "Agencies Reuters"};
  for (const auto& d : docs_)
    for (const auto& s : d.sentences)
      for (const char* m : markers) EXPECT_EQ(s.text.find(m), std::string::npos) << d.id << ": " << s.text;
  size_t dropped = 0;
  for (const auto& d : docs_) dropped += d.drops.size();
  EXPECT_GE(dropped, 9u);
}

TEST_F(SeedsTest, NoSentenceEndsInsideAnAbbreviation) {
  static const Abbreviations abbrevs = *Abbreviations::Load(DataPath("text/abbreviations.tsv"));
  int us_tokens = 0;
  for (const auto& d : docs_) {
    for (size_t i = 0; i < d.sentences.size(); ++i) {
      const auto& toks = d.sentences[i].tokens;
      for (const auto& t : toks) {
        us_tokens += t.form == "U.S.";
        EXPECT_NE(t.form, "U.S") << d.id << ": U.S. split apart";
      }
      const std::string& last = toks.back().form;
      EXPECT_NE(abbrevs.Classify(last), AbbrevClass::kTitle) << d.id << ": sentence ends at " << last;
      if (last == "U.S." && i + 1 < d.sentences.size()) {
        ADD_FAILURE() << d.id << ": sentence ends at U.S.: " << d.sentences[i].text;
      }
      // A sentence never starts with a lower-case word right after a period.
      if (i > 0 && d.sentences[i].paragraph == d.sentences[i - 1].paragraph) {
        size_t len;
        EXPECT_FALSE(IsLower(DecodeAt(toks.front().form, 0, &len))) << d.id << ": " << d.sentences[i].text;
      }
    }
  }
  EXPECT_GE(us_tokens, 2);  // as many as the seeds hold
}

TEST_F(SeedsTest, EveryTokenPointsAtItsTextInTheRawFile) {
  for (const auto& d : docs_) {
    std::string raw;
    ASSERT_TRUE(ReadWholeFile((kShared / "seeds" / (d.id + ".txt")).string(), &raw));
    ASSERT_EQ(raw, d.raw);
    for (const auto& s : d.sentences) {
      ASSERT_LE(s.raw.end, raw.size());
      for (const auto& t : s.tokens) {
        ASSERT_LE(t.raw.end, raw.size());
        EXPECT_EQ(ToNfc(raw.substr(t.raw.begin, t.raw.size())), t.form) << d.id << " at " << t.raw.begin;
      }
    }
  }
}

}  // namespace
}  // namespace dyad::text
