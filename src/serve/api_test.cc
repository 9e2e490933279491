// The HTTP API against a real server on a loopback port, over a store built
// from data/sample by the real pipeline.
#include <httplib.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "dyad/pipeline.h"
#include "dyad/resources.h"
#include "dyad/store.h"
#include "gtest/gtest.h"
#include "serve/api.h"
#include "serve/export.h"
#include "serve/server.h"
#include "text/reader.h"

namespace dyad::serve {
namespace {

using json = nlohmann::json;
namespace fs = std::filesystem;

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!fs::exists(ModelPath("en_ewt.parser"))) return;
    dir_ = new fs::path(fs::temp_directory_path() / ("dyad_serve_test_" + std::to_string(::getpid())));
    fs::create_directories(*dir_);
    db_path_ = new std::string((*dir_ / "sample.db").string());
    auto pipeline = Pipeline::Create({});
    ASSERT_TRUE(pipeline.ok()) << pipeline.status().ToString();
    auto store = Store::Open(*db_path_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    text::ReadInputs(
        {std::string(DYAD_SOURCE_DIR) + "/data/sample"}, {},
        [&](Document&& doc) {
          ASSERT_TRUE((*pipeline)->Process(&doc).ok());
          ASSERT_TRUE((*store)->Put(doc, Store::ContentHash(doc, (*pipeline)->version())).ok());
        },
        [](const Status& s) { FAIL() << s.ToString(); });
    store->reset();
    ServerOptions so;
    so.db_path = *db_path_;
    so.port = 0;
    auto server = Server::Bind(so);
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = server->release();
    thread_ = new std::thread([] { (void)server_->Run(); });
    server_->WaitUntilReady();
  }
  static void TearDownTestSuite() {
    if (server_) server_->Stop();
    if (thread_) thread_->join();
    delete thread_;
    delete server_;
    if (dir_) fs::remove_all(*dir_);
    delete dir_;
    delete db_path_;
    thread_ = nullptr;
    server_ = nullptr;
    dir_ = nullptr;
    db_path_ = nullptr;
  }
  void SetUp() override {
    if (!server_) GTEST_SKIP() << "no parser model (" << ModelPath("en_ewt.parser") << "): events need it";
  }

  // GET path?params; expects `status` and returns the body as JSON (or null
  // when it is not JSON).
  static json Get(const std::string& path, const httplib::Params& params = {}, int status = 200,
                  std::string* raw = nullptr) {
    httplib::Client cli("127.0.0.1", server_->port());
    auto res = cli.Get(path, params, httplib::Headers{}, httplib::Progress{});
    EXPECT_TRUE(res) << path;
    if (!res) return nullptr;
    EXPECT_EQ(res->status, status) << path << ": " << res->body;
    if (raw) *raw = res->body;
    return json::parse(res->body, nullptr, false);
  }

  static inline fs::path* dir_ = nullptr;
  static inline std::string* db_path_ = nullptr;
  static inline Server* server_ = nullptr;
  static inline std::thread* thread_ = nullptr;
};

TEST_F(ApiTest, Stats) {
  json j = Get("/api/stats");
  EXPECT_GE(j["documents"].get<int>(), 4);
  EXPECT_GT(j["sentences"].get<int>(), 0);
  EXPECT_GT(j["events"].get<int>(), 0);
  EXPECT_GT(j["actors"].get<int>(), 0);
  EXPECT_TRUE(j.contains("first_date") && j.contains("last_date") && j.contains("quotes"));
}

TEST_F(ApiTest, DocumentsAndDetail) {
  json docs = Get("/api/documents");
  ASSERT_TRUE(docs.is_array());
  ASSERT_FALSE(docs.empty());
  for (const char* k : {"id", "title", "date", "source", "url", "sentences", "events", "date_approx"})
    EXPECT_TRUE(docs[0].contains(k)) << k;
  std::string id = docs[0]["id"];
  json d = Get("/api/documents/" + id);
  EXPECT_EQ(d["id"], id);
  EXPECT_TRUE(d.contains("date_approx"));
  ASSERT_FALSE(d["sentences"].empty());
  for (const char* k : {"idx", "text", "begin", "end"}) EXPECT_TRUE(d["sentences"][0].contains(k)) << k;
  EXPECT_TRUE(d["mentions"].is_array() && d["events"].is_array() && d["quotes"].is_array());
  json missing = Get("/api/documents/no-such-doc", {}, 404);
  EXPECT_TRUE(missing.contains("error"));
  EXPECT_EQ(Get("/api/documents", {{"limit", "1"}}).size(), 1u);
}

