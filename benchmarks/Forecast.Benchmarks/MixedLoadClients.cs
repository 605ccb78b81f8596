using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Forecast.Benchmarks;

/// <summary>
/// The clients of a mixed load run, each a closed loop (its next request sent when the last is answered, as wrk's
/// connections) until the run's time is up, all with one client key: uploads, appends, forecast reads, run status reads,
/// and starters of training runs. Every request goes through the tally; every acknowledged write is remembered.
/// </summary>
internal sealed class MixedLoadClients(HttpClient http, string key, RequestTally tally, AcknowledgedWrites writes, MixedLoadClients.Subjects subjects)
{
    public const string UploadJson = "upload JSON", UploadCsv = "upload CSV", Append = "append", Forecast = "forecast",
        Status = "run status", StartRun = "start a run";

    /// <param name="Appended">The series appended to; <paramref name="Models"/> were trained on them, so every append makes their forecasts stale.</param>
    /// <param name="TrainOn">A series nobody appends to, for the network runs: their cost stays what it was at the start.</param>
    public sealed record Subjects(Guid[] Appended, Guid[] Models, Guid TrainOn, Guid[] SetUpRuns);

    private readonly Stopwatch clock = new();
    private readonly string csv = string.Join('\n', RepositoryData.Lines("airpassengers.csv"));
    private readonly double[] csvValues = RepositoryData.Read("airpassengers.csv").Values.ToArray();
    private Guid[] runs = subjects.SetUpRuns;
    private readonly List<(Guid Run, string Method)> started = [];
    private readonly ConcurrentDictionary<int, List<Guid>> openByStarter = new();
    private int appendedValues;

    /// <summary>The runs started during the load, with their method.</summary>
    public IReadOnlyList<(Guid Run, string Method)> Started => started;

    /// <summary>Runs every client for <paramref name="duration"/>; answers how long they took to stop (in-flight requests finish).</summary>
    public async Task<TimeSpan> RunAsync(TimeSpan duration, int uploaders, int appenders, int forecastReaders, int statusReaders, int starters)
    {
        clock.Restart();
        await Task.WhenAll(
            Clients(uploaders, c => UploadAsync(c, duration)),
            Clients(appenders, c => AppendAsync(c, duration)),
            Clients(forecastReaders, c => ReadForecastsAsync(c, duration)),
            Clients(statusReaders, c => ReadStatusAsync(c, duration)),
            Clients(starters, c => StartRunsAsync(c, duration)));
        return clock.Elapsed;
    }

    private static Task Clients(int count, Func<int, Task> client) => Task.WhenAll(Enumerable.Range(0, count).Select(c => Task.Run(() => client(c))));

    /// <summary>Uploads alternately as JSON (a seasonal series of ten years, different each time) and as a CSV body (airpassengers).</summary>
    private async Task UploadAsync(int client, TimeSpan duration)
    {
        for (var i = 0; clock.Elapsed < duration; i++)
        {
            var name = $"mixed-{client}-{i}";
            var json = i % 2 == 0;
            var values = json ? Enumerable.Range(0, 120).Select(t => 100 + client + i + 10 * Math.Sin(2 * Math.PI * t / 12)).ToArray() : csvValues;
            HttpContent body = json
                ? JsonContent.Create(new { name, values, start = "2000-01-01", frequency = "monthly" })
                : new StringContent(csv, Encoding.UTF8, "text/csv");
            var answer = await tally.SendAsync(http, json ? UploadJson : UploadCsv,
                new HttpRequestMessage(HttpMethod.Post, json ? "/api/series" : $"/api/series?name={name}") { Content = body }, key);
            if (Acknowledged(answer) is { } series)
            {
                writes.Uploaded(series.GetProperty("id").GetGuid(), values);
            }
        }
    }

