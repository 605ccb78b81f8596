using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Forecast.Api.Tests;

/// <summary>Every answer, data or page, success or error, tells a browser not to sniff, frame, refer or keep more than it should.</summary>
public sealed class SecurityHeadersTests : IDisposable
{
    private readonly ForecastApiFactory factory = ForecastApiFactory.With(("Training:WorkerCount", "0"));

    [Fact]
    public async Task Json_and_problem_answers_of_the_api_are_not_sniffed_framed_referred_or_stored()
    {
        using var client = factory.CreateClient();
        using var anonymous = factory.ClientFor(null);

        var answers = new[]
        {
            await client.GetAsync("/api/series"),
            await client.GetAsync($"/api/series/{Guid.NewGuid()}"),
            await client.PostJsonAsync("/api/series", new { name = "no values" }),
            await anonymous.GetAsync("/api/series"),
        };

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized], answers.Select(a => a.StatusCode));
        Assert.Equal(["application/json", "application/problem+json", "application/problem+json", "application/problem+json"],
            answers.Select(a => a.Content.Headers.ContentType?.MediaType));
        Assert.All(answers, answer =>
        {
            AssertNotSniffedFramedOrReferred(answer);
            Assert.Equal("default-src 'none'; frame-ancestors 'none'", Header(answer, "Content-Security-Policy"));
            Assert.True(answer.Headers.CacheControl?.NoStore, $"{answer.RequestMessage?.RequestUri}: {answer.Headers.CacheControl}");
        });
    }

    [Fact]
    public async Task A_path_that_serves_nothing_answers_a_problem_with_the_same_headers()
    {
        using var client = factory.CreateClient();

        var answer = await client.GetAsync("/no-such-path");

        await answer.ReadProblemAsync(HttpStatusCode.NotFound);
        AssertNotSniffedFramedOrReferred(answer);
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", Header(answer, "Content-Security-Policy"));
    }

    [Fact]
    public async Task An_answer_with_an_etag_may_be_kept_only_privately_and_only_to_be_asked_again()
    {
        using var client = factory.CreateClient();
        var series = await TrainingFlow.UploadAsync(client, "airpassengers.csv");
        var run = await TrainingFlow.StartAsync(client, series.Id, TrainingFlow.Tiny());

        var first = await client.GetAsync($"/api/training-runs/{run.Id}/loss-curve");
        var again = new HttpRequestMessage(HttpMethod.Get, $"/api/training-runs/{run.Id}/loss-curve");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var notModified = await client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        foreach (var answer in new[] { first, notModified })
        {
            Assert.Equal((true, true, false), (answer.Headers.CacheControl!.Private, answer.Headers.CacheControl.NoCache, answer.Headers.CacheControl.NoStore));
            AssertNotSniffedFramedOrReferred(answer);
        }
    }

    [Fact]
    public async Task The_page_keeps_its_own_policy_may_not_be_framed_and_sends_no_referrer()
    {
        using var browser = factory.ClientFor(null);
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        var page = await browser.GetAsync("/");
        var script = await browser.GetAsync("/app/main.js");

        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        foreach (var answer in new[] { page, script })
        {
            AssertNotSniffedFramedOrReferred(answer);
            Assert.StartsWith("default-src 'self'; script-src 'self'", Header(answer, "Content-Security-Policy"), StringComparison.Ordinal);
            Assert.EndsWith("frame-ancestors 'none'", Header(answer, "Content-Security-Policy"), StringComparison.Ordinal);
        }
        Assert.Equal("no-cache", page.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Hsts_is_sent_over_https_only_and_never_in_development()
    {
        using var development = factory.OnSameDatabase(("environment", "Development"));
        var https = new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://forecast.example") };

        var overHttps = await factory.CreateClient(https).GetAsync("/health/live");
        var overHttp = await factory.CreateClient().GetAsync("/health/live");
        var inDevelopment = await development.CreateClient(https).GetAsync("/health/live");

        Assert.Equal("max-age=31536000", Header(overHttps, "Strict-Transport-Security"));
        Assert.False(overHttp.Headers.Contains("Strict-Transport-Security"));
        Assert.False(inDevelopment.Headers.Contains("Strict-Transport-Security"));
    }

    private static void AssertNotSniffedFramedOrReferred(HttpResponseMessage answer)
    {
        Assert.Equal("nosniff", Header(answer, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(answer, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(answer, "Referrer-Policy"));
    }

    private static string Header(HttpResponseMessage answer, string name) =>
        answer.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : "";

    public void Dispose() => factory.Dispose();
}
