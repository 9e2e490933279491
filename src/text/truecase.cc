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

std::vector<Shape> ShapesOf(const Sentence& s) {
  std::vector<Shape> shapes;
  shapes.reserve(s.tokens.size());
  for (const Token& t : s.tokens) shapes.push_back(ShapeOf(t.form));
  return shapes;
}

bool Capitalized(const Shape& s) { return s.first_upper && s.upper == 1; }
bool AllCapitals(const Shape& s, int min_letters) { return s.letters >= min_letters && s.upper == s.letters; }

bool TitleCase(const Sentence& s, const std::vector<Shape>& shapes) {
  if (!s.heading) return false;
  int words = 0, capitalized = 0;
  for (const Shape& shape : shapes) {
    if (shape.letters < 4) continue;  // short words ("of", "to") are often left lower
    ++words;
    capitalized += shape.first_upper;
  }
  return words >= 2 && capitalized * 5 >= words * 4;
}

}  // namespace

bool IsTitleCase(const Sentence& s) { return s.heading && TitleCase(s, ShapesOf(s)); }

void NormalizeCase(Sentence* s, const WordList& words) {
  const std::vector<Shape> shapes = ShapesOf(*s);
  const bool title_case = TitleCase(*s, shapes);
  const size_t n = shapes.size();
  // A run of capitals is a name set in capitals ("MEXICO CITY", a dateline).
  auto in_run = [&](size_t i) {
    return (i > 0 && AllCapitals(shapes[i - 1], 2)) || (i + 1 < n && AllCapitals(shapes[i + 1], 2));
  };
  for (size_t i = 0; i < n; ++i) {
    const bool shouted = AllCapitals(shapes[i], 4) && !in_run(i);
    if (!shouted && !(title_case && i > 0 && Capitalized(shapes[i]))) continue;
    Token& t = s->tokens[i];
    std::string lower = Lower(t.form);
    if (words.Common(lower)) t.norm = std::move(lower);
  }
}

}  // namespace dyad::text
