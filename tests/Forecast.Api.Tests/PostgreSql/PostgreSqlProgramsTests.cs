namespace Forecast.Api.Tests.PostgreSql;

/// <summary>A machine without PostgreSQL skips its tests with the install command; CI fails instead.</summary>
public sealed class PostgreSqlProgramsTests : IDisposable
{
    private readonly string empty = Directory.CreateTempSubdirectory("forecast-no-postgres-").FullName;

    [Fact]
    public void Without_the_server_programs_the_tests_are_skipped_with_the_reason_and_the_install_command()
    {
        var (folder, missing) = PostgreSqlPrograms.Locate(empty, underCi: false);

        Assert.Null(folder);
        Assert.Contains($"not found in {empty}", missing, StringComparison.Ordinal);
        Assert.Contains("apt-get install postgresql", missing, StringComparison.Ordinal);
    }

    [Fact]
    public void Under_ci_missing_server_programs_fail_the_run_instead_of_skipping()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PostgreSqlPrograms.Locate(empty, underCi: true));

        Assert.Contains("CI=true", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install postgresql", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_holding_initdb_is_the_one_used()
    {
        File.WriteAllText(Path.Combine(empty, "initdb"), "");

        Assert.Equal((empty, (string?)null), PostgreSqlPrograms.Locate(empty, underCi: true));
    }

    public void Dispose() => Directory.Delete(empty, recursive: true);
}
