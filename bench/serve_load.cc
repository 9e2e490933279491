// A bounded load test of `dyad serve`: starts the server in this process on a
// free loopback port over DB, then sends N requests (default 2000) to
// GET /api/events?limit=100 from THREADS client threads (default 4) with
// keep-alive, stopping after 30 s whatever the count. Prints requests/s and
// the p50/p99 latency. Loopback only.
//
//   serve_load DB [N] [THREADS]
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "serve/server.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: serve_load DB [N=2000] [THREADS=4]\n");
    return 2;
  }
  const int total = argc > 2 ? std::clamp(std::atoi(argv[2]), 1, 100000) : 2000;
  const int threads = argc > 3 ? std::clamp(std::atoi(argv[3]), 1, 64) : 4;
  const auto budget = std::chrono::seconds(30);
  dyad::serve::ServerOptions so;
  so.db_path = argv[1];
  so.port = 0;
  auto server = dyad::serve::Server::Bind(so);
  if (!server.ok()) {
    std::fprintf(stderr, "serve_load: %s\n", server.status().ToString().c_str());
    return 1;
  }
  std::thread serving([&] { (void)(*server)->Run(); });
  (*server)->WaitUntilReady();
  const int port = (*server)->port();

  std::atomic<int> next{0}, failed{0};
  std::vector<std::vector<double>> latencies(threads);
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> clients;
  for (int t = 0; t < threads; ++t) {
    clients.emplace_back([&, t] {
      httplib::Client cli("127.0.0.1", port);
      cli.set_keep_alive(true);
      cli.set_tcp_nodelay(true);
      while (next.fetch_add(1) < total && std::chrono::steady_clock::now() - start < budget) {
        auto t0 = std::chrono::steady_clock::now();
        auto res = cli.Get("/api/events?limit=100");
        auto t1 = std::chrono::steady_clock::now();
        if (!res || res->status != 200) ++failed;
        latencies[t].push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
      }
    });
  }
  for (auto& c : clients) c.join();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  (*server)->Stop();
  serving.join();

  std::vector<double> all;
  for (const auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
  std::sort(all.begin(), all.end());
  auto pct = [&](double p) { return all.empty() ? 0.0 : all[std::min(all.size() - 1, static_cast<size_t>(p * all.size()))]; };
  std::printf("GET /api/events?limit=100: %zu requests (%d failed) from %d threads in %.2f s: %.0f requests/s, "
              "p50 %.2f ms, p99 %.2f ms\n",
              all.size(), failed.load(), threads, seconds, all.size() / seconds, pct(0.50), pct(0.99));
  return failed.load() ? 1 : 0;
}
