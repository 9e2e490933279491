#include "serve/server.h"

#include <httplib.h>

#include <filesystem>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>

#include "dyad/pipeline.h"
#include "dyad/store.h"
#include "serve/api.h"
#include "serve/export.h"

namespace dyad::serve {
namespace {

using json = nlohmann::json;

const char kPlaceholderPage[] =
    "<!doctype html><html><head><meta charset=\"utf-8\"><title>dyad</title></head><body>"
    "<h1>dyad</h1><p>The web page is not built (web/dist is missing). The JSON API is at "
    "<a href=\"/api/stats\">/api/stats</a>; see docs/api.md.</p></body></html>";

int HttpStatus(const Status& s) {
  switch (s.code()) {
    case Status::Code::kInvalidArgument: return 400;
    case Status::Code::kNotFound: return 404;
    case Status::Code::kDataError: return 400;
    default: return 500;
  }
}

void SendError(httplib::Response& res, int status, const std::string& message) {
  res.status = status;
  res.set_content(json{{"error", message}}.dump(-1, ' ', false, json::error_handler_t::replace),
                  "application/json");
}

void SendJson(httplib::Response& res, const Result<json>& r) {
  if (!r.ok()) return SendError(res, HttpStatus(r.status()), r.status().ToString());
  res.set_content(r->dump(-1, ' ', false, json::error_handler_t::replace), "application/json");
}

Params ParamsOf(const httplib::Request& req) {
  Params p;
  for (const auto& [k, v] : req.params) p[k] = v;  // the last value of a repeated parameter wins
  return p;
}

}  // namespace

struct Server::Impl {
  ServerOptions options;
  httplib::Server http;
  std::once_flag pipeline_once;
  Result<std::unique_ptr<Pipeline>> pipeline = Status::Internal("pipeline not created");
  std::mutex write_mutex;  // one POST /api/code with store at a time

  Result<store::Database> Open() { return store::Database::Open(options.db_path, /*read_only=*/true); }

  // Runs `query` on a fresh read-only connection.
  void Query(httplib::Response& res, const std::function<Result<json>(store::Database&)>& query) {
    auto db = Open();
    if (!db.ok()) return SendError(res, 500, db.status().ToString());
    SendJson(res, query(*db));
  }

