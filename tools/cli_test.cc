#include "cli.h"

#include <gtest/gtest.h>

namespace dyad::cli {
namespace {

Options Make() {
  Options o("x", "ARGS", "test command");
  o.Value("db", "FILE", "db").Value("n", "N", "count", "7").Flag("quiet", "q");
  return o;
}

TEST(Options, ParsesValuesFlagsAndPositionals) {
  Options o = Make();
  int code = -1;
  ASSERT_TRUE(o.Parse({"x", "a", "--db", "f.db", "--quiet", "--n=3", "b", "--", "--c"}, &code));
  EXPECT_EQ(o.Get("db"), "f.db");
  EXPECT_EQ(o.Get("n"), "3");
  EXPECT_TRUE(o.Has("quiet"));
  EXPECT_EQ(o.positional(), (std::vector<std::string>{"a", "b", "--c"}));
}

TEST(Options, DefaultsAndRepeats) {
  Options o = Make();
  int code = -1;
  ASSERT_TRUE(o.Parse({"x", "--db", "a", "--db", "b"}, &code));
  EXPECT_EQ(o.Get("n"), "7");
  EXPECT_EQ(o.Get("db"), "b");
  EXPECT_EQ(o.GetAll("db").size(), 2u);
}

TEST(Options, ErrorsAndHelp) {
  int code = -1;
  Options a = Make();
  EXPECT_FALSE(a.Parse({"x", "--bogus"}, &code));
  EXPECT_EQ(code, 2);
  Options b = Make();
  EXPECT_FALSE(b.Parse({"x", "--db"}, &code));
  EXPECT_EQ(code, 2);
  Options c = Make();
  EXPECT_FALSE(c.Parse({"x", "--quiet=1"}, &code));
  EXPECT_EQ(code, 2);
  Options d = Make();
  testing::internal::CaptureStdout();
  EXPECT_FALSE(d.Parse({"x", "--help"}, &code));
  std::string help = testing::internal::GetCapturedStdout();
  EXPECT_EQ(code, 0);
  EXPECT_NE(help.find("--db FILE"), std::string::npos);
  EXPECT_NE(help.find("(default: 7)"), std::string::npos);
}

}  // namespace
}  // namespace dyad::cli
