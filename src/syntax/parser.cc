#include "syntax/parser.h"

#include <algorithm>
#include <iterator>
#include <limits>
#include <map>
#include <ostream>

#include "syntax/clusters.h"
#include "syntax/hash.h"
#include "syntax/random.h"

namespace dyad::syntax {
namespace {

constexpr char kMagic[] = "DYADPAR";
// Version 3 adds the beam width and feature templates (Features, LabelFeatures
// check Values::feature_set); version 2 models are still read and scored with
// the version 2 templates. Version 4 is version 3 without some groups of
// templates (TemplateGroup), stored after the beam width; a model trained
// with all templates is written as version 3.
constexpr int kVersion = 3;
constexpr int kLeanVersion = 4;

// The groups of templates a leaner model leaves out (ParserOptions::
// drop_groups, stored in version 4 files). A "minor" group holds templates of
// one kind each of which, taken out of the committed version 3 model alone
// (no retraining), lowered dev LAS by at most 0.07; the other groups are
// version 3 additions of one kind. docs/syntax.md has what each costs.
enum TemplateGroup : uint32_t {
  kLexTriples = 1u << 0,       // every state: S0/S1/B0 word with two tags, S1 S0 B0 B1 tags (118-120, 124)
  kMinorCross = 1u << 1,       // every state: S0-B0 word/tag pairs, S1-B0 tags, triples with B1, distance, stack size, punctuation
  kWordValency = 1u << 2,      // S0 and B0 word x valency, word x label set (110-115)
  kHeadChildWords = 1u << 3,   // S0 and B0 word x their nearest children's words (121-123)
  kMinorTree = 1u << 4,        // S0 and S1 subtrees: child, second-child and label templates
  kMinorStatic = 1u << 5,      // B0 word and word/tag, S2 tag, S1-S0 pairs and triples
  kMinorLabel = 1u << 6,       // label model: 19 of its 35 templates
};
// The group of template `templ` (label templates from 200), 0 for none. Called
// with constants, so that the check in `add` folds away.
constexpr uint32_t GroupOf(uint64_t templ) {
  switch (templ) {
    case 118: case 119: case 120: case 124:
      return kLexTriples;
    case 17: case 20: case 21: case 22: case 30: case 33: case 34: case 46: case 50: case 97: case 106:
      return kMinorCross;
    case 110: case 111: case 112: case 113: case 114: case 115:
      return kWordValency;
    case 121: case 122: case 123:
      return kHeadChildWords;
    case 39: case 41: case 58: case 62: case 71: case 77: case 78: case 82: case 96:
      return kMinorTree;
    case 4: case 5: case 15: case 25: case 26: case 27: case 28: case 29: case 35: case 48:
      return kMinorStatic;
    case 205: case 207: case 208: case 209: case 210: case 211: case 213: case 215: case 216: case 221:
    case 222: case 223: case 224: case 225: case 226: case 230: case 232: case 233: case 234:
      return kMinorLabel;
    default:
      return 0;
  }
}
struct GroupName {
  const char* name;
  uint32_t group;
};
constexpr GroupName kTemplateGroupNames[] = {
    {"lex-triples", kLexTriples},   {"minor-cross", kMinorCross},   {"word-valency", kWordValency}, {"head-child-words", kHeadChildWords},
    {"minor-tree", kMinorTree},     {"minor-static", kMinorStatic}, {"minor-label", kMinorLabel},
};
constexpr uint32_t kAllGroups = (1u << std::size(kTemplateGroupNames)) - 1;
constexpr size_t kMaxFeatures = 128;
constexpr uint64_t kNone = 0x6e6f6e65ULL;  // value of a feature whose position is empty

// The transition classifier's classes; an arc's label is chosen by the label
// classifier once the arc is decided.
enum Kind { kShift = 0, kLeft = 1, kRight = 2 };
constexpr int kNumKinds = 3;

// The parser configuration. Arrays are indexed by word, with ROOT at n.
// They live in two buffers, so that copying a state (the beam does that for
// every hypothesis at every step) is three memcpys, not eleven.
struct State {
  int n = 0;
  int b = 0;  // buffer front; the buffer is b..n
  std::vector<int> stack;
  std::vector<int> ints;        // head, label, lc1, lc2, rc1, rc2, nl, nr
  std::vector<uint64_t> sets;   // lset, rset
  int *head = nullptr, *label = nullptr, *lc1 = nullptr, *lc2 = nullptr, *rc1 = nullptr, *rc2 = nullptr, *nl = nullptr, *nr = nullptr;
  uint64_t *lset = nullptr, *rset = nullptr;

  State() = default;
  State(const State& o) { *this = o; }
  State& operator=(const State& o) {
    n = o.n;
    b = o.b;
    stack = o.stack;
    ints = o.ints;
    sets = o.sets;
    Bind();
    return *this;
  }
  void Bind() {
    const size_t m = static_cast<size_t>(n) + 1;
    int* p = ints.data();
    for (int** a : {&head, &label, &lc1, &lc2, &rc1, &rc2, &nl, &nr}) {
      *a = p;
      p += m;
    }
    lset = sets.data();
    rset = sets.data() + m;
  }
  void Init(int words) {
    n = words;
    b = 0;
    stack.clear();
    stack.reserve(words + 1);
    const size_t m = static_cast<size_t>(words) + 1;
    ints.assign(8 * m, -1);
    std::fill(ints.begin() + 6 * m, ints.end(), 0);  // nl, nr
    sets.assign(2 * m, 0);
    Bind();
  }
  bool Terminal() const { return stack.empty() && b == n; }
  int S(size_t k) const { return stack.size() > k ? stack[stack.size() - 1 - k] : -1; }
  int B(int k) const { return b + k <= n ? b + k : -1; }

  // The head the arc of `kind` would give the stack top.
  int HeadFor(Kind kind) const { return kind == kLeft ? b : S(1); }

