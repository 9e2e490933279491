#include "dyad/pipeline.h"

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <optional>

#include "base/strings.h"
#include "coding/cameo_verbs.h"
#include "coding/coder.h"
#include "coding/quotes.h"
#include "dyad/resources.h"
#include "lexicon/cameo_import.h"
#include "lexicon/recognizer.h"
#include "syntax/annotator.h"
#include "text/text_stage.h"

namespace dyad {

struct Pipeline::Stages {
  text::TextResources text;
  std::optional<syntax::Annotator> syntax;  // absent without models or with parse off
  lexicon::LexiconResources lexicon;
  std::optional<coding::CoderResources> coder;  // absent without a parse: events need trees
  std::optional<coding::QuoteResources> quotes;  // with the coder
  lexicon::DiscardList discards;                  // PETRARCH discard phrases
  bool petrarch_countries = false;                // no bundled actors: a country alone is the country
  std::string version;
  std::vector<std::string> load_notes;
};

Pipeline::Pipeline(std::unique_ptr<Stages> stages) : stages_(std::move(stages)) {}
Pipeline::~Pipeline() = default;

namespace {

// The bundled dictionary (unless turned off) with the extra files merged
// into it; without the bundled one, the extra files alone (none: no actors).
Status LoadLexicon(const std::string& data_dir, const PipelineOptions& options, const text::TextResources& text,
                   lexicon::LexiconResources* out, std::vector<std::string>* notes) {
  const std::vector<std::string>& extra = options.actor_files;
  Result<lexicon::ActorDictionary> dict =
      options.bundled_actors ? lexicon::LoadBundledActorDictionary(data_dir) : lexicon::LoadActorDictionaries(extra);
  if (!dict.ok()) return dict.status();
  if (options.bundled_actors && !extra.empty()) {
    auto more = lexicon::LoadActorDictionaries(extra);
    if (!more.ok()) return more.status();
    DYAD_RETURN_IF_ERROR(dict->Merge(std::move(*more)));
  }
  // CAMEO files alone: their country names become countries, so role words
  // compose with them (lexicon/cameo_import.h).
  if (!options.bundled_actors) {
    size_t folded = lexicon::PromoteCameoCountries(&*dict);
    notes->push_back("actors: " + std::to_string(folded) + " CAMEO entries with a bare country code read as " +
                     std::to_string(dict->Count(lexicon::EntryKind::kCountry)) + " countries; " +
                     std::to_string(dict->CountAgentTerms()) + " agent terms");
  }
  *out = lexicon::LexiconResources::Build(std::move(*dict), text.abbreviations, text.clean.glue.function_words);
  out->unknown_country_roles = options.petrarch_conventions;
  out->whole_hyphenated_words = options.petrarch_conventions;
  std::string temporal;
  if (!ReadWholeFile(data_dir + "/time/temporal.tsv", &temporal))
    return Status::IOError("cannot read " + data_dir + "/time/temporal.tsv");
  out->weekdays = lexicon::WeekdaysOf(temporal);
  return Status::Ok();
}

// A short fingerprint of the model files, so that retrained models make the
// store re-process documents.
std::string ModelFingerprint(const std::string& models_dir) {
  uint64_t h = 1469598103934665603ull;
  for (const char* name : {syntax::kTaggerModelFile, syntax::kParserModelFile}) {
    std::string bytes;
    if (!ReadWholeFile(models_dir + "/" + name, &bytes)) return "none";
    for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ull;
  }
  char buf[20];
  std::snprintf(buf, sizeof buf, "%08llx", static_cast<unsigned long long>(h >> 32));
  return buf;
}

// Replaces the bundled patterns by the bundled ones (unless turned off)
// plus the extra verb files, and says what each file gave. The version gets
// a fingerprint of the files, so a store re-processes with other patterns.
Status LoadVerbFiles(const std::string& data_dir, const PipelineOptions& options, coding::CoderResources* coder,
                     std::vector<std::string>* notes, std::string* version) {
  std::vector<coding::VerbFileReport> reports;
  size_t dropped = 0;
  auto patterns = coding::LoadPatternSources(data_dir + "/verbs", options.bundled_verbs, options.verb_files,
                                             coder->ontology, &reports, &dropped);
  if (!patterns.ok()) return patterns.status();
  coder->patterns = std::move(*patterns);
  uint64_t h = 1469598103934665603ull;
  auto mix = [&](std::string_view bytes) {
    for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ull;
  };
  mix(options.bundled_verbs ? "bundled" : "no-bundled");
  for (const coding::VerbFileReport& r : reports) {
    std::string bytes;
    if (ReadWholeFile(r.file, &bytes)) mix(bytes);
    if (r.format == coding::VerbFileFormat::kCameo) {
      std::string summary = r.cameo.Summary(r.file);
      if (!summary.empty() && summary.back() == '\n') summary.pop_back();
      notes->push_back("verbs: " + summary);
    } else {
      notes->push_back("verbs: " + r.file + ": dyad patterns");
    }
  }
  if (dropped) notes->push_back("verbs: " + std::to_string(dropped) + " imported patterns dropped (a pattern before them has the same predicate and frame)");
  char buf[20];
  std::snprintf(buf, sizeof buf, "%08llx", static_cast<unsigned long long>(h >> 32));
  *version += std::string("/verbs-") + buf;
  return Status::Ok();
}

}  // namespace

// PETRARCH's discards: the events of a sentence holding a discard phrase go,
// and all of the document's when the phrase discards the story.
void Pipeline::DropDiscarded(Document* doc, std::vector<std::string>* trace) const {
  for (size_t s = 0; s < doc->sentences.size(); ++s) {
    const lexicon::DiscardList::Phrase* p = stages_->discards.Find(doc->sentences[s].text);
    if (!p) continue;
    std::string phrase;
    for (const std::string& w : p->words) phrase += (phrase.empty() ? "" : " ") + w;
    if (trace)
      trace->push_back("sentence " + std::to_string(s) + ": discarded (" + (p->story ? "story" : "sentence") +
                       " discard phrase '" + phrase + "')");
    if (p->story) {
      doc->events.clear();
      return;
    }
    std::erase_if(doc->events, [&](const Event& e) { return e.sentence == static_cast<int>(s); });
  }
}

Result<std::unique_ptr<Pipeline>> Pipeline::Create(const PipelineOptions& options) {
  auto stages = std::make_unique<Stages>();
  std::string data_dir = options.data_dir.empty() ? DataDir() : options.data_dir;
  auto text = text::TextResources::Load(data_dir);
  if (!text.ok()) return text.status();
  stages->text = std::move(*text);
  std::string models_dir = options.models_dir.empty() ? ModelsDir() : options.models_dir;
  std::string syntax_version = "none";
  if (options.parse && std::filesystem::exists(models_dir + "/" + syntax::kParserModelFile)) {
    auto annotator = syntax::Annotator::Load(models_dir);
    if (!annotator.ok()) return annotator.status();
    stages->syntax = std::move(*annotator);
    syntax_version = ModelFingerprint(models_dir);
  }
  DYAD_RETURN_IF_ERROR(LoadLexicon(data_dir, options, stages->text, &stages->lexicon, &stages->load_notes));
  stages->petrarch_countries = !options.bundled_actors;
  std::string verbs_version;
  for (const std::string& path : options.discard_files) {
    std::string bytes;
    if (!ReadWholeFile(path, &bytes)) return Status::IOError("cannot read discard file " + path);
    lexicon::DiscardList more = lexicon::ParseCameoDiscards(bytes);
    stages->load_notes.push_back("discards: " + path + ": " + std::to_string(more.phrases.size()) + " phrases");
    for (auto& p : more.phrases) stages->discards.phrases.push_back(std::move(p));
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ull;
    char buf[20];
    std::snprintf(buf, sizeof buf, "%08llx", static_cast<unsigned long long>(h >> 32));
    verbs_version += std::string("/discards-") + buf;
  }
  if (stages->syntax) {
    auto coder = coding::CoderResources::Load(data_dir);
    if (!coder.ok()) return coder.status();
    stages->coder = std::move(*coder);
    stages->coder->conventions =
        options.petrarch_conventions ? coding::Conventions::Petrarch() : coding::Conventions::Cameo();
    if (options.petrarch_conventions) verbs_version += "/petrarch-conventions";
    if (!options.verb_files.empty() || !options.bundled_verbs) {
      DYAD_RETURN_IF_ERROR(LoadVerbFiles(data_dir, options, &*stages->coder, &stages->load_notes, &verbs_version));
    }
    auto quotes = coding::QuoteResources::Load(data_dir);
    if (!quotes.ok()) return quotes.status();
    stages->quotes = std::move(*quotes);
  }
  stages->version = std::string("dyad-") + DYAD_VERSION + "/text-1/syntax-" + syntax_version + "/lexicon-1" +
                    (options.bundled_actors ? "" : "-no-bundled") + "/coding-1" + verbs_version;
  return std::unique_ptr<Pipeline>(new Pipeline(std::move(stages)));
}

namespace {

// Adds this thread's CPU time since the last lap (or construction) to a
// stage's total; does nothing without totals to add to.
class StageClock {
 public:
  explicit StageClock(Pipeline::StageTimes* times) : times_(times), last_(times ? Now() : 0) {}
  void Lap(double Pipeline::StageTimes::*stage) {
    if (!times_) return;
    const double now = Now();
    times_->*stage += now - last_;
    last_ = now;
  }