    /// <summary>
    /// Appends one to three values, without timestamps, to the modelled series in turn, every appender to each of them, so that
    /// appends race for the same end. Each value is distinct, so a value read back at another's period cannot pass for it.
    /// </summary>
    private async Task AppendAsync(int client, TimeSpan duration)
    {
        for (var i = 0; clock.Elapsed < duration; i++)
        {
            var series = subjects.Appended[(client + i) % subjects.Appended.Length];
            var values = Enumerable.Range(0, i % 3 + 1).Select(_ => Interlocked.Increment(ref appendedValues))
                .Select(n => 300 + n % 200 + n / 1e6).ToArray();
            var answer = await tally.SendAsync(http, Append,
                new HttpRequestMessage(HttpMethod.Post, $"/api/series/{series}/observations") { Content = JsonContent.Create(new { values }) }, key);
            if (Acknowledged(answer) is { } appended)
            {
                writes.Appended(series, appended.GetProperty("end").GetString()!, values);
            }
        }
    }

    private async Task ReadForecastsAsync(int client, TimeSpan duration)
    {
        for (var i = client; clock.Elapsed < duration; i++)
        {
            await tally.SendAsync(http, Forecast,
                new HttpRequestMessage(HttpMethod.Get, $"/api/models/{subjects.Models[i % subjects.Models.Length]}/forecast?horizon=12&level=80&level=95"), key);
        }
    }

    /// <summary>Reads the status of every run there is by turns, the set-up's finished ones and those started since, queued, running or done.</summary>
    private async Task ReadStatusAsync(int client, TimeSpan duration)
    {
        for (var i = client; clock.Elapsed < duration; i++)
        {
            var known = Volatile.Read(ref runs);
            await tally.SendAsync(http, Status, new HttpRequestMessage(HttpMethod.Get, $"/api/training-runs/{known[i % known.Length]}"), key);
        }
    }

    /// <summary>
    /// Starts a run about once a second, by turns a small network on the series nobody appends to, <c>ets</c> on it, and
    /// <c>theta</c> on a growing series; no closed loop here, since a loop of starts would only measure the queue. Each starter
    /// keeps fewer than three of its runs open, so the key stays under <c>Limits:MaxOpenRunsPerKey</c> (5).
    /// </summary>
    private async Task StartRunsAsync(int client, TimeSpan duration)
    {
        // Kept from the warm-up on: its runs may still be open.
        var open = openByStarter.GetOrAdd(client, _ => []);
        for (var turn = client; clock.Elapsed < duration;)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            foreach (var id in open.ToArray())
            {
                if (Acknowledged(await tally.SendAsync(http, Status, new HttpRequestMessage(HttpMethod.Get, $"/api/training-runs/{id}"), key)) is { } status
                    && status.GetProperty("status").GetString() is not ("queued" or "running"))
                {
                    open.Remove(id);
                }
            }
            if (open.Count >= 2 || clock.Elapsed >= duration)
            {
                continue;
            }
            var (series, method, request) = (turn++ % 3) switch
            {
                0 => (subjects.TrainOn, "lstm", (object)new { epochs = 20, hiddenSize = 16, testSize = 12, transform = "none", seed = turn }),
                1 => (subjects.TrainOn, "ets", new { method = "ets" }),
                _ => (subjects.Appended[turn % subjects.Appended.Length], "theta", new { method = "theta" }),
            };
            var answer = await tally.SendAsync(http, StartRun,
                new HttpRequestMessage(HttpMethod.Post, $"/api/series/{series}/training-runs") { Content = JsonContent.Create(request) }, key);
            if (Acknowledged(answer) is { } run)
            {
                var id = run.GetProperty("id").GetGuid();
                open.Add(id);
                lock (started)
                {
                    started.Add((id, method));
                    Guid[] more = [.. runs, id];
                    Volatile.Write(ref runs, more);
                }
            }
        }
    }

    private static JsonElement? Acknowledged((int Status, string Body)? answer) =>
        answer is { Status: >= 200 and < 300 } a ? JsonDocument.Parse(a.Body).RootElement.Clone() : null;
}