  void Apply(Kind kind, int arc_label) {
    if (kind == kShift) {
      stack.push_back(b++);
      return;
    }
    int dep = stack.back();
    stack.pop_back();
    label[dep] = arc_label;
    uint64_t bit = 1ULL << (arc_label & 63);
    if (kind == kLeft) {
      head[dep] = b;
      lc2[b] = lc1[b];
      lc1[b] = dep;
      ++nl[b];
      lset[b] |= bit;
    } else {
      int h = stack.back();
      head[dep] = h;
      rc2[h] = rc1[h];
      rc1[h] = dep;
      ++nr[h];
      rset[h] |= bit;
    }
  }
};

bool CanShift(const State& s) { return s.b < s.n; }
bool CanLeft(const State& s) { return !s.stack.empty() && (s.b < s.n || s.stack.size() == 1); }
bool CanRight(const State& s) { return s.stack.size() >= 2; }

// The state's only valid transition, or -1 when it has more than one.
int OnlyTransition(const State& s) {
  const bool shift = CanShift(s), left = CanLeft(s), right = CanRight(s);
  if (shift + left + right != 1) return -1;
  return shift ? kShift : left ? kLeft : kRight;
}

uint64_t Bucket(int d) { return d <= 4 ? d : d <= 6 ? 5 : d <= 9 ? 6 : 7; }
uint64_t Cap(int v) { return static_cast<uint64_t>(std::min(v, 6)); }

// Per-sentence feature values, with ROOT at index n.
struct Values {
  std::vector<uint64_t> w, t, wt, u, suf, c;
  bool has_c = false;
  std::vector<int> punct_before;  // punctuation words before i
  // The model's feature set: 2 = the templates of format version 2, 3 = those
  // plus the lexicalized ones added with version 3, 4 = those of version 3
  // less the groups in `drop`. Old models keep scoring exactly as they were
  // trained.
  int feature_set = kVersion;
  uint32_t drop = 0;  // TemplateGroup bits
  void Init(const ParserInput& in, int features, uint32_t dropped_groups) {
    feature_set = features;
    drop = dropped_groups;
    static const uint64_t kPunct = HashString("PUNCT");
    static const uint64_t kRootTag = ParserTagHash("<root>", "<root>");
    size_t n = in.word.size();
    w.resize(n + 1);
    t.resize(n + 1);
    wt.resize(n + 1);
    u.resize(n + 1);
    suf.resize(n + 1);
    punct_before.resize(n + 2);
    punct_before[0] = 0;
    for (size_t i = 0; i < n; ++i) {
      w[i] = in.word[i];
      t[i] = in.tag[i];
      u[i] = in.coarse[i];
      suf[i] = in.suffix[i];
      punct_before[i + 1] = punct_before[i] + (u[i] == kPunct);
    }
    punct_before[n + 1] = punct_before[n];
    has_c = !in.cluster.empty();  // word clusters (experiment, clusters.h)
    if (has_c) {
      c.assign(in.cluster.begin(), in.cluster.end());
      c.push_back(0x726f6f74ULL);  // ROOT's
    }
    w[n] = suf[n] = RootWord().lower;
    t[n] = u[n] = kRootTag;
    for (size_t i = 0; i <= n; ++i) wt[i] = Combine(w[i], t[i]);
  }
  // Punctuation words strictly between a and b (a < b), capped at 2.
  uint64_t PunctBetween(int a, int b) const { return static_cast<uint64_t>(std::min(2, punct_before[b] - punct_before[a + 1])); }
};

// The static values of the word at position i (kNone when there is none).
struct Static {
  const Values& v;
  uint64_t W(int i) const { return i < 0 ? kNone : v.w[i]; }
  uint64_t T(int i) const { return i < 0 ? kNone : v.t[i]; }
  uint64_t WT(int i) const { return i < 0 ? kNone : v.wt[i]; }
  uint64_t U(int i) const { return i < 0 ? kNone : v.u[i]; }
  uint64_t Suf(int i) const { return i < 0 ? kNone : v.suf[i]; }
};

// The transition features are the keys of three disjoint groups of
// templates. Scores are sums over keys, so a group's sum can be reused
// wherever its keys are the same: the greedy parser memoizes the first two.

// Templates reading only the static values of B0..B2: the same keys in every
// state whose buffer front is b (an arc leaves b in place).
size_t BufferFeatures(const Values& v, int front, int n_words, uint32_t* keys) {
  const Static x{v};
  auto B = [&](int k) { return front + k <= n_words ? front + k : -1; };
  const int b0 = B(0), b1 = B(1), b2 = B(2);
  size_t n = 0;
  auto add = [&](uint64_t templ, uint64_t a, uint64_t b = 0, uint64_t c = 0) __attribute__((always_inline)) { if (v.drop & GroupOf(templ)) return; keys[n++] = FeatureKey(templ, a, b, c); };
  add(4, x.WT(b0)); add(5, x.W(b0)); add(6, x.T(b0));
  add(7, x.WT(b1)); add(8, x.W(b1)); add(9, x.T(b1));
  add(11, x.T(b2));
  add(24, x.T(b0), x.T(b1));
  add(32, x.T(b0), x.T(b1), x.T(b2));
  add(108, x.Suf(b0), x.T(b0));
  if (v.feature_set < 3) return n;
  add(116, x.W(b0), x.T(b1)); add(117, x.T(b0), x.W(b1));
  return n;
}

// Templates reading only the static values of S0..S2. Only the stack top is
// ever pushed or popped, so the words below a word never change while it is
// on the stack: these keys depend on S0 alone.
size_t StackFeatures(const Values& v, const State& st, uint32_t* keys) {
  const Static x{v};
  const int s0 = st.S(0), s1 = st.S(1), s2 = st.S(2);
  const uint64_t d2 = s1 < 0 ? kNone : Bucket(s0 - s1);
  const uint64_t p_s1s0 = s1 < 0 ? kNone : v.PunctBetween(s1, s0);
  size_t n = 0;
  auto add = [&](uint64_t templ, uint64_t a, uint64_t b = 0, uint64_t c = 0) __attribute__((always_inline)) { if (v.drop & GroupOf(templ)) return; keys[n++] = FeatureKey(templ, a, b, c); };
  add(1, x.WT(s0)); add(2, x.W(s0)); add(3, x.T(s0));
  add(12, x.WT(s1)); add(13, x.W(s1)); add(14, x.T(s1));
  add(15, x.T(s2));
  add(25, x.T(s1), x.T(s0)); add(26, x.W(s1), x.W(s0)); add(27, x.WT(s1), x.T(s0));
  add(28, x.T(s1), x.WT(s0)); add(29, x.WT(s1), x.WT(s0));
  add(35, x.T(s2), x.T(s1), x.T(s0));
  add(48, x.T(s1), x.T(s0), d2);
  add(103, x.U(s2), x.U(s1), x.U(s0));
  add(107, x.T(s1), x.T(s0), p_s1s0);
  add(109, x.Suf(s0), x.T(s0));
  return n;
}

// The templates of the stack words' subtrees: S0..S2 with the children,
// labels, valencies and label sets of S0 and S1. A word's left children are
// complete once it is shifted, and while it is the stack top the words below
// it cannot take children (an arc to S1 pops S0): these keys depend on S0
// and its number of right children alone.
size_t StackTreeFeatures(const Values& v, const State& st, uint32_t* keys) {
  const int s0 = st.S(0), s1 = st.S(1);
  const Static x{v};
  auto W = [&](int i) { return x.W(i); };
  auto T = [&](int i) { return x.T(i); };
  auto U = [&](int i) { return x.U(i); };
  auto L = [&](int i) { return i < 0 ? kNone : static_cast<uint64_t>(st.label[i] + 1); };
  auto Child = [&](int i, const int* c) { return i < 0 ? -1 : c[i]; };
  const int s0l1 = Child(s0, st.lc1), s0l2 = Child(s0, st.lc2), s0r1 = Child(s0, st.rc1), s0r2 = Child(s0, st.rc2);
  const int s1l1 = Child(s1, st.lc1), s1r1 = Child(s1, st.rc1), s1r2 = Child(s1, st.rc2);
  const uint64_t s0vl = s0 < 0 ? kNone : Cap(st.nl[s0]), s0vr = s0 < 0 ? kNone : Cap(st.nr[s0]);
  const uint64_t s1vl = s1 < 0 ? kNone : Cap(st.nl[s1]), s1vr = s1 < 0 ? kNone : Cap(st.nr[s1]);
  const uint64_t s0sl = s0 < 0 ? kNone : st.lset[s0], s0sr = s0 < 0 ? kNone : st.rset[s0];
  const uint64_t s1sl = s1 < 0 ? kNone : st.lset[s1], s1sr = s1 < 0 ? kNone : st.rset[s1];

  size_t n = 0;
  auto add = [&](uint64_t templ, uint64_t a, uint64_t b = 0, uint64_t c = 0) __attribute__((always_inline)) { if (v.drop & GroupOf(templ)) return; keys[n++] = FeatureKey(templ, a, b, c); };
  add(39, T(s1), T(s1r1), T(s0)); add(40, T(s1), T(s0), T(s0l1));
  add(41, T(s1), T(s0), T(s0r1));
  add(52, T(s0), s0vr); add(54, T(s0), s0vl);
  add(57, T(s1), s1vr); add(58, T(s1), s1vl);
  add(59, W(s0l1)); add(60, T(s0l1)); add(61, L(s0l1));
  add(62, W(s0r1)); add(63, T(s0r1)); add(64, L(s0r1));
  add(68, W(s1r1)); add(69, T(s1r1)); add(70, L(s1r1));
  add(71, T(s1l1)); add(72, L(s1l1));
  add(74, T(s0l2)); add(75, L(s0l2));
  add(77, T(s0r2)); add(78, L(s0r2));
  add(82, T(s0), T(s0l1), T(s0l2)); add(83, T(s0), T(s0r1), T(s0r2));
  add(85, T(s1), T(s1r1), T(s1r2));
  add(87, T(s0), s0sr); add(89, T(s0), s0sl);
  add(92, T(s1), s1sr); add(93, T(s1), s1sl);
  add(94, T(s0), L(s0l1), L(s0r1)); add(96, T(s1), L(s1r1), T(s0));
  add(105, U(s1), U(s1r1), U(s0));
  if (v.feature_set < 3) return n;
  add(110, W(s0), s0vr); add(111, W(s0), s0vl);
  add(113, W(s0), s0sr); add(114, W(s0), s0sl);
  add(122, W(s0), W(s0r1)); add(123, W(s0), W(s0l1));
  return n;
}

// The templates of the buffer front's subtree (its left children, valency
// and label set; only LEFT changes them) with its static values: these keys
// depend on B0 and its number of left children alone.
size_t BufferTreeFeatures(const Values& v, const State& st, uint32_t* keys) {
  const int b0 = st.B(0);
  const Static x{v};
  auto W = [&](int i) { return x.W(i); };
  auto T = [&](int i) { return x.T(i); };
  auto L = [&](int i) { return i < 0 ? kNone : static_cast<uint64_t>(st.label[i] + 1); };
  auto Child = [&](int i, const int* c) { return i < 0 ? -1 : c[i]; };
  const int b0l1 = Child(b0, st.lc1), b0l2 = Child(b0, st.lc2);
  const uint64_t b0vl = b0 < 0 ? kNone : Cap(st.nl[b0]);
  const uint64_t b0sl = b0 < 0 ? kNone : st.lset[b0];

  size_t n = 0;
  auto add = [&](uint64_t templ, uint64_t a, uint64_t b = 0, uint64_t c = 0) __attribute__((always_inline)) { if (v.drop & GroupOf(templ)) return; keys[n++] = FeatureKey(templ, a, b, c); };
  add(56, T(b0), b0vl);
  add(65, W(b0l1)); add(66, T(b0l1)); add(67, L(b0l1));
  add(80, T(b0l2)); add(81, L(b0l2));
  add(84, T(b0), T(b0l1), T(b0l2));
  add(91, T(b0), b0sl);
  if (v.feature_set < 3) return n;
  add(112, W(b0), b0vl); add(115, W(b0), b0sl);
  add(121, W(b0), W(b0l1));
  return n;
}

// The templates that read the stack and the buffer together (and the word
// clusters of the experiment, clusters.h): new keys in every state.
size_t CrossFeatures(const Values& v, const State& st, uint32_t* keys) {
  const int s0 = st.S(0), s1 = st.S(1), b0 = st.B(0), b1 = st.B(1);
  const Static x{v};
  auto W = [&](int i) { return x.W(i); };
  auto T = [&](int i) { return x.T(i); };
  auto WT = [&](int i) { return x.WT(i); };
  auto U = [&](int i) { return x.U(i); };
  auto L = [&](int i) { return i < 0 ? kNone : static_cast<uint64_t>(st.label[i] + 1); };
  auto Child = [&](int i, const int* c) { return i < 0 ? -1 : c[i]; };
  const int s0l1 = Child(s0, st.lc1), s0r1 = Child(s0, st.rc1);
  const int b0l1 = Child(b0, st.lc1);
  const uint64_t d = s0 < 0 ? kNone : b0 == st.n ? 8 : Bucket(b0 - s0);
  const uint64_t d2 = s1 < 0 ? kNone : Bucket(s0 - s1);

  size_t n = 0;
  auto add = [&](uint64_t templ, uint64_t a, uint64_t b = 0, uint64_t c = 0) __attribute__((always_inline)) { if (v.drop & GroupOf(templ)) return; keys[n++] = FeatureKey(templ, a, b, c); };
  // Pairs.
  add(17, WT(s0), WT(b0));
  add(20, WT(s0), T(b0)); add(21, T(s0), WT(b0)); add(22, W(s0), W(b0));
  add(23, T(s0), T(b0));
  add(30, T(s1), T(b0));
  // Triples.
  add(33, T(s0), T(b0), T(b1)); add(34, T(s1), T(s0), T(b0));
  add(36, T(s0), T(s0l1), T(b0)); add(37, T(s0), T(s0r1), T(b0));
  add(38, T(s0), T(b0), T(b0l1));
  // Distances.
  add(43, T(s0), d); add(45, T(b0), d);
  add(46, W(s0), W(b0), d); add(47, T(s0), T(b0), d);
  add(50, T(s1), T(s0), Combine(T(b0), d2));
  // Label-aware combinations.
  add(95, T(b0), L(b0l1), T(s0));
  add(97, Cap(static_cast<int>(st.stack.size())), T(b0));
  // Coarse (UPOS) back-offs of the tag combinations.
  add(100, U(s0), U(b0)); add(101, U(s1), U(s0), U(b0)); add(102, U(s0), U(b0), U(b1));
  add(104, U(s0), U(s0l1), U(b0));
  // Punctuation in between (clause and coordination boundaries).
  const uint64_t p_s0b0 = s0 < 0 ? kNone : v.PunctBetween(s0, b0);
  add(106, T(s0), T(b0), p_s0b0);
  if (v.feature_set < 3) return n;
  // Lexicalized triples.
  add(118, W(s0), T(b0), T(b1)); add(119, T(s0), W(b0), T(b1)); add(120, W(s1), T(s0), T(b0));
  add(124, T(s1), T(s0), Combine(T(b0), T(b1)));
  if (!v.has_c) return n;
  auto C = [&](int i) { return i < 0 ? kNone : v.c[i]; };
  add(130, C(s0)); add(131, C(b0)); add(132, C(b1)); add(133, C(s1));
  add(134, C(s0), C(b0)); add(135, C(s0), T(b0)); add(136, T(s0), C(b0)); add(137, C(s1), C(s0));
  add(138, C(s0), T(b0), T(b1)); add(139, T(s0), C(b0), T(b1)); add(140, C(b0), C(b1));
  add(141, C(s0), C(s0l1)); add(142, C(s0), C(s0r1)); add(143, C(b0), C(b0l1)); add(144, C(s1), T(s0), T(b0));
  return n;
}

// The other templates than those of BufferFeatures and StackFeatures: those
// of stack and buffer words together, of children, labels, valencies and the
// stack size.
size_t StateFeatures(const Values& v, const State& st, uint32_t* keys) {
  size_t n = CrossFeatures(v, st, keys);
  n += StackTreeFeatures(v, st, keys + n);
  return n + BufferTreeFeatures(v, st, keys + n);
}

// All transition feature keys of a state (in group order; order does not
// change scores or training).
size_t Features(const Values& v, const State& st, uint32_t* keys) {
  size_t n = BufferFeatures(v, st.b, st.n, keys);
  n += StackFeatures(v, st, keys + n);
  return n + StateFeatures(v, st, keys + n);
}

// Features for labelling the arc `kind` is about to make: the dependent (the
// stack top, whose subtree is complete), its head and their context.
size_t LabelFeatures(const Values& v, const State& st, Kind kind, uint32_t* keys) {
  const int dep = st.S(0), head = st.HeadFor(kind), next = st.B(kind == kLeft ? 1 : 0);
  auto W = [&](int i) { return i < 0 ? kNone : v.w[i]; };
  auto T = [&](int i) { return i < 0 ? kNone : v.t[i]; };
  auto U = [&](int i) { return i < 0 ? kNone : v.u[i]; };
  auto L = [&](int i) { return i < 0 ? kNone : static_cast<uint64_t>(st.label[i] + 1); };
  const int dl1 = st.lc1[dep], dr1 = st.rc1[dep], hl1 = st.lc1[head], hr1 = st.rc1[head];
  const uint64_t dir = kind, dist = Bucket(std::abs(head - dep));
  const uint64_t th = T(head), td = T(dep), wh = W(head), wd = W(dep);
  size_t n = 0;
  auto add = [&](uint64_t templ, uint64_t a, uint64_t b = 0, uint64_t c = 0) __attribute__((always_inline)) { if (v.drop & GroupOf(200 + templ)) return; keys[n++] = FeatureKey(200 + templ, a, b, c); };
  add(0, dir); add(1, td, dir); add(2, wd, dir); add(3, th, dir); add(4, wh, dir);
  add(5, th, td, dir); add(6, wh, td, dir); add(7, th, wd, dir); add(8, wh, wd, dir);
  add(9, v.wt[dep], dir); add(10, v.wt[head], td, dir);
  add(11, th, td, Combine(dir, dist)); add(12, U(head), U(dep), dir);
  add(13, td, st.lset[dep], st.rset[dep]); add(14, td, st.lset[dep]); add(15, td, st.rset[dep]);
  add(16, wd, st.lset[dep], st.rset[dep]);
  add(17, th, st.lset[head], dir); add(18, th, st.rset[head], dir);
  add(19, td, T(dl1), L(dl1)); add(20, td, T(dr1), L(dr1));
  add(21, th, td, L(hl1)); add(22, th, td, L(hr1));
  add(23, td, T(next), dir); add(24, th, td, T(next)); add(25, W(next), td, dir);
  add(26, v.suf[dep], td); add(27, th, td, Combine(dir, v.PunctBetween(std::min(head, dep), std::max(head, dep))));
  add(28, T(st.S(1)), td, dir); add(29, td, Cap(st.nl[dep]), Cap(st.nr[dep]));
  add(30, wd, W(dl1)); add(31, td, W(dl1), dir);
  if (v.feature_set < 3) return n;
  add(32, wh, v.suf[dep], dir); add(33, wd, W(dr1)); add(34, th, wd, L(hl1));
  if (!v.has_c) return n;
  add(35, v.c[head], v.c[dep], dir); add(36, v.c[dep], td); add(37, v.c[head], td, dir);
  return n;
}

// The best valid transition under `scores` (and, when `costs` is given,
// among those of cost == min_cost). Every non-terminal state has one.
template <typename Score>
Kind BestKind(const State& st, const Score* scores, const int* costs = nullptr, int min_cost = 0) {
  int best = -1;
  const bool valid[kNumKinds] = {CanShift(st), CanLeft(st), CanRight(st)};
  for (int k = 0; k < kNumKinds; ++k) {
    if (!valid[k] || (costs && costs[k] != min_cost)) continue;
    if (best < 0 || scores[k] > scores[best]) best = k;
  }
  return static_cast<Kind>(best);
}

// The best label other than root (root is reserved for ROOT's dependent).
template <typename Score>
int BestLabel(const Score* scores, int num_labels, int root_label) {
  int best = -1;
  for (int l = 0; l < num_labels; ++l) {
    if (l == root_label) continue;
    if (best < 0 || scores[l] > scores[best]) best = l;
  }
  return best;
}

// Dynamic-oracle costs (Goldberg & Nivre 2013, arc-hybrid) of the three
// transitions: the number of gold arcs each makes unreachable (invalid ones
// get a large cost). gh: gold heads with n for ROOT.
void Costs(const State& st, const std::vector<int>& gh, int* costs) {
  const int kInvalid = 1 << 20;
  const int b = st.b, n = st.n, s0 = st.S(0), s1 = st.S(1);
  costs[kShift] = costs[kLeft] = costs[kRight] = kInvalid;
  if (CanShift(st)) {
    int c = 0;
    bool head_on_stack = false;
    for (int s : st.stack) {
      c += gh[s] == b;
      head_on_stack |= gh[b] == s && s != s0;
    }
    costs[kShift] = c + head_on_stack;
  }
  if (s0 < 0) return;
  int lost_deps = 0;
  for (int d = b; d < n; ++d) lost_deps += gh[d] == s0;
  if (CanLeft(st)) costs[kLeft] = lost_deps + (gh[s0] != b && (gh[s0] >= b || (s1 >= 0 && gh[s0] == s1)));
  if (CanRight(st)) costs[kRight] = lost_deps + (gh[s0] != s1 && gh[s0] >= b);
}


// --- Beam search -------------------------------------------------------------

// A hypothesis of the beam. `node` and `gold` are used only in training.
template <typename Score>
struct Hyp {
  State st;
  Score score = 0;
  int node = -1;     // its last step in History, -1 before the first
  bool gold = true;  // its transitions so far are the oracle's
};

// The steps of every hypothesis a training beam made, for the structured
// update: each step's transition and the feature keys of the state it left.
struct History {
  struct Node {
    int parent;
    int kind;
    uint32_t begin, count;  // its keys in `keys`
  };
  std::vector<uint32_t> keys;
  std::vector<Node> nodes;
  void clear() {
    keys.clear();
    nodes.clear();
  }
};

template <typename Score>
struct Candidate {
  Score score;
  int item;
  int kind;
};

// Memos of one sentence's beam search. The hypotheses of a beam share most
// of their context, so most transition feature keys and many labelled arcs
// recur across hypotheses and steps; looking them up again in the models
// (tens of MB, mostly cache misses) is what a beam would otherwise spend its
// time on. Direct-mapped, overwritten on conflicts; entries of an earlier
// sentence are told apart by `gen`. Results are exactly those of the models.
struct BeamMemo {
  static constexpr size_t kKeySlots = 4096, kArcSlots = 1024, kMaxLabelKeys = 40;
  struct KeyEntry {
    uint32_t key = 0, gen = 0;
    int16_t w[kNumKinds] = {0, 0, 0};
  };
  struct ArcEntry {
    uint32_t gen = 0, count = 0;
    int label = 0;
    uint32_t keys[kMaxLabelKeys];
  };
  std::vector<KeyEntry> key_slots = std::vector<KeyEntry>(kKeySlots);
  std::vector<ArcEntry> arc_slots = std::vector<ArcEntry>(kArcSlots);
  uint32_t gen = 0;
  void NextSentence() {
    if (++gen == 0) {  // wrapped: forget everything rather than confuse generations
      key_slots.assign(kKeySlots, KeyEntry{});
      arc_slots.assign(kArcSlots, ArcEntry{});
      gen = 1;
    }
  }
};

// Scoring by the quantized inference models (through the memo).
struct ModelScorer {
  using Score = int64_t;
  const LinearModel& transitions;
  const LinearModel& labels;
  int root_label;
  std::vector<int32_t>* label_scores;
  BeamMemo* memo;
  void Transitions(const uint32_t* keys, size_t n, Score* out) const {
    int32_t s[kNumKinds] = {0, 0, 0};
    uint32_t missing[kMaxFeatures];
    size_t num_missing = 0;
    for (size_t i = 0; i < n; ++i) {
      const BeamMemo::KeyEntry& e = memo->key_slots[keys[i] & (BeamMemo::kKeySlots - 1)];
      if (e.key == keys[i] && e.gen == memo->gen) {
        for (int k = 0; k < kNumKinds; ++k) s[k] += e.w[k];
      } else {
        missing[num_missing++] = keys[i];
      }
    }
    int16_t rows[kMaxFeatures * kNumKinds];
    transitions.RowValues(missing, num_missing, rows);
    for (size_t i = 0; i < num_missing; ++i) {
      BeamMemo::KeyEntry& e = memo->key_slots[missing[i] & (BeamMemo::kKeySlots - 1)];
      e.key = missing[i];
      e.gen = memo->gen;
      for (int k = 0; k < kNumKinds; ++k) s[k] += e.w[k] = rows[i * kNumKinds + k];
    }
    for (int k = 0; k < kNumKinds; ++k) out[k] = s[k];
  }
  int Label(const Values& v, const State& st, Kind kind) const {
    uint32_t keys[kMaxFeatures];
    const size_t nk = LabelFeatures(v, st, kind, keys);
    uint64_t h = 0;
    for (size_t i = 0; i < nk; ++i) h = h * 0x9e3779b97f4a7c15ULL + keys[i];
    BeamMemo::ArcEntry& e = memo->arc_slots[Mix64(h) & (BeamMemo::kArcSlots - 1)];
    if (e.gen == memo->gen && e.count == nk && std::equal(keys, keys + nk, e.keys)) return e.label;
    std::fill(label_scores->begin(), label_scores->end(), 0);
    labels.AddScores(keys, nk, label_scores->data());
    const int label = BestLabel(label_scores->data(), static_cast<int>(label_scores->size()), root_label);
    if (nk <= BeamMemo::kMaxLabelKeys) {
      e.gen = memo->gen;
      e.count = static_cast<uint32_t>(nk);
      e.label = label;
      std::copy(keys, keys + nk, e.keys);
    }
    return label;
  }
};

// Scoring by the current (not averaged) weights while training.
struct TrainerScorer {
  using Score = double;
  const PerceptronTrainer& transitions;
  const PerceptronTrainer& labels;
  int root_label;
  std::vector<float>* label_scores;
  void Transitions(const uint32_t* keys, size_t n, Score* out) const {
    float s[kNumKinds] = {0, 0, 0};
    transitions.AddScores(keys, n, s);
    for (int k = 0; k < kNumKinds; ++k) out[k] = s[k];
  }
  int Label(const Values& v, const State& st, Kind kind) const {
    uint32_t keys[kMaxFeatures];
    size_t nk = LabelFeatures(v, st, kind, keys);
    std::fill(label_scores->begin(), label_scores->end(), 0.0f);
    labels.AddScores(keys, nk, label_scores->data());
    return BestLabel(label_scores->data(), static_cast<int>(label_scores->size()), root_label);
  }
};

// One beam step: every valid transition of every hypothesis is a candidate
// scored by the hypothesis' score plus the transition's; the best `width`
// become `next`. Labels do not enter the score: each arc of a kept candidate
// is labelled by the label model, as in greedy parsing. With `hist`, the
// steps are recorded and `gold_kind` (the oracle's transition) tracks which
// hypothesis still follows the oracle.
template <typename Scorer>
void BeamStep(const Scorer& scorer, const Values& v, int width, std::vector<Hyp<typename Scorer::Score>>* beam,
              std::vector<Hyp<typename Scorer::Score>>* next, std::vector<Candidate<typename Scorer::Score>>* cands,
              History* hist = nullptr, int gold_kind = -1) {
  using Score = typename Scorer::Score;
  thread_local std::vector<uint32_t> key_begin;
  uint32_t keys[kMaxFeatures];
  cands->clear();
  key_begin.resize(beam->size());
  for (size_t i = 0; i < beam->size(); ++i) {
    const Hyp<Score>& h = (*beam)[i];
    size_t nk = Features(v, h.st, keys);
    if (hist) {
      key_begin[i] = static_cast<uint32_t>(hist->keys.size());
      hist->keys.insert(hist->keys.end(), keys, keys + nk);
    }
    Score s[kNumKinds];
    scorer.Transitions(keys, nk, s);
    const bool valid[kNumKinds] = {CanShift(h.st), CanLeft(h.st), CanRight(h.st)};
    for (int k = 0; k < kNumKinds; ++k)
      if (valid[k]) cands->push_back({h.score + s[k], static_cast<int>(i), k});
  }
  const size_t keep = std::min(cands->size(), static_cast<size_t>(width));
  // A total order, so the selection does not depend on the sort algorithm.
  std::partial_sort(cands->begin(), cands->begin() + keep, cands->end(), [](const auto& a, const auto& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.item != b.item) return a.item < b.item;
    return a.kind < b.kind;
  });
  if (next->size() < keep) next->resize(keep);
  for (size_t j = 0; j < keep; ++j) {
    const Candidate<Score>& c = (*cands)[j];
    const Hyp<Score>& from = (*beam)[c.item];
    Hyp<Score>& to = (*next)[j];
    const Kind kind = static_cast<Kind>(c.kind);
    int label = -1;
    if (kind != kShift) label = from.st.HeadFor(kind) == from.st.n ? scorer.root_label : scorer.Label(v, from.st, kind);
    to.st = from.st;
    to.st.Apply(kind, label);
    to.score = c.score;
    to.gold = from.gold && c.kind == gold_kind;
    if (hist) {
      to.node = static_cast<int>(hist->nodes.size());
      hist->nodes.push_back({from.node, c.kind, key_begin[c.item], 0});
    }
  }
  if (hist) {
    // Each node's key count: the keys of hypothesis i run to the next one's start.
    const size_t first_new = hist->nodes.size() - keep;
    for (size_t j = 0; j < keep; ++j) {
      History::Node& node = hist->nodes[first_new + j];
      const int item = (*cands)[j].item;
      const uint32_t end = item + 1 < static_cast<int>(beam->size()) ? key_begin[item + 1] : static_cast<uint32_t>(hist->keys.size());
      node.count = end - node.begin;
    }
  }
  next->resize(keep);
  std::swap(*beam, *next);
}

// Gold heads with ROOT at n (instead of -1).
std::vector<int> RootAtEnd(const std::vector<int>& heads) {
  std::vector<int> gh(heads);
  int n = static_cast<int>(heads.size());
  for (int& h : gh)
    if (h < 0) h = n;
  return gh;
}

bool Dominates(const std::vector<int>& heads, int h, int k) {
  // Whether h is an ancestor of k (heads -1..n-1; h == n means ROOT).
  int n = static_cast<int>(heads.size());
  if (h == n) return true;
  for (int steps = 0; k >= 0 && steps <= n; ++steps) {
    if (k == h) return true;
    k = heads[k];
  }
  return false;
}

// The shortest non-projective arc's dependent, or -1.
int ShortestNonProjective(const std::vector<int>& heads) {
  int n = static_cast<int>(heads.size()), best = -1, best_len = 0;
  for (int d = 0; d < n; ++d) {
    int h = heads[d] < 0 ? n : heads[d];
    int lo = std::min(h, d), hi = std::max(h, d);
    for (int k = lo + 1; k < hi; ++k) {
      if (!Dominates(heads, h, k)) {
        if (best < 0 || hi - lo < best_len) {
          best = d;
          best_len = hi - lo;
        }
        break;
      }
    }
  }
  return best;
}

}  // namespace