  void Code(const httplib::Request& req, httplib::Response& res);
  void Routes();
};

void Server::Impl::Code(const httplib::Request& req, httplib::Response& res) {
  json body = json::parse(req.body, nullptr, /*allow_exceptions=*/false);
  if (!body.is_object() || !body.contains("text") || !body["text"].is_string())
    return SendError(res, 400, "the body must be a JSON object with a \"text\" string");
  Document doc;
  doc.raw = body["text"].get<std::string>();
  if (doc.raw.empty()) return SendError(res, 400, "text is empty");
  if (body.contains("title") && body["title"].is_string()) doc.title = body["title"].get<std::string>();
  if (body.contains("date") && body["date"].is_string()) {
    doc.date = Date::Parse(body["date"].get<std::string>());
    if (!doc.date) return SendError(res, 400, "date must be YYYY-MM-DD");
  }
  bool store = body.value("store", false);
  doc.source = "api";
  doc.id = body.contains("id") && body["id"].is_string()
               ? body["id"].get<std::string>()
               : "api-" + std::to_string(std::hash<std::string>{}(doc.raw + doc.title) % 1000000000000ull);
  std::call_once(pipeline_once, [&] { pipeline = Pipeline::Create({}); });
  if (!pipeline.ok()) return SendError(res, 500, pipeline.status().ToString());
  if (Status s = (*pipeline)->Process(&doc); !s.ok()) return SendError(res, HttpStatus(s), s.ToString());
  if (store) {
    std::lock_guard<std::mutex> lock(write_mutex);
    auto st = Store::Open(options.db_path, Store::Mode::kReadWrite);
    if (!st.ok()) return SendError(res, 500, st.status().ToString());
    auto put = (*st)->Put(doc, Store::ContentHash(doc, (*pipeline)->version()));
    if (!put.ok()) return SendError(res, 500, put.status().ToString());
  }
  auto actor = [&](int a) { return a >= 0 ? doc.actors[a].name : std::string(); };
  json events = json::array(), quotes = json::array(), mentions = json::array();
  for (size_t i = 0; i < doc.events.size(); ++i) events.push_back(EventRowJson(EventRowOf(doc, i)));
  for (const Quote& q : doc.quotes) {
    quotes.push_back({{"doc", doc.id}, {"speaker", q.speaker}, {"speaker_name", actor(q.speaker_actor)},
                      {"quote", std::string(doc.RawText(q.raw))},
                      {"sentence", doc.sentences.empty() ? "" : doc.sentences[q.first_sentence].text}});
  }
  for (const Mention& m : doc.mentions) {
    mentions.push_back({{"sentence", m.sentence}, {"text", m.text}, {"begin", m.raw.begin}, {"end", m.raw.end},
                        {"actor", actor(m.actor)}, {"code", m.code}, {"how", m.how}});
  }
  json sentences = json::array();
  for (size_t i = 0; i < doc.sentences.size(); ++i)
    sentences.push_back({{"idx", i}, {"text", doc.sentences[i].text}, {"begin", doc.sentences[i].raw.begin},
                         {"end", doc.sentences[i].raw.end}});
  json out = {{"document", {{"id", doc.id}, {"title", doc.title}, {"date", doc.date ? json(doc.date->ToString()) : json(nullptr)},
                            {"stored", store}, {"sentences", std::move(sentences)}}},
              {"events", std::move(events)},
              {"quotes", std::move(quotes)},
              {"mentions", std::move(mentions)}};
  res.set_content(out.dump(-1, ' ', false, json::error_handler_t::replace), "application/json");
}

void Server::Impl::Routes() {
  http.set_payload_max_length(options.max_body);
  http.set_tcp_nodelay(true);  // no 40 ms delayed-ACK stalls on small responses
  http.set_read_timeout(10, 0);
  http.set_write_timeout(10, 0);
  // Errors without a body (413 from the payload limit, 404 for unknown
  // paths) get a JSON one.
  http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    std::string msg = res.status == 413 ? "request body larger than 2 MB"
                      : res.status == 404 ? "not found: " + req.path
                                          : "HTTP " + std::to_string(res.status);
    res.set_content(json{{"error", msg}}.dump(-1, ' ', false, json::error_handler_t::replace), "application/json");
  });
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
    std::string msg = "internal error";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      msg = e.what();
    } catch (...) {
    }
    SendError(res, 500, msg);
  });
  auto get = [this](const std::string& pattern, std::function<Result<json>(store::Database&, const httplib::Request&)> f) {
    http.Get(pattern, [this, f](const httplib::Request& req, httplib::Response& res) {
      Query(res, [&](store::Database& db) { return f(db, req); });
    });
  };
  get("/api/stats", [](store::Database& db, const httplib::Request&) { return Stats(db); });
  get("/api/documents", [](store::Database& db, const httplib::Request& r) { return Documents(db, ParamsOf(r)); });
  get(R"(/api/documents/(.+))",
      [](store::Database& db, const httplib::Request& r) { return DocumentDetail(db, r.matches[1].str()); });
  get("/api/actors", [](store::Database& db, const httplib::Request& r) { return Actors(db, ParamsOf(r)); });
  get(R"(/api/actors/(.+))",
      [](store::Database& db, const httplib::Request& r) { return ActorDetail(db, r.matches[1].str()); });
  get("/api/events", [](store::Database& db, const httplib::Request& r) { return Events(db, ParamsOf(r)); });
  get(R"(/api/events/(.+)/(\d{1,9}))", [](store::Database& db, const httplib::Request& r) {
    return EventDetail(db, r.matches[1].str(), std::stoi(r.matches[2].str()));
  });
  get("/api/dyads", [](store::Database& db, const httplib::Request& r) { return Dyads(db, ParamsOf(r)); });
  get("/api/network", [](store::Database& db, const httplib::Request& r) { return Network(db, ParamsOf(r)); });
  get("/api/timeline", [](store::Database& db, const httplib::Request& r) { return Timeline(db, ParamsOf(r)); });
  get("/api/quotes", [](store::Database& db, const httplib::Request& r) { return Quotes(db, ParamsOf(r)); });
  get("/api/search", [](store::Database& db, const httplib::Request& r) { return Search(db, ParamsOf(r)); });
  http.Get("/api/export", [this](const httplib::Request& req, httplib::Response& res) {
    auto db = Open();
    if (!db.ok()) return SendError(res, 500, db.status().ToString());
    Params p = ParamsOf(req);
    std::string format = p.count("format") ? p["format"] : "csv";
    p.erase("format");
    auto file = Export(*db, options.db_path, format, p);
    if (!file.ok()) return SendError(res, HttpStatus(file.status()), file.status().ToString());
    res.set_header("Content-Disposition", "attachment; filename=\"dyad-events." + file->extension + "\"");
    res.set_content(std::move(file->body), file->content_type.c_str());
  });
  http.Post("/api/code", [this](const httplib::Request& req, httplib::Response& res) { Code(req, res); });
  bool mounted = false;
  if (!options.web_dir.empty() && std::filesystem::is_directory(options.web_dir)) {
    mounted = http.set_mount_point("/", options.web_dir);
    http.set_mount_point("/static", options.web_dir);
  }
  if (!mounted) {
    http.Get("/", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(kPlaceholderPage, "text/html; charset=utf-8");
    });
  }
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() { Stop(); }

Result<std::unique_ptr<Server>> Server::Bind(const ServerOptions& options) {
  {
    auto db = store::Database::Open(options.db_path, /*read_only=*/true);
    if (!db.ok()) return db.status();
    auto check = db->Prepare("SELECT COUNT(*) FROM events");
    if (!check.ok()) return Status::InvalidArgument(options.db_path + " is not a dyad store with events: " +
                                                    check.status().ToString());
  }
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->Routes();
  if (options.port == 0) {
    int port = impl->http.bind_to_any_port(options.host);
    if (port <= 0) return Status::IOError("cannot bind " + options.host);
    impl->options.port = port;
  } else if (!impl->http.bind_to_port(options.host, options.port)) {
    return Status::IOError("cannot bind " + options.host + ":" + std::to_string(options.port));
  }
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

int Server::port() const { return impl_->options.port; }

Status Server::Run() {
  if (!impl_->http.listen_after_bind()) return Status::IOError("the server stopped with an error");
  return Status::Ok();
}

void Server::Stop() {
  if (impl_) impl_->http.stop();
}

void Server::WaitUntilReady() const {
  while (!impl_->http.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

}  // namespace dyad::serve