 private:
  static double Now() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
  }
  Pipeline::StageTimes* times_;
  double last_;
};

}  // namespace

Status Pipeline::Process(Document* doc, std::vector<std::string>* trace) const { return Run(doc, trace, nullptr); }

Status Pipeline::Process(Document* doc, StageTimes* times) const { return Run(doc, nullptr, times); }

Status Pipeline::Run(Document* doc, std::vector<std::string>* trace, StageTimes* times) const {
  using T = StageTimes;
  StageClock clock(times);
  DYAD_RETURN_IF_ERROR(text::ProcessText(doc, stages_->text));
  clock.Lap(&T::text);
  if (stages_->syntax) stages_->syntax->Annotate(doc->sentences);
  clock.Lap(&T::syntax);
  lexicon::RecognizeActors(doc, stages_->lexicon);
  // With CAMEO dictionaries alone, PETRARCH's convention: a country named
  // alone is the country, not its government.
  if (stages_->petrarch_countries) lexicon::CodeBareCountriesAsCountries(doc, stages_->lexicon.dictionary);
  clock.Lap(&T::lexicon);
  // Quotes first: inside a quotation, "we" and "I" are its speaker.
  if (stages_->quotes) coding::AttributeQuotes(doc, *stages_->quotes);
  clock.Lap(&T::quotes);
  if (stages_->coder) {
    coding::CodeEvents(doc, *stages_->coder, trace);
    // Imported patterns' two-way codes (coding/cameo_verbs.h).
    coding::ResolveCompoundCodes(doc, stages_->coder->ontology);
  }
  if (!stages_->discards.empty()) DropDiscarded(doc, trace);
  clock.Lap(&T::coding);
  return Status::Ok();
}

const std::string& Pipeline::version() const { return stages_->version; }

const std::vector<std::string>& Pipeline::load_notes() const { return stages_->load_notes; }

}  // namespace dyad