Result<uint32_t> ParseTemplateGroups(std::string_view names) {
  uint32_t groups = 0;
  if (names.empty()) return groups;
  for (size_t begin = 0;;) {
    const size_t end = std::min(names.find(',', begin), names.size());
    const std::string_view name = names.substr(begin, end - begin);
    const auto* it = std::find_if(std::begin(kTemplateGroupNames), std::end(kTemplateGroupNames), [&](const GroupName& g) { return name == g.name; });
    if (it == std::end(kTemplateGroupNames)) return Status::InvalidArgument("unknown parser template group '" + std::string(name) + "'");
    groups |= it->group;
    if (end == names.size()) return groups;
    begin = end + 1;
  }
}

std::string TemplateGroupNames(uint32_t groups) {
  std::string names;
  for (const GroupName& g : kTemplateGroupNames) {
    if ((groups & g.group) == 0) continue;
    if (!names.empty()) names += ',';
    names += g.name;
  }
  return names;
}

uint64_t ParserTagHash(std::string_view upos, std::string_view xpos) { return Combine(HashString(upos), HashString(xpos)); }

ParserInput MakeParserInput(const Sentence& s) {
  ParserInput in;
  for (const Token& t : s.tokens) {
    WordInfo w = ComputeWordInfo(t.model_form());
    in.word.push_back(w.lower);
    in.suffix.push_back(w.suffix[2]);
    in.tag.push_back(ParserTagHash(t.upos, t.xpos));
    in.coarse.push_back(HashString(t.upos));
    if (!ParserClusters().empty()) {
      auto it = ParserClusters().find(w.lower);
      in.cluster.push_back(it == ParserClusters().end() ? 0 : it->second + 1);
    }
  }
  return in;
}