TEST_F(ApiTest, Actors) {
  json actors = Get("/api/actors");
  ASSERT_FALSE(actors.empty());
  for (size_t i = 1; i < actors.size(); ++i)
    EXPECT_GE(actors[i - 1]["mentions"].get<int>(), actors[i]["mentions"].get<int>());
  std::string name = actors[0]["name"];
  json a = Get("/api/actors/" + httplib::detail::encode_query_param(name));
  EXPECT_EQ(a["name"], name);
  ASSERT_FALSE(a["codes"].empty());
  for (const char* k : {"code", "from", "to", "mentions"}) EXPECT_TRUE(a["codes"][0].contains(k)) << k;
  EXPECT_FALSE(a["aliases"].empty());
  EXPECT_TRUE(a.contains("events_as_source") && a.contains("events_as_target"));
  Get("/api/actors/Nobody%20At%20All", {}, 404);
}

TEST_F(ApiTest, EventsAndFilters) {
  json all = Get("/api/events", {{"limit", "1000"}});
  ASSERT_FALSE(all.empty());
  for (const char* k : {"id", "doc", "date", "date_resolved", "source", "target", "source_actor", "target_actor",
                        "cameo", "root", "quad_class", "goldstein", "plover", "intent", "sentence", "rule"})
    EXPECT_TRUE(all[0].contains(k)) << k;
  std::string root = all[0]["root"];
  json by_root = Get("/api/events", {{"root", root}});
  ASSERT_FALSE(by_root.empty());
  for (const auto& e : by_root) EXPECT_EQ(e["root"], root);
  std::string source = all[0]["source"];
  std::string prefix = source.substr(0, 3);
  for (const auto& e : Get("/api/events", {{"source", prefix}})) EXPECT_EQ(e["source"].get<std::string>().substr(0, 3), prefix);
  for (const auto& e : Get("/api/events", {{"actor", prefix}})) {
    std::string s = e["source"], t = e["target"];
    EXPECT_TRUE(s.rfind(prefix, 0) == 0 || t.rfind(prefix, 0) == 0);
  }
  std::string doc = all[0]["doc"];
  for (const auto& e : Get("/api/events", {{"doc", doc}})) EXPECT_EQ(e["doc"], doc);
  std::string date = all[0]["date"];
  for (const auto& e : Get("/api/events", {{"from", date}, {"to", date}})) EXPECT_EQ(e["date"], date);
  EXPECT_TRUE(Get("/api/events", {{"from", "2999-01-01"}}).empty());
  Get("/api/events", {{"from", "yesterday"}}, 400);
  Get("/api/events", {{"limit", "-3"}}, 400);
  // Injection-looking values are plain values: no rows, no error.
  EXPECT_TRUE(Get("/api/events", {{"actor", "' OR 1=1 --"}}).empty());
  EXPECT_TRUE(Get("/api/events", {{"root", "04' OR '1'='1"}}).empty());
  EXPECT_TRUE(Get("/api/events", {{"actor", "%"}}).empty());
  // limit is capped at 1000.
  EXPECT_LE(Get("/api/events", {{"limit", "100000"}}).size(), 1000u);
  EXPECT_EQ(Get("/api/events", {{"limit", "100000"}}).size(), std::min<size_t>(all.size(), 1000));
  EXPECT_EQ(Get("/api/events", {{"limit", "1"}, {"offset", "1"}})[0]["id"], all[1 % all.size()]["id"]);
}

TEST_F(ApiTest, EventEvidenceSpansLieInTheSentence) {
  json all = Get("/api/events", {{"limit", "1000"}});
  int with_trigger = 0;
  for (const auto& e : all) {
    std::string id = e["id"];
    size_t colon = id.rfind(':');
    json d = Get("/api/events/" + httplib::detail::encode_query_param(id.substr(0, colon)) + "/" + id.substr(colon + 1));
    ASSERT_TRUE(d.contains("evidence")) << id;
    std::string sentence = d["evidence"]["sentence"];
    EXPECT_EQ(sentence, e["sentence"]);
    for (const auto& sp : d["evidence"]["spans"]) {
      size_t b = sp["begin"], en = sp["end"];
      EXPECT_LT(b, en);
      EXPECT_LE(en, sentence.size());
      EXPECT_TRUE(sp["role"] == "source" || sp["role"] == "target" || sp["role"] == "trigger");
      with_trigger += sp["role"] == "trigger";
    }
  }
  EXPECT_GT(with_trigger, 0);
  Get("/api/events/no-such-doc/0", {}, 404);
}

TEST_F(ApiTest, DyadsNetworkTimeline) {
  for (const char* interval : {"week", "month"}) {
    json d = Get("/api/dyads", {{"interval", interval}});
    ASSERT_TRUE(d.is_array());
    for (const auto& r : d) {
      EXPECT_GT(r["count"].get<int>(), 0);
      EXPECT_FALSE(r["target"].get<std::string>().empty());
      for (const char* k : {"source", "period", "mean_goldstein"}) EXPECT_TRUE(r.contains(k)) << k;
    }
  }
  Get("/api/dyads", {{"interval", "fortnight"}}, 400);
  json n = Get("/api/network");
  ASSERT_TRUE(n["nodes"].is_array() && n["edges"].is_array());
  EXPECT_FALSE(n["truncated"].get<bool>());  // the sample has far fewer than 2,000 dyads
  EXPECT_LE(n["edges"].size(), 2000u);
  std::set<std::string> ids;
  for (const auto& node : n["nodes"]) {
    EXPECT_LE(node["id"].get<std::string>().size(), 6u);
    ids.insert(node["id"]);
  }
  for (const auto& e : n["edges"]) {
    EXPECT_TRUE(ids.count(e["source"]) && ids.count(e["target"]));
    EXPECT_GT(e["count"].get<int>(), 0);
    EXPECT_TRUE(e["roots"].is_object());
  }
  json t = Get("/api/timeline", {{"interval", "month"}});
  ASSERT_TRUE(t.is_array());
  for (const auto& r : t)
    EXPECT_LE(r["cooperation"].get<int>() + r["conflict"].get<int>(), r["count"].get<int>());
}

