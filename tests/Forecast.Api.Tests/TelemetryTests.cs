using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using Forecast.Api.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Forecast.Api.Tests;

public class TelemetryTests
{
    private const string EntityFrameworkSource = "OpenTelemetry.Instrumentation.EntityFrameworkCore";

    [Fact]
    public async Task A_training_run_is_one_span_with_its_run_id_and_counts_and_times_each_epoch()
    {
        var spans = new ExportedSpans();
        using var factory = new ForecastApiFactory();
        using var traced = factory.TracedTo(spans);
        using var client = traced.CreateClient();
        using var instruments = new InstrumentRecorder(traced.Services.GetRequiredService<IMeterFactory>());

        var series = await TrainingFlow.UploadAsync(client, "airpassengers.csv");
        var run = await TrainingFlow.StartAsync(client, series.Id, TrainingFlow.Tiny(epochs: 4, transform: "none"));
        var finished = await TrainingFlow.WaitUntilFinishedAsync(client, run.Id);

        var span = (await spans.WaitForAsync(s =>
            s.OperationName == ForecastTelemetry.TrainingSpan && (string?)s.GetTagItem(ForecastTelemetry.RunIdAttribute) == run.Id.ToString())).Single();
        Assert.Equal(("succeeded", "series", 1), (span.GetTagItem(ForecastTelemetry.OutcomeAttribute), span.GetTagItem(ForecastTelemetry.SubjectAttribute),
            span.GetTagItem(ForecastTelemetry.AttemptAttribute)));
        // The job's database commands (its claim, each epoch, the model) are traced inside its span.
        Assert.Contains(spans.Snapshot(), s => s.Source.Name == EntityFrameworkSource && s.TraceId == span.TraceId);

        var epochs = finished.Outcome!.EpochsRun;
        Assert.Equal(epochs, instruments.Values("forecast.training.epochs", ForecastTelemetry.SubjectAttribute, "series").Sum());
        var durations = instruments.Values("forecast.training.epoch.duration", ForecastTelemetry.SubjectAttribute, "series");
        Assert.Equal(epochs, durations.Count);
        Assert.All(durations, seconds => Assert.InRange(seconds, double.Epsilon, span.Duration.TotalSeconds));
    }

    [Fact]
    public async Task A_forecast_is_traced_counted_and_timed_and_reads_its_model_once_then_at_most_its_series_version()
    {
        var spans = new ExportedSpans();
        using var factory = new ForecastApiFactory();
        using var traced = factory.TracedTo(spans);
        using var client = traced.CreateClient();
        using var instruments = new InstrumentRecorder(traced.Services.GetRequiredService<IMeterFactory>());
        var series = await TrainingFlow.UploadAsync(client, "airpassengers.csv");
        var run = await TrainingFlow.StartAsync(client, series.Id, TrainingFlow.Tiny(epochs: 2, transform: "none"));
        var model = (await TrainingFlow.WaitUntilFinishedAsync(client, run.Id)).ModelId;
        var path = $"/api/models/{model}/forecast";

        Assert.True((await client.GetAsync($"{path}?horizon=3")).IsSuccessStatusCode);
        Assert.Equal((0, 1), (instruments.Values("forecast.model_cache.hits").Count, instruments.Values("forecast.model_cache.misses").Count));
        Assert.True((await client.GetAsync($"{path}?horizon=3")).IsSuccessStatusCode);
        Assert.Equal((1, 1), (instruments.Values("forecast.model_cache.hits").Count, instruments.Values("forecast.model_cache.misses").Count));

        Assert.Equal(2, instruments.Values("forecast.forecasts", ForecastTelemetry.ForecastKindAttribute, "series").Sum());
        Assert.Equal(2, instruments.Values("forecast.forecast.duration", ForecastTelemetry.ForecastKindAttribute, "series").Count);
        var requests = (await spans.WaitForAsync(s => IsRequestFor(s, path), count: 2)).OrderBy(s => s.StartTimeUtc).ToList();
        Assert.All(requests, request => Assert.Equal("/api/models/{id:guid}/forecast", request.GetTagItem("http.route")));
        // The first request read the model and its series from the database; the second at most the series' version (none
        // when nothing was written in between).
        var queries = spans.Snapshot().Where(s => s.Source.Name == EntityFrameworkSource).GroupBy(s => s.TraceId).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(2, queries.GetValueOrDefault(requests[0].TraceId));
        Assert.InRange(queries.GetValueOrDefault(requests[1].TraceId), 0, 1);
    }

    [Fact]
    public async Task The_run_gauges_count_queued_and_open_runs_in_the_database()
    {
        using var factory = ForecastApiFactory.With(("Training:WorkerCount", "0"));
        using var client = factory.CreateClient();
        using var instruments = new InstrumentRecorder(factory.Services.GetRequiredService<IMeterFactory>());
        var series = await TrainingFlow.UploadAsync(client, "airpassengers.csv");

        var run = await TrainingFlow.StartAsync(client, series.Id, TrainingFlow.Tiny());
        Assert.Equal((1, 1), (instruments.Values("forecast.training.queue.length")[^1], instruments.Values("forecast.training.runs.open")[^1]));

        Assert.True((await client.PostAsync($"/api/training-runs/{run.Id}/cancel", null)).IsSuccessStatusCode);
        Assert.Equal((0, 0), (instruments.Values("forecast.training.queue.length")[^1], instruments.Values("forecast.training.runs.open")[^1]));
    }

    [Fact]
    public void Without_an_otlp_endpoint_no_opentelemetry_sdk_is_registered()
    {
        using var factory = new ForecastApiFactory();

        Assert.Null(factory.Services.GetService<TracerProvider>());
        Assert.Null(factory.Services.GetService<MeterProvider>());
        Assert.DoesNotContain(factory.Services.GetServices<ILoggerProvider>(), p => p.GetType().Namespace?.StartsWith("OpenTelemetry", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task With_an_otlp_endpoint_traces_metrics_and_logs_are_exported_to_it()
    {
        await using var collector = await OtlpReceiver.StartAsync();
        using var factory = ForecastApiFactory.With(
            (TelemetryExtensions.OtlpEndpointSetting, collector.Endpoint), ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"));

        Assert.True((await factory.CreateClient().GetAsync("/api/series")).IsSuccessStatusCode);
        // Each provider is flushed rather than left to its next export (a minute away for metrics), again until what is
        // looked for is there: a request's span and duration are recorded a moment after its answer is sent.
        var clock = Stopwatch.StartNew();
        while (!(Exported(collector, "traces", "/api/series") && Exported(collector, "metrics", "http.server.request.duration")
            && Exported(collector, "logs", "TorchSharp thread")))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"exported so far: {string.Join(", ", collector.Exports.Keys)}");
            factory.Services.GetRequiredService<TracerProvider>().ForceFlush();
            factory.Services.GetRequiredService<MeterProvider>().ForceFlush();
            factory.Services.GetRequiredService<LoggerProvider>().ForceFlush();
            await Task.Delay(50);
        }
    }

    private static bool Exported(OtlpReceiver collector, string signal, string text) =>
        collector.Exports.TryGetValue(signal, out var bodies) && bodies.Any(body => Contains(body, text));

    private static bool IsRequestFor(Activity span, string path) =>
        span.Kind == ActivityKind.Server && (string?)span.GetTagItem("url.path") == path;

    // OTLP is protobuf, whose strings are their UTF-8 bytes.
    private static bool Contains(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
