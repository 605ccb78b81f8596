using Forecast.Api.Configuration;

namespace Forecast.Api.Persistence;

/// <summary>Where the service keeps its data, and its job queue with it.</summary>
/// <param name="IsPostgreSql">PostgreSQL (for several processes on one database) rather than a SQLite file.</param>
public sealed record DatabaseSettings(bool IsPostgreSql, string ConnectionString)
{
    public const string ProviderKey = "Database:Provider";

    /// <exception cref="ConfigurationException">An unknown provider, or PostgreSQL without a connection string.</exception>
    public static DatabaseSettings From(IConfiguration configuration)
    {
        var provider = configuration[ProviderKey] ?? "Sqlite";
        var connectionString = configuration.GetConnectionString("Forecast");
        if (string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return new DatabaseSettings(false, connectionString ?? PersistenceExtensions.DefaultConnectionString);
        }
        if (string.Equals(provider, "PostgreSql", StringComparison.OrdinalIgnoreCase))
        {
            return new DatabaseSettings(true, connectionString
                ?? throw new ConfigurationException("Database:Provider PostgreSql needs ConnectionStrings:Forecast, e.g. Host=db;Database=forecast;Username=forecast;Password=..."));
        }
        throw new ConfigurationException($"Database:Provider must be Sqlite or PostgreSql; got \"{provider}\". Set Database__Provider to one of them.");
    }
}
