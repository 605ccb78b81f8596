using System.Text.RegularExpressions;
using Forecast.Api.Security;

namespace Forecast.Api.Tests.BadRequests;

/// <summary>
/// Malformed, mistyped, oversized, absurd and unauthorised requests against every endpoint of the real host (real
/// SQLite, real Hangfire). Each must get a 4xx problem-details answer that names the fault and no .NET type or stack
/// frame, and leave every row of every table as it was. Several things a reader might list are valid input for our
/// CSV reader: a BOM, semicolons, quotes and blank lines are accepted
/// (SeriesApiTests.A_headerless_semicolon_csv_with_a_bom_and_quotes_is_read shows it), so here each appears in a file
/// that is bad for another reason, which the answer must still name.
/// </summary>
public partial class BadRequestSuiteTests(BadRequestTargets targets) : IClassFixture<BadRequestTargets>
{
    public static readonly IReadOnlyList<BadRequest> Cases =
    [
        .. UploadCases.Cases, .. TrainingCases.Cases, .. QueryCases.Cases, .. AccessCases.Cases, .. JsonShapeCases.Cases,
        .. ObservationCases.Cases, .. CollectionCases.Cases, .. ModelCases.Cases, .. AliasCases.Cases, .. RetrainingCases.Cases, .. WebhookCases.Cases,
        .. KeyCases.Cases, .. HeaderCases.Cases, .. CovariateCases.Cases, .. CalendarCases.Cases, .. AppendCovariateCases.Cases,
    ];

    public static TheoryData<string> Names => new(Cases.Select(c => c.Name));

    [Fact]
    public void The_suite_has_at_least_190_distinct_cases() =>
        Assert.True(Cases.Select(c => c.Name).Distinct().Count() == Cases.Count && Cases.Count >= 190, $"{Cases.Count} cases");

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_bad_request_gets_a_4xx_problem_naming_the_fault_and_changes_nothing(string name)
    {
        var bad = Cases.Single(c => c.Name == name);
        using var request = bad.Build(targets);
        var key = bad.Sender switch
        {
            Sender.Client => targets.ClientKey,
            Sender.Admin => ForecastApiFactory.AdminKey,
            Sender.WrongKey => "fk_00000000000000000000000000000000_not-a-secret",
            Sender.RevokedKey => targets.RevokedKey,
            _ => null,
        };
        if (key is not null)
        {
            request.Headers.Add(ApiKeyHandler.HeaderName, key);
        }
        var before = StoredRows();

        // A request that hangs is a fault too (a body read that never ends, a lock never released): it fails here, by name.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await targets.Anonymous.SendAsync(request, patience.Token);

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var problem = await response.ReadProblemAsync(bad.Status);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.True(detail.Contains(bad.Mentions, StringComparison.OrdinalIgnoreCase), $"'{bad.Mentions}' not in: {detail}");
        Assert.False(InnerWorkings().IsMatch(problem.GetRawText()), $"the answer shows the service's inner workings: {problem.GetRawText()}");
        StoredRows().AssertEqual(before);
    }

    // The training workers' heartbeats, which a timer writes, are left out.
    private SqliteContents StoredRows() => SqliteContents.Read(targets.Factory.DatabaseFile).WithoutRowsOf("TrainingWorkers");

    /// <summary>A .NET type's full name, an exception's name, or a stack frame.</summary>
    [GeneratedRegex(@"\b(System|Microsoft|Forecast)\.[A-Z]\w*\.|\b\w*Exception\b|\bat \w+(\.\w+)+\(")]
    private static partial Regex InnerWorkings();
}
