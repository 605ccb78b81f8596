namespace Forecast.Service.Tests;

/// <summary>A setting the service cannot start with: one line that names it and says what to do, a non-zero exit, no stack trace.</summary>
public sealed class StartupConfigurationTests : IDisposable
{
    private readonly string database = Path.Combine(Path.GetTempPath(), $"forecast-config-{Guid.NewGuid():N}.db");

    [Theory]
    [InlineData("Auth__AdminKey", "", "Auth:AdminKey is required in the Production environment")]
    [InlineData("Auth__AdminKey", "too-short", "Auth:AdminKey must have at least 32 characters")]
    [InlineData("Auth__AdminKey", "forecast-development-admin-key-not-for-production", "Auth:AdminKey is the published development key")]
    [InlineData("Limits__MaxPoints", "1", "Limits:MaxPoints must be between 10 and 10000000. Set Limits__MaxPoints")]
    [InlineData("Limits__Hyperparameters__MaxEpochs", "0", "Limits:Hyperparameters:MaxEpochs must be between 1 and 1000000")]
    [InlineData("Limits__MaxRequestBodyBytes", "ten", "'Limits:MaxRequestBodyBytes'")]
    [InlineData("Training__WorkerTimeout", "soon", "'Training:WorkerTimeout'")]
    [InlineData("Cors__Origins__0", "*", "Cors:Origins must be exact origins")]
    [InlineData("Database__Provider", "Oracle", "Database:Provider must be Sqlite or PostgreSql")]
    public async Task A_bad_setting_ends_start_up_with_one_line_naming_it(string key, string value, string expected)
    {
        var (exitCode, output) = await ServiceProcess.RunUntilExitAsync(database, (key, value));

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"expected one line, got:\n{output}");
        Assert.StartsWith("Forecast cannot start: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(expected, lines[0], StringComparison.Ordinal);
        Assert.NotEqual(0, exitCode);
        Assert.False(File.Exists(database), "the service touched its database before refusing its configuration");
    }

    public void Dispose() => ServiceProcess.DeleteDatabase(database);
}
