#include "text/truecase.h"

#include <vector>

#include "text/utf8.h"

namespace dyad::text {
namespace {

struct Shape {
  int letters = 0;
  int upper = 0;
  bool first_upper = false;
};

Shape ShapeOf(std::string_view form) {
  Shape shape;
  for (size_t i = 0; i < form.size();) {
    size_t len;
    const char32_t c = DecodeAt(form, i, &len);
    if (IsLetter(c)) {
      if (shape.letters == 0) shape.first_upper = IsUpper(c);
      ++shape.letters;
      shape.upper += IsUpper(c);
    }
    i += len;
  }
  return shape;
}

bool Capitalized(const Shape& s) { return s.first_upper && s.upper == 1; }
bool AllCapitals(const Shape& s) { return s.letters >= 4 && s.upper == s.letters; }

}  // namespace

bool IsTitleCase(const Sentence& s) {
  if (!s.heading) return false;
  int words = 0, capitalized = 0;
  for (const Token& t : s.tokens) {
    const Shape shape = ShapeOf(t.form);
    if (shape.letters < 4) continue;  // short words ("of", "to") are often left lower
    ++words;
    capitalized += shape.first_upper;
  }
  return words >= 2 && capitalized * 5 >= words * 4;
}

void NormalizeCase(Sentence* s, const WordList& words) {
  const bool title_case = IsTitleCase(*s);
  const size_t n = s->tokens.size();
  std::vector<Shape> shapes(n);
  for (size_t i = 0; i < n; ++i) shapes[i] = ShapeOf(s->tokens[i].form);
  // A run of capitals is a name set in capitals ("MEXICO CITY", a dateline).
  auto capitals = [&](size_t i) { return shapes[i].letters >= 2 && shapes[i].upper == shapes[i].letters; };
  auto shouted = [&](size_t i) {
    return AllCapitals(shapes[i]) && !(i > 0 && capitals(i - 1)) && !(i + 1 < n && capitals(i + 1));
  };
  for (size_t i = 0; i < n; ++i) {
    Token& t = s->tokens[i];
    const bool lower_it = shouted(i) || (title_case && i > 0 && Capitalized(shapes[i]));
    if (!lower_it) continue;
    std::string lower = Lower(t.form);
    if (words.Common(lower)) t.norm = std::move(lower);
  }
}

}  // namespace dyad::text
