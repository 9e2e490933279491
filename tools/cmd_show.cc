// dyad show DOC --db FILE: a stored document's cleaned sentences with their
// raw byte offsets, and what cleaning dropped or repaired.
#include <iostream>

#include "cli.h"
#include "dyad/store.h"

namespace {

// The sentence rebuilt from its tokens with each mention as [text]{CODE}.
std::string Marked(const dyad::Sentence& s, const std::vector<const dyad::Mention*>& mentions) {
  std::string out;
  for (size_t t = 0; t < s.tokens.size(); ++t) {
    for (const auto* m : mentions)
      if (m->first_token == static_cast<int>(t)) out += "[";
    out += s.tokens[t].form;
    for (const auto* m : mentions)
      if (m->last_token == static_cast<int>(t) + 1) out += "]{" + (m->code.empty() ? std::string("?") : m->code) + "}";
    if (s.tokens[t].space_after && t + 1 < s.tokens.size()) out += " ";
  }
  return out;
}

int RunShow(const std::vector<std::string>& args) {
  dyad::cli::Options opts("show", "DOC --db FILE",
                          "Prints a stored document: its metadata, each sentence as [index] raw-begin..raw-end and\n"
                          "its cleaned text (q: inside a quotation, h: a heading) with actor mentions marked as\n"
                          "[text]{CODE}, then the dropped lines and repaired glued words with their raw offsets.");
  opts.Value("db", "FILE", "the SQLite database").Flag("tokens", "also list each sentence's tokens with offsets");
  int code = 0;
  if (!opts.Parse(args, &code)) return code;
  if (opts.positional().size() != 1 || opts.Get("db").empty()) {
    std::cerr << "dyad show: needs one DOC id and --db FILE\n" << opts.Help();
    return 2;
  }
  auto store = dyad::Store::Open(opts.Get("db"), dyad::Store::Mode::kReadOnly);
  if (!store.ok()) {
    std::cerr << "dyad show: " << store.status().ToString() << "\n";
    return 1;
  }
  auto doc = (*store)->Get(opts.positional()[0]);
  if (!doc.ok()) {
    std::cerr << "dyad show: " << doc.status().ToString() << "\n";
    return 1;
  }
  if (!doc->has_value()) {
    std::cerr << "dyad show: no document '" << opts.positional()[0] << "' in " << opts.Get("db") << "\n";
    return 1;
  }
  const dyad::Document& d = **doc;
  std::cout << "id:     " << d.id << "\n"
            << "date:   "
            << (d.date ? d.date->ToString()
                : d.approximate_date ? "unknown (about " + d.approximate_date->ToString() + ", from a month or year)"
                                     : std::string("unknown"))
            << "\n"
            << "source: " << d.source << "\n";
  if (!d.title.empty()) std::cout << "title:  " << d.title << "\n";
  if (!d.url.empty()) std::cout << "url:    " << d.url << "\n";
  std::cout << "\n";
  // Mentions by sentence, to mark them as [text]{CODE}.
  std::vector<std::vector<const dyad::Mention*>> by_sentence(d.sentences.size());
  for (const auto& m : d.mentions)
    if (m.sentence >= 0 && static_cast<size_t>(m.sentence) < d.sentences.size()) by_sentence[m.sentence].push_back(&m);
  for (size_t i = 0; i < d.sentences.size(); ++i) {
    const dyad::Sentence& s = d.sentences[i];
    std::string flags = std::string(s.quotation >= 0 ? "q" : " ") + (s.heading ? "h" : " ");
    std::cout << "[" << i << "] " << s.raw.begin << ".." << s.raw.end << " " << flags << " "
              << (by_sentence[i].empty() ? s.text : Marked(s, by_sentence[i])) << "\n";
    if (opts.Has("tokens")) {
      for (const auto& t : s.tokens) {
        std::cout << "      " << t.raw.begin << ".." << t.raw.end << "\t" << t.form;
        if (!t.upos.empty()) std::cout << "\t" << t.lemma << "\t" << t.upos << "\t" << t.head << "\t" << t.deprel;
        std::cout << "\n";
      }
    }
  }
  if (!d.drops.empty()) std::cout << "\ndropped:\n";
  for (const auto& x : d.drops) {
    std::cout << "  " << x.raw.begin << ".." << x.raw.end << " " << x.reason << ": " << d.RawText(x.raw) << "\n";
  }
  if (!d.repairs.empty()) std::cout << "\nrepaired:\n";
  for (const auto& r : d.repairs) {
    std::cout << "  " << r.raw.begin << ".." << r.raw.end << " " << d.RawText(r.raw) << " -> " << r.repaired << "\n";
  }
  return 0;
}

}  // namespace

DYAD_COMMAND("show", "print a stored document's sentences with raw offsets", RunShow);
