using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Forecast.Api.Contracts;
using Forecast.Api.Persistence;
using Forecast.Api.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Tests;

public class AuthTests(ForecastApiFactory factory) : IClassFixture<ForecastApiFactory>
{
    private readonly HttpClient admin = factory.CreateClient();

    [Fact]
    public async Task Every_api_route_needs_a_key_and_health_does_not()
    {
        using var anonymous = factory.ClientFor(null);

        foreach (var url in new[] { "/api/series", $"/api/series/{Guid.NewGuid()}", $"/api/models/{Guid.NewGuid()}/forecast", "/api/keys", "/hangfire", "/no-such-path" })
        {
            var response = await anonymous.GetAsync(url);
            var problem = await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
            Assert.Contains("X-Api-Key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.StartsWith("ApiKey", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);
    }

    [Theory]
    [InlineData("not-a-key")]
    [InlineData("fk_00000000000000000000000000000000_guess")]
    [InlineData("test-admin-key-0123456789abcdefghijklmno")]
    public async Task A_wrong_key_is_refused_with_401(string key)
    {
        using var client = factory.ClientFor(key);

        var problem = await (await client.GetAsync("/api/series")).ReadProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal("The API key is not valid.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_created_key_works_is_listed_without_its_secret_and_is_stored_only_as_a_hash()
    {
        var created = await factory.CreateKeyAsync("billing-service");

        Assert.Matches("^fk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$", created.Key);
        using var client = factory.ClientFor(created.Key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/series")).StatusCode);

        var listing = await (await admin.GetAsync("/api/keys")).Content.ReadAsStringAsync();
        Assert.Contains(created.Id.ToString(), listing, StringComparison.Ordinal);
        Assert.DoesNotContain(created.Key[36..], listing, StringComparison.Ordinal);
        var one = await (await admin.GetAsync($"/api/keys/{created.Id}")).ReadAsync<KeyResponse>();
        Assert.Equal(("billing-service", null), (one.Name, one.RevokedAt));

        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<ForecastDbContext>>().CreateDbContextAsync();
        var stored = await db.ApiKeys.SingleAsync(k => k.Id == created.Id);
        var secret = Encoding.UTF8.GetBytes(created.Key[36..]);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(secret), stored.SecretHash);
        foreach (var file in new[] { factory.DatabaseFile, factory.DatabaseFile + "-wal" }.Where(File.Exists))
        {
            var bytes = await ReadSharedAsync(file);
            Assert.True(bytes.AsSpan().IndexOf(secret) < 0, $"the secret is stored in {file}");
        }
    }

    private static async Task<byte[]> ReadSharedAsync(string file)
    {
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task A_revoked_key_is_refused_and_revoking_again_changes_nothing()
    {
        var created = await factory.CreateKeyAsync("short-lived");
        using var client = factory.ClientFor(created.Key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/series")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/keys/{created.Id}")).StatusCode);

        var problem = await (await client.GetAsync("/api/series")).ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("revoked", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/keys/{created.Id}")).StatusCode);
        Assert.NotNull((await (await admin.GetAsync($"/api/keys/{created.Id}")).ReadAsync<KeyResponse>()).RevokedAt);
        await (await admin.DeleteAsync($"/api/keys/{Guid.NewGuid()}")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_key_revoked_in_one_process_is_refused_by_another_within_the_cache_duration()
    {
        using var first = ForecastApiFactory.With(("Auth:KeyCacheDuration", "00:00:02"));
        using var second = first.OnSameDatabase();
        await RevokedAcrossProcessesAsync(first, second);
    }

    [Fact]
    public async Task A_wrong_secret_for_a_cached_key_id_is_refused_and_leaves_the_key_working()
    {
        var created = await factory.CreateKeyAsync("cached");
        using var genuine = factory.ClientFor(created.Key);
        Assert.Equal(HttpStatusCode.OK, (await genuine.GetAsync("/api/series")).StatusCode);
        var secret = created.Key[36..];
        var forged = created.Key[..36] + new string(secret.Select(c => c == 'A' ? 'B' : 'A').ToArray());
        using var forger = factory.ClientFor(forged);

        var problem = await (await forger.GetAsync("/api/series")).ReadProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal("The API key is not valid.", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await genuine.GetAsync("/api/series")).StatusCode);
    }

    /// <summary>
    /// A key revoked through <paramref name="first"/> is refused there at once, and by <paramref name="second"/>, another
    /// process on the same database whose cache lasts 2 s, once that bound has passed.
    /// </summary>
    internal static async Task RevokedAcrossProcessesAsync(ForecastApiFactory first, ForecastApiFactory second)
    {
        var created = await first.CreateKeyAsync("shared");
        using var viaSecond = second.ClientFor(created.Key);
        var sinceCached = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.OK, (await viaSecond.GetAsync("/api/series")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await first.CreateClient().DeleteAsync($"/api/keys/{created.Id}")).StatusCode);
        // The second process still trusts what it read a moment ago: that is the cache saving it a query per request. On a
        // machine so busy that the moment outlasted the cache, only the bound below can be checked.
        var trustedStill = (await viaSecond.GetAsync("/api/series")).StatusCode;
        var cacheStillFresh = sinceCached.Elapsed < TimeSpan.FromSeconds(2);
        await Task.Delay(TimeSpan.FromSeconds(2.2));
        var afterBound = await viaSecond.GetAsync("/api/series");

        Assert.True(trustedStill == HttpStatusCode.OK || !cacheStillFresh, $"refused {sinceCached.Elapsed} after caching");
        await afterBound.ReadProblemAsync(HttpStatusCode.Unauthorized);
        await (await first.ClientFor(created.Key).GetAsync("/api/series")).ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_well_formed_key_of_an_unknown_id_is_refused_alike_when_it_comes_again()
    {
        var unknown = $"fk_{Guid.NewGuid():N}_{new string('x', 43)}";
        using var client = factory.ClientFor(unknown);

        var first = await (await client.GetAsync("/api/series")).ReadProblemAsync(HttpStatusCode.Unauthorized);
        var again = await (await client.GetAsync("/api/series")).ReadProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal("The API key is not valid.", first.GetProperty("detail").GetString());
        Assert.Equal(first.GetProperty("detail").GetString(), again.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Only_the_admin_key_manages_keys()
    {
        var created = await factory.CreateKeyAsync("curious");
        using var client = factory.ClientFor(created.Key);

        await (await client.GetAsync("/api/keys")).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PostAsJsonAsync("/api/keys", new { name = "escalation" })).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await client.DeleteAsync($"/api/keys/{created.Id}")).ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_dashboard_takes_the_key_once_in_the_query_and_keeps_it_in_a_cookie()
    {
        using var browser = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        browser.DefaultRequestHeaders.Remove(ApiKeyHandler.HeaderName);
        await (await browser.GetAsync("/hangfire")).ReadProblemAsync(HttpStatusCode.Unauthorized);

        var login = await browser.GetAsync($"/hangfire?key={Uri.EscapeDataString(ForecastApiFactory.AdminKey)}");

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/hangfire", login.Headers.Location?.ToString());
        var cookie = login.Headers.GetValues("Set-Cookie").Single();
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/hangfire", cookie, StringComparison.OrdinalIgnoreCase);

        var withCookie = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        withCookie.Headers.Add("Cookie", cookie.Split(';')[0]);
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(withCookie)).StatusCode);
        // The cookie is the dashboard's only: the API still wants the header.
        var api = new HttpRequestMessage(HttpMethod.Get, "/api/series");
        api.Headers.Add("Cookie", cookie.Split(';')[0]);
        await (await browser.SendAsync(api)).ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_client_key_sees_the_dashboard_read_only()
    {
        var created = await factory.CreateKeyAsync("watcher");
        using var client = factory.ClientFor(created.Key);

        var clientPost = await DashboardCommandAsync(client);
        var adminPost = await DashboardCommandAsync(admin);

        // Hangfire refuses a read-only caller's commands with a bare 401.
        Assert.Equal(HttpStatusCode.Unauthorized, clientPost.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, adminPost.StatusCode);
    }

    // A dashboard command as the page's script sends it: with the antiforgery token the page carries.
    private static async Task<HttpResponseMessage> DashboardCommandAsync(HttpClient client)
    {
        var page = await client.GetAsync("/hangfire/jobs/enqueued");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var header = Regex.Match(html, "name=\"csrf-header\" content=\"([^\"]+)\"").Groups[1].Value;
        var token = Regex.Match(html, "name=\"csrf-token\" content=\"([^\"]+)\"").Groups[1].Value;
        var command = new HttpRequestMessage(HttpMethod.Post, "/hangfire/jobs/enqueued/delete")
        {
            Content = new FormUrlEncodedContent([new("jobs[]", "no-such-job")]),
        };
        command.Headers.Add(header, token);
        return await client.SendAsync(command);
    }

    [Fact]
    public async Task The_same_idempotency_key_from_two_api_keys_makes_two_series()
    {
        var other = await factory.CreateKeyAsync("idempotent-other");
        using var client = factory.ClientFor(other.Key);
        var body = new { name = "same-key", values = new[] { 1.0, 2, 3 }, start = "2024-01-01", frequency = "daily" };

        async Task<SeriesResponse> PostAsync(HttpClient http)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/series") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "shared-retry-key");
            return await (await http.SendAsync(request)).ReadAsync<SeriesResponse>();
        }

        Assert.NotEqual((await PostAsync(admin)).Id, (await PostAsync(client)).Id);
    }
}

/// <summary>How the service starts in each environment, with and without an admin key.</summary>
public class AuthStartupTests
{
    [Fact]
    public void Production_refuses_to_start_without_an_admin_key()
    {
        using var factory = ForecastApiFactory.With(("environment", "Production"), ("Auth:AdminKey", ""));

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("Auth:AdminKey is required in the Production environment", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_refuses_the_published_development_key()
    {
        using var factory = ForecastApiFactory.With(("environment", "Production"), ("Auth:AdminKey", AuthOptions.DevelopmentAdminKey));

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("development key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_runs_with_the_documented_key_when_none_is_set()
    {
        using var factory = ForecastApiFactory.With(("environment", "Development"), ("Auth:AdminKey", ""));
        using var client = factory.ClientFor(AuthOptions.DevelopmentAdminKey);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/keys")).StatusCode);
    }
}