bool IsProjective(const std::vector<int>& heads) { return ShortestNonProjective(heads) < 0; }

std::vector<int> Projectivize(std::vector<int> heads) {
  for (size_t guard = 0; guard < heads.size() * heads.size() + 1; ++guard) {
    int d = ShortestNonProjective(heads);
    if (d < 0) break;
    heads[d] = heads[heads[d]];  // lift to the grandparent (a root child never crosses)
  }
  return heads;
}

bool IsWellFormedTree(const std::vector<int>& heads) {
  int n = static_cast<int>(heads.size()), roots = 0;
  for (int i = 0; i < n; ++i) {
    if (heads[i] < -1 || heads[i] >= n || heads[i] == i) return false;
    roots += heads[i] == -1;
  }
  if (n > 0 && roots != 1) return false;
  for (int i = 0; i < n; ++i) {  // every word must reach the root within n steps
    int k = i, steps = 0;
    while (k >= 0 && steps <= n) {
      k = heads[k];
      ++steps;
    }
    if (k >= 0) return false;
  }
  return true;
}

std::vector<int> OracleParse(const std::vector<int>& gold_heads) {
  int n = static_cast<int>(gold_heads.size());
  std::vector<int> gh = RootAtEnd(gold_heads);
  State st;
  st.Init(n);
  int costs[kNumKinds];
  const float zero[kNumKinds] = {0, 0, 0};
  while (!st.Terminal()) {
    Costs(st, gh, costs);
    int min_cost = *std::min_element(costs, costs + kNumKinds);
    st.Apply(BestKind(st, zero, costs, min_cost), 0);
  }
  std::vector<int> heads(st.head, st.head + n);
  for (int& h : heads)
    if (h == n) h = -1;
  return heads;
}