TEST_F(ApiTest, QuotesAndSearch) {
  json q = Get("/api/quotes");
  ASSERT_TRUE(q.is_array());
  for (const auto& r : q)
    for (const char* k : {"doc", "speaker", "speaker_name", "quote", "sentence"}) EXPECT_TRUE(r.contains(k)) << k;
  json actors = Get("/api/actors", {{"limit", "1"}});
  std::string name = actors[0]["name"];
  json s = Get("/api/search", {{"q", name.substr(0, 4)}});
  EXPECT_FALSE(s["actors"].empty());
  EXPECT_TRUE(s["sentences"].is_array());
  Get("/api/search", {}, 400);
}

TEST_F(ApiTest, Exports) {
  std::string body;
  Get("/api/export", {{"format", "graphml"}}, 200, &body);
  EXPECT_EQ(body.rfind("<?xml", 0), 0u);
  EXPECT_NE(body.find("<graphml"), std::string::npos);
  EXPECT_NE(body.find("</graphml>"), std::string::npos);
  Get("/api/export", {{"format", "csv"}}, 200, &body);
  EXPECT_EQ(body.rfind("id,doc,date,", 0), 0u);
  size_t events = Get("/api/stats")["events"].get<size_t>();
  EXPECT_EQ(static_cast<size_t>(std::count(body.begin(), body.end(), '\n')) >= events + 1, true);
  Get("/api/export", {{"format", "gdelt"}}, 200, &body);
  std::string line = body.substr(0, body.find('\n'));
  EXPECT_EQ(std::count(line.begin(), line.end(), '\t'), 57);  // GDELT 1.0: 58 columns
  Get("/api/export", {{"format", "plover"}}, 200, &body);
  std::string first = body.substr(0, body.find('\n'));
  if (!first.empty()) {
    json p = json::parse(first);
    for (const char* k : {"id", "date", "actor", "recipient", "event", "quad_code", "text"}) EXPECT_TRUE(p.contains(k)) << k;
  }
  Get("/api/export", {{"format", "xls"}}, 400);
}

TEST_F(ApiTest, CodeAndLimits) {
  httplib::Client cli("127.0.0.1", server_->port());
  json req = {{"text", "Venezuela's president Nicolas Maduro criticized the United States on Tuesday."},
              {"date", "2019-01-24"}};
  auto res = cli.Post("/api/code", req.dump(), "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  json j = json::parse(res->body);
  for (const char* k : {"document", "events", "quotes", "mentions"}) EXPECT_TRUE(j.contains(k)) << k;
  EXPECT_FALSE(j["mentions"].empty());
  // A freshly coded event has the shape of a stored one.
  res = cli.Post("/api/code", json{{"text", "Russia and Belarus reached out to Nicolás Maduro."}, {"date", "2025-12-11"}}.dump(),
                 "application/json");
  ASSERT_TRUE(res);
  json coded = json::parse(res->body);
  ASSERT_FALSE(coded["events"].empty()) << res->body;
  EXPECT_EQ(coded["events"][0]["cameo"], "040");
  const json stored_shape = EventRowJson(EventRow{});
  for (const auto& [key, value] : stored_shape.items()) EXPECT_TRUE(coded["events"][0].contains(key)) << key;
  res = cli.Post("/api/code", "not json", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  std::string big(3u << 20, 'a');
  res = cli.Post("/api/code", big, "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
  EXPECT_EQ(Get("/api/stats")["documents"], Get("/api/stats")["documents"]);  // nothing stored without store
  std::string page;
  httplib::Client c2("127.0.0.1", server_->port());
  auto root = c2.Get("/");
  ASSERT_TRUE(root);
  EXPECT_EQ(root->status, 200);
  Get("/api/nothing-here", {}, 404);
}

TEST_F(ApiTest, ServesWhileAnIngestWrites) {
  // A writer holds a transaction on the WAL store while readers query.
  auto store = Store::Open(*db_path_);
  ASSERT_TRUE(store.ok());
  auto db = store::Database::Open(*db_path_, false);
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE(db->Exec("BEGIN IMMEDIATE; UPDATE documents SET title = title; ").ok());
  EXPECT_FALSE(Get("/api/events").empty());
  ASSERT_TRUE(db->Exec("COMMIT").ok());
}

}  // namespace
}  // namespace dyad::serve
