using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Forecast.Api.Contracts;
using Forecast.Api.Persistence;
using Forecast.Api.Security;
using Forecast.Api.Telemetry;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace Forecast.Api.Tests;

/// <summary>The real host on a real SQLite file with a real Hangfire server; its clients send the admin key.</summary>
public sealed class ForecastApiFactory : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key-0123456789abcdefghijklmnop";

    private readonly (string Key, string? Value)[] settings;

    // The service's clock; the system's unless a test drives time itself.
    private readonly TimeProvider? clock;

    public ForecastApiFactory() : this(NewDatabaseFile(), [])
    {
    }

    // Hosts open on each database file: the last one disposed deletes the file, so that test runs leave none behind.
    private static readonly ConcurrentDictionary<string, int> HostsOnFile = new(StringComparer.Ordinal);

    private int disposed;

    private ForecastApiFactory(string databaseFile, (string Key, string? Value)[] settings, TimeProvider? clock = null)
    {
        HostsOnFile.AddOrUpdate(databaseFile, 1, (_, hosts) => hosts + 1);
        DatabaseFile = databaseFile;
        this.settings = settings;
        this.clock = clock;
    }

    /// <summary>A host on its own database with these configuration settings on top of the tests' own.</summary>
    public static ForecastApiFactory With(params (string Key, string? Value)[] settings) => new(NewDatabaseFile(), settings);

    /// <summary>A host on its own database whose clock is <paramref name="clock"/> (a test's FakeTimeProvider), with these settings.</summary>
    public static ForecastApiFactory WithClock(TimeProvider clock, params (string Key, string? Value)[] settings) => new(NewDatabaseFile(), settings, clock);

    /// <summary>
    /// A host that Kestrel serves on a free loopback port, at <see cref="ServerAddress"/>: a browser needs a real socket,
    /// which the in-memory test server has not. Its own clients still go through the in-memory server's handler.
    /// </summary>
    public static ForecastApiFactory OnLoopback(params (string Key, string? Value)[] settings)
    {
        var factory = new ForecastApiFactory(NewDatabaseFile(), settings);
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        return factory;
    }

    /// <summary>Where a host made by <see cref="OnLoopback"/> listens, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri ServerAddress => ClientOptions.BaseAddress;

    /// <summary>A second host on the same database file, as another process of the service would be, with these settings on top of this one's.</summary>
    public ForecastApiFactory OnSameDatabase(params (string Key, string? Value)[] overriding) => new(DatabaseFile, [.. settings, .. overriding], clock);

    private static string NewDatabaseFile() => Path.Combine(Path.GetTempPath(), $"forecast-test-{Guid.NewGuid():N}.db");

    public string DatabaseFile { get; }

    /// <summary>This host with its spans exported to <paramref name="spans"/> through the service's own instrumentation, as a collector would get them.</summary>
    public WebApplicationFactory<Program> TracedTo(ExportedSpans spans) => WithWebHostBuilder(builder => builder.ConfigureServices(services =>
        services.AddOpenTelemetry().WithTracing(tracing => tracing.AddForecastInstrumentation().AddInMemoryExporter(spans))));

    /// <summary>
    /// This host with every log entry of every category, Trace and up, also written to <paramref name="logs"/>; the host's
    /// own configuration (its levels for its other providers, EF Core without sensitive data logging) is left as it is.
    /// </summary>
    public WebApplicationFactory<Program> LoggedTo(CapturedLogs logs) => WithWebHostBuilder(builder => builder.ConfigureLogging(logging =>
        logging.AddProvider(logs).AddFilter<CapturedLogs>(null, LogLevel.Trace)));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Forecast", $"Data Source={DatabaseFile}");
        builder.UseSetting("Auth:AdminKey", AdminKey);
        builder.UseSetting("Swagger:Enabled", "true");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        if (clock is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add(ApiKeyHandler.HeaderName, AdminKey);
    }

    /// <summary>A client that sends <paramref name="key"/> instead of the admin key, or no key at all when it is null.</summary>
    public HttpClient ClientFor(string? key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Remove(ApiKeyHandler.HeaderName);
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add(ApiKeyHandler.HeaderName, key);
        }
        return client;
    }

    /// <summary>A new client key, made with the admin key.</summary>
    public async Task<CreatedKeyResponse> CreateKeyAsync(string name)
    {
        using var admin = CreateClient();
        return await (await admin.PostAsJsonAsync("/api/keys", new { name })).ReadAsync<CreatedKeyResponse>();
    }

    public async Task<RowCounts> CountRowsAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ForecastDbContext>>().CreateDbContextAsync();
        return new RowCounts(
            await db.Series.CountAsync(), await db.TrainingRuns.CountAsync(),
            await db.LossEntries.CountAsync(), await db.Models.CountAsync(), await db.ApiKeys.CountAsync(),
            await db.Aliases.CountAsync() + await db.AliasMoves.CountAsync(), await db.CollectionModels.CountAsync());
    }

    /// <summary>The rows of one table, every key's.</summary>
    public async Task<int> CountAsync<T>(Func<ForecastDbContext, IQueryable<T>> table)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ForecastDbContext>>().CreateDbContextAsync();
        return await table(db).CountAsync();
    }

    /// <summary>Changes a stored series model as an older version of the service would have stored it.</summary>
    public async Task UpdateModelAsync(Guid id, Action<ModelEntity> change)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ForecastDbContext>>().CreateDbContextAsync();
        change(await db.Models.SingleAsync(m => m.Id == id));
        await db.SaveChangesAsync();
    }

    /// <summary>Changes a stored collection model as an older version of the service would have stored it.</summary>
    public async Task UpdateCollectionModelAsync(Guid id, Action<CollectionModelEntity> change)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ForecastDbContext>>().CreateDbContextAsync();
        change(await db.CollectionModels.SingleAsync(m => m.Id == id));
        await db.SaveChangesAsync();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        // The base class disposes through this method twice (Dispose, then again from DisposeAsync); count one.
        if (Interlocked.Exchange(ref disposed, 1) == 0 && HostsOnFile.AddOrUpdate(DatabaseFile, 0, (_, hosts) => hosts - 1) == 0)
        {
            HostsOnFile.TryRemove(DatabaseFile, out _);
            foreach (var file in new[] { DatabaseFile, $"{DatabaseFile}-wal", $"{DatabaseFile}-shm" })
            {
                File.Delete(file);
            }
        }
    }
}

/// <param name="Aliases">Aliases and their history entries.</param>
/// <param name="CollectionModels">Collections' global models (<paramref name="Models"/> counts series' models).</param>
public sealed record RowCounts(int Series, int Runs, int LossEntries, int Models, int Keys, int Aliases, int CollectionModels);