namespace {

// The transition scores of one sentence's greedy parse, with the sums of the
// memoizable feature groups kept per word: BufferFeatures' by buffer front
// (all computed up front, their lookups overlapping), StackFeatures' by stack
// top (computed the first time a word is the top), StackTreeFeatures' by
// stack top and its number of right children (a LEFT gives back the top
// below with the subtree it had when it was last the top) and
// BufferTreeFeatures' by buffer front and its number of left children (a
// RIGHT leaves the buffer front as it was); each group missing from its memo
// is looked up together with the state's CrossFeatures. Every state's score
// is then exactly that of all its Features keys, with fewer lookups.
class GroupScores {
 public:
  // Returns the number of keys looked up.
  size_t Init(const LinearModel& model, const Values& v, int n) {
    const size_t m = static_cast<size_t>(n) + 1;
    // Stack tops -1..n-1 at index s0 + 1, buffer fronts 0..n.
    stack_base_ = kNumKinds;
    stack_tree_base_ = stack_base_ + (m + 1) * kNumKinds;
    buffer_base_ = stack_tree_base_ + (m + 1) * kNumKinds;
    buffer_tree_base_ = buffer_base_ + m * kNumKinds;
    sums_.assign(buffer_tree_base_ + m * kNumKinds, 0);
    stack_done_.assign(m + 1, 0);
    stack_tree_tag_.assign(m + 1, -1);
    buffer_tree_tag_.assign(m, -1);
    keys_.clear();
    offsets_.clear();
    uint32_t keys[kMaxFeatures];
    for (int b = 0; b <= n; ++b) {
      const size_t nk = BufferFeatures(v, b, n, keys);
      keys_.insert(keys_.end(), keys, keys + nk);
      offsets_.insert(offsets_.end(), nk, static_cast<uint32_t>(buffer_base_ + static_cast<size_t>(b) * kNumKinds));
    }
    model.AddScoresTo(keys_.data(), offsets_.data(), keys_.size(), sums_.data());
    return keys_.size();
  }
  // scores[k] = the sum of kind k's weights over Features(v, st). Returns
  // the number of keys looked up.
  size_t Score(const LinearModel& model, const Values& v, const State& st, int32_t* scores) {
    uint32_t keys[kMaxFeatures];
    uint32_t offsets[kMaxFeatures];
    size_t nk = CrossFeatures(v, st, keys);
    std::fill(offsets, offsets + nk, 0u);
    std::fill(sums_.begin(), sums_.begin() + kNumKinds, 0);
    auto group = [&](size_t count, size_t base) {
      std::fill(offsets + nk, offsets + nk + count, static_cast<uint32_t>(base));
      nk += count;
    };
    const int s0 = st.S(0);
    const size_t top = static_cast<size_t>(s0 + 1);
    if (!stack_done_[top]) {
      group(StackFeatures(v, st, keys + nk), stack_base_ + top * kNumKinds);
      stack_done_[top] = 1;
    }
    const int right_children = s0 < 0 ? 0 : st.nr[s0];
    int32_t* stack_tree = &sums_[stack_tree_base_ + top * kNumKinds];
    if (stack_tree_tag_[top] != right_children) {
      std::fill(stack_tree, stack_tree + kNumKinds, 0);
      group(StackTreeFeatures(v, st, keys + nk), stack_tree_base_ + top * kNumKinds);
      stack_tree_tag_[top] = right_children;
    }
    const size_t front = static_cast<size_t>(st.b);
    int32_t* buffer_tree = &sums_[buffer_tree_base_ + front * kNumKinds];
    if (buffer_tree_tag_[front] != st.nl[front]) {
      std::fill(buffer_tree, buffer_tree + kNumKinds, 0);
      group(BufferTreeFeatures(v, st, keys + nk), buffer_tree_base_ + front * kNumKinds);
      buffer_tree_tag_[front] = st.nl[front];
    }
    model.AddScoresTo(keys, offsets, nk, sums_.data());
    const int32_t* stack = &sums_[stack_base_ + top * kNumKinds];
    const int32_t* buffer = &sums_[buffer_base_ + front * kNumKinds];
    for (int k = 0; k < kNumKinds; ++k) scores[k] = sums_[k] + stack[k] + buffer[k] + stack_tree[k] + buffer_tree[k];
    return nk;
  }

 private:
  // [0, kNumKinds): the current state's CrossFeatures; then per stack top
  // (StackFeatures, StackTreeFeatures), then per buffer front
  // (BufferFeatures, BufferTreeFeatures).
  std::vector<int32_t> sums_;
  size_t stack_base_ = 0, stack_tree_base_ = 0, buffer_base_ = 0, buffer_tree_base_ = 0;
  std::vector<uint8_t> stack_done_;
  // The child count each tree sum was made for (-1: none yet).
  std::vector<int> stack_tree_tag_, buffer_tree_tag_;
  std::vector<uint32_t> keys_, offsets_;
};

// The tree of a terminal state, ROOT given back as -1.
void Output(const State& st, std::vector<int>* heads, std::vector<int>* labels) {
  const int n = st.n;
  heads->assign(st.head, st.head + n);
  for (int& h : *heads)
    if (h == n) h = -1;
  labels->assign(st.label, st.label + n);
}

}  // namespace

void Parser::ParseBeam(const ParserInput& in, int width, std::vector<int>* heads, std::vector<int>* labels) const {
  thread_local std::vector<Hyp<int64_t>> beam, next;
  thread_local std::vector<Candidate<int64_t>> cands;
  thread_local Values values;
  thread_local std::vector<int32_t> label_scores;
  thread_local BeamMemo memo;
  label_scores.resize(labels_.size());
  values.Init(in, version_, drop_groups_);
  memo.NextSentence();
  const ModelScorer scorer{model_, label_model_, root_label_, &label_scores, &memo};
  beam.resize(1);
  beam[0].st.Init(static_cast<int>(in.word.size()));
  beam[0].score = 0;
  // Every transition sequence has 2n steps (n shifts, n arcs), so all
  // hypotheses end together.
  while (!beam[0].st.Terminal()) BeamStep(scorer, values, std::max(1, width), &beam, &next, &cands);
  Output(beam[0].st, heads, labels);
}

void Parser::Parse(const ParserInput& in, std::vector<int>* heads, std::vector<int>* labels, ParseCounts* counts) const {
  if (beam_width_ > 1) {
    ParseBeam(in, beam_width_, heads, labels);
    return;
  }
  const int n = static_cast<int>(in.word.size());
  const int num_labels = static_cast<int>(labels_.size());
  thread_local State st;
  thread_local Values values;
  thread_local std::vector<int32_t> label_scores;
  thread_local GroupScores groups;
  st.Init(n);
  values.Init(in, version_, drop_groups_);
  label_scores.resize(num_labels);
  const size_t buffer_lookups = groups.Init(model_, values, n);
  if (counts) counts->transition_lookups += buffer_lookups;
  uint32_t keys[kMaxFeatures];
  while (!st.Terminal()) {
    // A state with one valid transition (an empty stack, or only ROOT left
    // in the buffer) takes it unscored: scores could not change it, and
    // the memos do not depend on which states were scored.
    Kind kind;
    if (const int forced = OnlyTransition(st); forced >= 0) {
      kind = static_cast<Kind>(forced);
    } else {
      int32_t scores[kNumKinds];
      const size_t lookups = groups.Score(model_, values, st, scores);
      kind = BestKind(st, scores);
      if (counts) {
        ++counts->scored_states;
        counts->transition_lookups += lookups;
      }
    }
    int label = -1;
    if (kind != kShift) {
      if (st.HeadFor(kind) == n) {
        label = root_label_;
      } else {
        const size_t nk = LabelFeatures(values, st, kind, keys);
        std::fill(label_scores.begin(), label_scores.end(), 0);
        label_model_.AddScores(keys, nk, label_scores.data());
        label = BestLabel(label_scores.data(), num_labels, root_label_);
        if (counts) {
          ++counts->arcs;
          counts->label_lookups += nk;
        }
      }
    }
    st.Apply(kind, label);
    if (counts) ++counts->states;
  }
  Output(st, heads, labels);
}

void Parser::Parse(Sentence* s) const {
  std::vector<int> heads, labels;
  Parse(MakeParserInput(*s), &heads, &labels);
  for (size_t i = 0; i < s->tokens.size(); ++i) {
    s->tokens[i].head = heads[i];
    s->tokens[i].deprel = labels_[labels[i]];
  }
}

namespace {

struct GoldTree {
  ParserInput input;
  std::vector<int> heads;   // ROOT at n, projectivized
  std::vector<int> labels;
};

double ScoreDev(const Parser& p, const std::vector<ConlluSentence>& dev, double* las) {
  size_t uas_ok = 0, las_ok = 0, total = 0;
  std::vector<int> heads, labels;
  for (const auto& cs : dev) {
    p.Parse(MakeParserInput(cs.sentence), &heads, &labels);
    for (size_t i = 0; i < heads.size(); ++i) {
      const Token& g = cs.sentence.tokens[i];
      bool head_ok = heads[i] == g.head;
      uas_ok += head_ok;
      las_ok += head_ok && p.labels()[labels[i]] == g.deprel;
      ++total;
    }
  }
  *las = 100.0 * las_ok / std::max<size_t>(1, total);
  return 100.0 * uas_ok / std::max<size_t>(1, total);
}


// Global training of the transition model on one sentence: beam search with
// the current weights beside the static oracle's sequence, then one
// max-violation update (Huang et al. 2012): at the step where the best
// hypothesis, not the oracle's, leads the oracle prefix by the most, the
// oracle prefix's features are rewarded and the best prefix's penalized. The
// label model learns locally on the oracle's arcs.
class BeamTrainer {
 public:
  // Returns whether the transition model was updated.
  // feature_set and drop_groups: those of Values.
  bool Train(const GoldTree& g, int width, int root_label, int feature_set, uint32_t drop_groups, PerceptronTrainer* trainer,
             PerceptronTrainer* label_trainer, size_t* arcs, size_t* label_errors) {
    const int n = static_cast<int>(g.heads.size());
    values_.Init(g.input, feature_set, drop_groups);
    label_scores_.resize(label_trainer->num_classes());
    const TrainerScorer scorer{*trainer, *label_trainer, root_label, &label_scores_};
    hist_.clear();
    gold_keys_.clear();
    gold_steps_.clear();
    beam_.resize(1);
    beam_[0].st.Init(n);
    beam_[0].score = 0;
    beam_[0].node = -1;
    beam_[0].gold = true;
    gold_.Init(n);
    double gold_score = 0, max_violation = 0;
    int worst_step = -1, worst_node = -1;
    uint32_t keys[kMaxFeatures];
    int costs[kNumKinds];
    const float zero[kNumKinds] = {0, 0, 0};
    for (int t = 0; !gold_.Terminal(); ++t) {
      // The oracle's step: its keys and score, then the step itself.
      size_t nk = Features(values_, gold_, keys);
      float s[kNumKinds] = {0, 0, 0};
      trainer->AddScores(keys, nk, s);
      Costs(gold_, g.heads, costs);
      const Kind kind = BestKind(gold_, zero, costs, *std::min_element(costs, costs + kNumKinds));
      gold_score += s[kind];
      gold_steps_.push_back({static_cast<uint32_t>(gold_keys_.size()), static_cast<uint32_t>(nk), kind});
      gold_keys_.insert(gold_keys_.end(), keys, keys + nk);
      int label = -1;
      if (kind != kShift) {
        const int dep = gold_.S(0), head = gold_.HeadFor(kind);
        label = g.labels[dep];
        if (head == n) {
          label = root_label;
        } else if (label != root_label) {
          nk = LabelFeatures(values_, gold_, kind, keys);
          std::fill(label_scores_.begin(), label_scores_.end(), 0.0f);
          label_trainer->AddScores(keys, nk, label_scores_.data());
          const int guess = BestLabel(label_scores_.data(), label_trainer->num_classes(), root_label);
          ++*arcs;
          if (guess != label) {
            label_trainer->Update(keys, nk, label, guess);
            ++*label_errors;
          }
          label_trainer->Tick();
        }
      }
      gold_.Apply(kind, label);

      BeamStep(scorer, values_, width, &beam_, &next_, &cands_, &hist_, kind);
      if (!beam_[0].gold) {
        const double violation = beam_[0].score - gold_score;
        if (worst_step < 0 || violation > max_violation) {
          max_violation = violation;
          worst_step = t;
          worst_node = beam_[0].node;
        }
      }
    }
    trainer->Tick();
    TrainLabelsOnBest(g, root_label, label_trainer, arcs, label_errors);
    if (beam_[0].gold || worst_step < 0) return false;
    for (int t = 0; t <= worst_step; ++t) {
      const GoldStep& gs = gold_steps_[t];
      trainer->Add(&gold_keys_[gs.begin], gs.count, gs.kind, 1.0f);
    }
    for (int node = worst_node; node >= 0; node = hist_.nodes[node].parent) {
      const History::Node& nd = hist_.nodes[node];
      trainer->Add(&hist_.keys[nd.begin], nd.count, nd.kind, -1.0f);
    }
    return true;
  }

 private:
  // The label model also learns where it is used: on the correct arcs of the
  // best final hypothesis, whose earlier labels are its own predictions.
  void TrainLabelsOnBest(const GoldTree& g, int root_label, PerceptronTrainer* label_trainer, size_t* arcs, size_t* label_errors) {
    path_.clear();
    for (int node = beam_[0].node; node >= 0; node = hist_.nodes[node].parent) path_.push_back(hist_.nodes[node].kind);
    const int n = static_cast<int>(g.heads.size());
    replay_.Init(n);
    uint32_t keys[kMaxFeatures];
    for (auto it = path_.rbegin(); it != path_.rend(); ++it) {
      const Kind kind = static_cast<Kind>(*it);
      int label = -1;
      if (kind != kShift) {
        const int dep = replay_.S(0), head = replay_.HeadFor(kind);
        if (head == n) {
          label = root_label;
        } else {
          const size_t nk = LabelFeatures(values_, replay_, kind, keys);
          std::fill(label_scores_.begin(), label_scores_.end(), 0.0f);
          label_trainer->AddScores(keys, nk, label_scores_.data());
          label = BestLabel(label_scores_.data(), label_trainer->num_classes(), root_label);
          if (g.heads[dep] == head && g.labels[dep] != root_label) {
            ++*arcs;
            if (label != g.labels[dep]) {
              label_trainer->Update(keys, nk, g.labels[dep], label);
              ++*label_errors;
            }
            label_trainer->Tick();
          }
        }
      }
      replay_.Apply(kind, label);
    }
  }

  struct GoldStep {
    uint32_t begin, count;
    int kind;
  };
  Values values_;
  State gold_, replay_;
  std::vector<int> path_;
  History hist_;
  std::vector<uint32_t> gold_keys_;
  std::vector<GoldStep> gold_steps_;
  std::vector<Hyp<double>> beam_, next_;
  std::vector<Candidate<double>> cands_;
  std::vector<float> label_scores_;
};

}  // namespace

Parser Parser::Train(const std::vector<ConlluSentence>& train, const std::vector<ConlluSentence>* dev,
                     const ParserOptions& options, std::ostream* log) {
  std::map<std::string, int> label_of;
  label_of["root"] = 0;
  for (const auto& cs : train)
    for (const Token& t : cs.sentence.tokens)
      if (!t.deprel.empty()) label_of[t.deprel] = 0;
  Parser parser;
  for (auto& [name, id] : label_of) {
    id = static_cast<int>(parser.labels_.size());
    parser.labels_.push_back(name);
  }
  parser.root_label_ = label_of["root"];
  const int num_labels = static_cast<int>(parser.labels_.size());

  std::vector<GoldTree> gold;
  size_t lifted = 0;
  for (const auto& cs : train) {
    GoldTree g;
    g.input = MakeParserInput(cs.sentence);
    std::vector<int> heads;
    for (const Token& t : cs.sentence.tokens) {
      heads.push_back(t.head);
      g.labels.push_back(label_of[t.deprel.empty() ? "root" : t.deprel]);
    }
    if (!IsWellFormedTree(heads)) continue;  // unusable gold
    if (!IsProjective(heads)) {
      heads = Projectivize(heads);
      ++lifted;
    }
    g.heads = RootAtEnd(heads);
    gold.push_back(std::move(g));
  }
  if (log) *log << "parser: " << gold.size() << " training trees (" << lifted << " projectivized), " << num_labels << " labels" << std::endl;

  PerceptronTrainer trainer(kNumKinds), label_trainer(num_labels);
  parser.beam_width_ = std::max(1, options.beam);
  parser.drop_groups_ = options.drop_groups & kAllGroups;
  parser.version_ = parser.drop_groups_ ? kLeanVersion : kVersion;
  BeamTrainer beam_trainer;
  std::vector<size_t> order(gold.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  Rng rng(options.seed);
  State st;
  Values values;
  std::vector<float> label_scores(num_labels);
  int costs[kNumKinds];
  uint32_t keys[kMaxFeatures];
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    rng.Shuffle(&order);
    size_t steps = 0, errors = 0, arcs = 0, label_errors = 0;
    for (size_t gi : order) {
      const GoldTree& g = gold[gi];
      if (parser.beam_width_ > 1) {
        // Counted per sentence: "transition errors" are sentences updated.
        errors += beam_trainer.Train(g, parser.beam_width_, parser.root_label_, parser.version_, parser.drop_groups_, &trainer,
                                     &label_trainer, &arcs, &label_errors);
        ++steps;
        continue;
      }
      st.Init(static_cast<int>(g.heads.size()));
      values.Init(g.input, parser.version_, parser.drop_groups_);
      while (!st.Terminal()) {
        size_t nk = Features(values, st, keys);
        float scores[kNumKinds] = {0, 0, 0};
        trainer.AddScores(keys, nk, scores);
        Costs(st, g.heads, costs);
        Kind guess = BestKind(st, scores);
        int min_cost = *std::min_element(costs, costs + kNumKinds);
        Kind best_gold = BestKind(st, scores, costs, min_cost);
        if (costs[guess] > min_cost) {
          trainer.Update(keys, nk, best_gold, guess);
          ++errors;
        }
        trainer.Tick();
        ++steps;
        bool explore = epoch > options.explore_after_epoch && costs[guess] > min_cost && rng.Unit() < options.explore_prob;
        Kind kind = explore ? guess : best_gold;
        int label = -1;
        if (kind != kShift) {
          const int dep = st.S(0), head = st.HeadFor(kind);
          if (head == st.n) {
            label = parser.root_label_;
          } else {
            // The label classifier learns on every arc it would label, and
            // only the gold label of a correct arc can be taught.
            nk = LabelFeatures(values, st, kind, keys);
            std::fill(label_scores.begin(), label_scores.end(), 0.0f);
            label_trainer.AddScores(keys, nk, label_scores.data());
            label = BestLabel(label_scores.data(), num_labels, parser.root_label_);
            if (g.heads[dep] == head && g.labels[dep] != parser.root_label_) {
              ++arcs;
              if (label != g.labels[dep]) {
                label_trainer.Update(keys, nk, g.labels[dep], label);
                ++label_errors;
                if (!explore) label = g.labels[dep];
              }
              label_trainer.Tick();
            }
          }
        }
        st.Apply(kind, label);
      }
    }
    if (log) {
      *log << "parser epoch " << epoch << ": transition errors " << 100.0 * errors / std::max<size_t>(1, steps) << "%, label errors "
           << 100.0 * label_errors / std::max<size_t>(1, arcs) << "%";
      if (dev && (epoch == options.epochs || epoch % 3 == 0)) {
        parser.model_ = trainer.Averaged(options.min_quanta);
        parser.label_model_ = label_trainer.Averaged(options.min_quanta);
        double las, uas = ScoreDev(parser, *dev, &las);
        *log << ", dev UAS " << uas << " LAS " << las;
      }
      *log << ", features " << trainer.num_features() << std::endl;
    }
  }
  parser.model_ = trainer.Averaged(options.min_quanta);
  parser.label_model_ = label_trainer.Averaged(options.min_quanta);
  return parser;
}

std::string Parser::ToBytes() const {
  BinaryWriter w;
  w.Raw(std::string_view(kMagic, 8));
  w.U32(static_cast<uint32_t>(version_));
  w.Strings(labels_);
  w.VarU(static_cast<uint64_t>(root_label_));
  if (version_ >= 3) w.VarU(static_cast<uint64_t>(beam_width_));
  if (version_ >= kLeanVersion) w.VarU(drop_groups_);
  model_.Write(&w);
  label_model_.Write(&w);
  return w.bytes();
}

Result<Parser> Parser::FromBytes(std::string_view bytes, const std::string& name) {
  BinaryReader r(bytes);
  std::string_view magic;
  uint32_t version = 0;
  if (!r.Raw(8, &magic) || magic != std::string_view(kMagic, 8)) return Status::DataError({name, 0, 0, ""}, "not a dyad parser model");
  if (!r.U32(&version) || version < 2 || version > kLeanVersion) {
    return Status::DataError({name, 0, 8, ""}, "unsupported parser model version " + std::to_string(version));
  }
  Parser p;
  uint64_t root, width = 1, drop = 0;
  if (!r.Strings(&p.labels_, 64) || p.labels_.empty() || !r.VarU(&root) || root >= p.labels_.size() ||
      (version >= 3 && (!r.VarU(&width) || width < 1 || width > 256)) ||
      (version >= kLeanVersion && (!r.VarU(&drop) || drop == 0 || (drop & ~uint64_t{kAllGroups}) != 0)) || !p.model_.Read(&r) ||
      p.model_.num_classes() != kNumKinds || !p.label_model_.Read(&r) ||
      p.label_model_.num_classes() != static_cast<int>(p.labels_.size()) || !r.at_end()) {
    return Status::DataError({name, 0, static_cast<int64_t>(r.pos()), ""}, "truncated or corrupt parser model");
  }
  p.root_label_ = static_cast<int>(root);
  p.beam_width_ = static_cast<int>(width);
  p.version_ = static_cast<int>(version);
  p.drop_groups_ = static_cast<uint32_t>(drop);
  return p;
}

Result<Parser> Parser::Load(const std::string& path) {
  auto bytes = ReadFileBytes(path);
  if (!bytes.ok()) return bytes.status();
  return FromBytes(*bytes, path);
}

}  // namespace dyad::syntax
